package org.emoaugnet.audio;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Resampling by an arbitrary (also irrational) ratio with a Kaiser-windowed sinc built to the same soxr-HQ
 * specification as {@link Resampler} (125 dB, pass band to 0.913 of the lower Nyquist frequency), evaluated from a
 * finely tabulated impulse response. librosa's {@code pitch_shift} needs it: it resamples from {@code sr / rate}
 * to {@code sr} with {@code rate = 2^(-n/12)}. Output length {@code ceil(n · srOut / srIn)} as librosa's
 * {@code resample}.
 *
 * <p>Each output sample sums about 2 × {@code half} taps, linearly interpolated in a table of {@value #TABLE_PER_SAMPLE}
 * points per input sample ({@code P}). The table is stored phase-major: entry {@code k = d·P + r} (distance {@code d}
 * samples, phase {@code r}) sits at {@code r·n + d}, with {@code n} distances per phase, beside the entries of the same
 * phase one sample further away, so that the taps of one output read consecutive memory instead of jumping {@code P}
 * entries each. Its successor {@code table[k+1]} is the entry of phase {@code r + 1} at the same distance, {@code n}
 * places on; one extra phase {@code P} (phase 0 one sample further away) serves {@code r = P − 1}, so the table is
 * held once, not twice. A table is built once per pair of rates. From output time {@code t} at or above the first
 * power of two over {@code half + 1}, every distance {@code t − j} is exact in double, so the taps on either side of
 * {@code t} share one phase and one fraction and only the distance steps. All this changes where numbers are read from, not
 * which: the output is the same bit for bit as evaluating {@code table[k] + f·(table[k+1] − table[k])} in the
 * distance-major order ({@code ArbitraryResamplerTest}).
 */
public final class ArbitraryResampler {
    private static final int TABLE_PER_SAMPLE = 2048;
    private static final int SHIFT = 11;   // log2(TABLE_PER_SAMPLE)

    /** A tabulated impulse response, phase-major: {@code rows[r·n + d]} = table[d·P + r] for phases 0 to P, so that table[d·P + r + 1] is {@code rows[r·n + d + n]}. */
    private record Kernel(double half, int n, double[] rows) {}

    /** Where table entry {@code k} (distance {@code k / P}, phase {@code k mod P}) sits among rows of {@code n} distances. */
    private static int at(int k, int n) { return (k & (TABLE_PER_SAMPLE - 1)) * n + (k >>> SHIFT); }

    /** The most recently used kernels, by (input rate, output rate); a few pairs recur (pitch shift, telephone). */
    private static final Map<String, Kernel> KERNELS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Kernel> e) { return size() > 8; }
    };

    private ArbitraryResampler() {}

    public static float[] resample(float[] x, double srIn, double srOut) {
        if (srIn <= 0 || srOut <= 0) throw new IllegalArgumentException("rates must be positive: " + srIn + " -> " + srOut);
        double ratio = srOut / srIn;
        int nOut = (int) Math.ceil(x.length * ratio - 1e-9);
        Kernel kernel = kernel(srIn, srOut);
        double half = kernel.half();
        int n = kernel.n();
        double[] rows = kernel.rows();
        float[] y = new float[nOut];
        double step = srIn / srOut;
        // From t >= exact on, every distance t - j of a tap is exact in double (its magnitude is below the largest power
        // of two under t), so the taps left of t share one phase and one fraction, as do those right of it, and only
        // the distance steps: the sums below read the same numbers, in the same order, as the general loop.
        double exact = Math.max(1, Integer.highestOneBit((int) half + 1) * 2.0);
        for (int m = 0; m < nOut; m++) {
            double t = m * step;
            int j0 = (int) Math.ceil(t - half), j1 = (int) Math.floor(t + half);
            j0 = Math.max(j0, 0);
            j1 = Math.min(j1, x.length - 1);
            double acc = 0;
            if (t < exact) {
                for (int j = j0; j <= j1; j++) {
                    double p = Math.abs(t - j) * TABLE_PER_SAMPLE;
                    int k = (int) p;
                    double f = p - k;
                    int i = at(k, n);
                    double a = rows[i];
                    acc += x[j] * (a + f * (rows[i + n] - a));
                }
            } else {
                int c = (int) Math.floor(t);                 // taps j <= c lie left of t (distance (t - c) + (c - j))
                double pl = (t - c) * TABLE_PER_SAMPLE;
                int kl = (int) pl;
                double fl = pl - kl;
                int atl = at(kl, n) + c;                     // index of tap j: atl - j
                for (int j = j0; j <= Math.min(c, j1); j++) {
                    double a = rows[atl - j];
                    acc += x[j] * (a + fl * (rows[atl - j + n] - a));
                }
                double pr = (c + 1 - t) * TABLE_PER_SAMPLE;    // taps j > c: distance (c + 1 - t) + (j - c - 1)
                int kr = (int) pr;
                double fr = pr - kr;
                int atr = at(kr, n) - (c + 1);                 // index of tap j: atr + j
                for (int j = Math.max(c + 1, j0); j <= j1; j++) {
                    double a = rows[atr + j];
                    acc += x[j] * (a + fr * (rows[atr + j + n] - a));
                }
            }
            y[m] = (float) acc;
        }
        return y;
    }

    private static Kernel kernel(double srIn, double srOut) {
        String key = Double.doubleToLongBits(srIn) + ":" + Double.doubleToLongBits(srOut);
        synchronized (KERNELS) {
            Kernel k = KERNELS.get(key);
            if (k != null) return k;
        }
        Kernel k = build(srIn, srOut);
        synchronized (KERNELS) { KERNELS.put(key, k); }
        return k;
    }

    private static Kernel build(double srIn, double srOut) {
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
        // phase-major rows 0 .. P; a tap reads k < tableLen - 1 (its distance is at most half samples), k + 1 inside the table
        int n = tableLen / TABLE_PER_SAMPLE + 1;
        double[] rows = new double[(TABLE_PER_SAMPLE + 1) * n];
        for (int k = 0; k < tableLen; k++) {
            rows[at(k, n)] = table[k];
            if ((k & (TABLE_PER_SAMPLE - 1)) == 0 && k > 0) rows[TABLE_PER_SAMPLE * n + (k >>> SHIFT) - 1] = table[k];   // phase P, one sample nearer
        }
        return new Kernel(half, n, rows);
    }
}
