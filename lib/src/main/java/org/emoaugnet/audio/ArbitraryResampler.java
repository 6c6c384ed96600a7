package org.emoaugnet.audio;

/**
 * Resampling by an arbitrary (also irrational) ratio with a Kaiser-windowed sinc built to the same soxr-HQ
 * specification as {@link Resampler} (125 dB, pass band to 0.913 of the lower Nyquist frequency), evaluated from a
 * finely tabulated impulse response. librosa's {@code pitch_shift} needs it: it resamples from {@code sr / rate}
 * to {@code sr} with {@code rate = 2^(-n/12)}. Output length {@code ceil(n · srOut / srIn)} as librosa's
 * {@code resample}.
 */
public final class ArbitraryResampler {
    private static final int TABLE_PER_SAMPLE = 2048;

    private ArbitraryResampler() {}

    public static float[] resample(float[] x, double srIn, double srOut) {
        if (srIn <= 0 || srOut <= 0) throw new IllegalArgumentException("rates must be positive: " + srIn + " -> " + srOut);
        double ratio = srOut / srIn;
        int nOut = (int) Math.ceil(x.length * ratio - 1e-9);
        double nyqLow = Math.min(srIn, srOut) / 2;
        double fp = Resampler.PASSBAND_END * nyqLow, fs = nyqLow;
        double fc = (fp + fs) / 2 / srIn;           // cut-off in cycles per input sample
        double dfw = (fs - fp) / srIn;              // transition width in cycles per input sample
        double a = Resampler.ATTENUATION_DB;
        double beta = 0.1102 * (a - 8.7);
        double half = Math.ceil((a - 8) / (2.285 * 2 * Math.PI * dfw) / 2); // half length in input samples
        int tableLen = (int) (half * TABLE_PER_SAMPLE) + 2;
        double[] table = new double[tableLen];
        double i0b = Resampler.besselI0(beta);
        for (int i = 0; i < tableLen; i++) {
            double t = (double) i / TABLE_PER_SAMPLE;
            double arg = 2 * fc * t;
            double sinc = arg == 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
            double r = t / half;
            double w = r >= 1 ? 0 : Resampler.besselI0(beta * Math.sqrt(1 - r * r)) / i0b;
            table[i] = 2 * fc * sinc * w;
        }
        float[] y = new float[nOut];
        double step = srIn / srOut;
        for (int m = 0; m < nOut; m++) {
            double t = m * step;
            int j0 = (int) Math.ceil(t - half), j1 = (int) Math.floor(t + half);
            j0 = Math.max(j0, 0);
            j1 = Math.min(j1, x.length - 1);
            double acc = 0;
            for (int j = j0; j <= j1; j++) {
                double p = Math.abs(t - j) * TABLE_PER_SAMPLE;
                int k = (int) p;
                double f = p - k;
                acc += x[j] * (table[k] + f * (table[k + 1] - table[k]));
            }
            y[m] = (float) acc;
        }
        return y;
    }
}
