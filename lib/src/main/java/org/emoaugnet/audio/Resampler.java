package org.emoaugnet.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Band-limited rational resampler: a linear-phase Kaiser-windowed sinc low-pass applied in polyphase form, designed
 * to the soxr "HQ" specification that librosa ≥ 0.10 uses ({@code res_type='soxr_hq'}): 125 dB stop-band
 * attenuation, pass band to 0.913 and stop band from 1.0 of the lower rate's Nyquist frequency, zero delay.
 * Equivalent to {@code scipy.signal.resample_poly(x, up, down, window=h)} with the filter {@code h} of
 * {@code docs/librosa-features.md} §2.2. Output length is {@code ceil(n · srOut / srIn)}, as librosa's
 * {@code resample(..., fix=True)}.
 *
 * <p>Filters are designed once per rate pair and cached; {@link #resample} is thread-safe.
 */
public final class Resampler {
    /** Stop-band attenuation of the soxr HQ specification (20-bit precision). */
    public static final double ATTENUATION_DB = 125.0;
    /** Pass-band edge relative to the lower Nyquist frequency. */
    public static final double PASSBAND_END = 0.913;

    private static final Map<Long, Resampler> CACHE = new ConcurrentHashMap<>();

    private final int up;
    private final int down;
    private final int taps;
    /** phases[r][i] = up · h[r + i·up]. */
    private final double[][] phases;

    private Resampler(int srIn, int srOut) {
        int g = gcd(srIn, srOut);
        this.up = srOut / g;
        this.down = srIn / g;
        double[] h = design(srIn, srOut, up);
        this.taps = h.length;
        this.phases = new double[up][];
        for (int r = 0; r < up; r++) {
            int count = (taps - r + up - 1) / up;
            double[] p = new double[Math.max(count, 0)];
            for (int i = 0; i < p.length; i++) p[i] = up * h[r + i * up];
            phases[r] = p;
        }
    }

    /** The resampler for one rate pair (designed on first use, then cached). */
    public static Resampler of(int srIn, int srOut) {
        if (srIn <= 0 || srOut <= 0) throw new IllegalArgumentException("sample rates must be positive: " + srIn + " -> " + srOut);
        return CACHE.computeIfAbsent(((long) srIn << 32) | srOut, k -> new Resampler(srIn, srOut));
    }

    /** Resamples {@code x} from {@code srIn} to {@code srOut}; equal rates return a copy. */
    public static float[] resample(float[] x, int srIn, int srOut) {
        if (srIn == srOut) return x.clone();
        return of(srIn, srOut).apply(x);
    }

    public int up() { return up; }

    public int down() { return down; }

    public int taps() { return taps; }

    /** Applies the filter; the output has {@code ceil(n · up / down)} samples. */
    public float[] apply(float[] x) {
        int n = x.length;
        int nOut = (int) ((n * (long) up + down - 1) / down);
        float[] y = new float[nOut];
        long half = (taps - 1) / 2;
        // the input reversed and in double: tap i pairs with xr[n - 1 - (j0 - i)], so both arrays run forwards
        double[] xr = new double[n];
        for (int j = 0; j < n; j++) xr[n - 1 - j] = x[j];
        for (int m = 0; m < nOut; m++) {
            long c = (long) m * down + half;
            int r = (int) (c % up);
            long j0 = c / up; // input index paired with tap r
            double[] p = phases[r];
            // taps i pair with x[j0 - i]; keep 0 <= j0 - i < n
            int iMin = (int) Math.max(0, j0 - (n - 1));
            int iMax = (int) Math.min(p.length - 1, j0);
            // eight independent accumulators: the multiply-adds pipeline instead of waiting on one sum
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
            int i = iMin, q = (int) (n - 1 - (j0 - iMin)) - iMin; // xr index = q + i
            for (; i + 7 <= iMax; i += 8) {
                int o = q + i;
                a0 += p[i] * xr[o];
                a1 += p[i + 1] * xr[o + 1];
                a2 += p[i + 2] * xr[o + 2];
                a3 += p[i + 3] * xr[o + 3];
                a4 += p[i + 4] * xr[o + 4];
                a5 += p[i + 5] * xr[o + 5];
                a6 += p[i + 6] * xr[o + 6];
                a7 += p[i + 7] * xr[o + 7];
            }
            for (; i <= iMax; i++) a0 += p[i] * xr[q + i];
            y[m] = (float) (((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)));
        }
        return y;
    }

    /** The normalised low-pass of the soxr-HQ-equivalent design, at the up-sampled rate. */
    static double[] design(int srIn, int srOut, int up) {
        double nyq = Math.min(srIn, srOut) / 2.0;
        double fp = PASSBAND_END * nyq;
        double fs = nyq;
        double fHi = (double) srIn * up;
        double beta = 0.1102 * (ATTENUATION_DB - 8.7);
        double fc = (fp + fs) / 2;
        int n = (int) Math.ceil((ATTENUATION_DB - 8) / (2.285 * 2 * Math.PI * (fs - fp) / fHi));
        if (n % 2 == 0) n++;
        double[] h = new double[n];
        double cutoff = 2 * fc / fHi;
        double mid = (n - 1) / 2.0;
        double i0b = besselI0(beta);
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double t = cutoff * (k - mid);
            double sinc = t == 0 ? 1 : Math.sin(Math.PI * t) / (Math.PI * t);
            double r = 2.0 * k / (n - 1) - 1;
            double w = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0b;
            h[k] = cutoff * sinc * w;
            sum += h[k];
        }
        for (int k = 0; k < n; k++) h[k] /= sum;
        return h;
    }

    /** Modified Bessel function of the first kind, order 0 (power series). */
    static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        while (b != 0) { int t = a % b; a = b; b = t; }
        return a;
    }
}
