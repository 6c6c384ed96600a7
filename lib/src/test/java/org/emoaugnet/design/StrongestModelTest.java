package org.emoaugnet.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.TestColumns;
import org.emoaugnet.run.RunRecord;
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
        assertEquals(q.strong().model(), act.stringColumn(ResultColumns.MODEL).get(0), "the table names the pooled choice's network, which the README's heading reads");
        var aug = q.augmentation(runs);
        assertEquals(2, aug.rowCount());
        assertEquals(List.of(q.strong().model(), q.strong().model()), aug.stringColumn(ResultColumns.MODEL).asList());
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

        // the results keep the nested result after round 1 as its own row, and the sentences report it; each row's label
        // says what it holds: the earlier row the candidates of round 1, the latest the round-2 candidate among its runs
        var results = study.results(corpora);
        String after1 = study.nested(arm, 1, corpora).label(), latest = study.nested(arm, corpora).label();
        assertEquals(StrongestModel.NESTED + " after round 1 (s), among candidates a", after1);
        assertEquals(StrongestModel.NESTED + " (s), incl. a candidate designed after test results were known: b (after round 1)", latest);
        // here round 1's only candidate is the baseline, so that row holds the baseline's runs and is shown once under both names
        assertEquals(2, results.rowCount(), results.print());
        int row = results.stringColumn(ResultColumns.EXPERIMENT).indexOf(after1 + " = baseline cand-a");
        assertTrue(row >= 0, results.print());
        assertEquals(4, results.intColumn(ResultColumns.RUNS).get(row));
        assertTrue(study.sentences(corpora, study.cost(corpora)).stream().anyMatch(s -> s.startsWith("s: after round 1, before round 2's candidates were added")));
        assertTrue(study.sentences(corpora, study.cost(corpora)).contains("s: candidates designed after test results were known: b (after round 1); a row of "
                + "results names those among its runs, and every fold's choice still read validation speakers only."));

        // the latest nested result against its baseline: the test's numbers are those of a paired t-test over the fold
        // means of winner − baseline UA, recomputed here from the records with Commons Math (not the library's PairedT)
        var vs = study.baselineTest(corpora);
        assertEquals(1, vs.rowCount(), vs.print());
        assertEquals(StrongestModel.baselineContrast(arm), vs.stringColumn(TestColumns.COMPARISON).get(0));
        java.util.Map<String, java.util.List<Double>> byFold = new java.util.TreeMap<>();
        for (Path r : arm.finalRuns(corpora)) {
            RunRecord w = RunRecord.read(r), b = RunRecord.read(runs.resolve("cand-a").resolve(r.getFileName()));
            assertEquals(w.spec().seed(), b.spec().seed());
            byFold.computeIfAbsent(w.spec().fold(), k -> new java.util.ArrayList<>()).add(100 * (w.test().ua() - b.test().ua()));
        }
        double[] d = byFold.values().stream().mapToDouble(v -> v.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toArray();
        var stats = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(d);
        double half = new org.apache.commons.math3.distribution.TDistribution(d.length - 1).inverseCumulativeProbability(0.975) * stats.getStandardDeviation()
                / Math.sqrt(d.length);
        double p = new org.apache.commons.math3.stat.inference.TTest().tTest(0.0, d);
        assertEquals("fold", vs.stringColumn(TestColumns.UNIT).get(0));
        assertEquals(d.length, vs.intColumn(TestColumns.UNITS).get(0));
        assertEquals(stats.getMean(), vs.doubleColumn(TestColumns.DELTA).getDouble(0), 1e-9);
        assertEquals(stats.getMean() - half, vs.doubleColumn(TestColumns.T_LOW).getDouble(0), 1e-9);
        assertEquals(stats.getMean() + half, vs.doubleColumn(TestColumns.T_HIGH).getDouble(0), 1e-9);
        assertEquals(p, vs.doubleColumn(TestColumns.P_T).getDouble(0), 1e-9);
        assertEquals(p, vs.doubleColumn(TestColumns.P_T_HOLM).getDouble(0), 1e-9, "one search: a family of one, Holm changes nothing");
        // the results show that test beside the latest nested winner, and nowhere else
        int latestRow = results.stringColumn(ResultColumns.EXPERIMENT).indexOf(latest);
        assertTrue(latestRow >= 0, results.print());
        assertTrue(results.stringColumn(ResultColumns.VS_BASELINE).get(latestRow).startsWith(String.format(java.util.Locale.ROOT, "%+.1f [%+.1f, %+.1f] (%d folds), Holm p %.3f: ",
                stats.getMean(), stats.getMean() - half, stats.getMean() + half, d.length, p)), results.print());
        assertEquals("", results.stringColumn(ResultColumns.VS_BASELINE).get(row));
    }

    @Test
    void labelsNameTheCandidatesDesignedAfterTestResultsAndWhatWasKnown() {
        Path runs = dir.resolve("runs");
        List<ExperimentConfig> one = java.util.stream.Stream.of("s1-a", "s1-b", "s1-c", "s1-d").map(n -> ModelSearchTest.candidate(n, "relu", List.of(1L))).toList();
        List<ExperimentConfig> two = java.util.stream.Stream.of("s2-a", "s2-b", "s2-c").map(n -> ModelSearchTest.candidate(n, "relu", List.of(1L))).toList();
        // s1-c was added after s1-b's test results (its round does not say so); s1-d in round 2; s2-b after two of s1's
        // candidates and an experiment of no search; s2-c in round 3
        ModelSearch s1 = new ModelSearch("s1", one, List.of(1, 1, 1, 2), List.of(new ModelSearch.DesignedAfter("s1-c", List.of("s1-b"))), List.of(1L), List.of(1L), runs);
        ModelSearch s2 = new ModelSearch("s2", two, List.of(1, 1, 3), List.of(new ModelSearch.DesignedAfter("s2-b", List.of("s1-b", "s1-c", "elsewhere"))),
                List.of(1L), List.of(1L), runs);
        StrongestModel study = new StrongestModel("synthetic", List.of(new StrongestModel.Arm(s1, one.get(0)), new StrongestModel.Arm(s2, two.get(0))), List.of(1L), 1);
        String late = StrongestModel.DESIGNED_LATE;
        assertEquals(", incl. candidates " + late + ": c (after b), d (after round 1)", study.designedLate(s1, java.util.Set.of("s1-a", "s1-c", "s1-d")));
        assertEquals(", incl. a candidate " + late + ": c (after b)", study.designedLate(s1, java.util.Set.of("s1-b", "s1-c")));
        assertEquals("", study.designedLate(s1, java.util.Set.of("s1-a", "s1-b")), "the row holds no late candidate's runs");
        assertEquals(", incl. candidates " + late + ": b (after s1's b, c, elsewhere), c (after rounds 1–2)", study.designedLate(s2, java.util.Set.of("s2-b", "s2-c")));
        assertEquals("a–c", s1.lettersUpTo(1));
        assertEquals("a, b", s2.lettersUpTo(1));
        assertThrows(IllegalArgumentException.class, () -> new ModelSearch("s1", one, List.of(1, 1, 1, 2), List.of(new ModelSearch.DesignedAfter("s2-b", List.of("s1-b"))),
                List.of(1L), List.of(1L), runs), "an entry names a candidate of the search");
        assertThrows(IllegalArgumentException.class, () -> new ModelSearch.DesignedAfter("s1-c", List.of("s1-c")));
    }

    @Test
    void theCommittedRavdessSearchesNameTheirLateCandidates() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !java.nio.file.Files.isDirectory(root.resolve("experiments/ravdess/search"))) root = root.getParent();
        assertTrue(root != null, "no experiments/ravdess/search above the working directory");
        var settings = new org.emoaugnet.util.Settings(java.util.Optional.empty(), List.of("ravdess"), false, dir.resolve("results"), dir.resolve("cache"), 42, false, root);
        StrongestModel study = StrongestModel.of("ravdess", settings, dir.resolve("runs"));
        assertEquals(List.of("ravdess-search", "ravdess-search-reslstm"), study.arms().stream().map(a -> a.search().name()).toList());
        for (StrongestModel.Arm arm : study.arms()) {
            ModelSearch s = arm.search();
            Path folder = root.resolve("experiments/ravdess/search").resolve(s.name().equals("ravdess-search") ? "emobox" : "reslstm");
            // each candidate's letter is the first letter of its file's name
            try (var files = java.nio.file.Files.walk(folder)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".properties")).toList())
                    assertEquals(f.getFileName().toString().substring(0, 1), s.letter(ExperimentConfigs.load(f).name()), f.toString());
            }
        }
        java.util.Set<String> all0 = new java.util.HashSet<>(), all1 = new java.util.HashSet<>();
        study.arms().get(0).search().candidates().forEach(c -> all0.add(c.name()));
        study.arms().get(1).search().candidates().forEach(c -> all1.add(c.name()));
        String late = StrongestModel.DESIGNED_LATE;
        assertEquals(", incl. candidates " + late + ": e (after b, c), f (after round 1)", study.designedLate(study.arms().get(0).search(), all0));
        assertEquals(", incl. candidates " + late + ": e (after ravdess-search's b, c), f (after round 1)", study.designedLate(study.arms().get(1).search(), all1));
        // the experiments whose test results the folders name have committed records
        for (StrongestModel.Arm arm : study.arms())
            for (ModelSearch.DesignedAfter d : arm.search().designedAfter())
                for (String e : d.testResultsOf()) assertTrue(java.nio.file.Files.isDirectory(root.resolve("results/runs").resolve(e)), e);
    }

    @Test
    void theCommittedBaselineTestIsAPairedTOverTheFoldMeansOfTheCommittedRecords() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !java.nio.file.Files.isDirectory(root.resolve("experiments/ravdess/search"))) root = root.getParent();
        assertTrue(root != null, "no experiments/ravdess/search above the working directory");
        Path results = root.resolve("results/ravdess"), csv = results.resolve(org.emoaugnet.publish.StudyOutputs.STRONG_BASELINE_TEST);
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(csv), "notebook 06 has not written " + csv.getFileName() + " yet");
        var settings = new org.emoaugnet.util.Settings(java.util.Optional.empty(), List.of("ravdess"), false, dir.resolve("results"), dir.resolve("cache"), 42, false, root);
        StrongestModel study = StrongestModel.of("ravdess", settings, root.resolve("results/runs"));
        var test = org.emoaugnet.publish.Findings.read(csv);
        var log = tech.tablesaw.api.Table.read().csv(results.resolve(org.emoaugnet.publish.StudyOutputs.STRONG_SEARCH_LOG).toFile());
        assertEquals(study.arms().size(), test.rowCount(), "one comparison per search: " + test.print());
        double[] p = new double[study.arms().size()];
        for (int k = 0; k < study.arms().size(); k++) {
            StrongestModel.Arm arm = study.arms().get(k);
            int row = test.stringColumn(TestColumns.COMPARISON).indexOf(StrongestModel.baselineContrast(arm));
            assertTrue(row >= 0, test.print());
            // each fold's winner from the committed search log; the fold's difference is the mean over the final seeds of winner − baseline UA
            java.util.List<Double> d = new java.util.ArrayList<>();
            for (int i = 0; i < log.rowCount(); i++) {
                if (!log.stringColumn("search").get(i).equals(arm.search().name()) || !log.booleanColumn("chosen").get(i)) continue;
                String fold = log.stringColumn("fold").get(i), winner = log.stringColumn("candidate").get(i);
                double sum = 0;
                for (long seed : arm.search().finalSeeds()) {
                    String run = fold + "-seed" + seed;
                    sum += 100 * (RunRecord.read(root.resolve("results/runs").resolve(winner).resolve(run)).test().ua()
                            - RunRecord.read(root.resolve("results/runs").resolve(arm.baseline().name()).resolve(run)).test().ua());
                }
                d.add(sum / arm.search().finalSeeds().size());
            }
            double[] x = d.stream().mapToDouble(Double::doubleValue).toArray();
            var stats = new org.apache.commons.math3.stat.descriptive.DescriptiveStatistics(x);
            double half = new org.apache.commons.math3.distribution.TDistribution(x.length - 1).inverseCumulativeProbability(0.975) * stats.getStandardDeviation()
                    / Math.sqrt(x.length);
            p[k] = new org.apache.commons.math3.stat.inference.TTest().tTest(0.0, x);
            assertEquals(x.length, test.intColumn(TestColumns.UNITS).get(row));
            assertEquals(stats.getMean(), test.doubleColumn(TestColumns.DELTA).getDouble(row), 1e-9);
            assertEquals(stats.getMean() - half, test.doubleColumn(TestColumns.T_LOW).getDouble(row), 1e-9);
            assertEquals(stats.getMean() + half, test.doubleColumn(TestColumns.T_HIGH).getDouble(row), 1e-9);
            assertEquals(p[k], test.doubleColumn(TestColumns.P_T).getDouble(row), 1e-9);
        }
        // Holm over the family (every search's winner against its baseline), step-down by hand
        Integer[] order = java.util.stream.IntStream.range(0, p.length).boxed().sorted(java.util.Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double running = 0;
        for (int j = 0; j < order.length; j++) {
            running = Math.max(running, Math.min(1, (p.length - j) * p[order[j]]));
            int row = test.stringColumn(TestColumns.COMPARISON).indexOf(StrongestModel.baselineContrast(study.arms().get(order[j])));
            assertEquals(running, test.doubleColumn(TestColumns.P_T_HOLM).getDouble(row), 1e-9);
            assertEquals(p.length, test.intColumn(TestColumns.FAMILY).get(row));
        }
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
