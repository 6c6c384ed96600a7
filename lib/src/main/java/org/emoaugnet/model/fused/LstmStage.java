package org.emoaugnet.model.fused;

/**
 * DL4J's LSTM (no peepholes; gate blocks in DL4J's order: block input (tanh), forget, output, input gate
 * (sigmoid)), returning every step ({@code [batch, units, time]}) or only the last ({@code [batch, units]}).
 * The input projections of all time steps are one matrix product, each step adds one small product with the
 * recurrent weights; in backprop the weight gradients of all steps are again one product each. Gate arithmetic
 * runs on the Java heap. DL4J keeps the input weights as an f-order {@code [in, 4·units]} matrix and the recurrent
 * ones as {@code [units, 4·units]}: row-major, these are the transposes the products below use.
 */
final class LstmStage extends Stage {
    private final int nIn, h, steps, wx, wh, bias;
    private final boolean last;
    private final float[] xt, z, cs, tc, hs, dz, dh, dc;
    private final NativeArray nXt, nZ, nHs, nDz, nDh, nDxt;

    LstmStage(int nIn, int steps, int units, boolean last, int wx, int wh, int bias, int capacity, boolean needsDx) {
        super(nIn, steps, units, last ? 1 : steps, capacity, needsDx);
        this.nIn = nIn;
        this.h = units;
        this.steps = steps;
        this.last = last;
        this.wx = wx;
        this.wh = wh;
        this.bias = bias;
        int rows = steps * capacity;
        xt = new float[rows * nIn];
        z = new float[rows * 4 * units];
        cs = new float[rows * units];
        tc = new float[rows * units];
        hs = new float[rows * units];
        dz = new float[rows * 4 * units];
        dh = new float[capacity * units];
        dc = new float[capacity * units];
        nXt = NativeArray.zeros(rows, nIn);
        nZ = NativeArray.zeros(rows, 4L * units);
        nHs = NativeArray.zeros(rows, units);
        nDz = NativeArray.zeros(rows, 4L * units);
        nDh = NativeArray.zeros(capacity, units);
        nDxt = needsDx ? NativeArray.zeros(rows, nIn) : null;
    }

    @Override
    long forwardFlops() { return 2L * steps * (nIn + h) * 4L * h; }

    @Override
    void forward(Lane net, float[] x, int mb, boolean train) {
        float[] p = net.theta();
        int g4 = 4 * h, rows = steps * mb;
        // [batch, in, time] to time-major rows [time·batch, in]: sequential writes, one sample's block read from cache
        for (int b = 0; b < mb; b++)
            for (int t = 0; t < steps; t++) {
                int o = (t * mb + b) * nIn, xb = b * nIn * steps + t;
                for (int i = 0; i < nIn; i++) xt[o + i] = x[xb + i * steps];
            }
        nXt.put(0, xt, 0, rows * nIn);
        NativeArray.gemm(false, true, rows, g4, nIn, 1f, nXt, 0, nIn, net.nativeParams(), wx, nIn, 0f, nZ, 0, g4);
        for (int t = 0; t < steps; t++) {
            int zt = t * mb * g4, st = t * mb * h;
            // the recurrent product accumulates onto this step's input projections in native memory
            if (t > 0) NativeArray.gemm(false, true, mb, g4, h, 1f, nHs, (long) (t - 1) * mb * h, h, net.nativeParams(), wh, h, 1f, nZ, zt, g4);
            nZ.get(zt, z, zt, mb * g4);
            for (int b = 0; b < mb; b++) {
                int zb = zt + b * g4, sb = st + b * h, pb = sb - mb * h;
                for (int j = 0; j < g4; j++) z[zb + j] += p[bias + j];
                for (int j = 0; j < h; j++) z[zb + j] = VecMath.tanh(z[zb + j]);
                for (int j = h; j < g4; j++) z[zb + j] = VecMath.sigmoid(z[zb + j]);
                for (int j = 0; j < h; j++) {
                    float a = z[zb + j], f = z[zb + h + j], o = z[zb + 2 * h + j], in = z[zb + 3 * h + j];
                    float c = in * a + (t > 0 ? f * cs[pb + j] : 0f);
                    float tcv = VecMath.tanh(c);
                    cs[sb + j] = c;
                    tc[sb + j] = tcv;
                    hs[sb + j] = o * tcv;
                }
            }
            nHs.put(st, hs, st, mb * h);
        }
        if (last) System.arraycopy(hs, (steps - 1) * mb * h, y, 0, mb * h);
        else
            for (int t = 0; t < steps; t++)
                for (int b = 0; b < mb; b++)
                    for (int j = 0; j < h; j++) y[(b * h + j) * steps + t] = hs[(t * mb + b) * h + j];
    }

    @Override
    void backward(Lane net, float[] dy, int mb, boolean needDx) {
        float[] g = net.grad();
        int g4 = 4 * h, rows = steps * mb;
        java.util.Arrays.fill(dh, 0, mb * h, 0f);
        java.util.Arrays.fill(dc, 0, mb * h, 0f);
        for (int t = steps - 1; t >= 0; t--) {
            int zt = t * mb * g4, st = t * mb * h;
            for (int b = 0; b < mb; b++) {
                int zb = zt + b * g4, sb = st + b * h, pb = sb - mb * h, hb = b * h;
                if (last) {
                    if (t == steps - 1) for (int j = 0; j < h; j++) dh[hb + j] += dy[hb + j];
                } else {
                    for (int j = 0; j < h; j++) dh[hb + j] += dy[(hb + j) * steps + t];
                }
                for (int j = 0; j < h; j++) {
                    float a = z[zb + j], f = z[zb + h + j], o = z[zb + 2 * h + j], in = z[zb + 3 * h + j];
                    float tcv = tc[sb + j], dhv = dh[hb + j];
                    float dcv = dc[hb + j] + dhv * o * (1f - tcv * tcv);
                    float cp = t > 0 ? cs[pb + j] : 0f;
                    dz[zb + j] = dcv * in * (1f - a * a);
                    dz[zb + h + j] = dcv * cp * f * (1f - f);
                    dz[zb + 2 * h + j] = dhv * tcv * o * (1f - o);
                    dz[zb + 3 * h + j] = dcv * a * in * (1f - in);
                    dc[hb + j] = dcv * f;
                }
            }
            nDz.put(zt, dz, zt, mb * g4);
            if (t > 0) {
                NativeArray.gemm(false, false, mb, h, g4, 1f, nDz, zt, g4, net.nativeParams(), wh, h, 0f, nDh, 0, h);
                nDh.get(0, dh, 0, mb * h);
            }
        }
        for (int row = 0; row < rows; row++) {
            int o = row * g4;
            for (int j = 0; j < g4; j++) g[bias + j] += dz[o + j];
        }
        NativeArray.gemm(true, false, g4, nIn, rows, 1f, nDz, 0, g4, nXt, 0, nIn, 0f, net.nativeGrad(), wx, nIn);
        net.nativeGradientWritten(wx, g4 * nIn);
        if (steps > 1) {
            NativeArray.gemm(true, false, g4, h, (steps - 1) * mb, 1f, nDz, (long) mb * g4, g4, nHs, 0, h, 0f, net.nativeGrad(), wh, h);
            net.nativeGradientWritten(wh, g4 * h);
        }
        if (needDx) {
            NativeArray.gemm(false, false, rows, nIn, g4, 1f, nDz, 0, g4, net.nativeParams(), wx, nIn, 0f, nDxt, 0, nIn);
            nDxt.get(0, xt, 0, rows * nIn);
            for (int b = 0; b < mb; b++)
                for (int t = 0; t < steps; t++) {
                    int o = (t * mb + b) * nIn, xb = b * nIn * steps + t;
                    for (int i = 0; i < nIn; i++) dx[xb + i * steps] = xt[o + i];
                }
        }
    }
}
