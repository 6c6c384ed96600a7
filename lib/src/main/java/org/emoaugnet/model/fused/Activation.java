package org.emoaugnet.model.fused;

import java.util.Locale;

/** The activations the fused layers implement, with DL4J's definitions (ELU with α = 1). */
enum Activation {
    IDENTITY, RELU, ELU, TANH, SIGMOID;

    /** The activation of a DL4J activation function object, or null where the fused path has none. */
    static Activation of(org.nd4j.linalg.activations.IActivation fn) {
        String n = fn.getClass().getSimpleName().replace("Activation", "").toUpperCase(Locale.ROOT);
        if (fn instanceof org.nd4j.linalg.activations.impl.ActivationReLU r
                && (r.getMax() != null || r.getNegativeSlope() != null || r.getThreshold() != null)) return null;
        if (fn instanceof org.nd4j.linalg.activations.impl.ActivationELU e && e.getAlpha() != 1.0) return null;
        for (Activation a : values()) if (a.name().equals(n)) return a;
        return null;
    }
}
