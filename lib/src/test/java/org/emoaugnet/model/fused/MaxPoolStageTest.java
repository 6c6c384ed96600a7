package org.emoaugnet.model.fused;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaxPoolStageTest {
    /** The general path's semantics (first of equal values wins; the winner's gradient is 0 + dy, everything else +0), written out. */
    private static void reference(float[] x, float[] dy, int rows, int t, float[] y, float[] dx) {
        int out = (t + 1) / 2;
        java.util.Arrays.fill(dx, 0f);
        for (int r = 0; r < rows; r++)
            for (int o = 0; o < out; o++) {
                int from = r * t + 2 * o, to = r * t + Math.min(t, 2 * o + 2), best = from;
                float m = x[from];
                for (int i = from + 1; i < to; i++) if (x[i] > m) { m = x[i]; best = i; }
                y[r * out + o] = m;
                dx[best] += dy[r * out + o];
            }
    }

    @Test
    void pairsOverAnOddLengthGiveTheGeneralPathsValuesBitForBit() {
        int c = 3, t = 301, mb = 4, out = 151, rows = mb * c;
        SplittableRandom rnd = new SplittableRandom(5);
        float[] x = new float[rows * t], dy = new float[rows * out];
        float[] specials = {0f, -0f, 1f, 1f, -2.5f};   // ties, signed zeros
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextInt(4) == 0 ? specials[rnd.nextInt(specials.length)] : (float) rnd.nextGaussian();
        for (int i = 0; i < dy.length; i++) dy[i] = rnd.nextInt(5) == 0 ? -0f : (float) rnd.nextGaussian();
        MaxPoolStage st = new MaxPoolStage(c, t, 2, 2, mb);
        assertEquals(out, st.outT);
        st.forward(null, x, mb, true);
        st.backward(null, dy, mb, true);
        float[] y = new float[rows * out], dx = new float[rows * t];
        reference(x, dy, rows, t, y, dx);
        for (int i = 0; i < y.length; i++) assertEquals(Float.floatToRawIntBits(y[i]), Float.floatToRawIntBits(st.y[i]), "y[" + i + "]");
        for (int i = 0; i < dx.length; i++) assertEquals(Float.floatToRawIntBits(dx[i]), Float.floatToRawIntBits(st.dx[i]), "dx[" + i + "]");
    }
}
