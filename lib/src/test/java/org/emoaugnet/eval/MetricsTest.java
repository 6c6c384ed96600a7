package org.emoaugnet.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
    static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void waDiffersFromUaOnImbalancedData() {
        int[] truth = {0, 0, 0, 0, 0, 0, 0, 0, 1, 2};
        int[] pred = new int[10]; // always "a"
        Metrics m = Metrics.of(ABC, truth, pred);
        assertEquals(0.8, m.wa(), 1e-12);
        assertEquals(1.0 / 3, m.ua(), 1e-12);
        assertEquals((2 * 0.8 / 1.8) / 3, m.macroF1(), 1e-12);
        assertArrayEquals(new double[] {0.8, 0, 0}, m.precision(), 1e-12);
        assertArrayEquals(new int[] {8, 1, 1}, m.support());
        assertEquals(m.ua(), Statistics.ua(truth, pred), 1e-12);
        assertEquals(m.wa(), Statistics.wa(truth, pred), 1e-12);
    }

    @Test
    void handComputedConfusion() {
        int[] truth = {0, 0, 1, 1, 1, 2};
        int[] pred = {0, 1, 1, 1, 2, 2};
        Confusion c = Confusion.of(ABC, truth, pred);
        assertArrayEquals(new int[][] {{1, 1, 0}, {0, 2, 1}, {0, 0, 1}}, c.counts());
        Metrics m = Metrics.of(c);
        assertEquals(4.0 / 6, m.wa(), 1e-12);
        assertEquals((0.5 + 2.0 / 3 + 1) / 3, m.ua(), 1e-12);
        assertEquals(2.0 / 3, m.precision()[1], 1e-12); // predicted b three times, two right
        assertEquals(0.5, m.precision()[2], 1e-12);
        assertEquals(0.5, (double) c.normalisedTable().doubleColumn("b").get(0), 1e-12);
        assertEquals(2, c.plus(c).counts()[0][0]);
        assertThrows(IllegalArgumentException.class, () -> Confusion.of(ABC, new int[] {3}, new int[] {0}));
    }

    @Test
    void uaIgnoresClassesWithoutSupport() {
        Metrics m = Metrics.of(ABC, new int[] {0, 1}, new int[] {0, 2});
        assertEquals(0.5, m.ua(), 1e-12, "class c has no support: mean over a and b");
    }

    @Test
    void mcnemarKnownValues() {
        // 10 items only A right, 30 only B right -> chi2 = (|10-30| - 1)^2 / 40 = 9.025, p = 0.002663
        int n = 60;
        int[] t = new int[n], a = new int[n], b = new int[n];
        for (int i = 0; i < n; i++) {
            if (i < 10) { a[i] = 0; b[i] = 1; }
            else if (i < 40) { a[i] = 1; b[i] = 0; }
        }
        Statistics.McNemar m = Statistics.mcnemar(t, a, b);
        assertEquals(10, m.onlyA());
        assertEquals(30, m.onlyB());
        assertEquals(9.025, m.statistic(), 1e-12);
        assertEquals(0.002663, m.pValue(), 2e-6);
        assertFalse(m.exact());
        // exact: b = 1, c = 9 -> 2 * (C(10,0) + C(10,1)) / 2^10 = 0.021484375
        int[] t2 = new int[10], a2 = new int[10], b2 = new int[10];
        for (int i = 1; i < 10; i++) a2[i] = 1;
        b2[0] = 1;
        Statistics.McNemar e = Statistics.mcnemar(t2, a2, b2);
        assertTrue(e.exact());
        assertEquals(0.021484375, e.pValue(), 1e-12);
        assertEquals(1.0, Statistics.mcnemar(t2, a2, a2).pValue());
    }

    @Test
    void bootstrapIsSeededAndSensible() {
        int n = 200;
        int[] t = new int[n], p = new int[n];
        for (int i = 0; i < n; i++) { t[i] = i % 4; p[i] = i % 5 == 0 ? (t[i] + 1) % 4 : t[i]; }
        Statistics.Interval a = Statistics.bootstrap(t, p, Statistics::wa, 1000, 0.05, 7);
        assertEquals(0.8, a.estimate(), 1e-12);
        assertTrue(a.low() < 0.8 && a.high() > 0.8);
        assertTrue(a.high() - a.low() > 0.07 && a.high() - a.low() < 0.15, "≈ 4 s.e. of a proportion: " + a);
        assertEquals(a, Statistics.bootstrap(t, p, Statistics::wa, 1000, 0.05, 7));
        Statistics.Interval perfect = Statistics.bootstrap(t, t, Statistics::ua, 200, 0.05, 1);
        assertEquals(1.0, perfect.low());
        assertEquals(1.0, perfect.high());
    }

    @Test
    void pairedTestDetectsRealDifferencesOnly() {
        int n = 300;
        int[] t = new int[n], good = new int[n], bad = new int[n];
        for (int i = 0; i < n; i++) { t[i] = i % 3; good[i] = i % 10 == 0 ? (t[i] + 1) % 3 : t[i]; bad[i] = i % 2 == 0 ? (t[i] + 1) % 3 : t[i]; }
        Statistics.PairedTest d = Statistics.paired(t, good, bad, Statistics::ua, 500, 3);
        assertTrue(d.difference().estimate() > 0.3);
        assertTrue(d.difference().low() > 0);
        assertTrue(d.pValue() < 0.01);
        Statistics.PairedTest same = Statistics.paired(t, good, good, Statistics::ua, 200, 3);
        assertEquals(0, same.difference().estimate(), 1e-12);
        assertEquals(1.0, same.pValue(), 1e-12);
    }

    @Test
    void meanSd() {
        Statistics.MeanSd m = Statistics.meanSd(1, 2, 3, 4);
        assertEquals(2.5, m.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), m.sd(), 1e-12);
        assertTrue(Double.isNaN(Statistics.meanSd(1).sd()));
    }
    @Test
    void signFlipTestIsExactForSmallSamples() {
        // 2^3 sign patterns of (1, 2, 3): only all-plus and all-minus reach |sum| = 6
        assertEquals(0.25, Statistics.signFlip(new double[] {1, 2, 3}, 0, 1), 1e-12);
        assertEquals(1.0, Statistics.signFlip(new double[] {1, -1}, 0, 1), 1e-12);
        double[] big = new double[30];
        java.util.Arrays.fill(big, 1.0);
        assertTrue(Statistics.signFlip(big, 5000, 3) < 0.001, "thirty equal positive differences");
    }
}
