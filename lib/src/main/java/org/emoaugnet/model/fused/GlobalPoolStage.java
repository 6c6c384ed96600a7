package org.emoaugnet.model.fused;

/**
 * DL4J's GlobalPoolingLayer over the time axis of a sequence ({@code [batch, channels, time]} to {@code [batch,
 * channels]}, collapsed): the mean (AVG), the maximum (MAX) or the sum (SUM) of each channel over all steps. Sums
 * run in double and are rounded once. MAX sends the gradient to the first step that holds the maximum, as libnd4j's
 * IsMax marks it; AVG spreads it as {@code dy / time}, SUM copies it to every step.
 */
final class GlobalPoolStage extends Stage {
    /** The pooling types implemented (DL4J's PNORM is not). */
    enum Kind { AVG, MAX, SUM }

    private final Kind kind;
    private final int[] argmax;

    GlobalPoolStage(Kind kind, int c, int t, int capacity, boolean needsDx) {
        super(c, t, c, 1, capacity, needsDx);
        this.kind = kind;
        this.argmax = kind == Kind.MAX ? new int[capacity * c] : null;
    }

    @Override
    void forward(Lane net, float[] x, int mb, boolean train) {
        int rows = mb * inC;
        for (int r = 0; r < rows; r++) {
            int from = r * inT;
            if (kind == Kind.MAX) {
                int best = from;
                float m = x[from];
                for (int i = from + 1; i < from + inT; i++) {
                    float v = x[i];
                    if (v > m) { m = v; best = i; }
                }
                y[r] = m;
                argmax[r] = best;
            } else {
                double s = VecMath.sum(x, from, inT);
                y[r] = (float) (kind == Kind.AVG ? s / inT : s);
            }
        }
    }

    @Override
    void backward(Lane net, float[] dy, int mb, boolean needDx) {
        if (!needDx) return; // no parameters: only the input gradient
        int rows = mb * inC;
        if (kind == Kind.MAX) {
            java.util.Arrays.fill(dx, 0, rows * inT, 0f);
            for (int r = 0; r < rows; r++) dx[argmax[r]] = dy[r];
            return;
        }
        for (int r = 0; r < rows; r++) {
            float g = kind == Kind.AVG ? dy[r] / inT : dy[r];
            java.util.Arrays.fill(dx, r * inT, (r + 1) * inT, g);
        }
    }
}
