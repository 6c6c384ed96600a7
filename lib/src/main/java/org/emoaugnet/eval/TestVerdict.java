package org.emoaugnet.eval;

import java.util.Locale;

/**
 * What one comparison of a family concludes, and the one function that words it ({@link #of}). Every sentence
 * generator that states a test's verdict goes through it, so that the same numbers always give the same words.
 *
 * <p>The primary test is the paired t-test over independent units ({@link PairedT}; the unit is the fold where
 * folds are fixed, the seed where each seed draws its own split), two-sided, Holm-adjusted over the family. The
 * rules, in order:
 * <ol>
 *   <li>runs stopped at their epoch cap while still improving, or no paired unit: {@link #NO_CONCLUSION};</li>
 *   <li>the primary test rejects after Holm: {@link #ESTABLISHED};</li>
 *   <li>its 95 % t interval excludes zero but Holm does not reject: {@link #NOT_AFTER_HOLM};</li>
 *   <li>every unit goes the same way and the primary test cannot reach α after Holm (its Holm-adjusted floor is at
 *       or above α, e.g. one unit): {@link #SAME_DIRECTION_TOO_FEW_UNITS};</li>
 *   <li>the recording-level interval (speakers, then recordings) excludes zero: {@link #RECORDING_LEVEL_ONLY};</li>
 *   <li>the test could not reach α at all: {@link #NO_CONCLUSION};</li>
 *   <li>the test could reject and did not, neither interval excludes zero, and at 80 % power it detects only
 *       differences larger than the one that matters (its minimal detectable difference exceeds it):
 *       {@link #UNDERPOWERED}, whose row label names the smallest difference it detects ({@link #label(double)});</li>
 *   <li>otherwise {@link #NO_DIFFERENCE}: the test could reject and did not, neither interval excludes zero, and it
 *       detects the difference that matters (or its power is unknown).</li>
 * </ol>
 * So "no difference" is never said where an interval of the comparison excludes zero, nor of a test that could not
 * have seen the difference that matters.
 */
public enum TestVerdict {
    ESTABLISHED("established"),
    NOT_AFTER_HOLM("interval excludes zero, not established after Holm"),
    SAME_DIRECTION_TOO_FEW_UNITS("same direction in every unit, but too few units to test"),
    RECORDING_LEVEL_ONLY("interval excludes zero at the recording level only"),
    UNDERPOWERED("not established"),
    NO_DIFFERENCE("no difference established"),
    NO_CONCLUSION("no conclusion");

    /** The family-wise level every verdict uses. */
    public static final double ALPHA = 0.05;

    /** The verdict's short label, as it opens its sentence. */
    private final String label;

    TestVerdict(String label) { this.label = label; }

    /** The label without what a row's test could detect ("not established"), for counting rows by verdict. */
    public String shortLabel() { return label; }

    /**
     * The verdict as a table row shows it, from the row's minimal detectable difference at 80 % power ({@code mde},
     * points; read only by {@link #UNDERPOWERED}, whose label names it: "not established; detects ≥ 5.6 points"), so
     * that a row read alone says what its test could have seen. A CSV that stores the verdict's name and the
     * minimal detectable difference gives the same label as {@link #of} gave for the numbers it was written from.
     */
    public String label(double mde) {
        if (this != UNDERPOWERED) return label;
        if (Double.isNaN(mde)) throw new IllegalArgumentException(name() + " names the minimal detectable difference, and none was given");
        return String.format(Locale.ROOT, "%s; detects ≥ %.1f points", label, mde);
    }

    /**
     * The numbers a verdict is decided from (differences A − B, in points).
     *
     * @param unit         "fold" or "seed"
     * @param units        independent units
     * @param inDirection  units whose difference has the (non-zero) sign of the mean; 0 when the mean is 0
     * @param comparisons  comparisons in the family (Holm's m)
     * @param low          lower end of the primary 95 % t interval (NaN without one)
     * @param high         its upper end
     * @param pHolm        the primary test's Holm-adjusted p (NaN without a test)
     * @param floorHolm    the smallest Holm-adjusted p the primary test can reach in this family
     * @param itemLow      lower end of the recording-level 95 % interval (NaN when not paired on the same recordings)
     * @param itemHigh     its upper end
     * @param pItemHolm    the recording-level Holm-adjusted p (NaN likewise)
     * @param mde          the minimal effect the primary test detects at 80 % power (NaN unknown)
     * @param matters      the difference that matters, in points (NaN unknown: the power is not judged)
     * @param unconverged  runs of the comparison stopped at their epoch cap while still improving
     * @param runs         runs of the comparison (both sides)
     */
    public record Numbers(String unit, int units, int inDirection, int comparisons, double low, double high, double pHolm, double floorHolm,
                         double itemLow, double itemHigh, double pItemHolm, double mde, double matters, int unconverged, int runs) {}

    /** A verdict with its row label ({@link #label(double)}) and its sentence. */
    public record Outcome(TestVerdict verdict, String label, String sentence) {}

    /** The verdict of one comparison, its row label and the sentence that states it (see the class comment for the rules). */
    public static Outcome of(Numbers x) {
        String units = x.units() + " " + x.unit() + (x.units() == 1 ? "" : "s");
        String family = x.comparisons() == 1 ? "" : " over " + x.comparisons() + " comparisons";
        if (x.unconverged() > 0)
            return outcome(NO_CONCLUSION, x, NO_CONCLUSION.label + ": " + x.unconverged() + " of the " + x.runs()
                    + " runs stopped at their epoch cap while still improving");
        if (x.units() == 0) return outcome(NO_CONCLUSION, x, NO_CONCLUSION.label + ": no paired runs");
        if (x.pHolm() < ALPHA)
            return outcome(ESTABLISHED, x, String.format(Locale.ROOT, "%s: the paired t-test over %s rejects equal means after Holm%s (p %s)",
                    ESTABLISHED.label, units, family, p(x.pHolm())));
        if (excludesZero(x.low(), x.high()))
            return outcome(NOT_AFTER_HOLM, x, String.format(Locale.ROOT, "%s: the 95%% t interval over %s excludes zero, but the paired t-test "
                    + "does not reject after Holm%s (p %s)", NOT_AFTER_HOLM.label, units, family, p(x.pHolm())));
        boolean cannot = !(x.floorHolm() < ALPHA);
        if (cannot && x.inDirection() == x.units())
            return outcome(SAME_DIRECTION_TOO_FEW_UNITS, x, String.format(Locale.ROOT, "%s (%d of %d; the smallest Holm-adjusted p the paired t-test "
                    + "can reach here is %.3f)", SAME_DIRECTION_TOO_FEW_UNITS.label, x.inDirection(), x.units(), x.floorHolm()));
        if (excludesZero(x.itemLow(), x.itemHigh()))
            return outcome(RECORDING_LEVEL_ONLY, x, String.format(Locale.ROOT, "%s: these trained networks differ on the test speakers' recordings "
                    + "(Holm p %s), but that retraining reproduces it is not established", RECORDING_LEVEL_ONLY.label, p(x.pItemHolm())));
        if (cannot)
            return outcome(NO_CONCLUSION, x, String.format(Locale.ROOT, "%s: with %s the paired t-test cannot reach p < %.2f", NO_CONCLUSION.label, units, ALPHA));
        String didNot = String.format(Locale.ROOT, "the paired t-test over %s could reject and did not (Holm p %s)", units, p(x.pHolm()));
        if (x.mde() > x.matters())
            return outcome(UNDERPOWERED, x, String.format(Locale.ROOT, "%s: %s; at 80%% power it detects differences of %.1f points or more, not the %.1f "
                    + "that matter", UNDERPOWERED.label, didNot, x.mde(), x.matters()));
        return outcome(NO_DIFFERENCE, x, String.format(Locale.ROOT, "%s: %s%s", NO_DIFFERENCE.label, didNot, Double.isNaN(x.mde()) ? ""
                : String.format(Locale.ROOT, "; at 80%% power it detects differences of %.1f points or more", x.mde())));
    }

    private static Outcome outcome(TestVerdict v, Numbers x, String sentence) { return new Outcome(v, v.label(x.mde()), sentence); }

    /** Whether an interval exists and lies on one side of zero. */
    public static boolean excludesZero(double low, double high) { return !Double.isNaN(low) && !Double.isNaN(high) && (low > 0 || high < 0); }

    /** "= 0.042", "< 0.001", "= n/a": a p-value as a sentence states it. */
    private static String p(double v) {
        return Double.isNaN(v) ? "= n/a" : v < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", v);
    }
}
