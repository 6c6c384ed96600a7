package org.emoaugnet.augment;

import static org.junit.jupiter.api.Assertions.*;

import org.emoaugnet.Fixtures;
import org.emoaugnet.dsp.Fft;
import org.emoaugnet.dsp.Stft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AugmentationTest {
    static final int SR = 22050;

    /** Dominant frequency of the middle 16384 samples (Hann window, parabolic peak interpolation). */
    static double peakHz(float[] y, int sr) {
        int n = 16384, off = (y.length - n) / 2;
        double[] w = Stft.hann(n), re = new double[n / 2 + 1], im = new double[n / 2 + 1], x = new double[n];
        for (int i = 0; i < n; i++) x[i] = y[off + i] * w[i];
        new Fft(n).realForward(x, re, im);
        int best = 1;
        double[] m = new double[re.length];
        for (int k = 0; k < re.length; k++) m[k] = Math.log(Math.hypot(re[k], im[k]) + 1e-30);
        for (int k = 1; k < re.length - 1; k++) if (m[k] > m[best]) best = k;
        double d = 0.5 * (m[best - 1] - m[best + 1]) / (m[best - 1] - 2 * m[best] + m[best + 1]);
        return (best + d) * sr / n;
    }

    static double rms(float[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += y[i] * y[i];
        return Math.sqrt(s / (to - from));
    }

    @ParameterizedTest
    @EnumSource(PitchShift.Impl.class)
    void pitchShiftOfAToneLandsOnTheRightFrequency(PitchShift.Impl impl) {
        float[] tone = Fixtures.sine(SR, 2.0, 440, 0.5);
        float[] up = PitchShift.of(2).using(impl).apply(tone, SR, 1);
        assertEquals(tone.length, up.length, "length kept");
        double expected = 440 * Math.pow(2, 2 / 12.0); // 493.88 Hz
        assertEquals(expected, peakHz(up, SR), 1.0, impl + " +2 st");
        assertEquals(440 * Math.pow(2, -3 / 12.0), peakHz(PitchShift.of(-3).using(impl).apply(tone, SR, 1), SR), 1.0, impl + " -3 st");
        double level = rms(up, SR / 2, tone.length - SR / 2) / rms(tone, SR / 2, tone.length - SR / 2);
        assertTrue(level > 0.8 && level < 1.1, impl + " level ratio " + level);
    }

    @ParameterizedTest
    @EnumSource(PitchShift.Impl.class)
    void timeStretchLengthAndPitch(PitchShift.Impl impl) {
        float[] tone = Fixtures.sine(SR, 2.5, 300, 0.5); // 55125 samples
        float[] slow = TimeStretch.of(0.8).using(impl).apply(tone, SR, 1);
        assertEquals(68906, slow.length, "round(55125 / 0.8)");
        assertEquals(300, peakHz(slow, SR), 1.0, "stretch keeps the pitch");
        assertEquals(Math.rint(55125 / 1.25), TimeStretch.of(1.25).using(impl).apply(tone, SR, 1).length);
    }

    @Test
    void phaseVocoderAtRateOneIsNearlyTheIdentity() {
        float[] tone = Fixtures.sine(SR, 1.0, 440, 0.5);
        float[] same = PhaseVocoder.timeStretch(tone, 1.0);
        assertEquals(tone.length, same.length);
        double err = 0, sig = 0;
        for (int i = 0; i < tone.length; i++) { err += (same[i] - tone[i]) * (same[i] - tone[i]); sig += tone[i] * tone[i]; }
        assertTrue(10 * Math.log10(sig / err) > 60, "STFT/ISTFT round trip");
    }

    @Test
    void publicNoiseRuleIsBoundedBySignedMaxAndSeeded() {
        float[] y = Fixtures.sine(SR, 1.0, 200, 0.5);
        Noise n = Noise.publicRule();
        float[] a = n.apply(y, SR, 7), b = n.apply(y, SR, 7), c = n.apply(y, SR, 8);
        assertArrayEquals(a, b, "same seed, same noise");
        assertFalse(java.util.Arrays.equals(a, c));
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (a[i] - y[i]) * (a[i] - y[i]);
        double noiseRms = Math.sqrt(s / y.length);
        assertTrue(noiseRms <= 0.035 * 0.5 * 1.05, "amp ≤ 0.035 · max: " + noiseRms);
        float[] negative = new float[y.length];
        for (int i = 0; i < y.length; i++) negative[i] = -Math.abs(y[i]) - 0.01f;
        float[] d = n.apply(negative, SR, 7);
        double dn = 0;
        for (int i = 0; i < y.length; i++) dn += (d[i] - negative[i]) * (d[i] - negative[i]);
        assertTrue(Math.sqrt(dn / y.length) < 1e-3, "signed max of an all-negative signal gives (nearly) no noise, as np.amax does");
    }

    @ParameterizedTest
    @EnumSource(Noise.Colour.class)
    void snrNoiseHitsItsTarget(Noise.Colour colour) {
        float[] y = Fixtures.sine(SR, 1.0, 200, 0.5);
        float[] z = Noise.snr(10, colour).apply(y, SR, 3);
        double ps = 0, pn = 0;
        for (int i = 0; i < y.length; i++) { ps += y[i] * y[i]; pn += (z[i] - y[i]) * (z[i] - y[i]); }
        assertEquals(10.0, 10 * Math.log10(ps / pn), 0.01);
    }

    @Test
    void timeShiftRollsOrFills() {
        float[] y = {1, 2, 3, 4, 5};
        assertArrayEquals(new float[] {4, 5, 1, 2, 3}, TimeShift.shift(y, 2, true), "np.roll(y, 2)");
        assertArrayEquals(new float[] {3, 4, 5, 1, 2}, TimeShift.shift(y, -2, true));
        assertArrayEquals(new float[] {0, 0, 1, 2, 3}, TimeShift.shift(y, 2, false));
        float[] z = TimeShift.fixedMs(1000.0 * 2 / SR, false).apply(y, SR, 0);
        assertArrayEquals(new float[] {0, 0, 1, 2, 3}, z);
        float[] big = Fixtures.sine(SR, 1, 100, 0.5);
        TimeShift pub = TimeShift.publicRule();
        assertArrayEquals(pub.apply(big, SR, 5), pub.apply(big, SR, 5));
        assertEquals(big.length, pub.apply(big, SR, 5).length);
    }

    @Test
    void compositionAppliesInOrderWithDerivedSeeds() {
        float[] y = Fixtures.sine(SR, 1.0, 440, 0.4);
        Augmentation combo = PitchShift.publicRule().then(Noise.publicRule());
        assertEquals("pitch+0.7+noise", combo.name());
        float[] manual = Noise.publicRule().apply(PitchShift.publicRule().apply(y, SR, Seeds.derive(9, 0)), SR, Seeds.derive(9, 1));
        assertArrayEquals(manual, combo.apply(y, SR, 9));
        assertEquals(4, Recipe.public4().size());
        assertEquals("original", Recipe.public4().copies().get(0).name());
        assertEquals(3, Recipe.public3().size());
        assertEquals(4, Recipe.allBut("stretch").size());
        float[] c1 = Recipe.public4().apply(3, y, SR, 42, "ravdess/x"), c2 = Recipe.public4().apply(3, y, SR, 42, "ravdess/x");
        assertArrayEquals(c1, c2, "a recipe copy is a function of (signal, seed, key)");
        assertFalse(java.util.Arrays.equals(c1, Recipe.public4().apply(3, y, SR, 42, "ravdess/y")));
        assertArrayEquals(y, Recipe.public4().apply(0, y, SR, 42, "k"), "copy 0 is the original");
    }

    @Test
    void randomParametersAreSeeded() {
        PitchShift p = PitchShift.random(0, 2);
        double a = p.steps(1), b = p.steps(1), c = p.steps(2);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertTrue(Math.abs(a) <= 2 && Math.abs(c) <= 2);
    }

    @Test
    void aClipsCopiesAreWhatApplyGivesAndAFixedShiftThatStartsSeveralRunsOnce() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        float[] y = new float[SR];
        for (int i = 0; i < y.length; i++) y[i] = (float) (0.3 * Math.sin(i * 0.05) + 0.05 * (rnd.nextDouble() - 0.5));
        java.util.List<Recipe> recipes = new java.util.ArrayList<>(Recipe.named().values());
        recipes.add(new Recipe("random pitch twice", java.util.List.of(Augmentation.NONE, PitchShift.random(0, 2),
                PitchShift.random(0, 2).then(Noise.publicRule()))));
        for (Recipe r : recipes) {
            var made = r.copiesOf(y, SR, 42, "u1");
            for (int c = 0; c < r.size(); c++)
                assertArrayEquals(r.apply(c, y, SR, 42, "u1"), made.get(c), r.name() + ", copy " + c);
        }
        assertTrue(PitchShift.publicRule().seedFree() && TimeStretch.publicRule().seedFree());
        assertArrayEquals(PitchShift.publicRule().apply(y, SR, 1), PitchShift.publicRule().apply(y, SR, 2), "a seed-free shift ignores its seed");
        assertFalse(PitchShift.random(0, 2).seedFree() || Noise.publicRule().seedFree() || TimeShift.publicRule().seedFree());

        int[] calls = {0};
        Augmentation fixed = new Augmentation() {
            public float[] apply(float[] x, int sr, long seed) { calls[0]++; return PitchShift.publicRule().apply(x, sr, seed); }
            public String name() { return "counted pitch"; }
            public String key() { return "counted-pitch"; }
            public boolean seedFree() { return true; }
        };
        Recipe public4Like = new Recipe("public-4, counted", java.util.List.of(Augmentation.NONE, Noise.publicRule(), fixed, fixed.then(Noise.publicRule())));
        var made = public4Like.copiesOf(y, SR, 42, "u1");
        assertArrayEquals(Recipe.public4().apply(3, y, SR, 42, "u1"), made.get(3), "noise∘pitch");
        assertArrayEquals(Recipe.public4().apply(2, y, SR, 42, "u1"), made.get(2), "pitch");
        made.get(2);
        assertEquals(1, calls[0], "the fixed shift ran once for the pitch and the noise∘pitch copies");
    }
}
