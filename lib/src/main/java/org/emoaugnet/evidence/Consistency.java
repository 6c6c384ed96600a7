package org.emoaugnet.evidence;

import java.util.Arrays;

/**
 * Can a reported (WA, UA) pair come from a test set with the given class counts? With p_c the class shares, r_c the
 * recalls and K classes, {@code WA − UA = Σ_c (p_c − 1/K) · r_c}. For a fixed UA the largest gap in either direction
 * is a small linear program (0 ≤ r_c ≤ 1, Σ r_c = K · UA) solved by a greedy fill: recall 1 for the classes that
 * move the gap most, the remainder on the next class (paper-notes §4).
 */
public final class Consistency {
    private Consistency() {}

    /** The verdict for one reported pair. Gaps in points; {@code reportedGap} is |WA − UA|. */
    public record Check(double reportedGap, double largestFeasibleGap, boolean waAboveUa, boolean feasible) {}

    /**
     * @param wa     reported WA in %
     * @param ua     reported UA in %
     * @param counts test-set count (or share) per class
     */
    public static Check check(double wa, double ua, double[] counts) {
        boolean waAbove = wa >= ua;
        double gap = largestGap(ua / 100, counts, waAbove) * 100;
        double reported = Math.abs(wa - ua);
        return new Check(reported, gap, waAbove, reported <= gap + 1e-9);
    }

    /** The largest WA − UA (or UA − WA when {@code waAbove} is false) over recalls with mean {@code ua}. */
    static double largestGap(double ua, double[] counts, boolean waAbove) {
        int k = counts.length;
        double total = Arrays.stream(counts).sum();
        double[] w = new double[k];
        for (int c = 0; c < k; c++) w[c] = (waAbove ? 1 : -1) * (counts[c] / total - 1.0 / k);
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) order[c] = c;
        Arrays.sort(order, (a, b) -> Double.compare(w[b], w[a]));
        double budget = k * ua, gap = 0;
        for (int c : order) {
            double r = Math.min(1, budget);
            gap += w[c] * r;
            budget -= r;
            if (budget <= 0) break;
        }
        return gap;
    }
}
