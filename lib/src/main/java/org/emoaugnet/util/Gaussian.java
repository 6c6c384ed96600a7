package org.emoaugnet.util;

import java.util.SplittableRandom;

/** Standard normal draws from a seeded {@link SplittableRandom} (Box-Muller; one value per call, for simplicity). */
public final class Gaussian {
    private Gaussian() {}

    public static double next(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble(), u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
