package org.emoaugnet.model.fused;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One fixed slice of every batch and the stages that compute it: the fused trainer splits a batch of {@code mb} samples
 * into at most {@link FusedNetwork#LANES} contiguous lanes whose sizes depend on {@code mb} alone ({@link #split}), runs
 * the lanes on however many threads it has, and adds their parameter gradients in lane order. Each lane has its own
 * stages (activations and native buffers), its own gradient vector and its own seeded dropout generator; the
 * parameters are shared and only read during a pass. So a run's numbers are the same for any thread count: a lane
 * computes the same values whichever thread runs it, and every sum over lanes is made in one order.
 */
final class Lane {
    final int index;
    final List<Stage> stages = new ArrayList<>();
    private final FusedNetwork net;
    private final float[] grad;
    private final NativeArray nativeGrad;
    private final List<int[]> nativeWritten = new ArrayList<>();
    private final SplittableRandom random;
    /** This lane's slice of the network's input and of the loss gradient (sized by {@link #allocate}). */
    float[] input, dLogits;
    /** This lane's first sample in the current batch, its number of samples, and the batch's size. */
    int from, mb, batch;

    Lane(FusedNetwork net, int index, int paramCount, SplittableRandom random) {
        this.net = net;
        this.index = index;
        this.grad = new float[paramCount];
        this.nativeGrad = NativeArray.zeros(paramCount);
        this.random = random;
    }

    /**
     * The lane sizes of a batch of {@code mb}: lanes of {@code ceil(mb / lanes)} samples, the last one shorter, so a
     * batch of 64 in 4 lanes is 16 + 16 + 16 + 16 and one of 10 is 3 + 3 + 3 + 1.
     */
    static int[] split(int mb, int lanes) {
        int size = (mb + lanes - 1) / lanes, n = (mb + size - 1) / size;
        int[] out = new int[n];
        for (int l = 0; l < n; l++) out[l] = Math.min(size, mb - l * size);
        return out;
    }

    void allocate(int inputs, int logits) {
        input = new float[inputs];
        dLogits = new float[logits];
    }

    float[] theta() { return net.theta(); }

    NativeArray nativeParams() { return net.nativeParams(); }

    float[] grad() { return grad; }

    NativeArray nativeGrad() { return nativeGrad; }

    void nativeGradientWritten(int offset, int length) { nativeWritten.add(new int[] {offset, length}); }

    SplittableRandom random() { return random; }

    DropoutMasks givenDropoutMasks() { return net.givenDropoutMasks(); }

    /** Clears the gradient before a backward pass. */
    void clearGradient() {
        Arrays.fill(grad, 0f);
        nativeWritten.clear();
    }

    /** Brings the gradients the native products wrote into the Java gradient vector (after a backward pass). */
    float[] gradient() {
        for (int[] r : nativeWritten) nativeGrad.get(r[0], grad, r[0], r[1]);
        nativeWritten.clear();
        return grad;
    }
}
