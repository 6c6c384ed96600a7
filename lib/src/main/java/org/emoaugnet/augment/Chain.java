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
        float[] out = y;
        for (int i = 0; i < steps.size(); i++) out = steps.get(i).apply(out, sr, Seeds.derive(seed, i));
        return out == y ? y.clone() : out;
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
