package org.emoaugnet.model.fused;

/**
 * One step of a fused network on Java arrays: activations {@code [batch, channels, time]} (or {@code [batch,
 * features]} with time 1), channel-major like DL4J's NCW. A stage keeps what its backward pass needs from the last
 * forward pass; {@link #y} and {@link #dx} are sized for the network's largest batch.
 */
abstract class Stage {
    final int inC, inT, outC, outT;
    final float[] y, dx;

    Stage(int inC, int inT, int outC, int outT, int capacity, boolean needsDx) {
        this.inC = inC;
        this.inT = inT;
        this.outC = outC;
        this.outT = outT;
        this.y = new float[capacity * outC * outT];
        this.dx = needsDx ? new float[capacity * inC * inT] : null;
    }

    int inSize() { return inC * inT; }

    int outSize() { return outC * outT; }

    /** Fills {@link #y} from {@code x} for the first {@code mb} samples. */
    abstract void forward(Lane net, float[] x, int mb, boolean train);

    /** Adds parameter gradients (of the mean loss) and, when asked, fills {@link #dx}. */
    abstract void backward(Lane net, float[] dy, int mb, boolean needDx);

    /** Floating-point operations of the forward pass per sample (multiply and add counted apart); 0 for cheap element-wise stages. */
    long forwardFlops() { return 0; }

    /** Floating-point operations of the backward pass per sample, with or without the input gradient. */
    long backwardFlops(boolean needDx) { return needDx ? 2 * forwardFlops() : forwardFlops(); }

    /** What the stage is and its shapes, for profiles: e.g. {@code ConvStage 64×301 → 128×301}. */
    String describe() { return getClass().getSimpleName() + " " + inC + "×" + inT + " → " + outC + "×" + outT; }

    /** Updates non-gradient state after an optimiser step (batch-norm running statistics). */
    void afterStep(FusedNetwork net) {}

    /** Same-mode output length and left padding, as DL4J and libnd4j compute them. */
    static int sameOut(int t, int stride) { return (t + stride - 1) / stride; }

    static int samePadLeft(int t, int kernel, int stride) {
        int out = sameOut(t, stride);
        return Math.max(0, (out - 1) * stride + kernel - t) / 2;
    }
}
