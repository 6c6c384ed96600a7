package org.emoaugnet.augment;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The test-time degradations of the robustness study. */
class DegradationTest {
    static final int SR = 22050;

    static float[] tone(double f, int n) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) y[i] = (float) (0.5 * Math.sin(2 * Math.PI * f * i / SR));
        return y;
    }

    static double energy(float[] y, int from, int to) {
        double e = 0;
        for (int i = from; i < to; i++) e += y[i] * (double) y[i];
        return e;
    }

    static double db(double ratio) { return 10 * Math.log10(ratio); }

    @Test
    void telephoneKeepsTheVoiceBandAndRemovesTheRest() {
        int n = SR;
        Telephone band = new Telephone(false), codec = new Telephone(true);
        float[] mid = tone(1000, n), high = tone(6000, n), low = tone(100, n);
        int a = n / 10, b = n - n / 10;   // skip filter edges
        assertEquals(0, db(energy(band.apply(mid, SR, 0), a, b) / energy(mid, a, b)), 1.0, "1 kHz passes");
        assertTrue(db(energy(band.apply(high, SR, 0), a, b) / energy(high, a, b)) < -40, "6 kHz is above the 8 kHz channel");
        assertTrue(db(energy(band.apply(low, SR, 0), a, b) / energy(low, a, b)) < -10, "100 Hz is below the 300 Hz high-pass");
        float[] c = codec.apply(mid, SR, 0), p = band.apply(mid, SR, 0);
        double err = 0;
        for (int i = a; i < b; i++) err += (c[i] - p[i]) * (double) (c[i] - p[i]);
        double snr = db(energy(p, a, b) / err);
        assertTrue(snr > 25 && snr < 45, "8-bit mu-law quantisation noise, SNR " + snr);
        assertEquals(n, c.length);
    }

    @Test
    void babbleHitsItsSignalToNoiseRatioAndIsSeeded() {
        float[] pool = new float[5 * SR];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < pool.length; i++) pool[i] = (float) (Math.sin(i * 0.01 * (1 + (i / 4000) % 7)) * r.nextGaussian());
        float[] y = tone(440, SR);
        Babble b = new Babble(pool, 4, 5);
        float[] out = b.apply(y, SR, 9);
        float[] noise = new float[y.length];
        for (int i = 0; i < y.length; i++) noise[i] = out[i] - y[i];
        assertEquals(5, db(energy(y, 0, y.length) / energy(noise, 0, noise.length)), 1e-3);
        assertArrayEquals(out, b.apply(y, SR, 9));
        assertFalse(java.util.Arrays.equals(out, b.apply(y, SR, 10)));
        float[] other = pool.clone();
        other[0] += 1;
        assertNotEquals(b.key(), new Babble(other, 4, 5).key(), "the pool is part of the key");
        assertEquals("babble-0dB", b.atSnr(0).name());
    }

    @Test
    void reverbDecaysSixtyDecibelsOverRt60AndKeepsLevel() {
        Reverb rv = new Reverb(0.5, 0);
        double[] h = rv.impulseResponse(SR);
        int n = (int) (0.5 * SR);
        double early = 0, late = 0;
        for (int i = (int) (0.25 * n); i < (int) (0.35 * n); i++) early += h[i] * h[i];
        for (int i = (int) (0.65 * n); i < (int) (0.75 * n); i++) late += h[i] * h[i];
        assertEquals(24, 10 * Math.log10(early / late), 3, "energy falls 60 dB per rt60: 24 dB over 0.4 rt60");
        float[] y = tone(300, SR);
        float[] out = rv.apply(y, SR, 1);
        assertEquals(y.length, out.length);
        assertEquals(energy(y, 0, y.length), energy(out, 0, out.length), 1e-3 * energy(y, 0, y.length));
        assertArrayEquals(out, rv.apply(y, SR, 2), "one room for every item: the copy seed is not used");
        float[] click = new float[SR];
        click[100] = 1;
        float[] resp = rv.apply(click, SR, 0);
        assertTrue(Math.abs(resp[100]) > 10 * Math.abs(resp[99]), "nothing before the direct path");
    }
}
