package org.emoaugnet.model.fused;

/**
 * The mean over the height (frequency rows) of {@code [batch, channels, height, width]}, giving the sequence {@code
 * [batch, channels, width]}: DL4J's GlobalPoolingLayer (AVG) over dimension 2, collapsed (the project's
 * HeightPoolingLayer). Sums run in double
 * and are rounded once; the gradient is spread as {@code dy / height}.
 */
final class HeightMeanStage extends Stage {
    private final int h, w;

    HeightMeanStage(int c, int h, int w, int lanes, boolean needsDx) {
        super(c, h * w, c, w, lanes, needsDx);
        this.h = h;
        this.w = w;
    }

    @Override
    String describe() { return "HeightMean " + inC + "×" + h + "×" + w + " → " + outC + "×" + w; }

    @Override
    void forward(Lane net, float[] x, int mb, boolean train) {
        double[] acc = new double[w];
        for (int pl = 0, planes = mb * inC; pl < planes; pl++) {
            java.util.Arrays.fill(acc, 0);
            int xb = pl * inT;
            for (int r = 0; r < h; r++) for (int q = 0; q < w; q++) acc[q] += x[xb + r * w + q];
            for (int q = 0; q < w; q++) y[pl * w + q] = (float) (acc[q] / h);
        }
    }

    @Override
    void backward(Lane net, float[] dy, int mb, boolean needDx) {
        if (!needDx) return;
        for (int pl = 0, planes = mb * inC; pl < planes; pl++) {
            int xb = pl * inT;
            for (int r = 0; r < h; r++) for (int q = 0; q < w; q++) dx[xb + r * w + q] = dy[pl * w + q] / h;
        }
    }
}
