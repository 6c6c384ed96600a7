package org.emoaugnet.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** The primary paired t-test, its exact power, and the one verdict function, on constructed cases whose answers are known. */
class PairedTAndVerdictTest {
    @Test
    void theTTestMatchesHandComputedValues() {
        PairedT.Result r = PairedT.test(new double[] {1, 2, 3, 4, 5});
        assertEquals(3, r.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), r.sd(), 1e-12);
        double t = 3 / (Math.sqrt(2.5) / Math.sqrt(5));   // 4.2426, df 4: two-sided p 0.01324
        assertEquals(2 * new TDistribution(4).cumulativeProbability(-t), r.p(), 1e-12);
        assertEquals(0.01324, r.p(), 1e-4);
        double half = new TDistribution(4).inverseCumulativeProbability(0.975) * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(3 - half, r.low(), 1e-12);
        assertTrue(Double.isNaN(PairedT.test(new double[] {4}).p()), "one unit: no test");
        assertEquals(1, PairedT.smallestP(1));
        assertEquals(0, PairedT.smallestP(2), "with two units the t statistic is unbounded, so any p is attainable");
    }

    /** The exact power against a seeded simulation of the t-test itself. */
    @Test
    void theMinimalDetectableEffectHasItsPowerInSimulation() {
        for (int[] nm : new int[][] {{5, 1}, {3, 4}, {5, 10}}) {
            int n = nm[0], m = nm[1];
            double alpha = 0.05 / m, sd = 2.0;
            double mde = PairedT.minimalDetectableEffect(sd, n, alpha, 0.8);
            double approx = (new TDistribution(n - 1).inverseCumulativeProbability(1 - alpha / 2) + new TDistribution(n - 1).inverseCumulativeProbability(0.8))
                    * sd / Math.sqrt(n);
            assertTrue(mde > approx, "with " + n + " units the normal-approximation formula is optimistic: exact " + mde + " vs " + approx);
            SplittableRandom r = new SplittableRandom(17 + n * 31L + m);
            int reject = 0, sims = 40_000;
            for (int s = 0; s < sims; s++) {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) d[i] = mde + sd * gaussian(r);
                if (PairedT.test(d).p() < alpha) reject++;
            }
            assertEquals(0.8, (double) reject / sims, 0.01, "n = " + n + ", alpha = " + alpha + ": simulated power at the minimal detectable effect");
        }
    }

    @Test
    void unitsNeededIsTheFirstCountWithEnoughPower() {
        double sd = 4.7, effect = 2.0, alpha = 0.05 / 10;
        int k = PairedT.unitsFor(effect, sd, alpha, 0.8, 1000);
        assertTrue(k > 5, "2 points with s.d. 4.7 need more than five units: " + k);
        assertTrue(PairedT.power(effect * Math.sqrt(k) / sd, k - 1, alpha) >= 0.8);
        assertTrue(PairedT.power(effect * Math.sqrt(k - 1) / sd, k - 2, alpha) < 0.8);
        assertTrue(PairedT.minimalDetectableEffect(sd, k, alpha, 0.8) <= effect);
        assertEquals(-1, PairedT.unitsFor(0.01, 50, alpha, 0.8, 1000), "beyond the limit");
    }

    private static double gaussian(SplittableRandom r) {
        double u = r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** The difference that matters in these cases, points (the project's, {@code Comparison.EFFECT_THAT_MATTERS}, is a layer above). */
    static final double MATTERS = 2.0;

    private static TestVerdict.Numbers numbers(double[] d, int m, double pHolm) {
        PairedT.Result t = PairedT.test(d);
        int agree = 0;
        for (double x : d) if (Math.signum(x) == Math.signum(t.mean()) && x != 0) agree++;
        return new TestVerdict.Numbers("seed", d.length, agree, m, t.low(), t.high(), pHolm, Math.min(1, m * PairedT.smallestP(d.length)),
                Double.NaN, Double.NaN, Double.NaN, PairedT.minimalDetectableEffect(t.sd(), d.length, 0.05 / m, 0.8), MATTERS, 0, 2 * d.length);
    }

    @Test
    void fiveUnitsAtSeventeenToTwentyTwoPointsAreEstablished() {
        double[] d = {19.1, 20.5, 21.5, 20.8, 17.3};   // notebook 02's public-4 − none under the paper-style protocol
        double p = PairedT.test(d).p();
        double[] holm = Multiplicity.holm(p, 0.9, 0.5, 0.3);   // a family of four
        TestVerdict.Outcome o = TestVerdict.of(numbers(d, 4, holm[0]));
        assertEquals(TestVerdict.ESTABLISHED, o.verdict(), o.sentence());
        assertTrue(o.sentence().startsWith("established"), o.sentence());
        assertFalse(o.sentence().contains("no difference"), o.sentence());
    }

    @Test
    void unitsThatAllAgreeWhereTheHolmFloorIsAboveAlphaGoTheSameWayButAreTooFew() {
        TestVerdict.Outcome one = TestVerdict.of(numbers(new double[] {3.2}, 6, Double.NaN));
        assertEquals(TestVerdict.SAME_DIRECTION_TOO_FEW_UNITS, one.verdict(), one.sentence());
        assertTrue(one.sentence().contains("same direction in every unit, but too few units to test"), one.sentence());
        // five units that agree, a floor above 0.05 given by the family (as an exact sign-flip primary over 5 units and 5 comparisons would have)
        TestVerdict.Outcome five = TestVerdict.of(new TestVerdict.Numbers("fold", 5, 5, 5, -3, 20, 0.4, 5 * 2.0 / 32, Double.NaN, Double.NaN, Double.NaN, 9, MATTERS, 0, 30));
        assertEquals(TestVerdict.SAME_DIRECTION_TOO_FEW_UNITS, five.verdict(), five.sentence());
        TestVerdict.Outcome mixed = TestVerdict.of(new TestVerdict.Numbers("fold", 5, 3, 5, -3, 20, 0.4, 0, Double.NaN, Double.NaN, Double.NaN, 1.5, MATTERS, 0, 30));
        assertEquals(TestVerdict.NO_DIFFERENCE, mixed.verdict(), "the test could reject and did not, and detects 2 points: " + mixed.sentence());
        TestVerdict.Outcome open = TestVerdict.of(new TestVerdict.Numbers("fold", 5, 5, 1, 1, 20, 0.001, 0, Double.NaN, Double.NaN, Double.NaN, 9, MATTERS, 2, 30));
        assertEquals(TestVerdict.NO_CONCLUSION, open.verdict(), "unconverged runs: no conclusion, whatever the numbers");
        assertTrue(open.sentence().contains("2 of the 30 runs"), open.sentence());
    }

    @Test
    void anIntervalThatExcludesZeroNeverReadsNoDifference() {
        SplittableRandom r = new SplittableRandom(5);
        int excluding = 0, underpowered = 0;
        for (int i = 0; i < 20_000; i++) {
            int n = 1 + r.nextInt(6), m = 1 + r.nextInt(12);
            double lo = r.nextDouble() * 20 - 10, hi = lo + r.nextDouble() * 15, ilo = r.nextDouble() * 20 - 10, ihi = ilo + r.nextDouble() * 15;
            boolean noT = r.nextInt(5) == 0, noItem = r.nextInt(3) == 0;
            TestVerdict.Numbers x = new TestVerdict.Numbers("fold", n, r.nextInt(n + 1), m, noT ? Double.NaN : lo, noT ? Double.NaN : hi, r.nextDouble(),
                    r.nextBoolean() ? 0 : r.nextDouble(), noItem ? Double.NaN : ilo, noItem ? Double.NaN : ihi, r.nextDouble(), r.nextDouble() * 10, MATTERS, 0, 2 * n);
            TestVerdict.Outcome o = TestVerdict.of(x);
            boolean excludes = TestVerdict.excludesZero(x.low(), x.high()) || TestVerdict.excludesZero(x.itemLow(), x.itemHigh());
            if (excludes) {
                excluding++;
                assertNotEquals(TestVerdict.NO_DIFFERENCE, o.verdict(), x.toString());
                assertFalse(o.sentence().contains("no difference"), o.sentence());
            }
            if (x.mde() > x.matters()) {
                assertNotEquals(TestVerdict.NO_DIFFERENCE, o.verdict(), "a test that cannot detect the difference that matters: " + x);
                assertFalse(o.label().contains("no difference") || o.sentence().contains("no difference"), o.label() + " / " + o.sentence());
            }
            if (o.verdict() == TestVerdict.UNDERPOWERED) underpowered++;
        }
        assertTrue(underpowered > 500, "the constructed cases include many underpowered non-rejections: " + underpowered);
        assertTrue(excluding > 5000, "the constructed cases include many intervals that exclude zero");
        TestVerdict.Outcome t = TestVerdict.of(new TestVerdict.Numbers("seed", 3, 3, 11, 6.5, 10.2, 0.2, 0, Double.NaN, Double.NaN, Double.NaN, 4, MATTERS, 0, 6));
        assertEquals(TestVerdict.NOT_AFTER_HOLM, t.verdict(), "notebook 05's telephone band: its t interval +6.5 to +10.2 excludes zero");
    }

    /** A test that could reject and did not, where the interval includes zero, from the speaker-independent ablation's noise − none row. */
    private static TestVerdict.Numbers notRejected(double mde, double matters) {
        return new TestVerdict.Numbers("fold", 5, 4, 10, -1.3, 5.4, 1.0, 0, -0.6, 4.6, 1.0, mde, matters, 0, 30);
    }

    @Test
    void aTestThatCannotDetectTheDifferenceThatMattersSaysSoInItsRow() {
        TestVerdict.Outcome weak = TestVerdict.of(notRejected(8.53, MATTERS));
        assertEquals(TestVerdict.UNDERPOWERED, weak.verdict(), weak.sentence());
        assertEquals("not established; detects ≥ 8.5 points", weak.label(), "the row names the smallest difference its test detects");
        assertEquals(weak.label(), TestVerdict.UNDERPOWERED.label(8.53), "a CSV's name and minimal detectable difference give the same label");
        assertFalse(weak.label().contains("no difference") || weak.sentence().contains("no difference"), weak.sentence());
        assertTrue(weak.sentence().startsWith("not established: the paired t-test over 5 folds could reject and did not (Holm p = 1.000)"), weak.sentence());
        assertTrue(weak.sentence().endsWith("detects differences of 8.5 points or more, not the 2.0 that matter"), weak.sentence());

        TestVerdict.Outcome strong = TestVerdict.of(notRejected(1.6, MATTERS));
        assertEquals(TestVerdict.NO_DIFFERENCE, strong.verdict(), "a test that detects 2 points and did not reject: " + strong.sentence());
        assertEquals("no difference established", strong.label());
        assertTrue(strong.sentence().endsWith("detects differences of 1.6 points or more"), strong.sentence());
        assertEquals(TestVerdict.NO_DIFFERENCE, TestVerdict.of(notRejected(MATTERS, MATTERS)).verdict(), "detecting exactly the difference that matters is enough");
        assertEquals(TestVerdict.NO_DIFFERENCE, TestVerdict.of(notRejected(Double.NaN, MATTERS)).verdict(), "power unknown: not judged");
        assertEquals(TestVerdict.NO_DIFFERENCE, TestVerdict.of(notRejected(8.53, Double.NaN)).verdict(), "no difference that matters given: not judged");
    }

    @Test
    void powerComesAfterEveryRuleThatSeesADifferenceOrCannotTest() {
        TestVerdict.Outcome est = TestVerdict.of(new TestVerdict.Numbers("seed", 5, 5, 2, 17.7, 21.9, 0.0001, 0, Double.NaN, Double.NaN, Double.NaN, 3.5, MATTERS, 0, 10));
        assertEquals(TestVerdict.ESTABLISHED, est.verdict(), "an established difference is established whatever the power");
        assertEquals("established", est.label());
        TestVerdict.Outcome item = TestVerdict.of(new TestVerdict.Numbers("seed", 8, 6, 13, -0.9, 11.5, 0.343, 0, 2.3, 8.5, 0.02, 12.0, MATTERS, 0, 16));
        assertEquals(TestVerdict.RECORDING_LEVEL_ONLY, item.verdict(), item.sentence());
        TestVerdict.Outcome few = TestVerdict.of(new TestVerdict.Numbers("seed", 1, 1, 27, Double.NaN, Double.NaN, Double.NaN, 1, -4.4, 1.2, 1, Double.NaN, MATTERS, 0, 2));
        assertEquals(TestVerdict.SAME_DIRECTION_TOO_FEW_UNITS, few.verdict(), few.sentence());
        assertEquals("same direction in every unit, but too few units to test", few.label(), "a label without power reads the same for any minimal detectable Δ");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> TestVerdict.UNDERPOWERED.label(Double.NaN),
                "an underpowered label without its minimal detectable difference would hide what it cannot see");
    }
}
