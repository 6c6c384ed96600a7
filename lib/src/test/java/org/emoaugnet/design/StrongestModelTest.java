package org.emoaugnet.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Predictions;
import org.emoaugnet.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrongestModelTest {
    @TempDir Path dir;

    @Test
    void runsSearchFinalsAndBaselineAndReportsThemFromTheRecords() throws Exception {
        Progress.setQuiet(true);
        Corpus corpus = org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth"), 3, 9);
        CorpusSource corpora = CorpusSource.of(corpus);
        Path runs = dir.resolve("runs");
        ExperimentConfig a = ModelSearchTest.candidate("cand-a", "relu", List.of(1L, 2L));
        ModelSearch search = new ModelSearch("s", List.of(a, ModelSearchTest.candidate("cand-b", "elu", List.of(1L))), List.of(1L), List.of(1L, 2L), runs);
        StrongestModel.Arm arm = new StrongestModel.Arm(search, a);
        StrongestModel study = new StrongestModel("synthetic", List.of(arm), List.of(1L), 1);
        // before anything ran: search runs (2 × 2 folds) and the baseline's seed-2 runs; cand-a's seed-1 runs once
        List<PlannedRun> before = study.plan(corpora);
        assertEquals(6, before.size(), before.stream().map(PlannedRun::label).toList().toString());
        assertTrue(arm.finalRuns(corpora).isEmpty());
        Table0 c0 = new Table0(study.cost(corpora));
        assertEquals(0, c0.runs("s: search"));
        assertTrue(study.sentences(corpora, study.cost(corpora)).stream().anyMatch(s -> s.startsWith("s: no final run has finished yet")));

        study.run(corpora, new FeatureCache(dir.resolve("cache")), runs);
        // one call ran the search and then every fold's winner with the final seeds
        assertEquals(4, arm.finalRuns(corpora).size());
        Table0 cost = new Table0(study.cost(corpora));
        assertEquals(4, cost.runs("s: search"));
        assertEquals(4, cost.runs("s: final"));
        assertEquals(4, cost.runs("s: baseline"));
        // 4 search runs; final runs: each fold's winner with seeds 1 and 2 under its own name, where cand-a's are the
        // baseline's runs and a seed-1 final run is its search run, so at most 2 + 2 runs are new
        assertEquals(study.plan(corpora).size(), cost.runs("all distinct runs"));
        try (var files = java.nio.file.Files.walk(runs)) {
            assertEquals(study.plan(corpora).size(), files.filter(f -> f.getFileName().toString().equals("record.properties")).count(), "no run is trained twice");
        }

        // the paper's questions at the pooled choice: ReLU vs ELU, each recipe vs none, on the search's folds
        var q = study.questions(corpora).orElseThrow();
        assertEquals(ModelSelection.pooled(scores(search.log(corpora)), List.of("cand-a", "cand-b")), q.strong().name());
        assertEquals(8, cost.runs("s: questions"), "the strong model, elu and two augmented arms × 2 folds (the strong model's runs are also search runs, counted once overall)");
        var act = q.activation(runs);
        assertEquals(1, act.rowCount());
        var aug = q.augmentation(runs);
        assertEquals(2, aug.rowCount());
        assertEquals(List.of(2, 2), aug.intColumn(org.emoaugnet.evidence.TestColumns.FAMILY).asList(), "one family, Holm over the recipes");

        var results = study.results(corpora);
        assertEquals(2, results.rowCount());
        assertEquals(4, results.intColumn(ResultColumns.RUNS).get(0));

        var perFold = arm.perFold(corpora);
        var log = search.log(corpora);
        assertEquals(4, study.searchLog(corpora).rowCount());
        assertEquals(2, perFold.rowCount());
        for (int i = 0; i < perFold.rowCount(); i++) {
            String fold = perFold.stringColumn("fold").get(i), chosen = perFold.stringColumn("chosen candidate").get(i);
            boolean found = false;
            for (int j = 0; j < log.rowCount(); j++)
                if (log.stringColumn("fold").get(j).equals(fold) && log.booleanColumn("chosen").get(j)) { found = true; assertEquals(log.stringColumn("candidate").get(j), chosen); }
            assertTrue(found);
            assertEquals(2, perFold.intColumn("final runs").get(i));
        }

        // the selection check reads test metrics only after selection: it agrees with the log's choice, and the ceiling bounds the chosen and the mean candidate
        var check = study.selectionCheck(corpora);
        assertEquals(3, check.rowCount(), check.print());
        for (int i = 0; i < 2; i++) {
            String fold = check.stringColumn("fold").get(i);
            for (int j = 0; j < perFold.rowCount(); j++)
                if (perFold.stringColumn("fold").get(j).equals(fold)) assertEquals(perFold.stringColumn("chosen candidate").get(j), check.stringColumn("chosen candidate").get(i));
            double ceiling = check.doubleColumn(StrongestModel.CEILING).getDouble(i), chosen = check.doubleColumn("chosen: test UA (%)").getDouble(i);
            assertTrue(ceiling >= chosen && ceiling >= check.doubleColumn("mean candidate: test UA (%)").getDouble(i), check.print());
            assertEquals(ceiling == chosen, check.intColumn("chosen's rank on test (1 = best)").get(i) == 1, check.print());
            assertEquals(2, check.intColumn("candidates").get(i));
        }
        assertEquals("mean over 2 folds", check.stringColumn("fold").get(2));
        assertEquals((check.doubleColumn("chosen: test UA (%)").getDouble(0) + check.doubleColumn("chosen: test UA (%)").getDouble(1)) / 2,
                check.doubleColumn("chosen: test UA (%)").getDouble(2), 1e-9);
        assertEquals(1, StrongestModel.selectionSentences(check).size());
        assertTrue(StrongestModel.selectionSentences(check).get(0).startsWith("s, search seeds, mean over 2 folds: with fewer than 3 candidates"), StrongestModel.selectionSentences(check).get(0));

        // per speaker: every test item of every final run counted once, each speaker in as many runs as there are final seeds
        var perSpeaker = StrongestModel.perSpeaker(arm.finalRuns(corpora));
        int items = 0;
        for (Path r : arm.finalRuns(corpora)) items += Predictions.read(r.resolve(Predictions.FILE), org.emoaugnet.run.RunRecord.read(r).classes()).items().size();
        assertEquals(items, (int) perSpeaker.intColumn("test items").sum());
        for (int i = 0; i < perSpeaker.rowCount(); i++) assertEquals(2, perSpeaker.intColumn(ResultColumns.RUNS).get(i));
        for (int i = 1; i < perSpeaker.rowCount(); i++) assertTrue(perSpeaker.doubleColumn(ResultColumns.UA).getDouble(i - 1) >= perSpeaker.doubleColumn(ResultColumns.UA).getDouble(i));

        // the seed vote: with two seeds every disagreement is a tie, which goes to the lower seed, so the vote is seed 1's predictions
        var vote = org.emoaugnet.evidence.SeedVote.of(arm.finalRuns(corpora));
        List<Path> seed1 = arm.finalRuns(corpora).stream().filter(r -> r.getFileName().toString().endsWith("seed1")).toList();
        assertEquals(org.emoaugnet.evidence.Evidence.of(seed1, "UA").clustered().estimate(), vote.ua().estimate(), 1e-9);
        assertEquals(4, vote.runs());
        assertEquals(2, study.votes(corpora).rowCount(), "the nested winner's vote and the baseline's");

        var anchors = study.anchors(corpora);
        assertTrue(anchors.stringColumn("system").asList().stream().anyMatch(s -> s.startsWith("ours: " + StrongestModel.NESTED)));
        assertTrue(study.sentences(corpora, study.cost(corpora)).stream().anyMatch(s -> s.startsWith("s: the nested search winner reaches UA")));
    }

    @Test
    void aLaterRoundsWinnersReplaceFinalRunsAndTheEarlierNestedResultStaysReported() throws Exception {
        Progress.setQuiet(true);
        Corpus corpus = org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth"), 3, 9);
        CorpusSource corpora = CorpusSource.of(corpus);
        Path runs = dir.resolve("runs");
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        // a candidate that cannot learn (its learning rate is ~0), then one that can, added in round 2
        ExperimentConfig frozen = ModelSearchTest.candidate("cand-a", "relu", List.of(1L, 2L), 1e-9, 1);
        ExperimentConfig learns = ModelSearchTest.candidate("cand-b", "relu", List.of(1L), 1e-2, 4);
        ModelSearch round1 = new ModelSearch("s", List.of(frozen), List.of(1), List.of(1L), List.of(1L, 2L), runs);
        StrongestModel first = new StrongestModel("synthetic", List.of(new StrongestModel.Arm(round1, frozen)), List.of(1L), 1);
        // the searches run directly (twice: a fold's final runs are planned once its search is complete), not the study,
        // so that the paper's questions, which this test does not read, are not trained
        round1.run(corpora, cache, runs);
        round1.run(corpora, cache, runs);
        assertTrue(first.arms().get(0).replacedFinalRuns(corpora).isEmpty(), "one round replaces nothing");
        assertTrue(new Table0(first.cost(corpora)).t().stringColumn("group").asList().stream().noneMatch(g -> g.endsWith(": replaced")));

        ModelSearch both = new ModelSearch("s", List.of(frozen, learns), List.of(1, 2), List.of(1L), List.of(1L, 2L), runs);
        StrongestModel.Arm arm = new StrongestModel.Arm(both, frozen);
        StrongestModel study = new StrongestModel("synthetic", List.of(arm), List.of(1L), 1);
        both.run(corpora, cache, runs);
        both.run(corpora, cache, runs);
        var log = both.log(corpora);
        java.util.Set<String> bWins = new java.util.TreeSet<>();
        for (int i = 0; i < log.rowCount(); i++)
            if (log.booleanColumn("chosen").get(i) && log.stringColumn("candidate").get(i).equals("cand-b")) bWins.add(log.stringColumn("fold").get(i));
        assertFalse(bWins.isEmpty(), "the candidate that learns wins a fold on validation: " + log.print());

        // after round 1 the nested result is cand-a's final runs everywhere; the latest has cand-b's where it won
        assertEquals(4, arm.finalRuns(corpora, 1).size());
        assertTrue(arm.finalRuns(corpora, 1).stream().allMatch(r -> r.getParent().getFileName().toString().equals("cand-a")));
        assertEquals(4, arm.finalRuns(corpora).size());
        List<PlannedRun> replaced = arm.replacedFinalRuns(corpora);
        assertEquals(2 * bWins.size(), replaced.size(), replaced.stream().map(PlannedRun::label).toList().toString());
        for (PlannedRun r : replaced) {
            assertEquals("cand-a", r.experiment());
            assertTrue(bWins.contains(r.spec().fold()), r.label());
        }

        // the cost counts the replaced runs (they ran and were seen), and every run on disk once overall
        Table0 cost = new Table0(study.cost(corpora));
        assertEquals(replaced.size(), cost.runs("s: replaced"));
        try (var files = java.nio.file.Files.walk(runs)) {
            assertEquals(files.filter(f -> f.getFileName().toString().equals("record.properties")).count(), cost.runs("all distinct runs"));
        }

        // the results keep the nested result after round 1 as its own row, and the sentences report it
        var results = study.results(corpora);
        String after1 = StrongestModel.nestedAfter(1, both);
        // here round 1's only candidate is the baseline, so that row holds the baseline's runs and is shown once under both names
        assertEquals(2, results.rowCount(), results.print());
        int row = results.stringColumn(ResultColumns.EXPERIMENT).indexOf(after1 + " = baseline cand-a");
        assertTrue(row >= 0, results.print());
        assertEquals(4, results.intColumn(ResultColumns.RUNS).get(row));
        assertTrue(study.sentences(corpora, study.cost(corpora)).stream().anyMatch(s -> s.startsWith("s: after round 1, before round 2's candidates were added")));
    }

    /** The search log's rows as validation scores (seed 1). */
    private static List<ModelSelection.ValidationScore> scores(tech.tablesaw.api.Table log) {
        List<ModelSelection.ValidationScore> out = new java.util.ArrayList<>();
        for (int i = 0; i < log.rowCount(); i++)
            out.add(new ModelSelection.ValidationScore(log.stringColumn("candidate").get(i), log.stringColumn("fold").get(i), 1,
                    log.doubleColumn("validation UA (%)").getDouble(i) / 100));
        return out;
    }

    /** Run counts of the cost table by group. */
    private record Table0(tech.tablesaw.api.Table t) {
        int runs(String group) {
            for (int i = 0; i < t.rowCount(); i++) if (t.stringColumn("group").get(i).equals(group)) return t.intColumn(ResultColumns.RUNS).get(i);
            throw new AssertionError(group + " not in " + t.print());
        }
    }
}
