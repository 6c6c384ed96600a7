package org.emoaugnet.model.fused;

/** Inverted dropout with DL4J's retain probability: kept values are scaled by 1/p in training, nothing at inference. */
final class DropoutStage extends Stage {
    private final float retain;
    private final float[] mask;

    DropoutStage(double retain, int c, int t, int capacity) {
        super(c, t, c, t, capacity, true);
        this.retain = (float) retain;
        this.mask = new float[capacity * c * t];
    }

    @Override
    void forward(FusedNetwork net, float[] x, int mb, boolean train) {
        int n = mb * inSize();
        if (!train) {
            System.arraycopy(x, 0, y, 0, n);
            return;
        }
        float keep = 1f / retain;
        java.util.SplittableRandom r = net.random();
        // four 16-bit uniform draws per 64-bit random number: P(keep) = round(p · 65536) / 65536
        int threshold = Math.round(retain * 65536f);
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            long bits = r.nextLong();
            mask[i] = keep * (((int) (bits & 0xFFFF) - threshold) >>> 31);
            mask[i + 1] = keep * (((int) ((bits >>> 16) & 0xFFFF) - threshold) >>> 31);
            mask[i + 2] = keep * (((int) ((bits >>> 32) & 0xFFFF) - threshold) >>> 31);
            mask[i + 3] = keep * (((int) (bits >>> 48) - threshold) >>> 31);
        }
        for (; i < n; i++) mask[i] = keep * (((int) (r.nextLong() & 0xFFFF) - threshold) >>> 31);
        for (int k = 0; k < n; k++) y[k] = x[k] * mask[k];
    }

    @Override
    void backward(FusedNetwork net, float[] dy, int mb, boolean needDx) {
        int n = mb * inSize();
        for (int i = 0; i < n; i++) dx[i] = dy[i] * mask[i];
    }
}
