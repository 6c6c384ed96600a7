package org.emoaugnet.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The speaker-clustered bootstrap and Holm's correction on constructed data whose answers are known. */
class ClusteredStatisticsTest {
    /** 10 speakers × 12 recordings, 4 classes, each recording right with a speaker-specific probability. */
    static List<String[]> rows(int copies, boolean renameCopies, long seed) {
        Random r = new Random(seed);
        List<String[]> rows = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            double skill = 0.3 + 0.05 * s;
            for (int k = 0; k < 12; k++) {
                int truth = k % 4;
                boolean right = r.nextDouble() < skill;
                for (int c = 0; c < copies; c++)
                    rows.add(new String[] {"spk" + s, "rec" + s + "-" + k + (renameCopies ? "-copy" + c : ""), String.valueOf(truth),
                            String.valueOf(right ? truth : (truth + 1) % 4)});
            }
        }
        return rows;
    }

    static List<ClusteredBootstrap.Recording> collapse(List<String[]> rows) {
        int n = rows.size();
        String[] spk = new String[n], rec = new String[n];
        int[] t = new int[n], p = new int[n];
        for (int i = 0; i < n; i++) {
            spk[i] = rows.get(i)[0];
            rec[i] = rows.get(i)[1];
            t[i] = Integer.parseInt(rows.get(i)[2]);
            p[i] = Integer.parseInt(rows.get(i)[3]);
        }
        return ClusteredBootstrap.recordings(spk, rec, t, p);
    }

    @Test
    void duplicatingRowsDoesNotNarrowTheInterval() {
        var once = ClusteredBootstrap.interval(collapse(rows(1, false, 1)), ClusteredBootstrap.Metric.UA, 2000, 0.05, 7);
        var fourTimes = ClusteredBootstrap.interval(collapse(rows(4, false, 1)), ClusteredBootstrap.Metric.UA, 2000, 0.05, 7);
        assertEquals(once, fourTimes, "four rows of the same recording are one recording");
        // counted as new recordings, the copies would narrow the interval: the row-level mistake this class avoids
        var asNew = ClusteredBootstrap.interval(collapse(rows(4, true, 1)), ClusteredBootstrap.Metric.UA, 2000, 0.05, 7);
        assertTrue(asNew.high() - asNew.low() < 0.8 * (once.high() - once.low()), once + " vs " + asNew);
    }

    @Test
    void aPureSpeakerEffectGivesAWideInterval() {
        // half the speakers always right, half always wrong: 0.5 on average, but 10 speakers are all the evidence
        List<String[]> rows = new ArrayList<>();
        for (int s = 0; s < 10; s++)
            for (int k = 0; k < 40; k++) rows.add(new String[] {"spk" + s, "r" + s + "-" + k, String.valueOf(k % 2), String.valueOf(s < 5 ? k % 2 : 1 - k % 2)});
        var clustered = ClusteredBootstrap.interval(collapse(rows), ClusteredBootstrap.Metric.WA, 4000, 0.05, 3);
        int n = rows.size();
        int[] t = new int[n], p = new int[n];
        for (int i = 0; i < n; i++) { t[i] = Integer.parseInt(rows.get(i)[2]); p[i] = Integer.parseInt(rows.get(i)[3]); }
        var itemLevel = Statistics.bootstrap(t, p, Statistics::wa, 4000, 0.05, 3);
        assertEquals(0.5, clustered.estimate(), 1e-12);
        assertTrue(clustered.high() - clustered.low() > 0.45, "speaker-level evidence: " + clustered);
        assertTrue(itemLevel.high() - itemLevel.low() < 0.12, "items as if independent: " + itemLevel);
    }

    @Test
    void pairedDifferenceOfIdenticalSystemsIsZeroAndOfABetterOneIsDetected() {
        var a = collapse(rows(1, false, 2));
        var same = ClusteredBootstrap.paired(a, a, ClusteredBootstrap.Metric.UA, 1000, 0.05, 1);
        assertEquals(0, same.difference().estimate(), 1e-12);
        assertEquals(1.0, same.pValue(), 1e-12);
        List<ClusteredBootstrap.Recording> better = new ArrayList<>();
        for (var r : a) better.add(new ClusteredBootstrap.Recording(r.speaker(), r.id(), r.truth(), Math.min(1, r.correct() + 0.5)));
        var d = ClusteredBootstrap.paired(a, better, ClusteredBootstrap.Metric.WA, 2000, 0.05, 1);
        assertTrue(d.difference().low() > 0 && d.pValue() < 0.01, d.toString());
        assertThrows(IllegalArgumentException.class, () -> ClusteredBootstrap.paired(a, a.subList(0, 5), ClusteredBootstrap.Metric.WA, 10, 0.05, 1));
    }

    @Test
    void rowsOfOneRecordingMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> ClusteredBootstrap.recordings(new String[] {"a", "b"}, new String[] {"r", "r"},
                new int[] {0, 0}, new int[] {0, 0}));
    }

    @Test
    void holmMatchesAHandComputedExample() {
        // sorted 0.01, 0.02, 0.03, 0.5 with m = 4: 0.04, 0.06, 0.06 (monotone), 0.5
        assertArrayEquals(new double[] {0.06, 0.04, 0.5, 0.06}, Multiplicity.holm(0.03, 0.01, 0.5, 0.02), 1e-12);
        assertArrayEquals(new double[] {1.0}, Multiplicity.holm(1.0), 0);
        assertArrayEquals(new double[] {1.0, 1.0}, Multiplicity.holm(0.6, 0.9), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Multiplicity.holm(1.2));
    }

    @Test
    void aDifferenceOnOneSpeakerIsNotAGeneralEffect() {
        // B equals A everywhere except speaker 0, where B gets every recording right and A none: row-level tests that
        // treat 120 recordings as independent call it significant; resampling speakers shows it rests on one speaker
        List<String[]> a = new ArrayList<>(), b = new ArrayList<>();
        for (int s = 0; s < 10; s++)
            for (int k = 0; k < 12; k++) {
                int truth = k % 4;
                boolean right = s > 0 && k % 3 != 0;
                a.add(new String[] {"spk" + s, "r" + s + "-" + k, String.valueOf(truth), String.valueOf(right ? truth : (truth + 1) % 4)});
                b.add(new String[] {"spk" + s, "r" + s + "-" + k, String.valueOf(truth), String.valueOf(right || s == 0 ? truth : (truth + 1) % 4)});
            }
        int n = a.size();
        int[] t = new int[n], pa = new int[n], pb = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = Integer.parseInt(a.get(i)[2]);
            pa[i] = Integer.parseInt(a.get(i)[3]);
            pb[i] = Integer.parseInt(b.get(i)[3]);
        }
        var rows = Statistics.paired(t, pb, pa, Statistics::wa, 2000, 5);
        assertTrue(rows.pValue() < 0.05, "row level: " + rows);
        var clustered = ClusteredBootstrap.paired(collapse(a), collapse(b), ClusteredBootstrap.Metric.WA, 4000, 0.05, 5);
        assertEquals(0.1, clustered.difference().estimate(), 1e-12);
        assertTrue(clustered.difference().low() <= 0 && clustered.pValue() > 0.05, "speaker level: " + clustered);
    }
}
