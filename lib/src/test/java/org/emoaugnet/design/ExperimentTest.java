package org.emoaugnet.design;

import org.emoaugnet.evidence.ResultColumns;

import org.emoaugnet.design.StudyTables;

import org.emoaugnet.design.Ablation;
import org.emoaugnet.design.ExperimentConfig;
import org.emoaugnet.design.ExperimentConfigs;
import org.emoaugnet.design.Robustness;
import org.emoaugnet.design.Study;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.evidence.TestColumns;
import org.emoaugnet.run.CrossCorpus;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.RunRecord;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.data.loaders.SyntheticLoader;
import org.emoaugnet.data.synth.SyntheticCorpus;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.util.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentTest {
    @TempDir static Path dir;
    static Corpus corpus;

    @BeforeAll
    static void corpus() throws Exception {
        corpus = org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth"), 3, 9);
    }

    static ExperimentConfig cfg(String name, Protocol p, int folds) {
        return new ExperimentConfig(name, "synthetic", ClassSet.RAVDESS_7_PAPER, p, FeatureSpec.publicPipeline(), Dataset.Layout.SEQUENCE,
                Recipe.public4(), "compact-cnn-lstm", "relu", new TrainConfig(1, 64, 1e-3, 0, 1, 3, 0), List.of(1L), folds);
    }

    static Set<String> speakers(List<Utterance> us) {
        Set<String> s = new HashSet<>();
        for (Utterance u : us) s.add(u.speaker());
        return s;
    }

    @Test
    void speakerIndependentFoldsNeverShareASpeaker() {
        Corpus c = ClassSet.RAVDESS_7_PAPER.apply(corpus);
        List<Fold> folds = ExperimentConfig.foldsOf(cfg("x", Protocol.SPEAKER_INDEPENDENT, 0), c, 1);
        assertEquals(3, folds.size());
        for (Fold f : folds) {
            assertTrue(java.util.Collections.disjoint(speakers(f.train()), speakers(f.test())));
            assertTrue(java.util.Collections.disjoint(speakers(f.validation()), speakers(f.test())));
            assertTrue(java.util.Collections.disjoint(speakers(f.train()), speakers(f.validation())));
            assertFalse(f.validation().isEmpty(), "validation is carved from training speakers");
        }
        List<Fold> loso = ExperimentConfig.foldsOf(cfg("l", Protocol.LEAVE_ONE_SPEAKER_OUT, 0), c, 1);
        assertEquals(c.speakers().size(), loso.size(), "one fold per speaker");
        for (Fold f : loso) {
            assertEquals(1, speakers(f.test()).size());
            assertTrue(java.util.Collections.disjoint(speakers(f.train()), speakers(f.test())));
            assertTrue(java.util.Collections.disjoint(speakers(f.validation()), speakers(f.test())));
            assertFalse(f.validation().isEmpty());
        }
        Fold random = ExperimentConfig.foldsOf(cfg("y", Protocol.AUGMENT_AFTER_RANDOM_SPLIT, 0), c, 1).get(0);
        assertFalse(random.validation().isEmpty());
        assertTrue(java.util.Collections.disjoint(new HashSet<>(random.train()), new HashSet<>(random.test())));
    }

    @Test
    void runsWriteRecordsAndResumeWithoutRecomputing() throws Exception {
        Path runs = dir.resolve("runs");
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        var t = StudyTables.run(cfg("si", Protocol.SPEAKER_INDEPENDENT, 1), corpus, cache, runs);
        assertEquals(1, t.rowCount());
        Path run = runs.resolve("si/fold-1-seed1");
        RunRecord rec = RunRecord.read(run);
        assertEquals(Protocol.SPEAKER_INDEPENDENT, rec.spec().protocol());
        assertFalse(rec.spec().protocol().leaks());
        assertTrue(rec.split().summary().contains("test rows whose recording is also in training: 0 (0.0%); shared speakers: 0"), rec.split().summary());
        double wa = rec.test().wa();
        assertTrue(wa >= 0 && wa <= 1);
        assertEquals(100 * wa, t.doubleColumn(ResultColumns.TEST_WA).get(0), 1e-9, "the run table shows WA in %, unrounded");
        assertEquals(100 * rec.test().ua(), t.doubleColumn(ResultColumns.TEST_UA).get(0), 1e-9);
        assertTrue(org.emoaugnet.util.Tables.show(t, 1).contains(String.format(java.util.Locale.ROOT, "%.1f", 100 * wa)),
                "shown to one decimal of a percent: " + org.emoaugnet.util.Tables.show(t, 1));
        assertEquals(rec.spec().sha256(), rec.specSha256());
        assertEquals(1, rec.history().size());
        assertEquals(org.emoaugnet.model.StopReason.EPOCH_CAP, rec.training().stopReason(), "1 epoch of 1: stopped by the cap");
        for (String f : List.of("history.csv", "confusion.csv", "predictions.csv", "scaler.csv")) assertTrue(Files.size(run.resolve(f)) > 0, f);
        long before = Files.getLastModifiedTime(run.resolve(RunRecord.FILE)).toMillis();
        StudyTables.run(cfg("si", Protocol.SPEAKER_INDEPENDENT, 1), corpus, cache, runs);
        assertEquals(before, Files.getLastModifiedTime(run.resolve(RunRecord.FILE)).toMillis(), "a finished run is not recomputed");

        StudyTables.run(cfg("paper", Protocol.PAPER_STYLE, 0), corpus, cache, runs);
        RunRecord paper = RunRecord.read(runs.resolve("paper/paper-style-seed1"));
        assertTrue(paper.spec().protocol().leaks());
        assertTrue(paper.split().summary().contains("LEAKS"));
        assertTrue(paper.split().summary().endsWith("validation: " + paper.split().rowsValidation() + " of those training rows (10 %, drawn with seed 2), leaving "
                + paper.split().rowsTrain() + " to train on"), "the summary says where validation comes from: " + paper.split().summary());
        var table = StudyReport.table(new java.util.LinkedHashMap<>(Map.of("si", runs.resolve("si"))), "ravdess");
        assertEquals(94.53, table.doubleColumn("paper WA (%)").get(0), "the paper's claim is shown beside ours");
        assertTrue(StudyReport.sentences(table).get(0).contains("paper: WA 94.53"));
        var synth = StudyReport.table(new java.util.LinkedHashMap<>(Map.of("si", runs.resolve("si"))), "synthetic");
        assertTrue(StudyReport.sentences(synth).get(0).contains("reports no number"), "no claim for the synthetic corpus");
    }

    @Test
    void perUtteranceNormalisationIsASpecOptionThatTrainsExportsAndPredicts() throws Exception {
        Properties p = new Properties();
        p.setProperty("name", "n");
        p.setProperty("corpus", "synthetic");
        p.setProperty("normalisation", "per-utterance");
        ExperimentConfig c = ExperimentConfigs.parse(p);
        assertEquals(org.emoaugnet.features.SequenceNormalisation.PER_UTTERANCE, c.normalisation());
        assertTrue(c.describe().endsWith("normalisation=PER_UTTERANCE"), c.describe());
        p.remove("normalisation");
        ExperimentConfig plain = ExperimentConfigs.parse(p);
        assertEquals(org.emoaugnet.features.SequenceNormalisation.TRAIN_SCALER, plain.normalisation());
        assertFalse(plain.describe().contains("normalisation"), "configurations without the key describe themselves as before");
        Corpus kept = plain.classSet().apply(corpus);
        var data = org.emoaugnet.run.DataManifest.of(kept.utterances());
        assertEquals("TRAIN_SCALER", plain.spec("fold-1", 1, data).normalisation(), "the default spec is unchanged");
        assertEquals("PER_UTTERANCE", c.spec("fold-1", 1, data).normalisation());
        assertNotEquals(plain.spec("fold-1", 1, data).sha256(), c.spec("fold-1", 1, data).sha256(), "a changed normalisation never reuses a run");
        for (String[] bad : new String[][] {{"normalisation", "per-speaker"}, {"layout", "FLAT"}}) {
            Properties q = new Properties();
            q.putAll(Map.of("name", "n", "corpus", "synthetic", "normalisation", "per-utterance"));
            q.setProperty(bad[0], bad[1]);
            var e = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ExperimentConfigs.parse(q));
            assertTrue(e.getMessage().contains("normalisation"), e.getMessage());
        }

        // a run with it: recorded in the spec, the fitted scaler is the identity, and its exported model predicts with it
        ExperimentConfig run = new ExperimentConfig("utt", "synthetic", ClassSet.RAVDESS_7_PAPER, Protocol.SPEAKER_INDEPENDENT, FeatureSpec.publicPipeline(),
                Dataset.Layout.SEQUENCE, Recipe.none(), "compact-cnn-lstm", "relu", new TrainConfig(1, 64, 1e-3, 0, 1, 3, 0), List.of(1L), 1,
                org.emoaugnet.run.Defaults.split(Protocol.SPEAKER_INDEPENDENT), org.emoaugnet.features.SequenceNormalisation.PER_UTTERANCE);
        Path runs = dir.resolve("runs-utt");
        StudyTables.run(run, corpus, new FeatureCache(dir.resolve("cache")), runs);
        RunRecord rec = RunRecord.read(runs.resolve("utt/fold-1-seed1"));
        assertEquals("PER_UTTERANCE", rec.spec().normalisation());
        var scaler = org.emoaugnet.features.Scaler.load(runs.resolve("utt/fold-1-seed1/scaler.csv"));
        float[] frame = {1.5f, -2f};
        assertArrayEquals(frame, java.util.Arrays.copyOf(scaler.transform(java.util.Arrays.copyOf(frame, 22)), 2), "no training statistics are fitted");
    }

    @Test
    void configFilesAreParsedAndBadValuesNamed() throws Exception {
        Properties p = new Properties();
        p.setProperty("name", "n");
        p.setProperty("corpus", "ravdess");
        p.setProperty("protocol", "PAPER_STYLE");
        p.setProperty("seeds", "1, 2,3");
        ExperimentConfig c = ExperimentConfigs.parse(p);
        assertEquals(List.of(1L, 2L, 3L), c.seeds());
        assertEquals(ClassSet.RAVDESS_7_PAPER, c.classSet());
        assertEquals("public-4", c.recipe().name());
        Path f = dir.resolve("bad.properties");
        Files.writeString(f, "name=x\ncorpus=ravdess\nrecipe=magic\n");
        var e = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ExperimentConfigs.load(f));
        assertTrue(e.getMessage().startsWith(f + ": recipe=magic: must be one of "), e.getMessage());
        Settings quick = Settings.resolve(Map.of("EMOAUG_HOME", dir.toString(), "EMOAUG_QUICK", "1"), Map.of());
        List<ExperimentConfig> s = Study.configs("synthetic", quick);
        assertEquals(4, s.size());
        assertTrue(s.stream().allMatch(x -> x.train().epochs() == 2));
    }
    @Test
    void ablationDesignsReuseTheBaseRunsAndCompareOnTheSameItems() throws Exception {
        Path d = dir.resolve("experiments/synthetic");
        Files.createDirectories(d.resolve("ablation"));
        Files.writeString(d.resolve("si.properties"), "name=abl\ncorpus=synthetic\nprotocol=SPEAKER_INDEPENDENT\nepochs=1\npatience=0\nfolds=1\nseeds=1,2\n");
        Path design = d.resolve("ablation/si.properties");
        Files.writeString(design, "base=../si.properties\nrecipes=none,public-4,stretch\nseeds=1\n");
        Ablation.Design a = Ablation.load(design);
        assertEquals(List.of("abl-aug-none", "abl", "abl-aug-stretch"), a.conditions().stream().map(c -> c.config().name()).toList(),
                "the base recipe reuses the base experiment's runs");
        assertEquals(List.of(1L), a.conditions().get(0).config().seeds());
        assertEquals(List.of(1, 4, 2), a.conditions().stream().map(c -> c.config().recipe().size()).toList());
        assertEquals(4, Recipe.named().get("all-but-shift").size());

        Files.writeString(design, "base=../si.properties\nrecipes=none,wobble\n");
        var e = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> Ablation.load(design));
        assertTrue(e.getMessage().contains("si.properties") && e.getMessage().contains("wobble"), e.getMessage());
        Files.writeString(design, "base=../si.properties\nrecipes=noise,pitch\n");
        e = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> Ablation.load(design));
        assertTrue(e.getMessage().contains("'none'"), e.getMessage());

        Path runs = dir.resolve("ablation-runs");
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        for (var c : a.conditions().subList(0, 2)) StudyTables.run(c.config(), corpus, cache, runs);
        var t = StudyTables.ablation(a, runs);
        assertEquals(List.of("none", "public-4", "stretch"), t.stringColumn("condition").asList(), "every condition has a row");
        assertEquals(List.of(1, 1, 0), t.intColumn("runs").asList(), "a condition without runs says so, with no numbers");
        assertEquals(List.of(1, 1, 1), t.intColumn("planned runs").asList());
        assertTrue(t.doubleColumn("UA mean over runs (%)").isMissing(2));
        assertTrue(StudyReport.ablationSentences(t).get(0).startsWith("Incomplete: 2 of the 3 planned runs exist"), StudyReport.ablationSentences(t).toString());
        assertEquals(4 * t.intColumn("train_rows_per_run").get(0), t.intColumn("train_rows_per_run").get(1));
        assertTrue(t.doubleColumn(TestColumns.DELTA).isMissing(0), "the reference is not compared with itself");
        double p = t.doubleColumn(TestColumns.P_ITEM).get(1);
        assertTrue(p >= 0 && p <= 1);
        assertEquals(t.doubleColumn("UA mean over runs (%)").get(1) - t.doubleColumn("UA mean over runs (%)").get(0),
                t.doubleColumn(TestColumns.DELTA).get(1), 1e-9, "one fold, one seed: the run-level difference is the runs' difference, unrounded");
        assertEquals("seed", t.stringColumn(TestColumns.UNIT).get(1));
        assertEquals(t.intColumn("samples_per_epoch").get(1), t.intColumn("train_rows_per_run").get(1), "one pass per epoch unless steps are matched");

        Files.writeString(design, "base=../si.properties\nrecipes=none,public-4,stretch\nseeds=1\nepoch_copies=4\n");
        Ablation.Design m = Ablation.load(design);
        assertTrue(m.matchedSteps());
        assertEquals(List.of("abl-steps4-aug-none", "abl-steps4-aug-public-4", "abl-steps4-aug-stretch"),
                m.conditions().stream().map(c -> c.config().name()).toList(), "matched steps: every condition its own runs, the base recipe's too");
        for (var c : m.conditions()) assertEquals(4 * 100, c.config().train().samplesPerEpoch(100 * c.config().recipe().size(), 100),
                "every recipe draws 4 samples per training recording per epoch");
        Files.writeString(design, "base=../si.properties\nrecipes=none\nepoch_copies=-1\n");
        e = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> Ablation.load(design));
        assertTrue(e.getMessage().contains("epoch_copies"), e.getMessage());
    }
    @Test
    void crossCorpusNeverTrainsOnTheTestCorpus() throws Exception {
        Path root = dir.resolve("synth-b");
        SyntheticCorpus.generate(root, new SyntheticCorpus.Config(2, 10, 16000));
        Corpus other = CrossCorpus.renamed(new SyntheticLoader().load(root).corpus(), "synthetic-b");
        assertTrue(other.utterances().stream().allMatch(u -> u.key().startsWith("synthetic-b/")));
        Path runs = dir.resolve("cross-runs");
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        for (CrossCorpus.Normalisation n : CrossCorpus.Normalisation.values()) {
            var cfg = new CrossCorpus.Config("synthetic", "synthetic-b", "compact-cnn-lstm", "relu", Recipe.public4(), n, FeatureSpec.crossCorpus(),
                    new TrainConfig(1, 64, 1e-3, 0, 1, 3, 0), 1);
            RunRecord rec = CrossCorpus.run(cfg, corpus, other, cache, runs);
            assertTrue(rec.split().summary().contains("test rows whose recording is also in training: 0 (0.0%); shared speakers: 0"), rec.split().summary());
            assertEquals(other.size(), rec.split().rowsTest(), "every recording of the test corpus, once, unaugmented");
            assertEquals("synthetic,synthetic-b", rec.spec().data().corpora());
            var pred = StudyReport.predictions(runs.resolve(rec.experiment()));
            assertTrue(pred.items().stream().allMatch(k -> k.contains("synthetic-b/")), "only test-corpus items are scored");
        }
    }

    @Test
    void robustnessEvaluationsAreRunsThatRecomputeAMissingModelAndCheckIt() throws Exception {
        Path runs = dir.resolve("robust-runs");
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        ExperimentConfig c = cfg("robust", Protocol.SPEAKER_INDEPENDENT, 0);
        var first = Robustness.run(c, corpus, 0, 1L, true, cache, runs);
        assertEquals(Robustness.conditions(new float[1000], true).size(), first.rowCount(), "every quick condition evaluated");
        Path run = runs.resolve("robust").resolve(ExperimentConfig.foldsOf(c, ClassSet.RAVDESS_7_PAPER.apply(corpus), 1L).get(0).name() + "-seed1");
        assertTrue(Files.isDirectory(run.resolve("model")), "the model is kept beside its record");
        RunRecord source = RunRecord.read(run);
        for (String cond : first.stringColumn("condition").asList()) {
            RunRecord e = RunRecord.read(Robustness.evaluationDir(run, cond));
            assertEquals(source.specSha256(), e.spec().source().sha256(), cond + ": its own record names the evaluated run");
            assertEquals(org.emoaugnet.util.Sha256.of(Robustness.evaluationDir(run, cond).resolve("predictions.csv")), e.predictionsSha256());
            assertFalse(e.trained(), "an evaluation trains nothing");
        }
        assertEquals(source.predictionsSha256(), RunRecord.read(Robustness.evaluationDir(run, "clean")).predictionsSha256(), "clean speech is the run's test");
        deleteTree(run.resolve("model"));
        var again = Robustness.run(c, corpus, 0, 1L, true, cache, runs);
        assertEquals(first.toString(), again.toString(), "read back from the evaluation records");
        assertFalse(Files.exists(run.resolve("model")), "nothing was recomputed: every evaluation was finished");
        var self = Robustness.paired(runs, "robust", "robust");
        assertEquals(first.rowCount(), self.rowCount(), "predictions kept for every condition");
        for (int i = 0; i < self.rowCount(); i++) {
            assertEquals(0, self.doubleColumn(TestColumns.DELTA).get(i), 1e-9);
            assertEquals(0, self.doubleColumn(TestColumns.ITEM_DELTA).get(i), 1e-9);
            assertEquals(1.0, self.doubleColumn(TestColumns.P_SIGN).get(i), 1e-9, "a model against itself never differs");
            assertEquals(1.0, self.doubleColumn(TestColumns.P_ITEM).get(i), 1e-9);
            assertEquals(1.0, self.doubleColumn(TestColumns.P_SIGN_HOLM).get(i), 1e-9);
            assertEquals(org.emoaugnet.eval.TestVerdict.NO_CONCLUSION.name(), self.stringColumn(TestColumns.VERDICT).get(i), "one seed, no difference: nothing to test");
        }
        // an evaluation whose model's weights are gone: the run is recomputed from its spec, checked, and its model kept again
        deleteTree(Robustness.evaluationDir(run, "white-10dB"));
        var recomputed = Robustness.run(c, corpus, 0, 1L, true, cache, runs);
        assertTrue(Files.isDirectory(run.resolve("model")), "the recomputed (and verified) model is kept");
        assertEquals(first.toString(), recomputed.toString(), "the same evaluation from the recomputed model");
        assertEquals(source, RunRecord.read(run), "the evaluated run's record is untouched");
        // a model that cannot be reproduced: the evaluation fails naming both hashes
        deleteTree(run.resolve("model"));
        deleteTree(Robustness.evaluationDir(run, "white-10dB"));
        // recorded predictions in another order (the same metrics, another hash), the record rewritten to list them:
        // what a run that does not reproduce on this machine looks like
        Path pred = run.resolve(org.emoaugnet.run.Predictions.FILE);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(pred));
        int other = 2;
        while (lines.get(other).equals(lines.get(1))) other++;
        java.util.Collections.swap(lines, 1, other);
        Files.write(pred, lines);
        String wrong = org.emoaugnet.util.Sha256.of(pred);
        Map<String, String> files = new java.util.TreeMap<>(source.files());
        files.put(org.emoaugnet.run.Predictions.FILE, wrong);
        new RunRecord(source.experiment(), source.spec(), source.specSha256(), source.provenance(), source.split(), source.training(), source.test(),
                source.classes(), source.history(), files, source.finishedUtc(), source.wallSeconds(), source.note()).write(run);
        var failed = assertThrows(java.io.IOException.class, () -> Robustness.run(c, corpus, 0, 1L, true, cache, runs));
        assertTrue(failed.getMessage().contains(wrong) && failed.getMessage().contains(source.predictionsSha256()) && failed.getMessage().contains("reproduced"),
                failed.getMessage());
        assertFalse(Files.exists(run.resolve("model")), "an unverified model is not kept");
        try (var s = Files.list(run.getParent())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".recompute-")), "the scratch run is removed");
        }
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        try (var w = Files.walk(p)) {
            for (Path x : w.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(x);
        }
    }
}
