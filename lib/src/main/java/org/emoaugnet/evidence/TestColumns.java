package org.emoaugnet.evidence;

/**
 * The column names of a test table ({@link StudyReport#comparisonTable}), in one place: the study report writes
 * them, and the README renderer, the findings and the robustness and cross-corpus reports read them. Differences are
 * A − B in points; the primary test is the paired t-test over units, Holm-adjusted over the table's rows (the family);
 * the sign-flip test is the robustness check beside it.
 */
public final class TestColumns {
    private TestColumns() {}

    public static final String COMPARISON = "comparison", PAIRED_RUNS = "paired runs", UNCONVERGED = "unconverged runs", UNIT = "run-level unit",
            UNITS = "units", PER_UNIT = "Δ per unit (points)", IN_DIRECTION = "units in the direction of Δ", FAMILY = "comparisons in family";

    /** The primary test: mean difference over units, its 95 % t interval, the paired t-test's p, Holm-adjusted p and Holm-adjusted floor. */
    public static final String DELTA = "Δ over units (points)", T_LOW = "Δ 95% t CI low", T_HIGH = "Δ 95% t CI high", P_T = "p paired t (units)",
            P_T_HOLM = "p Holm, paired t (units)", P_T_FLOOR = "smallest Holm p, paired t";

    /** The robustness check: exact sign-flip p, its Holm adjustment, its floor 2/2ⁿ and that floor Holm-adjusted (× m). */
    public static final String P_SIGN = "p sign-flip (units)", P_SIGN_HOLM = "p Holm, sign-flip (units)", P_SIGN_FLOOR = "smallest p, sign-flip",
            P_SIGN_FLOOR_HOLM = "smallest Holm p, sign-flip";

    /** Power of the primary test: the minimal detectable Δ at 80 % power, the Δ that matters, and the units it would need. */
    public static final String MDE = "minimal detectable Δ, 80% power (points)", MATTERS = "Δ that matters (points)",
            UNITS_NEEDED = "units needed for the Δ that matters";

    /** The item level: difference over recordings with its speaker→recording interval, bootstrap p and Holm-adjusted p. */
    public static final String ITEM_DELTA = "Δ over recordings (points)", ITEM_LOW = "Δ 95% CI low (speakers→recordings)",
            ITEM_HIGH = "Δ 95% CI high (speakers→recordings)", P_ITEM = "p bootstrap (speakers→recordings)", P_ITEM_HOLM = "p Holm (speakers→recordings)";

    /** The verdict ({@link org.emoaugnet.eval.TestVerdict} name). */
    public static final String VERDICT = "verdict";

    /**
     * The power table ({@link StudyReport#powerTable}), one row per family, beyond the columns above it shares: the
     * family's name, the smallest and largest minimal detectable Δ, how many comparisons detect the Δ that matters, and
     * the most units any other would need.
     */
    public static final String POWER_FAMILY = "family", POWER_MDE_MIN = "minimal detectable Δ, smallest (points)",
            POWER_MDE_MAX = "minimal detectable Δ, largest (points)", POWER_DETECTS = "comparisons that detect the Δ that matters",
            POWER_NEEDED = "most units needed for the Δ that matters";

    /** Integer-valued columns (for readers of the CSV). */
    public static final java.util.Set<String> INTEGERS = java.util.Set.of(PAIRED_RUNS, UNCONVERGED, UNITS, IN_DIRECTION, FAMILY, UNITS_NEEDED);

    /** Text columns. */
    public static final java.util.Set<String> TEXT = java.util.Set.of(COMPARISON, UNIT, PER_UNIT, VERDICT);
}
