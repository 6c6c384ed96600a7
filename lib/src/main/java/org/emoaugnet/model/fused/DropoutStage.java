package org.emoaugnet.model.fused;

/**
 * Inverted dropout with DL4J's retain probability: kept values are scaled by 1/p in training, nothing at inference.
 * The keep pattern comes from the lane's seeded generator, or from the {@link DropoutMasks} a test gave it.
 */
final class DropoutStage extends Stage {
    private final int layer;
    private final float retain;
    private final float[] mask;

    /** @param layer index of the DL4J {@code DropoutLayer} this stage implements */
    DropoutStage(int layer, double retain, int c, int t, int capacity) {
        super(c, t, c, t, capacity, true);
        this.layer = layer;
        this.retain = (float) retain;
        this.mask = new float[capacity * c * t];
    }

    @Override
    void forward(Lane net, float[] x, int mb, boolean train) {
        int n = mb * inSize();
        if (!train) {
            System.arraycopy(x, 0, y, 0, n);
            return;
        }
        float keep = 1f / retain;
        DropoutMasks given = net.givenDropoutMasks();
        if (given == null) draw(net.random(), keep, n);
        else take(given, keep, net, n);
        for (int k = 0; k < n; k++) y[k] = x[k] * mask[k];
    }

    private void draw(java.util.SplittableRandom r, float keep, int n) {
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
    }

    /** The given keep pattern, scaled as a drawn one is ({@code keep × 1} or {@code keep × 0}). */
    private void take(DropoutMasks given, float keep, Lane lane, int n) {
        // the given pattern covers the whole batch; this lane takes its samples' part
        float[] whole = new float[lane.batch * inSize()];
        given.keep(layer, whole, whole.length);
        System.arraycopy(whole, lane.from * inSize(), mask, 0, n);
        for (int i = 0; i < n; i++) {
            if (mask[i] != 0f && mask[i] != 1f)
                throw new IllegalArgumentException("dropout mask of layer " + layer + " holds " + mask[i] + " at " + i + "; a keep pattern holds 0 or 1");
            mask[i] = keep * mask[i];
        }
    }

    @Override
    void backward(Lane net, float[] dy, int mb, boolean needDx) {
        int n = mb * inSize();
        for (int i = 0; i < n; i++) dx[i] = dy[i] * mask[i];
    }
}
