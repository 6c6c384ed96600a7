package org.emoaugnet.model.fused;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv1D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv1DDerivative;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 1-D convolution with same padding, without activation. With several input channels it runs libnd4j's
 * {@code conv1d} and {@code conv1d_bp} ops (oneDNN in the project's natives) exactly as DL4J's Convolution1DLayer
 * calls them, but without recomputing the forward pass in backprop; with one input channel (the flat-vector
 * networks' first layer, where those ops fall back to a slow path) it computes the few products per output in Java.
 * DL4J stores the weights as {@code [out, in, k, 1]} and hands the op the same memory read as {@code [k, in, out]};
 * both paths use that reading.
 */
final class ConvStage extends Stage {
    private final int kernel, stride, padLeft, w, b;
    private final INDArray weights, bias, weightGrad, biasGrad;
    private final Conv1DConfig config;
    private final Map<Integer, NativeArray[]> buffers = new HashMap<>();
    private float[] x;

    ConvStage(FusedNetwork net, int inC, int inT, int outC, int kernel, int stride, int w, int b, int capacity, boolean needsDx) {
        super(inC, inT, outC, sameOut(inT, stride), capacity, needsDx);
        this.kernel = kernel;
        this.stride = stride;
        this.padLeft = samePadLeft(inT, kernel, stride);
        this.w = w;
        this.b = b;
        this.weights = net.paramView(w, (long) kernel * inC * outC).reshape('c', kernel, inC, outC);
        this.bias = net.paramView(b, outC);
        this.weightGrad = net.gradView(w, (long) kernel * inC * outC).reshape('c', kernel, inC, outC);
        this.biasGrad = net.gradView(b, outC);
        this.config = Conv1DConfig.builder().k(kernel).s(stride).d(1).p(0).dataFormat(Conv1DConfig.NCW).paddingMode(PaddingMode.SAME).build();
    }

    boolean usesOps() { return inC > 1; }

    /** Native input, output, output gradient, input gradient for a batch size. */
    private NativeArray[] buffers(int mb) {
        return buffers.computeIfAbsent(mb, m -> new NativeArray[] {NativeArray.zeros(m, inC, inT), NativeArray.zeros(m, outC, outT),
                NativeArray.zeros(m, outC, outT), NativeArray.zeros(m, inC, inT)});
    }

    @Override
    void forward(FusedNetwork net, float[] x, int mb, boolean train) {
        this.x = x;
        if (!usesOps()) {
            forwardSingleChannel(net.theta(), x, mb);
            return;
        }
        NativeArray[] n = buffers(mb);
        n[0].put(0, x, 0, mb * inSize());
        Nd4j.exec(new Conv1D(new INDArray[] {n[0].array, weights, bias}, new INDArray[] {n[1].array}, config));
        n[1].get(0, y, 0, mb * outSize());
    }

    @Override
    void backward(FusedNetwork net, float[] dy, int mb, boolean needDx) {
        if (!usesOps()) {
            backwardSingleChannel(net, dy, mb, needDx);
            return;
        }
        NativeArray[] n = buffers(mb);
        n[2].put(0, dy, 0, mb * outSize());
        Nd4j.exec(new Conv1DDerivative(new INDArray[] {n[0].array, weights, bias, n[2].array},
                new INDArray[] {n[3].array, weightGrad, biasGrad}, config));
        net.nativeGradientWritten(w, kernel * inC * outC);
        net.nativeGradientWritten(b, outC);
        if (needDx) n[3].get(0, dx, 0, mb * inSize());
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
