package org.emoaugnet.features;

/**
 * librosa's {@code filters.mel}: triangles in Hz between mel-spaced edges (Slaney or HTK scale), Slaney area
 * normalisation, computed in double and stored as float32. Kept sparse (first non-zero bin and weights per band)
 * so that applying it costs only the non-zero entries.
 */
public final class MelFilterbank {
    private final int nMels, bins;
    private final int[] first;
    private final float[][] weights;

    private MelFilterbank(int nMels, int bins, int[] first, float[][] weights) {
        this.nMels = nMels;
        this.bins = bins;
        this.first = first;
        this.weights = weights;
    }

    public static double hzToMel(double f, boolean htk) {
        if (htk) return 2595.0 * Math.log10(1.0 + f / 700.0);
        double fSp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fSp, logstep = Math.log(6.4) / 27.0;
        return f >= minLogHz ? minLogMel + Math.log(f / minLogHz) / logstep : f / fSp;
    }

    public static double melToHz(double m, boolean htk) {
        if (htk) return 700.0 * (Math.pow(10.0, m / 2595.0) - 1.0);
        double fSp = 200.0 / 3, minLogHz = 1000.0, minLogMel = minLogHz / fSp, logstep = Math.log(6.4) / 27.0;
        return m >= minLogMel ? minLogHz * Math.exp(logstep * (m - minLogMel)) : fSp * m;
    }

    /** {@code librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax, htk, norm='slaney')}; {@code fmax <= 0} means sr/2. */
    public static MelFilterbank create(int sr, int nFft, int nMels, double fmin, double fmax, boolean htk) {
        if (fmax <= 0) fmax = sr / 2.0;
        int bins = nFft / 2 + 1;
        double[] fft = new double[bins];
        for (int k = 0; k < bins; k++) fft[k] = (double) k * sr / nFft;
        double lo = hzToMel(fmin, htk), hi = hzToMel(fmax, htk);
        double[] melF = new double[nMels + 2];
        double step = (hi - lo) / (nMels + 1);
        for (int i = 0; i < nMels + 2; i++) melF[i] = melToHz(i == nMels + 1 ? hi : lo + i * step, htk);
        int[] first = new int[nMels];
        float[][] w = new float[nMels][];
        for (int i = 0; i < nMels; i++) {
            double d0 = melF[i + 1] - melF[i], d1 = melF[i + 2] - melF[i + 1];
            double enorm = 2.0 / (melF[i + 2] - melF[i]);
            int a = -1, b = -1;
            double[] row = new double[bins];
            for (int k = 0; k < bins; k++) {
                double lower = (fft[k] - melF[i]) / d0, upper = (melF[i + 2] - fft[k]) / d1;
                double v = Math.max(0, Math.min(lower, upper)) * enorm;
                row[k] = v;
                if (v > 0) { if (a < 0) a = k; b = k; }
            }
            if (a < 0) { first[i] = 0; w[i] = new float[0]; continue; }
            first[i] = a;
            w[i] = new float[b - a + 1];
            for (int k = a; k <= b; k++) w[i][k - a] = (float) row[k];
        }
        return new MelFilterbank(nMels, bins, first, w);
    }

    public int nMels() { return nMels; }

    public int bins() { return bins; }

    /** Weight of band {@code m} at FFT bin {@code k}. */
    public float weight(int m, int k) {
        int j = k - first[m];
        return j >= 0 && j < weights[m].length ? weights[m][j] : 0f;
    }

    /** {@code out[m] = Σ_k W[m,k] · power[k]} (float32 result, double accumulation). */
    public void apply(float[] power, float[] out) {
        for (int m = 0; m < nMels; m++) {
            float[] w = weights[m];
            int a = first[m];
            double acc = 0;
            for (int j = 0; j < w.length; j++) acc += w[j] * power[a + j];
            out[m] = (float) acc;
        }
    }
}
