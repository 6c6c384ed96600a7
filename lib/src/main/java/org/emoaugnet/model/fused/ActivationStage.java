package org.emoaugnet.model.fused;

/** An element-wise activation; the backward pass uses the stored output (and input for ReLU). */
final class ActivationStage extends Stage {
    private final Activation fn;
    private float[] x;

    ActivationStage(Activation fn, int c, int t, int capacity) {
        super(c, t, c, t, capacity, true);
        this.fn = fn;
    }

    @Override
    void forward(Lane net, float[] x, int mb, boolean train) {
        this.x = x;
        int n = mb * inSize();
        float[] y = this.y;
        switch (fn) {
            case RELU: for (int i = 0; i < n; i++) y[i] = Math.max(0f, x[i]); break;
            case ELU: for (int i = 0; i < n; i++) y[i] = Math.max(x[i], 0f) + VecMath.expNonPositive(x[i]) - 1f; break;
            case TANH: for (int i = 0; i < n; i++) y[i] = VecMath.tanh(x[i]); break;
            case SIGMOID: for (int i = 0; i < n; i++) y[i] = VecMath.sigmoid(x[i]); break;
            default: System.arraycopy(x, 0, y, 0, n);
        }
    }

    @Override
    void backward(Lane net, float[] dy, int mb, boolean needDx) {
        int n = mb * inSize();
        float[] x = this.x, y = this.y, dx = this.dx;
        switch (fn) {
            case RELU: for (int i = 0; i < n; i++) dx[i] = dy[i] * VecMath.positive(x[i]); break;
            case ELU: for (int i = 0; i < n; i++) dx[i] = dy[i] * VecMath.expNonPositive(x[i]); break; // 1 for x > 0, eˣ below
            case TANH: for (int i = 0; i < n; i++) dx[i] = dy[i] * (1f - y[i] * y[i]); break;
            case SIGMOID: for (int i = 0; i < n; i++) dx[i] = dy[i] * y[i] * (1f - y[i]); break;
            default: System.arraycopy(dy, 0, dx, 0, n);
        }
    }
}
