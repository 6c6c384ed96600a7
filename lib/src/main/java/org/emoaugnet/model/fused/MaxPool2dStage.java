package org.emoaugnet.model.fused;

/**
 * 2-D max pooling of {@code [batch, channels, height, width]} without padding (DL4J's SubsamplingLayer in Truncate
 * mode, PyTorch's MaxPool2d): windows of {@code kH × kW} every {@code sH, sW} positions, the last rows and columns that
 * fill no window dropped. The winner of each window (the first of equal values, scanning row by row) is recorded and
 * gets the whole gradient.
 */
final class MaxPool2dStage extends Stage {
    private final int inH, inW, outH, outW, kH, kW, sH, sW;
    private final int[] argmax;

    MaxPool2dStage(int c, int inH, int inW, int[] k, int[] stride, int lanes) {
        super(c, inH * inW, c, outSize(inH, k[0], stride[0]) * outSize(inW, k[1], stride[1]), lanes, true);
        this.inH = inH;
        this.inW = inW;
        this.kH = k[0];
        this.kW = k[1];
        this.sH = stride[0];
        this.sW = stride[1];
        this.outH = outSize(inH, kH, sH);
        this.outW = outSize(inW, kW, sW);
        this.argmax = new int[lanes * c * outT];
    }

    /** Output positions of a Truncate-mode window along one axis. */
    static int outSize(int in, int k, int s) { return (in - k) / s + 1; }

    int outHeight() { return outH; }

    int outWidth() { return outW; }

    @Override
    String describe() { return "MaxPool2d " + kH + "×" + kW + " " + inC + "×" + inH + "×" + inW + " → " + outC + "×" + outH + "×" + outW; }

    @Override
    void forward(Lane net, float[] x, int mb, boolean train) {
        if (kH == 2 && kW == 2 && sH == 2 && sW == 2) {
            pairsOfPairs(x, mb);
            return;
        }
        int planes = mb * inC;
        for (int pl = 0; pl < planes; pl++) {
            int xb = pl * inT, yb = pl * outT;
            for (int oy = 0; oy < outH; oy++)
                for (int ox = 0; ox < outW; ox++) {
                    int first = xb + oy * sH * inW + ox * sW, best = first;
                    float m = x[first];
                    for (int ky = 0; ky < kH; ky++)
                        for (int kx = 0; kx < kW; kx++) {
                            int i = first + ky * inW + kx;
                            if (x[i] > m) { m = x[i]; best = i; }
                        }
                    y[yb + oy * outW + ox] = m;
                    argmax[yb + oy * outW + ox] = best;
                }
        }
    }

    /**
     * The 2 × 2, stride-2 windows: the winner by index arithmetic instead of a branch per comparison (the same winner:
     * the first of equal values, row by row).
     */
    private void pairsOfPairs(float[] x, int mb) {
        for (int pl = 0, planes = mb * inC; pl < planes; pl++) {
            int xb = pl * inT, yb = pl * outT;
            for (int oy = 0; oy < outH; oy++) {
                int top = xb + 2 * oy * inW, bottom = top + inW, out = yb + oy * outW;
                for (int ox = 0; ox < outW; ox++) {
                    int a = top + 2 * ox, c = bottom + 2 * ox;
                    int upper = a + (x[a + 1] > x[a] ? 1 : 0), lower = c + (x[c + 1] > x[c] ? 1 : 0);
                    int best = x[lower] > x[upper] ? lower : upper;
                    y[out + ox] = x[best];
                    argmax[out + ox] = best;
                }
            }
        }
    }

    @Override
    void backward(Lane net, float[] dy, int mb, boolean needDx) {
        if (!needDx) return;
        java.util.Arrays.fill(dx, 0, mb * inSize(), 0f);
        for (int i = 0, n = mb * outSize(); i < n; i++) dx[argmax[i]] += dy[i];
    }
}
