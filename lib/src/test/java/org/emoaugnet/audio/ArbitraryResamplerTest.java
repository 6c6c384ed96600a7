package org.emoaugnet.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArbitraryResamplerTest {
    /**
     * The resampler as first written: the table distance-major, rebuilt on every call. The library stores it
     * phase-major and keeps it per pair of rates; the sums must not change by a bit, or augmented features computed
     * before and after would differ.
     */
    static float[] reference(float[] x, double srIn, double srOut) {
        double ratio = srOut / srIn;
        int nOut = (int) Math.ceil(x.length * ratio - 1e-9);
        double nyqLow = Math.min(srIn, srOut) / 2;
        double fp = Resampler.PASSBAND_END * nyqLow, fs = nyqLow;
        double fc = (fp + fs) / 2 / srIn, dfw = (fs - fp) / srIn;
        double a = Resampler.ATTENUATION_DB, beta = 0.1102 * (a - 8.7);
        double half = Math.ceil((a - 8) / (2.285 * 2 * Math.PI * dfw) / 2);
        int tableLen = (int) (half * 2048) + 2;
        double[] table = new double[tableLen];
        double i0b = Resampler.besselI0(beta);
        for (int i = 0; i < tableLen; i++) {
            double t = (double) i / 2048, arg = 2 * fc * t;
            double sinc = arg == 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
            double r = t / half;
            double w = r >= 1 ? 0 : Resampler.besselI0(beta * Math.sqrt(1 - r * r)) / i0b;
            table[i] = 2 * fc * sinc * w;
        }
        float[] y = new float[nOut];
        double step = srIn / srOut;
        for (int m = 0; m < nOut; m++) {
            double t = m * step;
            int j0 = Math.max((int) Math.ceil(t - half), 0), j1 = Math.min((int) Math.floor(t + half), x.length - 1);
            double acc = 0;
            for (int j = j0; j <= j1; j++) {
                double p = Math.abs(t - j) * 2048;
                int k = (int) p;
                double f = p - k;
                acc += x[j] * (table[k] + f * (table[k + 1] - table[k]));
            }
            y[m] = (float) acc;
        }
        return y;
    }

    @Test
    void sameBitsAsTheDistanceMajorTableForThePairsTheAugmentationsUse() {
        SplittableRandom rnd = new SplittableRandom(7);
        float[] x = new float[6000];
        for (int i = 0; i < x.length; i++) x[i] = (float) (rnd.nextDouble() * 2 - 1);
        double[][] pairs = {
            {22050 / Math.pow(2, -0.7 / 12), 22050},    // the public pitch rule
            {22050 / Math.pow(2, 2.3 / 12), 22050},     // a random pitch draw
            {16000 / Math.pow(2, -3.0 / 12), 16000},
            {22050, 8000}, {8000, 22050},                // telephone, there and back
            {16000, 16000}};
        for (double[] p : pairs)
            for (int rep = 0; rep < 2; rep++)            // the second call reads the kept table
                assertArrayEquals(reference(x, p[0], p[1]), ArbitraryResampler.resample(x, p[0], p[1]), p[0] + " -> " + p[1] + ", call " + (rep + 1));
        float[] clip = new float[60000];                 // a 2.7 s clip: distances far from the origin, where the taps share a phase
        for (int i = 0; i < clip.length; i++) clip[i] = (float) (rnd.nextDouble() * 2 - 1);
        assertArrayEquals(reference(clip, pairs[0][0], pairs[0][1]), ArbitraryResampler.resample(clip, pairs[0][0], pairs[0][1]), "a long clip");
        assertArrayEquals(reference(new float[] {1f}, 44100, 22050), ArbitraryResampler.resample(new float[] {1f}, 44100, 22050), "a single sample");
        assertEquals(0, ArbitraryResampler.resample(new float[0], 44100, 22050).length);
    }

    @Test
    void refusesRatesThatAreNotPositive() {
        var e = assertThrows(IllegalArgumentException.class, () -> ArbitraryResampler.resample(new float[4], 0, 22050));
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }
}
