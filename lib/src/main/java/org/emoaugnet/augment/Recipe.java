package org.emoaugnet.augment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The copies made of each file: a named list of augmentations, the first usually {@link Augmentation#NONE}. Copy
 * {@code c} of utterance {@code key} gets seed {@code Seeds.derive(seed, key, c)}, so copies are reproducible
 * and independent of processing order.
 */
public record Recipe(String name, List<Augmentation> copies) {
    public Recipe {
        copies = List.copyOf(copies);
    }

    /**
     * The public pipeline's 4 rows per file: original, noise, pitch (+0.7 st), noise∘pitch (the "combination"
     * copy). Stretch and shift are defined there but never used.
     */
    public static Recipe public4() {
        return new Recipe("public-4", List.of(Augmentation.NONE, Noise.publicRule(), PitchShift.publicRule(),
                PitchShift.publicRule().then(Noise.publicRule())));
    }

    /** The sibling public pipeline's 3 rows: original, noise, pitch∘stretch (stretch 0.8 then +0.7 st). */
    public static Recipe public3() {
        return new Recipe("public-3", List.of(Augmentation.NONE, Noise.publicRule(),
                TimeStretch.publicRule().then(PitchShift.publicRule())));
    }

    /** No augmentation: the original only. */
    public static Recipe none() { return new Recipe("none", List.of(Augmentation.NONE)); }

    /** Original plus one augmentation (the "each augmentation alone" ablation). */
    public static Recipe single(Augmentation a) { return new Recipe(a.name(), List.of(Augmentation.NONE, a)); }

    /** The four paper augmentations, each once, with the public parameters: original, noise, pitch, stretch, shift. */
    public static Recipe allFour() {
        return new Recipe("all", List.of(Augmentation.NONE, Noise.publicRule(), PitchShift.publicRule(),
                TimeStretch.publicRule(), TimeShift.publicRule()));
    }

    /** {@link #allFour} without one of them (the leave-one-out ablation). */
    public static Recipe allBut(String augmentationName) {
        List<Augmentation> keep = new ArrayList<>();
        for (Augmentation a : allFour().copies()) if (!a.name().startsWith(augmentationName)) keep.add(a);
        if (keep.size() != allFour().copies().size() - 1) throw new IllegalArgumentException("no augmentation named " + augmentationName);
        return new Recipe("all-but-" + augmentationName, keep);
    }

    /**
     * Named recipes for configuration files: {@code none}, {@code public-4}, {@code public-3}, {@code all}, each
     * augmentation alone ({@code noise}, {@code pitch}, {@code stretch}, {@code shift}) and leave-one-out
     * ({@code all-but-noise}, ...).
     */
    public static Map<String, Recipe> named() {
        Map<String, Recipe> m = new LinkedHashMap<>();
        for (Recipe r : List.of(none(), public4(), public3(), allFour())) m.put(r.name(), r);
        for (Augmentation a : allFour().copies().subList(1, allFour().size())) {
            String kind = a.name().replaceAll("[^a-z].*$", "");
            m.put(kind, new Recipe(kind, List.of(Augmentation.NONE, a)));
            m.put("all-but-" + kind, allBut(kind));
        }
        return m;
    }

    public int size() { return copies.size(); }

    /** Applies copy {@code c} to the clip of utterance {@code key}. */
    public float[] apply(int c, float[] y, int sr, long seed, String key) {
        return copies.get(c).apply(y, sr, Seeds.derive(seed, key, c));
    }

    /** The copies of one clip, made on demand ({@link Copies}). */
    public Copies copiesOf(float[] y, int sr, long seed, String key) { return new Copies(y, sr, seed, key); }

    /**
     * The copies of one clip, each what {@link #apply} gives, bit for bit. A {@linkplain Augmentation#seedFree
     * seed-free} augmentation that is a copy or starts one (the fixed pitch shift of public-4's pitch and
     * noise∘pitch copies) runs once on the clip and serves them all. Not thread-safe: one per clip and thread.
     */
    public final class Copies {
        private final float[] y;
        private final int sr;
        private final long seed;
        private final String key;
        private final Map<String, float[]> shared = new java.util.HashMap<>();   // seed-free augmentation's key → its output on y

        private Copies(float[] y, int sr, long seed, String key) {
            this.y = y;
            this.sr = sr;
            this.seed = seed;
            this.key = key;
        }

        /** Copy {@code c}: the same numbers as {@code apply(c, y, sr, seed, key)}. */
        public float[] get(int c) {
            Augmentation a = copies.get(c);
            if (a.seedFree()) return shared(a).clone();
            if (a instanceof Chain chain && !chain.steps().isEmpty() && chain.steps().get(0).seedFree()) {
                float[] first = shared(chain.steps().get(0));   // Chain.apply's first step, whatever its seed
                float[] out = chain.afterFirst(first, sr, Seeds.derive(seed, key, c));
                return out == first ? first.clone() : out;
            }
            return apply(c, y, sr, seed, key);
        }

        private float[] shared(Augmentation a) { return shared.computeIfAbsent(a.key(), k -> a.apply(y, sr, 0)); }
    }

    public String key() {
        return name + "[" + String.join(";", copies.stream().map(Augmentation::key).toList()) + "]";
    }
}
