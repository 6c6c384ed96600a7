package org.emoaugnet.augment;

import java.util.ArrayList;
import java.util.List;

/** Augmentations applied in order; step i gets seed {@code Seeds.derive(seed, i)}. */
public record Chain(List<Augmentation> steps) implements Augmentation {
    public Chain {
        steps = List.copyOf(steps);
    }

    public static Chain of(Augmentation... steps) {
        List<Augmentation> flat = new ArrayList<>();
        for (Augmentation a : steps) {
            if (a instanceof Chain c) flat.addAll(c.steps());
            else flat.add(a);
        }
        return new Chain(flat);
    }

    @Override
    public float[] apply(float[] y, int sr, long seed) {
        if (steps.isEmpty()) return y.clone();
        float[] out = afterFirst(steps.get(0).apply(y, sr, Seeds.derive(seed, 0)), sr, seed);
        return out == y ? y.clone() : out;
    }

    /**
     * The steps after the first, applied to {@code first} (the first step's output) with the seeds {@link #apply}
     * gives them; {@code first} itself where no step made a new array.
     */
    public float[] afterFirst(float[] first, int sr, long seed) {
        float[] out = first;
        for (int i = 1; i < steps.size(); i++) out = steps.get(i).apply(out, sr, Seeds.derive(seed, i));
        return out;
    }

    /** Written in application order joined by "+", e.g. {@code pitch+0.7+noise}. */
    @Override
    public String name() {
        return String.join("+", steps.stream().map(Augmentation::name).toList());
    }

    @Override
    public String key() {
        return "chain(" + String.join(",", steps.stream().map(Augmentation::key).toList()) + ")";
    }
}
