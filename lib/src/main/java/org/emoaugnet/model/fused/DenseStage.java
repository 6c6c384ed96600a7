package org.emoaugnet.model.fused;

/**
 * A fully connected layer without activation, {@code y = x·W + b}; DL4J keeps {@code W} as an f-order
 * {@code [in, out]} matrix, which row-major is {@code Wᵀ}.
 */
final class DenseStage extends Stage {
    private final int w, b;
    private final NativeArray nx, ny, ndx;

    DenseStage(int nIn, int nOut, int w, int b, int capacity, boolean needsDx) {
        super(nIn, 1, nOut, 1, capacity, needsDx);
        this.w = w;
        this.b = b;
        nx = NativeArray.zeros(capacity, nIn);
        ny = NativeArray.zeros(capacity, nOut);
        ndx = needsDx ? NativeArray.zeros(capacity, nIn) : null;
    }

    @Override
    long forwardFlops() { return 2L * inC * outC; }

    @Override
    void forward(Lane net, float[] x, int mb, boolean train) {
        float[] p = net.theta();
        nx.put(0, x, 0, mb * inC);
        NativeArray.gemm(false, true, mb, outC, inC, 1f, nx, 0, inC, net.nativeParams(), w, inC, 0f, ny, 0, outC);
        ny.get(0, y, 0, mb * outC);
        for (int s = 0; s < mb; s++) for (int j = 0; j < outC; j++) y[s * outC + j] += p[b + j];
    }

    @Override
    void backward(Lane net, float[] dy, int mb, boolean needDx) {
        float[] g = net.grad();
        for (int s = 0; s < mb; s++) for (int j = 0; j < outC; j++) g[b + j] += dy[s * outC + j];
        ny.put(0, dy, 0, mb * outC);
        NativeArray.gemm(true, false, outC, inC, mb, 1f, ny, 0, outC, nx, 0, inC, 0f, net.nativeGrad(), w, inC);
        net.nativeGradientWritten(w, outC * inC);
        if (needDx) {
            NativeArray.gemm(false, false, mb, inC, outC, 1f, ny, 0, outC, net.nativeParams(), w, inC, 0f, ndx, 0, inC);
            ndx.get(0, dx, 0, mb * inC);
        }
    }
}
