package org.emoaugnet.features;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * {@link Deltas} against librosa 0.11's {@code feature.delta(width=9, mode='interp')} of a real log-mel
 * ({@code golden/logmel64_16000}), and on polynomials, whose derivatives are known exactly.
 */
class DeltasTest {
    static float[][] frames(double[][] ref) {
        float[][] x = new float[ref[0].length][ref.length];
        for (int t = 0; t < x.length; t++) for (int n = 0; n < ref.length; n++) x[t][n] = (float) ref[n][t];
        return x;
    }

    @Test
    void matchesLibrosaOnItsOwnLogMel() {
        var dir = Golden.resources().resolve("logmel64_16000");
        float[][] db = frames(Golden.csv(dir.resolve("log_mel.csv")));
        for (int order = 1; order <= 2; order++) {
            float[][] d = Deltas.delta(db, 9, order);
            assertEquals(db.length, d.length);
            assertEquals(64, d[0].length);
            double w = LogMelFeaturesTest.worst(d, Golden.csv(dir.resolve(order == 1 ? "delta.csv" : "delta2.csv")));
            // inputs and outputs are 9-digit float32 values of magnitude ≤ 100: 1e-4 is a few float32 ulps of the sums
            assertTrue(w <= 1e-4, "order " + order + ": max abs error " + w);
        }
    }

    @Test
    void derivativesOfPolynomialsIncludingTheEdges() {
        int t = 20;
        float[][] x = new float[t][2];
        for (int f = 0; f < t; f++) { x[f][0] = 2 * f + 1; x[f][1] = 0.5f * f * f - 3 * f; }
        float[][] d1 = Deltas.delta(x, 9, 1), d2 = Deltas.delta(x, 9, 2);
        for (int f = 0; f < t; f++) {
            assertEquals(2.0, d1[f][0], 1e-5, "slope of a line at frame " + f);
            assertEquals(0.0, d2[f][0], 1e-5, "a line has no curvature");
            assertEquals(1.0, d2[f][1], 1e-5, "second derivative of 0.5 t^2 at frame " + f);
            int centre = Math.max(4, Math.min(t - 5, f)); // 'interp': the edges take the first/last full window's fit
            assertEquals(centre - 3.0, d1[f][1], 1e-4, "slope of the parabola's fit at frame " + f);
        }
    }

    @Test
    void shapesAndArguments() {
        float[][] x = new float[5][3];
        assertEquals(5, Deltas.delta(x, 9, 2).length, "the window shrinks to the 5 frames there are");
        assertThrows(IllegalArgumentException.class, () -> Deltas.delta(x, 9, 3));
        assertThrows(IllegalArgumentException.class, () -> Deltas.delta(x, 8, 1));
        assertThrows(IllegalArgumentException.class, () -> Deltas.delta(new float[2][3], 9, 1));
        assertEquals(0, Deltas.delta(new float[0][], 9, 1).length);
    }
}
