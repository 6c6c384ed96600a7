package org.emoaugnet.model.fused;

/**
 * A {@link ConcatPooling} layer over the time axis: MEAN_MAX writes each channel's mean over time (summed in double,
 * rounded once) into features {@code 0..c-1} and its maximum into {@code c..2c-1} (the gradient of the maximum goes to
 * the first step that holds it); BIDIRECTIONAL_ENDS copies channels {@code 0..c/2-1} at the last step and channels
 * {@code c/2..c-1} at the first step.
 */
final class ConcatPoolStage extends Stage {
    private final ConcatPooling.Kind kind;
    private final int[] argmax;

    ConcatPoolStage(ConcatPooling.Kind kind, int c, int t, int capacity, boolean needsDx) {
        super(c, t, kind == ConcatPooling.Kind.MEAN_MAX ? 2 * c : c, 1, capacity, needsDx);
        if (kind == ConcatPooling.Kind.BIDIRECTIONAL_ENDS && c % 2 != 0)
            throw new IllegalArgumentException("bidirectional end states need an even number of channels, got " + c);
        this.kind = kind;
        this.argmax = kind == ConcatPooling.Kind.MEAN_MAX ? new int[capacity * c] : null;
    }

    @Override
    void forward(Lane net, float[] x, int mb, boolean train) {
        int h = inC / 2;
        for (int s = 0; s < mb; s++)
            for (int ch = 0; ch < inC; ch++) {
                int r = s * inC + ch, from = r * inT;
                if (kind == ConcatPooling.Kind.MEAN_MAX) {
                    y[s * outC + ch] = (float) (VecMath.sum(x, from, inT) / inT);
                    int best = from;
                    float m = x[from];
                    for (int i = from + 1; i < from + inT; i++) if (x[i] > m) { m = x[i]; best = i; }
                    y[s * outC + inC + ch] = m;
                    argmax[r] = best;
                } else {
                    y[s * outC + ch] = x[from + (ch < h ? inT - 1 : 0)];
                }
            }
    }

    @Override
    void backward(Lane net, float[] dy, int mb, boolean needDx) {
        if (!needDx) return; // no parameters: only the input gradient
        int h = inC / 2;
        for (int s = 0; s < mb; s++)
            for (int ch = 0; ch < inC; ch++) {
                int r = s * inC + ch, from = r * inT;
                if (kind == ConcatPooling.Kind.MEAN_MAX) {
                    java.util.Arrays.fill(dx, from, from + inT, dy[s * outC + ch] / inT);
                    dx[argmax[r]] += dy[s * outC + inC + ch];
                } else {
                    java.util.Arrays.fill(dx, from, from + inT, 0f);
                    dx[from + (ch < h ? inT - 1 : 0)] = dy[s * outC + ch];
                }
            }
    }
}
