package org.emoaugnet.features;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SequenceNormalisation} and the {@link Scaler} functions it uses. */
class ScalerNormalisationTest {
    static float[][] sequence(int t, int c, long seed) {
        Random r = new Random(seed);
        float[][] s = new float[t][c];
        for (int f = 0; f < t; f++) for (int j = 0; j < c; j++) s[f][j] = (float) (10 * j - 40 + (j + 1) * r.nextGaussian());
        for (float[] row : s) row[c - 1] = -80; // a constant channel (a floored band)
        return s;
    }

    @Test
    void perUtteranceGivesZeroMeanAndUnitVariancePerChannelOfEachRecording() {
        for (long seed = 1; seed <= 3; seed++) {
            float[][] x = sequence(301, 8, seed), copy = sequence(301, 8, seed);
            float[][] z = SequenceNormalisation.PER_UTTERANCE.apply(x);
            assertEquals(x.length, z.length);
            for (int j = 0; j < 8; j++) {
                double m = 0, v = 0;
                for (float[] f : z) m += f[j];
                m /= z.length;
                for (float[] f : z) v += (f[j] - m) * (f[j] - m);
                v /= z.length;
                assertEquals(0, m, 1e-5, "mean of channel " + j);
                if (j < 7) assertEquals(1, v, 1e-4, "variance of channel " + j);
                else assertEquals(0, v, 1e-12, "a constant channel stays constant (scale 1), as StandardScaler");
            }
            assertTrue(java.util.Arrays.deepEquals(copy, x), "the input is not modified");
        }
    }

    @Test
    void perUtteranceDependsOnTheRecordingAloneAndIgnoresItsLevel() {
        float[][] a = sequence(50, 4, 7), louder = new float[50][4];
        for (int f = 0; f < 50; f++) for (int j = 0; j < 4; j++) louder[f][j] = a[f][j] + 12; // +12 dB gain
        float[][] za = Scaler.standardiseUtterance(a), zl = Scaler.standardiseUtterance(louder);
        for (int f = 0; f < 50; f++) assertArrayEquals(za[f], zl[f], 2e-5f);
        assertThrows(IllegalArgumentException.class, () -> Scaler.standardiseUtterance(new float[0][]));
    }

    @Test
    void trainScalerIsTheDefaultAndFitsOnTrainingFramesOnly() {
        float[][][] train = {sequence(10, 3, 1), sequence(10, 3, 2)};
        float[][] test = sequence(10, 3, 3);
        assertSame(test, SequenceNormalisation.TRAIN_SCALER.apply(test), "the fitted scaler does the work");
        Scaler s = SequenceNormalisation.TRAIN_SCALER.fit(train), direct = Scaler.fitSequences(train);
        assertArrayEquals(direct.transform(test[0]), s.transform(test[0]));
        Scaler id = SequenceNormalisation.PER_UTTERANCE.fit(train);
        assertEquals(3, id.dimension());
        assertArrayEquals(test[4], id.transform(test[4]), "per-utterance normalisation fits nothing on training rows");
        assertArrayEquals(new float[] {1.5f, -2f}, Scaler.identity(2).transform(new float[] {1.5f, -2f}));
    }

    @Test
    void namesAreTheRunSpecsNormalisationValues() {
        assertEquals(SequenceNormalisation.TRAIN_SCALER, SequenceNormalisation.parse("TRAIN_SCALER"));
        assertEquals(SequenceNormalisation.PER_UTTERANCE, SequenceNormalisation.parse("PER_UTTERANCE"));
        assertThrows(IllegalArgumentException.class, () -> SequenceNormalisation.parse("per_utterance"));
        assertThrows(IllegalArgumentException.class, () -> SequenceNormalisation.parse("PER_SPEAKER"));
    }
}
