package org.emoaugnet.model.fused;

/**
 * 1-D max pooling over time with DL4J's same-mode padding (padded positions never win). Pairs (kernel 2, stride 2,
 * even length) are the common case: their winner is recomputed from the kept input in backprop, without branches.
 * Pairs over an odd length (e.g. 301 log-mel frames: the last window holds one frame) pick their winner by index
 * arithmetic instead of the general path's loop and record it for the general backward pass: the same values (the
 * first of equal values wins), so runs trained before this path existed reproduce bit for bit; other windows record
 * the winning index in the general loop.
 */
final class MaxPoolStage extends Stage {
    private final int kernel, stride, padLeft;
    private final boolean pairs, oddPairs;
    private final int[] argmax;
    private float[] x;

    MaxPoolStage(int c, int t, int kernel, int stride, int capacity) {
        super(c, t, c, sameOut(t, stride), capacity, true);
        this.kernel = kernel;
        this.stride = stride;
        this.padLeft = samePadLeft(t, kernel, stride);
        this.pairs = kernel == 2 && stride == 2 && padLeft == 0 && t % 2 == 0;
        this.oddPairs = kernel == 2 && stride == 2 && padLeft == 0 && t % 2 == 1;
        this.argmax = pairs ? null : new int[capacity * c * outT];
    }

    @Override
    void forward(Lane net, float[] x, int mb, boolean train) {
        int rows = mb * inC;
        if (pairs) {
            this.x = x;
            for (int r = 0; r < rows; r++) {
                int xb = r * inT, yb = r * outT;
                for (int o = 0; o < outT; o++) y[yb + o] = Math.max(x[xb + 2 * o], x[xb + 2 * o + 1]);
            }
            return;
        }
        if (oddPairs) {
            int full = inT / 2;
            for (int r = 0; r < rows; r++) {
                int xb = r * inT, yb = r * outT;
                for (int o = 0; o < full; o++) {
                    int i = xb + 2 * o;
                    int best = i + (x[i + 1] > x[i] ? 1 : 0);   // an index, not a branch: the first of equal values wins
                    y[yb + o] = x[best];
                    argmax[yb + o] = best;
                }
                y[yb + full] = x[xb + 2 * full];
                argmax[yb + full] = xb + 2 * full;
            }
            return;
        }
        for (int r = 0; r < rows; r++) {
            int xb = r * inT, yb = r * outT;
            for (int o = 0; o < outT; o++) {
                int start = o * stride - padLeft;
                int from = xb + Math.max(0, start), to = xb + Math.min(inT, start + kernel);
                int best = from;
                float m = x[from];
                for (int i = from + 1; i < to; i++) {
                    float v = x[i];
                    if (v > m) { m = v; best = i; }
                }
                y[yb + o] = m;
                argmax[yb + o] = best;
            }
        }
    }

    @Override
    void backward(Lane net, float[] dy, int mb, boolean needDx) {
        int n = mb * outSize();
        if (pairs) {
            float[] x = this.x;
            for (int o = 0; o < n; o++) {
                float second = dy[o] * VecMath.positive(x[2 * o + 1] - x[2 * o]); // ties go to the first, as in libnd4j
                dx[2 * o] = dy[o] - second;
                dx[2 * o + 1] = second;
            }
            return;
        }
        java.util.Arrays.fill(dx, 0, mb * inSize(), 0f);
        for (int i = 0; i < n; i++) dx[argmax[i]] += dy[i];
    }
}
