package org.emoaugnet.augment;

/**
 * A signal augmentation: a pure function of (signal, sample rate, seed). The same seed gives the same output.
 * {@link #key()} names it with every parameter, for cache keys and run records.
 */
public interface Augmentation {
    float[] apply(float[] y, int sr, long seed);

    /** Short name for tables and figures, e.g. {@code pitch+0.7}. */
    String name();

    /** Name plus every parameter and the implementation, e.g. {@code pitch(n_steps=0.7,impl=phase-vocoder)}. */
    String key();

    /**
     * Whether the output is the same for every seed (a fixed pitch shift or stretch): {@link Recipe.Copies} then
     * computes it once for all the copies of a clip that start with it. Only an augmentation that ignores its seed
     * may say so.
     */
    default boolean seedFree() { return false; }

    /** The identity (the original copy of a recipe). */
    Augmentation NONE = new Augmentation() {
        public float[] apply(float[] y, int sr, long seed) { return y.clone(); }
        public String name() { return "original"; }
        public String key() { return "original"; }
        @Override public String toString() { return key(); }
    };

    /** {@code this} then {@code next} (e.g. {@code pitch.then(noise)} = noise∘pitch), each with its own derived seed. */
    default Augmentation then(Augmentation next) {
        return Chain.of(this, next);
    }
}
