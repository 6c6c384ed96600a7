package org.emoaugnet.features;

/**
 * {@code librosa.feature.delta(data, width=9, order=1, mode='interp')}: the first derivative of a
 * Savitzky-Golay fit along time. For order 1 this is the least-squares slope over a centred window of 9 frames;
 * near the edges ('interp') the slope of the first or last full window. Input and output {@code [T][C]}.
 */
public final class Deltas {
    private Deltas() {}

    public static float[][] delta(float[][] x, int width) {
        int t = x.length;
        if (t == 0) return new float[0][];
        int c = x[0].length;
        int w = Math.min(width, t % 2 == 1 ? t : t - 1);
        if (w < 3) throw new IllegalArgumentException("delta needs at least 3 frames, got " + t);
        int h = w / 2;
        double denom = 0;
        for (int k = -h; k <= h; k++) denom += k * k;
        float[][] out = new float[t][c];
        for (int f = 0; f < t; f++) {
            int centre = Math.max(h, Math.min(t - 1 - h, f)); // edges use the first/last full window
            for (int j = 0; j < c; j++) {
                double acc = 0;
                for (int k = -h; k <= h; k++) acc += k * x[centre + k][j];
                out[f][j] = (float) (acc / denom);
            }
        }
        return out;
    }
}
