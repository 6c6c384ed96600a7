package org.emoaugnet.model.fused;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 1-D convolution with same padding, without activation. With several input channels it runs libnd4j's
 * {@code conv2d} and {@code conv2d_bp} ops (oneDNN in the project's natives) on the {@code [batch, in, 1, time]} view,
 * which is what DL4J's Convolution1DLayer reaches through {@code conv1d}, built once per batch size and without
 * recomputing the forward pass in backprop; with one input channel (the flat-vector
 * networks' first layer, where those ops fall back to a slow path) it computes the few products per output in Java.
 * DL4J stores the weights as {@code [out, in, k, 1]} and hands the op the same memory read as {@code [k, in, out]};
 * both paths use that reading.
 */
final class ConvStage extends Stage {
    private final int kernel, stride, padLeft, w, b;
    private final INDArray weights, bias, weightGrad, biasGrad;
    private final Map<Integer, Batch> batches = new HashMap<>();
    private float[] x;

    ConvStage(FusedNetwork net, int inC, int inT, int outC, int kernel, int stride, int w, int b, int capacity, boolean needsDx) {
        super(inC, inT, outC, sameOut(inT, stride), capacity, needsDx);
        this.kernel = kernel;
        this.stride = stride;
        this.padLeft = samePadLeft(inT, kernel, stride);
        this.w = w;
        this.b = b;
        // DL4J's weight memory read as conv1d reads it ([k, in, out]), i.e. conv2d's [kH = 1, kW = k, in, out]
        this.weights = net.paramView(w, (long) kernel * inC * outC).reshape('c', 1, kernel, inC, outC);
        this.bias = net.paramView(b, outC);
        this.weightGrad = net.gradView(w, (long) kernel * inC * outC).reshape('c', 1, kernel, inC, outC);
        this.biasGrad = net.gradView(b, outC);
    }

    /** conv2d's integer arguments: kernel, stride, padding, dilation, same mode, NCHW, weights [kH, kW, in, out]. */
    private int[] intArgs() { return new int[] {1, kernel, 1, stride, 0, 0, 1, 1, 1, 0, 0}; }

    @Override
    long forwardFlops() { return 2L * outC * inC * kernel * outT; }

    boolean usesOps() { return inC > 1; }

    /** One batch size's native input, output, output gradient and input gradient, and the ops built over them. */
    private record Batch(NativeArray x, NativeArray y, NativeArray dy, NativeArray dx, DynamicCustomOp forward, DynamicCustomOp backward) {}

    private Batch batch(int mb) {
        return batches.computeIfAbsent(mb, m -> {
            NativeArray x = NativeArray.zeros(m, inC, inT), y = NativeArray.zeros(m, outC, outT), dy = NativeArray.zeros(m, outC, outT),
                    dx = NativeArray.zeros(m, inC, inT);
            INDArray x4 = x.array.reshape('c', m, inC, 1, inT), y4 = y.array.reshape('c', m, outC, 1, outT),
                    dy4 = dy.array.reshape('c', m, outC, 1, outT), dx4 = dx.array.reshape('c', m, inC, 1, inT);
            DynamicCustomOp fwd = DynamicCustomOp.builder("conv2d").addInputs(x4, weights, bias).addOutputs(y4).addIntegerArguments(intArgs()).build();
            DynamicCustomOp bwd = DynamicCustomOp.builder("conv2d_bp").addInputs(x4, weights, bias, dy4).addOutputs(dx4, weightGrad, biasGrad)
                    .addIntegerArguments(intArgs()).build();
            return new Batch(x, y, dy, dx, fwd, bwd);
        });
    }

    @Override
    void forward(FusedNetwork net, float[] x, int mb, boolean train) {
        this.x = x;
        if (!usesOps()) {
            forwardSingleChannel(net.theta(), x, mb);
            return;
        }
        Batch n = batch(mb);
        n.x().put(0, x, 0, mb * inSize());
        Nd4j.exec(n.forward());
        n.y().get(0, y, 0, mb * outSize());
    }

    @Override
    void backward(FusedNetwork net, float[] dy, int mb, boolean needDx) {
        if (!usesOps()) {
            backwardSingleChannel(net, dy, mb, needDx);
            return;
        }
        Batch n = batch(mb);
        n.dy().put(0, dy, 0, mb * outSize());
        Nd4j.exec(n.backward());
        net.nativeGradientWritten(w, kernel * inC * outC);
        net.nativeGradientWritten(b, outC);
        if (needDx) n.dx().get(0, dx, 0, mb * inSize());
    }

    private void forwardSingleChannel(float[] p, float[] x, int mb) {
        for (int s = 0; s < mb; s++) {
            int xb = s * inT;
            for (int o = 0; o < outC; o++) {
                int yb = (s * outC + o) * outT;
                java.util.Arrays.fill(y, yb, yb + outT, p[b + o]);
                for (int k = 0; k < kernel; k++) {
                    float wk = p[w + k * outC + o];
                    int shift = k - padLeft;
                    int from = Math.max(0, ceilDiv(-shift, stride)), to = Math.min(outT, ceilDiv(inT - shift, stride));
                    if (stride == 1) for (int t = from; t < to; t++) y[yb + t] += wk * x[xb + t + shift];
                    else for (int t = from; t < to; t++) y[yb + t] += wk * x[xb + t * stride + shift];
                }
            }
        }
    }

    private void backwardSingleChannel(FusedNetwork net, float[] dy, int mb, boolean needDx) {
        float[] p = net.theta(), g = net.grad();
        if (needDx) java.util.Arrays.fill(dx, 0, mb * inSize(), 0f);
        for (int s = 0; s < mb; s++) {
            int xb = s * inT;
            for (int o = 0; o < outC; o++) {
                int yb = (s * outC + o) * outT;
                float sb = 0;
                for (int t = 0; t < outT; t++) sb += dy[yb + t];
                g[b + o] += sb;
                for (int k = 0; k < kernel; k++) {
                    int shift = k - padLeft;
                    int from = Math.max(0, ceilDiv(-shift, stride)), to = Math.min(outT, ceilDiv(inT - shift, stride));
                    float sw = 0;
                    for (int t = from; t < to; t++) sw += dy[yb + t] * x[xb + t * stride + shift];
                    g[w + k * outC + o] += sw;
                    if (needDx) {
                        float wk = p[w + k * outC + o];
                        for (int t = from; t < to; t++) dx[xb + t * stride + shift] += wk * dy[yb + t];
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) { return -Math.floorDiv(-a, b); }
}
