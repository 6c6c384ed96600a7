package org.emoaugnet.features;

/**
 * {@code librosa.feature.delta(data, width, order, mode='interp')} along time, i.e.
 * {@code scipy.signal.savgol_filter(data, width, deriv=order, polyorder=order, mode='interp')}: the
 * {@code order}-th derivative of a least-squares polynomial of degree {@code order} fitted to a centred window of
 * {@code width} frames. Order 1 is the slope of the line through the window, order 2 the second derivative (twice
 * the quadratic coefficient) of the parabola through it; neither is a delta of a delta. Near the edges ('interp')
 * scipy fits the polynomial to the first or last full window and evaluates its derivative there, which for a
 * polynomial of degree {@code order} is constant: the value of the first or last full window. Input and output
 * {@code [T][C]}.
 *
 * <p>One deliberate difference: librosa raises an error when {@code width} exceeds the number of frames; here the
 * window shrinks to the largest odd width that fits (at least 3 frames, more than {@code order}).
 */
public final class Deltas {
    private Deltas() {}

    /** The first delta ({@code order=1}). */
    public static float[][] delta(float[][] x, int width) {
        return delta(x, width, 1);
    }

    /** The delta of order 1 or 2. */
    public static float[][] delta(float[][] x, int width, int order) {
        if (order != 1 && order != 2) throw new IllegalArgumentException("delta order must be 1 or 2, got " + order);
        if (width < 3 || width % 2 == 0) throw new IllegalArgumentException("delta width must be odd and at least 3, got " + width);
        int t = x.length;
        if (t == 0) return new float[0][];
        int c = x[0].length;
        int w = Math.min(width, t % 2 == 1 ? t : t - 1);
        if (w < 3 || w <= order) throw new IllegalArgumentException("delta of order " + order + " needs at least 3 frames, got " + t);
        int h = w / 2;
        double[] coef = coefficients(h, order);
        float[][] out = new float[t][c];
        for (int f = 0; f < t; f++) {
            int centre = Math.max(h, Math.min(t - 1 - h, f)); // edges use the first/last full window
            for (int j = 0; j < c; j++) {
                double acc = 0;
                for (int k = -h; k <= h; k++) acc += coef[k + h] * x[centre + k][j];
                out[f][j] = (float) acc;
            }
        }
        return out;
    }

    /**
     * Savitzky-Golay weights of the derivative at the centre, for offsets {@code -h..h}: with the orthogonal
     * polynomials 1, k, k² − Σk²/w on the symmetric window, the slope is {@code Σ k·x / Σ k²} and the second
     * derivative {@code 2 · Σ p₂(k)·x / Σ p₂(k)²}.
     */
    static double[] coefficients(int h, int order) {
        int w = 2 * h + 1;
        double s2 = 0;
        for (int k = -h; k <= h; k++) s2 += (double) k * k;
        double[] coef = new double[w];
        if (order == 1) {
            for (int k = -h; k <= h; k++) coef[k + h] = k / s2;
            return coef;
        }
        double norm = 0;
        for (int k = -h; k <= h; k++) { double p = (double) k * k - s2 / w; norm += p * p; }
        for (int k = -h; k <= h; k++) coef[k + h] = 2 * ((double) k * k - s2 / w) / norm;
        return coef;
    }
}
