package org.emoaugnet.evidence;

import org.emoaugnet.publish.LedgerTest;

import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.SharedRuns;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.evidence.TestColumns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.eval.TestVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Test tables, their verdicts and power, the leave-one-out sentence, and reused runs, on constructed cases whose answers are known. */
public class VerdictsTest {
    /** A comparison of constructed unit differences (no prediction files, so no item level). */
    public static Comparison constructed(String unit, String identity, double... d) throws Exception {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        for (int i = 0; i < d.length; i++) m.put(unit + " " + (i + 1), List.of(d[i]));
        return Comparison.compute(unit, m, List.of(), List.of(), List.of(), "UA", 0, identity);
    }

    @Test
    void fiveSeedsThatAllGainSeventeenToTwentyTwoPointsAreEstablished() throws Exception {
        Map<String, Comparison> cmp = new LinkedHashMap<>();
        cmp.put("public-4 − none", constructed("seed", "a", 19.1, 20.5, 21.5, 20.8, 17.3));
        cmp.put("noise − none", constructed("seed", "b", 1.0, -2.0, 0.5, 2.5, -1.5));
        cmp.put("pitch − none", constructed("seed", "c", 5.0, 5.1, 4.9, 5.0, 5.05));
        Table t = StudyReport.comparisonTable("tests", cmp);
        assertEquals(TestVerdict.ESTABLISHED.name(), t.stringColumn(TestColumns.VERDICT).get(0));
        assertEquals(3, t.intColumn(TestColumns.FAMILY).get(0));
        assertEquals(3 * 2.0 / 32, t.doubleColumn(TestColumns.P_SIGN_FLOOR_HOLM).get(0), 1e-12, "the sign-flip check's floor after Holm's first step");
        assertEquals(0, t.doubleColumn(TestColumns.P_T_FLOOR).get(0), 1e-12, "the t-test can reach any p");
        assertTrue(t.doubleColumn(TestColumns.P_T_HOLM).get(0) < 0.05);
        List<String> s = StudyReport.comparisonSentences(t);
        assertTrue(s.get(0).contains("— established: the paired t-test over 5 seeds"), s.get(0));
        assertFalse(s.get(0).contains("no difference"), s.get(0));
        assertEquals(TestVerdict.UNDERPOWERED.name(), t.stringColumn(TestColumns.VERDICT).get(1), "noisy seeds that cannot detect 2 points");
        assertTrue(s.get(1).contains("— not established: the paired t-test over 5 seeds could reject and did not") && !s.get(1).contains("no difference")
                && s.get(1).contains(String.format(java.util.Locale.ROOT, "detects differences of %.1f points or more, not the %.1f that matter",
                t.doubleColumn(TestColumns.MDE).get(1), Comparison.EFFECT_THAT_MATTERS)), s.get(1));
        assertEquals(4, s.size(), "one sentence per comparison, then the family's power");
        assertTrue(s.get(3).startsWith("Power of this family (3 comparisons, unit: seed, 5 units)"), s.get(3));
        assertTrue(s.get(3).contains("1 of 3 comparisons can detect them"), s.get(3));
        double mde = t.doubleColumn(TestColumns.MDE).get(1);
        assertTrue(mde > Comparison.EFFECT_THAT_MATTERS, "five noisy seeds cannot detect 2 points: " + mde);
        assertTrue(t.intColumn(TestColumns.UNITS_NEEDED).get(1) > 5);
        Table p = StudyReport.powerTable("f", t);
        assertTrue(t.doubleColumn(TestColumns.MDE).get(0) > Comparison.EFFECT_THAT_MATTERS, "an s.d. of 1.6 over five seeds hides 2 points (20 are plain)");
        assertTrue(t.doubleColumn(TestColumns.MDE).get(2) < Comparison.EFFECT_THAT_MATTERS);
        assertEquals(1, p.intColumn(TestColumns.POWER_DETECTS).get(0), "only the tight comparison detects 2 points");
        assertEquals(Math.max(t.intColumn(TestColumns.UNITS_NEEDED).get(0), t.intColumn(TestColumns.UNITS_NEEDED).get(1)),
                p.intColumn(TestColumns.POWER_NEEDED).get(0), "the most units any comparison that cannot detect it would need");
    }

    @Test
    void oneUnitInOneDirectionIsTooFewToTest() throws Exception {
        Map<String, Comparison> cmp = new LinkedHashMap<>();
        cmp.put("variant: a → b", constructed("seed", "a", 4.0));
        Table t = StudyReport.comparisonTable("tests", cmp);
        assertEquals(TestVerdict.SAME_DIRECTION_TOO_FEW_UNITS.name(), t.stringColumn(TestColumns.VERDICT).get(0));
        assertTrue(StudyReport.comparisonSentences(t).get(0).contains("same direction in every unit, but too few units to test"));
    }

    @Test
    void theSameRunsUnderTwoNamesAreOneComparisonCountedOnce() throws Exception {
        Map<String, Comparison> cmp = new LinkedHashMap<>();
        cmp.put("x-relu vs x-elu", constructed("fold", "same", 1.0, 2.0, 3.0));
        cmp.put("y-relu vs x-elu", constructed("fold", "same", 1.0, 2.0, 3.0));
        cmp.put("z-relu vs z-elu", constructed("fold", "other", 0.5, -0.5, 1.0));
        Table t = StudyReport.comparisonTable("tests", cmp);
        assertEquals(2, t.rowCount(), "the reused runs form one row");
        assertEquals("x-relu vs x-elu = y-relu vs x-elu (same runs)", t.stringColumn(TestColumns.COMPARISON).get(0));
        assertEquals(List.of(2, 2), t.intColumn(TestColumns.FAMILY).asList(), "Holm's m counts them once");
        double p0 = t.doubleColumn(TestColumns.P_T).get(0), p1 = t.doubleColumn(TestColumns.P_T).get(1);
        assertEquals(Math.min(1, 2 * Math.min(p0, p1)), Math.min(t.doubleColumn(TestColumns.P_T_HOLM).get(0), t.doubleColumn(TestColumns.P_T_HOLM).get(1)), 1e-12);
        assertEquals(0, StudyReport.testRow(cmp, "y-relu vs x-elu"), "either name finds the row");
        assertEquals(1, StudyReport.testRow(cmp, "z-relu vs z-elu"));
        assertEquals(-1, StudyReport.testRow(cmp, "x-relu"), "a part of a name is no name");
    }

    /** Two experiments that hold the same committed runs (equal spec hashes): copied into a runs folder under both names. */
    @Test
    void runsWithEqualSpecHashesAreShownOnceWithBothNames(@TempDir Path tmp) throws Exception {
        Path committed = LedgerTest.projectRoot().resolve("results/runs");
        Path runs = tmp.resolve("runs");
        for (String act : List.of("relu", "elu")) {
            copy(committed.resolve("ravdess-si-compact-" + act), runs.resolve("si-" + act), "fold-1-seed");
            copy(committed.resolve("ravdess-si-compact-" + act), runs.resolve("reused-" + act), "fold-1-seed");
            copy(committed.resolve("ravdess-si-compact-" + act), runs.resolve("other-" + act), "fold-2-seed");
        }
        copy(committed.resolve("ravdess-si-compact-relu"), runs.resolve("part-relu"), "fold-1-seed1");
        SharedRuns shared = SharedRuns.scan(runs);
        assertEquals(List.of("reused-relu"), shared.alsoUnder(StudyReport.runs(runs.resolve("si-relu")), "si-relu"));
        assertEquals(List.of(), shared.alsoUnder(StudyReport.runs(runs.resolve("other-relu")), "other-relu"));
        assertEquals(SharedRuns.identity(StudyReport.runs(runs.resolve("si-relu"))), SharedRuns.identity(StudyReport.runs(runs.resolve("reused-relu"))));

        Map<String, Path> listed = new LinkedHashMap<>();
        for (String e : List.of("si-relu", "reused-relu", "other-relu")) listed.put(e, runs.resolve(e));
        Table table = StudyReport.table(listed, "ravdess");
        assertEquals(List.of("si-relu = reused-relu", "other-relu"), table.stringColumn("experiment").asList(), "shown once, with both names");
        assertEquals(List.of("part-relu (1 of 3 runs)", ""), table.stringColumn(ResultColumns.SAME_RUNS).asList(), "a partial reuse is named with its share");
        Map<String, Path> one = Map.of("si-relu", runs.resolve("si-relu"));
        assertEquals("part-relu (1 of 3 runs), reused-relu", StudyReport.table(one, "ravdess").stringColumn(ResultColumns.SAME_RUNS).get(0),
                "the twin outside the table is named");

        Map<String, Comparison> family = new LinkedHashMap<>();
        for (String e : List.of("si", "reused", "other"))
            family.put(e + "-relu vs " + e + "-elu", Comparison.of(StudyReport.runs(runs.resolve(e + "-relu")), StudyReport.runs(runs.resolve(e + "-elu")), "UA"));
        Table t = StudyReport.comparisonTable("ReLU − ELU", family);
        assertEquals(2, t.rowCount(), "the reused runs are not a second comparison");
        assertEquals(2, t.intColumn(TestColumns.FAMILY).get(0));
        assertEquals("si-relu vs si-elu = reused-relu vs reused-elu (same runs)", t.stringColumn(TestColumns.COMPARISON).get(0));
    }

    private static void copy(Path experiment, Path to, String prefix) throws Exception {
        try (var s = Files.list(experiment)) {
            for (Path run : s.filter(r -> r.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                Path dest = to.resolve(run.getFileName());
                Files.createDirectories(dest);
                try (var f = Files.list(run)) {
                    for (Path file : f.filter(Files::isRegularFile).toList()) Files.copy(file, dest.resolve(file.getFileName()));
                }
            }
        }
    }

    /** A constructed ablation table (only the columns the leave-one-out sentence reads). */
    static Table ablation(Map<String, Double> means) {
        StringColumn c = StringColumn.create("condition");
        IntColumn runs = IntColumn.create("runs");
        DoubleColumn ua = DoubleColumn.create("UA mean over runs (%)");
        means.forEach((k, v) -> { c.append(k); runs.append(15); ua.append(v); });
        return Table.create("ablation", c, runs, ua);
    }

    @Test
    void leaveOneOutNamesTheLargestChangeAndTheLargestCost() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("all", 50.2);
        m.put("all-but-noise", 52.7);
        m.put("all-but-pitch", 50.7);
        m.put("all-but-stretch", 52.0);
        m.put("all-but-shift", 52.5);
        String s = StudyReport.leaveOneOut(ablation(m)).get(0);
        assertTrue(s.startsWith("Leaving one augmentation out of 'all' (UA 50.2 %, mean over runs; descriptive, untested)"), s);
        assertTrue(s.contains("leaving noise out changes it most (+2.5 points, to 52.7 %)"), s);
        assertTrue(s.contains("no single omission lowers it"), s);
        assertFalse(s.contains("pitch"), "pitch changes it least: " + s);
        m.put("all-but-pitch", 47.0);
        s = StudyReport.leaveOneOut(ablation(m)).get(0);
        assertTrue(s.contains("leaving pitch out changes it most (-3.2 points"), s);
        assertTrue(s.contains("leaving pitch out lowers it most (-3.2 points)"), s);
        m.put("all-but-pitch", 49.0);
        s = StudyReport.leaveOneOut(ablation(m)).get(0);
        assertTrue(s.contains("leaving noise out changes it most") && s.contains("leaving pitch out lowers it most (-1.2 points)"), s);
    }
}
