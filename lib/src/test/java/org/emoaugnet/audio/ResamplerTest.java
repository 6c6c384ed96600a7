package org.emoaugnet.audio;

import static org.junit.jupiter.api.Assertions.*;

import org.emoaugnet.Fixtures;
import org.junit.jupiter.api.Test;

class ResamplerTest {
    /** SNR of y against a reference over [from, to). */
    static double snrDb(float[] y, float[] ref, int from, int to) {
        double s = 0, e = 0;
        for (int i = from; i < to; i++) { s += ref[i] * (double) ref[i]; e += (y[i] - ref[i]) * (double) (y[i] - ref[i]); }
        return 10 * Math.log10(s / e);
    }

    @Test
    void lengthIsCeilOfRatio() {
        assertEquals(22050, Resampler.resample(new float[16000], 16000, 22050).length);
        assertEquals(3, Resampler.resample(new float[2], 16000, 22050).length); // ceil(2 * 441 / 320)
        assertEquals(50, Resampler.resample(new float[100], 44100, 22050).length);
        assertEquals(51, Resampler.resample(new float[101], 44100, 22050).length);
    }

    @Test
    void designMatchesTheSoxrHqSpecification() {
        Resampler r = Resampler.of(16000, 22050);
        assertEquals(441, r.up());
        assertEquals(320, r.down());
        assertEquals(82617, r.taps(), "tap count of docs/librosa-features.md §2.2");
        assertEquals(375, Resampler.of(44100, 22050).taps());
    }

    @Test
    void upsampledToneMatchesTheAnalyticTone() {
        float[] x = Fixtures.sine(16000, 0.5, 1000, 0.5);
        float[] y = Resampler.resample(x, 16000, 22050);
        float[] ref = Fixtures.sine(22050, 0.5, 1000, 0.5);
        // away from the edges (where the zero padding of the input shows), the tone is reproduced far above 60 dB
        double snr = snrDb(y, ref, 2000, y.length - 2000);
        assertTrue(snr > 80, "SNR " + snr);
    }

    @Test
    void downsamplingRemovesContentAboveTheNewNyquist() {
        float[] x = Fixtures.sine(44100, 0.5, 15000, 0.5); // above 11025 Hz: must vanish
        float[] y = Resampler.resample(x, 44100, 22050);
        double e = 0;
        for (int i = 1000; i < y.length - 1000; i++) e += y[i] * y[i];
        double rmsDb = 10 * Math.log10(e / (y.length - 2000) + 1e-30);
        assertTrue(rmsDb < -100, "residual " + rmsDb + " dB");
        float[] pass = Resampler.resample(Fixtures.sine(44100, 0.5, 9000, 0.5), 44100, 22050);
        assertTrue(snrDb(pass, Fixtures.sine(22050, 0.5, 9000, 0.5), 1000, pass.length - 1000) > 60, "pass band kept");
    }

    @Test
    void equalRatesCopy() {
        float[] x = {1, 2, 3};
        float[] y = Resampler.resample(x, 22050, 22050);
        assertArrayEquals(x, y);
        assertNotSame(x, y);
    }
}
