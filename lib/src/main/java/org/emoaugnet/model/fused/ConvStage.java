package org.emoaugnet.model.fused;

/**
 * A convolution without activation, 1-D ({@code [batch, channels, time]}, height 1) or 2-D ({@code [batch, channels,
 * height, width]}, NCHW), with DL4J's same-mode padding, computed as one matrix product per chunk of samples: the
 * input patches are unfolded into columns (im2col: one row per input channel and kernel tap, one column per sample and
 * output position) straight into native memory, multiplied by the weights through OpenBLAS's {@code sgemm}, and the
 * bias is added while the result is laid back out per sample. Backward makes the two other products: the weight gradient (columns × output gradient,
 * summed over the chunk's columns and over chunks in order) and, where an input gradient is needed (not for the first
 * layer), the column gradient, folded back onto the input (col2im). Chunks hold at most {@link #COLUMN_BUDGET} column
 * values, so a wide layer never needs a huge buffer; their size depends on the layer's shapes alone.
 *
 * <p>DL4J keeps a 1-D layer's weights in memory as {@code [k, in, out]} ({@link Layout#TAP_MAJOR}: column rows ordered
 * tap, then channel, and the weights read as a {@code K × out} matrix) and a 2-D layer's as {@code [out, in, kH, kW]}
 * ({@link Layout#CHANNEL_MAJOR}: rows ordered channel, then kernel row, then kernel column; weights an {@code out × K}
 * matrix).
 */
final class ConvStage extends Stage {
    /** How the layer's weights lie in the parameter vector. */
    enum Layout { TAP_MAJOR, CHANNEL_MAJOR }

    /** Column values (floats) one chunk's unfolded input may hold. */
    static final int COLUMN_BUDGET = 1 << 21;

    private final int inH, inW, outH, outW, kH, kW, sH, sW, padTop, padLeft, w, b, rows, chunk;
    private final Layout layout;
    private final float[] zeros, segment;
    private final NativeArray nCols, nY, nDcols;
    private final java.nio.FloatBuffer colsView, yView, dcolsView;
    private float[] x;
    /** Whose columns the native buffer holds: the input array and the samples {@code [heldFrom, heldTo)}. */
    private float[] heldX;
    private int heldFrom, heldTo;

    /**
     * @param inC     input channels; {@code inH × inW} the input's positions (height 1 for 1-D)
     * @param k       kernel height and width
     * @param stride  stride along height and width
     * @param w       offset of the weights in the parameter vector; {@code b} of the bias
     * @param lanes   the largest number of samples one call gets
     */
    ConvStage(int inC, int inH, int inW, int outC, int[] k, int[] stride, Layout layout, int w, int b, int lanes, boolean needsDx) {
        super(inC, inH * inW, outC, sameOut(inH, stride[0]) * sameOut(inW, stride[1]), lanes, needsDx);
        this.inH = inH;
        this.inW = inW;
        this.kH = k[0];
        this.kW = k[1];
        this.sH = stride[0];
        this.sW = stride[1];
        this.outH = sameOut(inH, sH);
        this.outW = sameOut(inW, sW);
        this.padTop = samePadLeft(inH, kH, sH);
        this.padLeft = samePadLeft(inW, kW, sW);
        this.layout = layout;
        this.w = w;
        this.b = b;
        this.rows = inC * kH * kW;
        this.chunk = Math.max(1, Math.min(lanes, COLUMN_BUDGET / (rows * outT)));
        int n = chunk * outT;
        this.zeros = new float[outW];
        this.segment = new float[outW];
        this.nCols = NativeArray.zeros((long) rows * n);
        this.nY = NativeArray.zeros((long) outC * n);
        this.nDcols = needsDx ? NativeArray.zeros((long) rows * n) : null;
        this.colsView = nCols.view();
        this.yView = nY.view();
        this.dcolsView = needsDx ? nDcols.view() : null;
    }

    @Override
    long forwardFlops() { return 2L * outC * rows * outT; }

    @Override
    String describe() {
        return "Conv " + kH + "×" + kW + " " + inC + "×" + (inH > 1 ? inH + "×" : "") + inW + " → " + outC + "×" + (outH > 1 ? outH + "×" : "") + outW;
    }

    /** Column row of input channel {@code i}, kernel row {@code ky} and column {@code kx}. */
    private int row(int i, int ky, int kx) {
        return layout == Layout.TAP_MAJOR ? (ky * kW + kx) * inC + i : (i * kH + ky) * kW + kx;
    }

    /** First and one-past-last output column whose input column {@code o·s + k − pad} lies inside {@code [0, in)}. */
    private static int firstInside(int k, int pad, int s) { return Math.max(0, Math.floorDiv(pad - k + s - 1, s)); }

    private static int endInside(int k, int pad, int s, int in, int out) { return Math.min(out, Math.floorDiv(in - 1 - k + pad, s) + 1); }

    /**
     * Unfolds samples {@code [s0, s1)} of {@code x} straight into the native column buffer ({@code rows × n}, n =
     * samples × outT), a row segment at a time.
     */
    private void im2col(float[] x, int s0, int s1) {
        java.nio.FloatBuffer cb = colsView;
        int n = (s1 - s0) * outT;
        for (int i = 0; i < inC; i++)
            for (int ky = 0; ky < kH; ky++)
                for (int kx = 0; kx < kW; kx++) {
                    int r = row(i, ky, kx), oxFrom = Math.min(outW, firstInside(kx, padLeft, sW)), oxTo = Math.max(oxFrom, endInside(kx, padLeft, sW, inW, outW));
                    for (int s = s0; s < s1; s++)
                        for (int oy = 0; oy < outH; oy++) {
                            int base = r * n + (s - s0) * outT + oy * outW, iy = oy * sH + ky - padTop;
                            if (iy < 0 || iy >= inH) {
                                cb.put(base, zeros, 0, outW);
                                continue;
                            }
                            int xrow = ((s * inC + i) * inH + iy) * inW + kx - padLeft;
                            if (oxFrom > 0) cb.put(base, zeros, 0, oxFrom);
                            if (sW == 1) cb.put(base + oxFrom, x, xrow + oxFrom, oxTo - oxFrom);
                            else for (int ox = oxFrom; ox < oxTo; ox++) cb.put(base + ox, x[xrow + ox * sW]);
                            if (oxTo < outW) cb.put(base + oxTo, zeros, 0, outW - oxTo);
                        }
                }
        heldX = x;
        heldFrom = s0;
        heldTo = s1;
    }

    /** Folds the native column gradient ({@code rows × n}) of samples {@code [s0, s1)} back onto {@link #dx}. */
    private void col2im(int s0, int s1) {
        java.nio.FloatBuffer db = dcolsView;
        int n = (s1 - s0) * outT;
        java.util.Arrays.fill(dx, s0 * inSize(), s1 * inSize(), 0f);
        for (int i = 0; i < inC; i++)
            for (int ky = 0; ky < kH; ky++)
                for (int kx = 0; kx < kW; kx++) {
                    int r = row(i, ky, kx), oxFrom = Math.min(outW, firstInside(kx, padLeft, sW)), oxTo = endInside(kx, padLeft, sW, inW, outW);
                    if (oxTo <= oxFrom) continue;
                    for (int s = s0; s < s1; s++)
                        for (int oy = 0; oy < outH; oy++) {
                            int iy = oy * sH + ky - padTop;
                            if (iy < 0 || iy >= inH) continue;
                            int base = r * n + (s - s0) * outT + oy * outW, xrow = ((s * inC + i) * inH + iy) * inW + kx - padLeft;
                            db.get(base + oxFrom, segment, 0, oxTo - oxFrom);
                            if (sW == 1) for (int ox = oxFrom, q = 0; ox < oxTo; ox++, q++) dx[xrow + ox] += segment[q];
                            else for (int ox = oxFrom, q = 0; ox < oxTo; ox++, q++) dx[xrow + ox * sW] += segment[q];
                        }
                }
    }

    @Override
    void forward(Lane net, float[] x, int mb, boolean train) {
        this.x = x;
        float[] p = net.theta();
        for (int s0 = 0; s0 < mb; s0 += chunk) {
            int s1 = Math.min(mb, s0 + chunk), n = (s1 - s0) * outT;
            im2col(x, s0, s1);
            if (layout == Layout.TAP_MAJOR) NativeArray.gemm(true, false, outC, n, rows, 1f, net.nativeParams(), w, outC, nCols, 0, n, 0f, nY, 0, n);
            else NativeArray.gemm(false, false, outC, n, rows, 1f, net.nativeParams(), w, rows, nCols, 0, n, 0f, nY, 0, n);
            for (int s = s0; s < s1; s++)
                for (int o = 0; o < outC; o++) {
                    float bias = p[b + o];
                    int to = (s * outC + o) * outT;
                    yView.get(o * n + (s - s0) * outT, y, to, outT);
                    for (int q = to; q < to + outT; q++) y[q] += bias;
                }
        }
    }

    @Override
    void backward(Lane net, float[] dy, int mb, boolean needDx) {
        float[] g = net.grad();
        for (int o = 0; o < outC; o++) {
            double sum = 0;
            for (int s = 0; s < mb; s++) sum += VecMath.sum(dy, (s * outC + o) * outT, outT);
            g[b + o] += (float) sum;
        }
        for (int s0 = 0; s0 < mb; s0 += chunk) {
            int s1 = Math.min(mb, s0 + chunk), n = (s1 - s0) * outT;
            float beta = s0 == 0 ? 0f : 1f;
            // the forward pass's columns are still in place when the lane was one chunk
            if (heldX != x || heldFrom != s0 || heldTo != s1) im2col(x, s0, s1);
            for (int s = s0; s < s1; s++)
                for (int o = 0; o < outC; o++) yView.put(o * n + (s - s0) * outT, dy, (s * outC + o) * outT, outT);
            if (layout == Layout.TAP_MAJOR) NativeArray.gemm(false, true, rows, outC, n, 1f, nCols, 0, n, nY, 0, n, beta, net.nativeGrad(), w, outC);
            else NativeArray.gemm(false, true, outC, rows, n, 1f, nY, 0, n, nCols, 0, n, beta, net.nativeGrad(), w, rows);
            if (needDx) {
                if (layout == Layout.TAP_MAJOR) NativeArray.gemm(false, false, rows, n, outC, 1f, net.nativeParams(), w, outC, nY, 0, n, 0f, nDcols, 0, n);
                else NativeArray.gemm(true, false, rows, n, outC, 1f, net.nativeParams(), w, rows, nY, 0, n, 0f, nDcols, 0, n);
                col2im(s0, s1);
            }
        }
        net.nativeGradientWritten(w, rows * outC);
    }
}
