package org.emoaugnet.model.fused;

/**
 * Dropout masks handed to a {@link FusedNetwork} instead of drawn from its seeded generator: the seam through which
 * the equivalence tests apply the same masks on the fused path and on DL4J's own layers. Training never sets one, and
 * without one the masks are drawn exactly as before the seam existed.
 */
interface DropoutMasks {
    /**
     * Writes the keep pattern of one training pass's dropout into {@code keep[0..n)}: 1 where the value is kept, 0
     * where it is dropped, in the stage's {@code [batch, channels, time]} order.
     *
     * @param layer index of the DL4J {@code DropoutLayer} the stage implements
     */
    void keep(int layer, float[] keep, int n);
}
