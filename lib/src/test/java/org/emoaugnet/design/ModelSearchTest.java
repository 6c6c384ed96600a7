package org.emoaugnet.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.util.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelSearchTest {
    @TempDir Path dir;

    private static ExperimentConfig candidate(String name, String activation) { return candidate(name, activation, List.of(1L)); }

    /** A one-epoch candidate on the synthetic corpus's first 2 speaker folds (also {@link StrongestModelTest}'s). */
    static ExperimentConfig candidate(String name, String activation, List<Long> seeds) { return candidate(name, activation, seeds, 1e-3, 1); }

    /** The same with its own learning rate and epoch cap. */
    static ExperimentConfig candidate(String name, String activation, List<Long> seeds, double learningRate, int epochs) {
        return new ExperimentConfig(name, "synthetic", ClassSet.RAVDESS_7_PAPER, Protocol.SPEAKER_INDEPENDENT, FeatureSpec.publicPipeline(),
                Dataset.Layout.SEQUENCE, Recipe.none(), "compact-cnn-lstm", activation, new TrainConfig(epochs, 64, learningRate, 0, 1, 3, 0), seeds, 2);
    }

    @Test
    void searchesOnValidationThenRunsEachFoldsWinner() throws Exception {
        Progress.setQuiet(true);
        Corpus corpus = org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth"), 3, 9);
        CorpusSource corpora = CorpusSource.of(corpus);
        Path runs = dir.resolve("runs");
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        ModelSearch search = new ModelSearch("s", List.of(candidate("cand-a", "relu"), candidate("cand-b", "elu")), List.of(1L), List.of(2L, 3L), runs);
        // before any search run has finished: only the search runs (2 candidates × 2 folds), no final run
        List<PlannedRun> before = search.plan(corpora);
        assertEquals(4, before.size());
        assertTrue(search.finalRuns(corpora).isEmpty());
        assertTrue(search.winners(corpora).isEmpty(), "no fold has a winner before its search is complete");
        search.run(corpora, cache, runs);
        // every fold's search is complete: each fold's winner is planned with the final seeds, and only it, under its own name
        List<PlannedRun> after = search.plan(corpora);
        List<PlannedRun> finals = search.finalRuns(corpora);
        assertEquals(4, finals.size(), after.stream().map(PlannedRun::label).toList().toString());
        assertEquals(8, after.size(), "4 search runs and 4 final runs (no final seed is a search seed)");
        var log = search.log(corpora);
        assertEquals(4, log.rowCount());
        Map<String, String> chosen = new java.util.HashMap<>();
        for (int i = 0; i < log.rowCount(); i++) if (log.booleanColumn("chosen").get(i)) chosen.put(log.stringColumn("fold").get(i), log.stringColumn("candidate").get(i));
        assertEquals(2, chosen.size(), log.print());
        assertEquals(chosen, search.winners(corpora), "the log's chosen rows are the search's winners");
        for (String fold : chosen.keySet()) {
            // the winner has the highest validation UA of its fold
            double best = -1;
            String arg = null;
            for (int i = 0; i < log.rowCount(); i++)
                if (log.stringColumn("fold").get(i).equals(fold) && log.doubleColumn("validation UA (%)").get(i) > best) {
                    best = log.doubleColumn("validation UA (%)").get(i);
                    arg = log.stringColumn("candidate").get(i);
                }
            assertEquals(arg, chosen.get(fold));
        }
        for (PlannedRun r : finals) {
            String winner = chosen.get(r.spec().fold());
            assertEquals(winner, r.experiment(), r.label());
            assertEquals(winner.equals("cand-a") ? "relu" : "elu", r.spec().activation(), r.label());
            assertTrue(List.of(2L, 3L).contains(r.spec().seed()));
        }
        assertEquals(Map.of(2L, 2L, 3L, 2L), finals.stream().collect(Collectors.groupingBy(r -> r.spec().seed(), Collectors.counting())));
        // the log's converged count and the list of unconverged search runs agree with the records themselves
        List<String> unconverged = search.unconvergedSearchRuns(corpora);
        int notConverged = 0;
        for (PlannedRun r : before) {
            var rec = org.emoaugnet.run.RunRecord.read(runs.resolve(r.experiment()).resolve(org.emoaugnet.run.SpecJobs.runName(r.spec())));
            String key = r.experiment() + "/" + org.emoaugnet.run.SpecJobs.runName(r.spec());
            assertEquals(!rec.training().converged(), unconverged.contains(key), key);
            if (!rec.training().converged()) notConverged++;
        }
        assertEquals(notConverged, unconverged.size());
        int logged = 0;
        for (int i = 0; i < log.rowCount(); i++) logged += log.intColumn("search runs finished").get(i) - log.intColumn("search runs converged").get(i);
        assertEquals(notConverged, logged, log.print());
    }

    @Test
    void aLaterRoundDoesNotMoveAnEarlierRoundsPooledChoice() throws Exception {
        Progress.setQuiet(true);
        Corpus corpus = org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth"), 3, 9);
        CorpusSource corpora = CorpusSource.of(corpus);
        Path runs = dir.resolve("runs");
        ModelSearch search = new ModelSearch("s", List.of(candidate("cand-a", "relu"), candidate("cand-b", "elu")), List.of(1, 2), List.of(1L), List.of(1L), runs);
        assertTrue(search.pooledChoice(corpora, 1).isEmpty(), "no search run has finished");
        search.run(corpora, new FeatureCache(dir.resolve("cache")), runs);
        assertEquals("cand-a", search.pooledChoice(corpora, 1).orElseThrow().name(), "round 1 has one candidate");
        assertEquals(List.of("cand-a", "cand-a"), search.finalRuns(corpora, 1).stream().map(PlannedRun::experiment).toList(),
                "after round 1 every fold's winner is its only candidate");
        var log = search.log(corpora);
        double a = 0, b = 0;
        for (int i = 0; i < log.rowCount(); i++) {
            assertEquals(log.stringColumn("candidate").get(i).equals("cand-a") ? 1 : 2, log.intColumn("round").get(i), log.print());
            if (log.stringColumn("candidate").get(i).equals("cand-a")) a += log.doubleColumn("validation UA (%)").get(i); else b += log.doubleColumn("validation UA (%)").get(i);
        }
        assertEquals(b > a ? "cand-b" : "cand-a", search.pooledChoice(corpora).orElseThrow().name(), "over every round the better pooled score wins");
        assertThrows(IllegalArgumentException.class, () -> new ModelSearch("s", List.of(candidate("cand-a", "relu"), candidate("cand-b", "elu")), List.of(2, 1),
                List.of(1L), List.of(1L), runs), "rounds may not decrease");
    }

    @Test
    void readsRoundsFromSubfoldersAndRefusesAGap() throws Exception {
        Path folder = dir.resolve("candidates");
        java.nio.file.Files.createDirectories(folder.resolve("round-2"));
        String body = "corpus=synthetic\nclass_set=ravdess-7-paper\nprotocol=SPEAKER_INDEPENDENT\nfeatures=public-pipeline\nlayout=SEQUENCE\nrecipe=none\n"
                + "model=compact-cnn-lstm\nactivation=relu\nepochs=1\nseeds=1\nfolds=2\n";
        java.nio.file.Files.writeString(folder.resolve("b-second.properties"), "name=b\n" + body);
        java.nio.file.Files.writeString(folder.resolve("a-first.properties"), "name=a\n" + body);
        java.nio.file.Files.writeString(folder.resolve("round-2").resolve("a-late.properties"), "name=late\n" + body);
        var read = ModelSearch.CandidateFolder.read(folder);
        assertEquals(List.of("a", "b", "late"), read.candidates().stream().map(ExperimentConfig::name).toList());
        assertEquals(List.of(1, 1, 2), read.rounds());
        assertEquals(List.of(), read.designedAfter(), "no designed-after file: the rounds say all");
        java.nio.file.Files.move(folder.resolve("round-2"), folder.resolve("round-3"));
        var e = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ModelSearch.CandidateFolder.read(folder));
        assertTrue(e.getMessage().contains("round-3"), e.getMessage());
    }

    @Test
    void readsTheCandidatesDesignedAfterTestResultsAndRefusesAMalformedFile() throws Exception {
        Path folder = dir.resolve("candidates");
        java.nio.file.Files.createDirectories(folder);
        String body = "corpus=synthetic\nclass_set=ravdess-7-paper\nprotocol=SPEAKER_INDEPENDENT\nfeatures=public-pipeline\nlayout=SEQUENCE\nrecipe=none\n"
                + "model=compact-cnn-lstm\nactivation=relu\nepochs=1\nseeds=1\nfolds=2\n";
        for (String n : List.of("a", "b", "c")) java.nio.file.Files.writeString(folder.resolve(n + "-x.properties"), "name=" + n + "\n" + body);
        Path file = folder.resolve(ModelSearch.CandidateFolder.DESIGNED_AFTER);
        java.nio.file.Files.writeString(file, "# c was added once b's test results were known\n" + ModelSearch.CandidateFolder.DESIGNED_AFTER_HEADER
                + "\nc,b;other-search-b\n");
        var read = ModelSearch.CandidateFolder.read(folder);
        assertEquals(List.of(new ModelSearch.DesignedAfter("c", List.of("b", "other-search-b"))), read.designedAfter());
        ModelSearch search = ModelSearch.inFolder("s", folder, List.of(1L), List.of(1L), dir.resolve("runs"));
        assertTrue(search.designedLate("c") && !search.designedLate("b"));
        assertEquals("c", search.letter("c"));
        for (String bad : List.of("c,b\n", ModelSearch.CandidateFolder.DESIGNED_AFTER_HEADER + "\nc\n", ModelSearch.CandidateFolder.DESIGNED_AFTER_HEADER + "\nd,b\n",
                ModelSearch.CandidateFolder.DESIGNED_AFTER_HEADER + "\nc,c\n", "# only a comment\n")) {
            java.nio.file.Files.writeString(file, bad);
            var e = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ModelSearch.CandidateFolder.read(folder), bad);
            assertTrue(e.getMessage().contains(ModelSearch.CandidateFolder.DESIGNED_AFTER), e.getMessage());
        }
        // the folder as a whole: candidates of one name, or on other folds, are refused naming both files
        java.nio.file.Files.delete(file);
        java.nio.file.Files.writeString(folder.resolve("d-x.properties"), "name=a\n" + body);
        var same = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ModelSearch.CandidateFolder.read(folder));
        assertTrue(same.getMessage().startsWith(folder.resolve("d-x.properties") + ": name=a: must differ") && same.getMessage().contains("a-x.properties"),
                same.getMessage());
        java.nio.file.Files.writeString(folder.resolve("d-x.properties"), "name=d\n" + body + "fold_seed=7\n");
        var other = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ModelSearch.CandidateFolder.read(folder));
        assertTrue(other.getMessage().startsWith(folder.resolve("d-x.properties") + ": differs from " + folder.resolve("a-x.properties")), other.getMessage());
        java.nio.file.Files.writeString(folder.resolve("d-x.properties"), "name=d\n" + body + "lr=0\n");
        assertTrue(assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ModelSearch.CandidateFolder.read(folder)).getMessage()
                .startsWith(folder.resolve("d-x.properties") + ": lr=0: must be a finite number > 0 and ≤ 1"), "every candidate's values are checked");
        assertTrue(assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ModelSearch.CandidateFolder.read(dir.resolve("nowhere"))).getMessage()
                .endsWith("nowhere: no such candidate folder"));
    }
}
