package org.emoaugnet.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.StudyReport;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrongestModelSectionTest {
    private static final String HEADER = "experiment,fold set,model,protocol,activation,runs,planned runs,converged runs,seeds,folds,test recordings,test speakers,"
            + "\"UA mean over seeds, 95% t CI (unit: seed)\",\"UA over recordings, 95% CI (resamples speakers, then recordings)\"\n";

    @Test
    void rendersEachRowWithItsFoldSetIntervalsAndConvergence(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("06-results.csv");
        Files.writeString(csv, HEADER
                + "nested search winner (ravdess-search),emobox-6,\"strong-cnn-pool, compact-cnn-lstm\",SPEAKER_INDEPENDENT,relu,30,30,29,\"1,2,3,4,5\",6,1440,24,\"55.5 [53.0, 58.0]\",\"55.4 [50.1, 60.2]\"\n"
                + "baseline ravdess-si8-compact-relu,reslstm-5,compact-cnn-lstm,SPEAKER_INDEPENDENT,relu,20,25,20,\"1,2,3,4\",5,1200,20,\"50.0 [48.0, 52.0]\",\"50.1 [45.0, 55.0]\"\n");
        String md = StrongestModelSection.markdown(Findings.read(csv));
        assertTrue(md.contains("| nested search winner (ravdess-search) | emobox-6 | strong-cnn-pool, compact-cnn-lstm | 30 of 30 (29) | 55.5 [53.0, 58.0] (1,2,3,4,5) | 55.4 [50.1, 60.2] |"), md);
        assertTrue(md.contains("| baseline ravdess-si8-compact-relu | reslstm-5 | compact-cnn-lstm | 20 of 25 (20) |"), md);
        assertFalse(md.contains("No search's final runs"), md);
        assertTrue(md.contains("Rows short of their planned runs are provisional.") && md.contains("Rows with runs still improving at the epoch cap"), md);
        assertTrue(md.contains("| ResLSTM-SA (47k parameters, MFCC + chroma) | from scratch | 62.3 | reslstm-5 |"), "the published anchors as a table: " + md);
        assertTrue(md.contains("`results/" + StrongestModelSection.ANCHORS + "`"), md);
    }

    @Test
    void explainsAnEarlierRoundsRow(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("06-results.csv");
        Files.writeString(csv, HEADER
                + "nested search winner (ravdess-search),emobox-6,strong-cnn-pool,SPEAKER_INDEPENDENT,relu,30,30,30,\"1,2,3,4,5\",6,1440,24,\"56.0 [54.0, 58.0]\",\"56.0 [51.0, 61.0]\"\n"
                + "nested search winner after round 1 (ravdess-search),emobox-6,\"compact-cnn-lstm, strong-cnn-pool\",SPEAKER_INDEPENDENT,relu,30,30,29,\"1,2,3,4,5\",6,1440,24,\"49.7 [46.7, 52.7]\",\"49.7 [45.0, 54.8]\"\n");
        String md = StrongestModelSection.markdown(Findings.read(csv));
        assertTrue(md.contains("| nested search winner after round 1 (ravdess-search) | emobox-6 |"), md);
        assertFalse(md.contains("provisional"), "every row complete: " + md);
        assertTrue(md.contains("Rows with runs still improving at the epoch cap carry no verdict."), "one row has an unconverged run: " + md);
    }

    /** A results table as notebook 06 writes it: labels naming late candidates, one row unconverged, one provisional, the baseline test beside the latest winners. */
    private static final String RESULTS = "experiment,fold set,model,protocol,activation,runs,planned runs,converged runs,seeds,folds,test recordings,test speakers,"
            + "\"UA mean over seeds, 95% t CI (unit: seed)\",\"UA over recordings, 95% CI (resamples speakers, then recordings)\",\"" + ResultColumns.VS_BASELINE + "\"\n"
            + "\"nested search winner (ravdess-search), incl. candidates designed after test results were known: e (after b, c), f (after round 1)\",emobox-6,strong-cnn-pool,"
            + "SPEAKER_INDEPENDENT,relu,30,30,30,\"1,2,3,4,5\",6,1440,24,\"53.2 [50.4, 55.9]\",\"53.2 [47.6, 58.8]\",\"+2.1 [-5.3, +9.5] (6 folds), Holm p 1.000: no difference established\"\n"
            + "\"nested search winner after round 1 (ravdess-search), among candidates a–e, incl. a candidate designed after test results were known: e (after b, c)\",emobox-6,"
            + "\"compact-cnn-lstm, strong-cnn-pool\",SPEAKER_INDEPENDENT,relu,30,30,29,\"1,2,3,4,5\",6,1440,24,\"49.7 [46.7, 52.7]\",\"49.7 [45.0, 54.8]\",\n"
            + "baseline ravdess-si8-compact-relu,reslstm-5,compact-cnn-lstm,SPEAKER_INDEPENDENT,relu,20,25,20,\"1,2,3,4\",5,1200,20,\"50.0 [48.0, 52.0]\",\"50.1 [45.0, 55.0]\",\n";

    /** The baseline test of two searches, as {@link StudyReport#comparisonTable} makes it (no recordings: the item level is empty). */
    private static Table baselineTest() throws Exception {
        Map<String, Comparison> cmp = new LinkedHashMap<>();
        cmp.put("ravdess-search (emobox-6): nested search winner − baseline (compact-cnn-lstm)", Comparison.compute("fold",
                folds(-1.2, -10.2, 9.5, 2.3, 7.0, 5.2), List.of(), List.of(), List.of(), "UA", 0, "a"));
        cmp.put("ravdess-search-reslstm (reslstm-5): nested search winner − baseline (compact-cnn-lstm)", Comparison.compute("fold",
                folds(3.5, -11.8, 9.3, -0.1, 5.4), List.of(), List.of(), List.of(), "UA", 0, "b"));
        return StudyReport.comparisonTable("each search's nested winner − its baseline, UA", cmp);
    }

    private static Map<String, List<Double>> folds(double... d) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (int i = 0; i < d.length; i++) out.put("fold-" + (i + 1), List.of(d[i]));
        return out;
    }

    @Test
    void theHeadlineShowsTheBaselineTestAndStaysWithinItsWordBudget(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        Files.createDirectories(results.resolve("ravdess"));
        Files.writeString(results.resolve(StrongestModelSection.RESULTS), RESULTS);
        baselineTest().write().csv(results.resolve(StrongestModelSection.VS_BASELINE).toFile());
        List<String> headline = StrongestModelSection.headline(results);
        assertEquals(2, headline.size());
        String all = String.join("\n\n", headline);
        assertTrue(all.contains("| nested search winner (ravdess-search), incl. candidates designed after test results were known: e (after b, c), f (after round 1) | emobox-6 |"),
                "a row's label names its late candidates: " + all);
        assertTrue(all.contains("| +2.1 [-5.3, +9.5] (6 folds), Holm p 1.000: no difference established |"), "the baseline test beside the headline (as the fixture's table has it): " + all);
        assertTrue(headline.get(1).startsWith("**Each nested search winner − its baseline, RAVDESS, 8 classes, UA.**"), headline.get(1));
        assertTrue(headline.get(1).contains("| ravdess-search (emobox-6): nested search winner − baseline (compact-cnn-lstm) | +2.1 ["), headline.get(1));
        assertTrue(headline.get(1).contains("Power: detects "), headline.get(1));
        int words = StrongestModelSection.words(all);
        assertTrue(words <= StrongestModelSection.WORD_BUDGET, words + " words outside the tables, over the budget of " + StrongestModelSection.WORD_BUDGET + ":\n" + all);
        assertEquals(4, StrongestModelSection.words("| a | b |\nfour words here now\n|---|"), "table lines do not count");
    }

    @Test
    void theCommittedHeadlineStaysWithinItsWordBudget() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("results"))) root = root.getParent();
        assertTrue(root != null && Files.isRegularFile(root.resolve("results").resolve(StrongestModelSection.RESULTS)), "no committed " + StrongestModelSection.RESULTS);
        String all = String.join("\n\n", StrongestModelSection.headline(root.resolve("results")));
        assertTrue(StrongestModelSection.words(all) <= StrongestModelSection.WORD_BUDGET, StrongestModelSection.words(all) + " words:\n" + all);
    }

    @Test
    void theQuestionsAreHeadedWithThePooledChoicesNetworkFromTheirTables(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("results");
        Files.createDirectories(results.resolve("ravdess"));
        Table t = baselineTest();
        StringColumn model = StringColumn.create(ResultColumns.MODEL);
        for (int i = 0; i < t.rowCount(); i++) model.append("net-x");
        t.insertColumn(1, model);
        t.write().csv(results.resolve(StrongestModelSection.RELU_ELU).toFile());
        List<String> q = StrongestModelSection.questions(results);
        assertEquals(1, q.size(), "only the table that exists");
        assertTrue(q.get(0).startsWith("**ReLU − ELU at the first search's pooled choice (net-x), RAVDESS, 8 classes, UA.**"), q.get(0));
        t.removeColumns(ResultColumns.MODEL).write().csv(results.resolve(StrongestModelSection.AUGMENTATION).toFile());
        var e = assertThrows(IllegalArgumentException.class, () -> StrongestModelSection.questions(results));
        assertTrue(e.getMessage().contains(StrongestModelSection.AUGMENTATION) && e.getMessage().contains("re-run notebook 06"), e.getMessage());
    }

    @Test
    void saysWhenOnlyBaselinesExist(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("06-results.csv");
        Files.writeString(csv, HEADER
                + "baseline ravdess-si8-emobox-compact-relu,emobox-6,compact-cnn-lstm,SPEAKER_INDEPENDENT,relu,30,30,30,\"1,2,3,4,5\",6,1440,24,\"51.1 [48.7, 53.4]\",\"51.1 [46.3, 56.0]\"\n");
        assertTrue(StrongestModelSection.markdown(Findings.read(csv)).contains("No search's final runs are committed yet"));
    }
}
