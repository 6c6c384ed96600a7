package org.emoaugnet.eval;

import java.util.Arrays;
import java.util.Comparator;

/** Corrections for families of tests. */
public final class Multiplicity {
    private Multiplicity() {}

    /**
     * Holm's step-down adjusted p-values, in the order given: with the raw p-values sorted ascending,
     * {@code adj(i) = max over j ≤ i of min(1, (m − j) · p(j))} (0-based), which controls the family-wise error rate.
     */
    public static double[] holm(double... p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) throw new IllegalArgumentException("p-value outside [0, 1]: " + p[i]);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adj = new double[m];
        double running = 0;
        for (int k = 0; k < m; k++) {
            running = Math.max(running, Math.min(1, (m - k) * p[order[k]]));
            adj[order[k]] = running;
        }
        return adj;
    }
}
