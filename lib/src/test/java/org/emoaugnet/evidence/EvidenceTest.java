package org.emoaugnet.evidence;

import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.Evidence;
import org.emoaugnet.evidence.StudyReport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The seed-level interval and the family corrections of the report tables, on values whose answers are known. */
class EvidenceTest {
    @Test
    void seedLevelIntervalIsTheStudentTInterval() {
        var i = Evidence.tInterval(new double[] {1, 2, 3});
        // mean 2, s.d. 1, t(2, 0.975) = 4.302653: half-width 4.302653 / sqrt(3)
        assertEquals(2, i.estimate(), 1e-12);
        assertEquals(2 - 4.302653 / Math.sqrt(3), i.low(), 1e-5);
        assertEquals(2 + 4.302653 / Math.sqrt(3), i.high(), 1e-5);
        assertTrue(Double.isNaN(Evidence.tInterval(new double[] {5}).low()), "one seed has no interval");
        var dup = Evidence.tInterval(new double[] {1, 2, 3, 1, 2, 3});
        assertTrue(dup.high() - dup.low() < i.high() - i.low(), "the t interval narrows with n: units must be independent seeds, never repeated rows");
    }

    @Test
    void holmSkipsMissingTestsAndCountsOnlyTheOthers() {
        assertArrayEquals(new double[] {0.02, Double.NaN, 0.04}, StudyReport.holmOrNaN(new double[] {0.01, Double.NaN, 0.04}), 1e-12);
    }

    @Test
    void theSignFlipCheckCannotReachFivePercentWithFiveFoldsButThePrimaryTestCan() {
        double[] d = {1, 2, 3, 4, 5};
        var t = org.emoaugnet.eval.PairedT.test(d);
        var c = new Comparison("UA", "fold", java.util.List.of("1", "2", "3", "4", "5"), d, Evidence.tInterval(d), t, 0.0625, null, Double.NaN, 15, 0, "x");
        assertEquals(0.0625, c.smallestAttainableP(), 1e-12);
        assertEquals(0.0625, org.emoaugnet.eval.Statistics.signFlip(d, 1, 1), 1e-12, "all differences positive: 2 of 32 patterns");
        assertTrue(t.p() < 0.05, "the paired t-test over the same five folds rejects: " + t.p());
        assertEquals(5, c.unitsInDirection());
    }
}
