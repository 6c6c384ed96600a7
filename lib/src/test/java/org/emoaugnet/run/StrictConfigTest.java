package org.emoaugnet.run;

import org.emoaugnet.design.Ablation;
import org.emoaugnet.design.ExperimentConfig;
import org.emoaugnet.design.ExperimentConfigs;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.CrossCorpus;
import org.emoaugnet.run.DataManifest;
import org.emoaugnet.run.Defaults;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.RunSpec;
import org.emoaugnet.run.Runner;
import org.emoaugnet.run.SpecJobs;
import org.emoaugnet.run.SplitSpec;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Fold;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.util.KnownKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Experiment files and ablation designs accept only their keys; the split constants are configurable, part of every
 * run's spec where they differ from the defaults, and reach the split; committed records keep their hashes.
 */
class StrictConfigTest {
    @TempDir static Path dir;
    static Corpus corpus;

    @BeforeAll
    static void corpus() throws Exception {
        corpus = org.emoaugnet.data.ClassSet.RAVDESS_7_PAPER.apply(org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth"), 6, 5));
    }

    static Properties props(String text) throws Exception {
        Properties p = new Properties();
        p.load(new java.io.StringReader(text));
        return p;
    }

    @Test
    void unknownKeysOfExperimentFilesAreNamedWithSuggestions() throws Exception {
        Path f = dir.resolve("typo.properties");
        Files.writeString(f, "name=typo\ncorpus=synthetic\nepoch=2\nacitvation=elu\nseeds=1\nfolds=1\n");
        var e = assertThrows(KnownKeys.UnknownKeyException.class, () -> ExperimentConfigs.load(f));
        assertEquals(List.of("acitvation", "epoch"), e.unknown());
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'epoch' — did you mean 'epochs'?"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'acitvation' — did you mean 'activation'?"), e.getMessage());
        assertThrows(KnownKeys.UnknownKeyException.class, () -> ExperimentConfigs.parse(props("name=a\ncorpus=synthetic\nbogus=1\n")));
        // every committed experiment file and design holds known keys only
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("experiments"))) root = root.getParent();
        assertNotNull(root);
        int files = 0;
        try (var all = Files.walk(root.resolve("experiments"))) {
            for (Path p : all.filter(x -> x.toString().endsWith(".properties")).sorted().toList()) {
                if (p.getParent().getFileName().toString().equals("ablation")) Ablation.load(p);
                else if (p.getFileName().toString().equals(org.emoaugnet.design.NestedSearch.SETTINGS)) org.emoaugnet.design.NestedSearch.ofPlan(p.getParent(), root.resolve("results/runs"));
                else ExperimentConfigs.load(p);
                files++;
            }
        }
        assertTrue(files >= 16, "the committed experiment files: " + files);
    }

    @Test
    void malformedValuesAndSplitKeysOfAnotherProtocolNameTheFileTheKeyAndTheValue() throws Exception {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("lr=fast", "lr=fast: must be a finite number > 0 and ≤ 1");
        bad.put("seeds=1,x", "seeds=1,x: must be a comma-separated list of distinct integers, each ≥ 0");
        bad.put("validation_fraction=1.5", "validation_fraction=1.5: must be a finite number > 0 and < 1");
        bad.put("model=big-cnn", "model=big-cnn: must be one of compact-cnn-lstm, paper-cnn-lstm, public-conv1d, strong-cnn-bilstm, strong-cnn-pool, cnn2d-ref");
        bad.put("test_fraction=0.3", "test_fraction=0.3: must be absent: it has no effect under SPEAKER_INDEPENDENT");
        bad.put("fold_seed=seven", "fold_seed=seven: must be an integer ≥ 0");
        bad.put("protocol=SPEAKER_DEPENDENT", "protocol=SPEAKER_DEPENDENT: must be one of PAPER_STYLE, AUGMENT_AFTER_RANDOM_SPLIT, SPEAKER_INDEPENDENT, LEAVE_ONE_SPEAKER_OUT");
        bad.put("protocol=CROSS_CORPUS", "protocol=CROSS_CORPUS: must be one of PAPER_STYLE, AUGMENT_AFTER_RANDOM_SPLIT, SPEAKER_INDEPENDENT, LEAVE_ONE_SPEAKER_OUT");
        bad.put("fold_set=emobox-7", "fold_set=emobox-7: must be one of reslstm-5, emobox-6 (did you mean 'emobox-6'?), or a fold file");
        bad.put("fold_set=emobox-6", "fold_set=emobox-6: must be a fold file (a path ending in .csv, relative to " + dir.resolve("bad.properties")
                + "): synthetic has no published fold sets (its speaker folds are drawn with 'fold_seed')");
        bad.put("corpus=ravdes", "corpus=ravdes: must be one of");
        bad.put("class_set=ravdess-9", "class_set=ravdess-9: must be one of");
        bad.put("features=mfcc", "features=mfcc: must be one of public-pipeline, cross-corpus, log-mel-64, log-mel-deltas-64");
        bad.put("recipe=noisy", "recipe=noisy: must be one of");
        bad.put("layout=WIDE", "layout=WIDE: must be one of SEQUENCE, FLAT");
        bad.put("normalisation=per-speaker", "normalisation=per-speaker: must be one of train-scaler, per-utterance");
        bad.put("name=../escape", "name=../escape: must be letters, digits");
        bad.put("specaugment=2,30,2", "specaugment=2,30,2: must be four integers");
        bad.put("specaugment=2,0,2,8", "specaugment=2,0,2,8: must be four integers");
        bad.put("warmup_epochs=3", "warmup_epochs=3: must be 0 or absent under lr_schedule=plateau");
        bad.put("lr_schedule=cosine", "lr_schedule=cosine: must be one of plateau, warmup-cosine");
        bad.put("epoch_copies=-1", "epoch_copies=-1: must be an integer ≥ 0 and ≤ 1000");
        bad.put("selection=best", "selection=best: must be one of val_ua, last");
        bad.put("selection=last", "selection=last: must be val_ua, or last with lr_schedule=warmup-cosine");
        bad.put("selection=last\nlr_schedule=warmup-cosine\nwarmup_epochs=2\npatience=8", "patience=8: must be 0 under selection=last");
        bad.put("label_smoothing=1", "label_smoothing=1: must be a finite number ≥ 0 and < 1");
        bad.put("weight_decay=-1", "weight_decay=-1: must be a finite number ≥ 0 and ≤ 1");
        bad.put("mixup_alpha=Infinity", "mixup_alpha=Infinity: must be a finite number ≥ 0");
        bad.put("batch=0", "batch=0: must be an integer ≥ 1 and ≤ 4096");
        bad.put("epochs=0", "epochs=0: must be an integer ≥ 1 and ≤ 10000");
        bad.put("lr_patience=0", "lr_patience=0: must be an integer ≥ 1 and ≤ 10000");
        for (var b : bad.entrySet()) {
            Path f = dir.resolve("bad.properties");
            Files.writeString(f, "name=x\ncorpus=synthetic\n" + b.getKey() + "\n");
            var e = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ExperimentConfigs.load(f), b.getKey());
            assertTrue(e.getMessage().startsWith(f + ": ") && e.getMessage().contains(b.getValue()), b.getKey() + ": " + e.getMessage());
        }
        Path f = dir.resolve("warm.properties");
        Files.writeString(f, "name=x\ncorpus=synthetic\nepochs=5\nlr_schedule=warmup-cosine\nwarmup_epochs=5\n");
        assertEquals(f + ": warmup_epochs=5: must be an integer ≥ 0 and ≤ 4",
                assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ExperimentConfigs.load(f)).getMessage(), "warm-up shorter than the cap");
        Path missing = dir.resolve("none.properties");
        assertEquals(missing + ": no such experiment file", assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ExperimentConfigs.load(missing)).getMessage());
        var e = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ExperimentConfigs.parse(props("name=x\ncorpus=synthetic\ntest_fraction=0.3\n")));
        assertTrue(e.getMessage().startsWith("experiment: test_fraction=0.3: ") && e.getMessage().contains("no effect under SPEAKER_INDEPENDENT"), e.getMessage());
        ExperimentConfig c = ExperimentConfigs.parse(props("name=x\ncorpus=synthetic\nvalidation_fraction=0.3\nvalidation_seed=7\nfold_seed=9\n"));
        assertEquals(new SplitSpec(9, 0.3, 7, Defaults.TEST_FRACTION), c.split());
        ExperimentConfig r = ExperimentConfigs.parse(props("name=x\ncorpus=synthetic\nprotocol=AUGMENT_AFTER_RANDOM_SPLIT\ntest_fraction=0.25\n"));
        assertEquals(0.25, r.split().testFraction());
        assertEquals(Defaults.RANDOM_VALIDATION_FRACTION, r.split().validationFraction(), "the protocol's default validation share");
        ExperimentConfig d = ExperimentConfigs.parse(props("name=x\ncorpus=synthetic\n"));
        assertEquals(Defaults.PROTOCOL, d.protocol());
        assertEquals(Defaults.MODEL, d.model());
        assertEquals(Defaults.ACTIVATION, d.activation());
        assertEquals(Defaults.RECIPE, d.recipe().name());
        assertEquals(Defaults.SEEDS, d.seeds());
        assertEquals(Defaults.TRAINING, d.train());
        assertEquals(Defaults.split(Defaults.PROTOCOL), d.split());
        // the fold set: RAVDESS offers reslstm-5 (the default: naming it changes nothing) and emobox-6
        ExperimentConfig emobox = ExperimentConfigs.parse(props("name=x\ncorpus=ravdess\nclass_set=ravdess-8\nfold_set=emobox-6\n"));
        assertEquals(org.emoaugnet.data.FoldSet.EMOBOX_6, emobox.split().foldSet());
        assertTrue(emobox.describe().contains("split.fold_set=emobox-6"), emobox.describe());
        ExperimentConfig named = ExperimentConfigs.parse(props("name=x\ncorpus=ravdess\nfold_set=reslstm-5\n"));
        assertEquals(Defaults.split(Protocol.SPEAKER_INDEPENDENT), named.split());
        DataManifest data = new DataManifest("ravdess", 3, "abc");
        assertEquals(ExperimentConfigs.parse(props("name=x\ncorpus=ravdess\n")).spec("fold-1", 1, data).sha256(), named.spec("fold-1", 1, data).sha256(),
                "naming the default fold set is the same run");
        var other = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ExperimentConfigs.parse(props("name=x\ncorpus=ravdess\nprotocol=PAPER_STYLE\nfold_set=emobox-6\n")));
        assertTrue(other.getMessage().contains("fold_set=emobox-6: must be absent: it has no effect under PAPER_STYLE"), other.getMessage());
        var none = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ExperimentConfigs.parse(props("name=x\ncorpus=emodb\nfold_set=reslstm-5\n")));
        assertTrue(none.getMessage().contains("fold_set=reslstm-5: must be a fold file") && none.getMessage().contains("emodb has no published fold sets"), none.getMessage());
    }

    @Test
    void ablationDesignsRejectUnknownKeysInTheDesignAndItsBase() throws Exception {
        Files.writeString(dir.resolve("base.properties"), "name=base\ncorpus=synthetic\nepochs=1\nfolds=1\nvalidation_fraction=0.4\n");
        Path design = dir.resolve("design.properties");
        Files.writeString(design, "base=base.properties\nrecipes=none,pitch\nseed=1,2\nepoch_copies=4\n");
        var e = assertThrows(KnownKeys.UnknownKeyException.class, () -> Ablation.load(design));
        assertTrue(e.getMessage().startsWith(design + ": ") && e.getMessage().contains("unknown key 'seed' — did you mean 'seeds'?"), e.getMessage());
        Files.writeString(design, "base=base.properties\nrecipes=none,pitch\nseeds=1,2\n");
        Ablation.Design ok = Ablation.load(design);
        assertTrue(ok.conditions().stream().allMatch(c -> c.config().split().validationFraction() == 0.4), "the conditions keep the base's split");
        Files.writeString(dir.resolve("base.properties"), "name=base\ncorpus=synthetic\nepohcs=1\n");
        var b = assertThrows(KnownKeys.UnknownKeyException.class, () -> Ablation.load(design));
        assertTrue(b.getMessage().contains("base.properties: unknown key 'epohcs' — did you mean 'epochs'?"), b.getMessage());
        Files.writeString(design, "base=base.properties\nfolds=two\n");
        Files.writeString(dir.resolve("base.properties"), "name=base\ncorpus=synthetic\n");
        var v = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> Ablation.load(design));
        assertEquals(design + ": folds=two: must be an integer ≥ 0 and ≤ 5 (0: every fold; SPEAKER_INDEPENDENT on synthetic has at most 5 folds)", v.getMessage());
        for (var c : Map.of("folds=9", "folds=9: must be an integer ≥ 0 and ≤ 5", "recipes=pitch,noise", "recipes=pitch,noise: must be a list that includes 'none'",
                "recipes=none,pich", "recipes=none,pich: must be a comma-separated list of", "epoch_copies=-1", "epoch_copies=-1: must be an integer ≥ 0 and ≤ 1000",
                "seeds=", "seeds=: must be a comma-separated list of distinct integers", "base=missing.properties", "base=missing.properties: must be an experiment file").entrySet()) {
            Files.writeString(design, (c.getKey().startsWith("base=") ? "" : "base=base.properties\n") + c.getKey() + "\n");
            var x = assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> Ablation.load(design), c.getKey());
            assertTrue(x.getMessage().startsWith(design + ": " + c.getValue()), c.getKey() + ": " + x.getMessage());
        }
    }

    static ExperimentConfig cfg(Protocol p, SplitSpec split) {
        return new ExperimentConfig("x", "synthetic", org.emoaugnet.data.ClassSet.RAVDESS_7_PAPER, p, org.emoaugnet.features.FeatureSpec.publicPipeline(),
                org.emoaugnet.model.Dataset.Layout.SEQUENCE, org.emoaugnet.augment.Recipe.none(), "compact-cnn-lstm", "relu",
                new org.emoaugnet.model.TrainConfig(2, 64, 1e-3, 0, 1, 3, 0), List.of(1L), 0, split);
    }

    @Test
    void everySplitConstantIsPartOfTheSpecOnlyWhereItDiffersFromTheDefault() {
        DataManifest data = new DataManifest("synthetic", 3, "abc");
        for (Protocol p : List.of(Protocol.SPEAKER_INDEPENDENT, Protocol.LEAVE_ONE_SPEAKER_OUT, Protocol.PAPER_STYLE, Protocol.AUGMENT_AFTER_RANDOM_SPLIT)) {
            SplitSpec d = Defaults.split(p);
            RunSpec base = cfg(p, d).spec("f", 1, data);
            assertTrue(base.fields().keySet().stream().noneMatch(k -> k.startsWith("split.")), "the defaults add no field: " + base.canonical());
            assertEquals(base.sha256(), new ExperimentConfig("x", "synthetic", org.emoaugnet.data.ClassSet.RAVDESS_7_PAPER, p,
                    org.emoaugnet.features.FeatureSpec.publicPipeline(), org.emoaugnet.model.Dataset.Layout.SEQUENCE, org.emoaugnet.augment.Recipe.none(),
                    "compact-cnn-lstm", "relu", new org.emoaugnet.model.TrainConfig(2, 64, 1e-3, 0, 1, 3, 0), List.of(1L), 0).spec("f", 1, data).sha256());
            for (SplitSpec changed : List.of(new SplitSpec(d.foldSeed() + 1, d.validationFraction(), d.validationSeed(), d.testFraction()),
                    new SplitSpec(d.foldSeed(), 0.3, d.validationSeed(), d.testFraction()),
                    new SplitSpec(d.foldSeed(), d.validationFraction(), d.validationSeed() + 1, d.testFraction()),
                    new SplitSpec(d.foldSeed(), d.validationFraction(), d.validationSeed(), 0.25),
                    new SplitSpec(d.foldSeed(), d.validationFraction(), d.validationSeed(), d.testFraction(), org.emoaugnet.data.FoldSet.EMOBOX_6))) {
                RunSpec s = cfg(p, changed).spec("f", 1, data);
                assertNotEquals(base.sha256(), s.sha256(), p + " " + changed);
                if (changed.foldSet() != org.emoaugnet.data.FoldSet.DEFAULT)
                    assertTrue(s.canonical().contains("split.fold_set=emobox-6\n"), s.canonical());
                assertEquals(s, RunSpec.fromFields(s.fields()), "read back: " + s.canonical());
                assertEquals(s.sha256(), RunSpec.fromFields(s.fields()).sha256());
            }
        }
        CrossCorpus.Config x = new CrossCorpus.Config("synthetic", "synthetic-b", "compact-cnn-lstm", "relu", org.emoaugnet.augment.Recipe.none(),
                CrossCorpus.Normalisation.TRAIN_SCALER, org.emoaugnet.features.FeatureSpec.crossCorpus(), Defaults.TRAINING, 1);
        CrossCorpus.Config y = new CrossCorpus.Config(x.train(), x.test(), x.model(), x.activation(), x.recipe(), x.normalisation(), x.features(),
                x.training(), x.seed(), new SplitSpec(Defaults.FOLD_SEED, 0.3, Defaults.VALIDATION_SEED, Defaults.TEST_FRACTION));
        var cs = CrossCorpus.shared("synthetic", "synthetic");
        assertFalse(x.spec(cs, DataManifest.ANY).canonical().contains("split."));
        assertNotEquals(x.spec(cs, DataManifest.ANY).sha256(), y.spec(cs, DataManifest.ANY).sha256(), "the cross-corpus validation share is in the spec");
        assertTrue(y.spec(cs, DataManifest.ANY).canonical().contains("split.validation_fraction=0.3\n"));
    }

    /** Each fold's name and the speakers of its training, validation and test sides. */
    static List<String> describe(List<Fold> folds) {
        List<String> out = new ArrayList<>();
        for (Fold f : folds)
            out.add(f.name() + " " + speakers(f.train()) + " / " + speakers(f.validation()) + " / " + speakers(f.test()) + " (" + f.train().size() + "/"
                    + f.validation().size() + "/" + f.test().size() + ")");
        return out;
    }

    static java.util.Set<String> speakers(List<org.emoaugnet.data.Utterance> us) {
        java.util.Set<String> s = new java.util.TreeSet<>();
        for (var u : us) s.add(u.speaker());
        return s;
    }

    @Test
    void theSplitConstantsReachTheSplitAndARecordedSpecRebuildsItsRun() throws Exception {
        Protocol si = Protocol.SPEAKER_INDEPENDENT;
        SplitSpec d = Defaults.split(si);
        List<String> base = describe(ExperimentConfig.foldsOf(cfg(si, d), corpus, 1));
        assertNotEquals(base, describe(ExperimentConfig.foldsOf(cfg(si, new SplitSpec(d.foldSeed(), 0.5, d.validationSeed(), d.testFraction())), corpus, 1)));
        assertNotEquals(base, describe(ExperimentConfig.foldsOf(cfg(si, new SplitSpec(7, d.validationFraction(), d.validationSeed(), d.testFraction())), corpus, 1)));
        assertNotEquals(base, describe(ExperimentConfig.foldsOf(cfg(si, new SplitSpec(d.foldSeed(), d.validationFraction(), 3, d.testFraction())), corpus, 1)));
        Protocol random = Protocol.AUGMENT_AFTER_RANDOM_SPLIT;
        SplitSpec r = Defaults.split(random);
        Fold f = ExperimentConfig.foldsOf(cfg(random, r), corpus, 1).get(0);
        assertEquals(Math.round(corpus.utterances().size() * 0.2), f.test().size(), 1.0 * corpus.utterances().size() / 50, "20 % test by default");
        Fold g = ExperimentConfig.foldsOf(cfg(random, new SplitSpec(r.foldSeed(), 0.3, r.validationSeed(), 0.4)), corpus, 1).get(0);
        assertTrue(g.test().size() > f.test().size() && g.validation().size() > f.validation().size(), describe(List.of(f, g)).toString());
        // a recorded spec with non-default constants rebuilds the same spec (so records verify re-runs what was run)
        SplitSpec custom = new SplitSpec(7, 0.5, 3, d.testFraction());
        RunSpec recorded = new SpecJobs(new FeatureCache(dir.resolve("cache")), dir.resolve("runs")).jobs(cfg(si, custom).plan(CorpusSource.of(corpus))).get(0).spec();
        Runner.Job rebuilt = new SpecJobs(new FeatureCache(dir.resolve("cache")), dir.resolve("runs")).job(new PlannedRun("x", recorded, List.of(corpus)));
        assertEquals(recorded.sha256(), rebuilt.spec().sha256());
        assertEquals(custom, rebuilt.spec().split());
        assertFalse(Files.exists(dir.resolve("runs")), "planning trains nothing");
    }

    /** A RAVDESS tree of {@code actors} actors, one short tone per (actor, emotion), loaded by the RAVDESS loader. */
    static Corpus ravdessTones(Path root, int actors) throws Exception {
        int seed = 0;
        for (int a = 1; a <= actors; a++)
            for (int e = 1; e <= 8; e++)
                org.emoaugnet.Fixtures.wav(root.resolve(String.format("Actor_%02d/03-01-%02d-01-01-01-%02d.wav", a, e, a)), 16000, 0.05, seed++);
        return new org.emoaugnet.data.loaders.RavdessLoader().load(root).corpus();
    }

    static ExperimentConfig cfg(String corpus, SplitSpec split, int folds) {
        return new ExperimentConfig("x", corpus, org.emoaugnet.data.ClassSet.RAVDESS_8, Protocol.SPEAKER_INDEPENDENT, org.emoaugnet.features.FeatureSpec.publicPipeline(),
                org.emoaugnet.model.Dataset.Layout.SEQUENCE, org.emoaugnet.augment.Recipe.none(), "compact-cnn-lstm", "relu",
                new org.emoaugnet.model.TrainConfig(2, 64, 1e-3, 0, 1, 3, 0), List.of(1L), folds, split);
    }

    @Test
    void theRunnerMakesTheFoldsOfTheNamedFoldSet() throws Exception {
        Corpus ravdess = ravdessTones(dir.resolve("ravdess-tones"), 24);
        assertEquals(24, ravdess.speakers().size());
        SplitSpec d = Defaults.split(Protocol.SPEAKER_INDEPENDENT);
        SplitSpec e = new SplitSpec(d.foldSeed(), d.validationFraction(), d.validationSeed(), d.testFraction(), org.emoaugnet.data.FoldSet.EMOBOX_6);
        for (org.emoaugnet.data.PublishedFoldSet set : org.emoaugnet.data.FoldSet.values()) {
            SplitSpec split = set == org.emoaugnet.data.FoldSet.DEFAULT ? d : e;
            List<Fold> folds = ExperimentConfig.foldsOf(cfg("ravdess", split, 0), ravdess, 1);
            assertEquals(set.size(), folds.size(), set.key());
            for (int k = 1; k <= set.size(); k++) {
                Fold f = folds.get(k - 1);
                assertEquals(set.foldName(k), f.name());
                assertEquals(actors(set.testActors(k)), speakers(f.test()), set.key() + " " + f.name());
                assertEquals(actors(set.validationActors(k)), speakers(f.validation()), set.key() + " " + f.name() + ": its own validation actors, none drawn");
                assertTrue(java.util.Collections.disjoint(speakers(f.train()), speakers(f.test())));
                assertEquals(24 - set.testActors(k).length - 2, speakers(f.train()).size());
            }
        }
        assertEquals(List.of("emobox-fold-1"), ExperimentConfig.foldsOf(cfg("ravdess", e, 1), ravdess, 1).stream().map(Fold::name).toList(), "folds=1 runs the first");
        // the jobs: fold names, run folders and specs carry the fold set; a recorded spec rebuilds its run
        List<Runner.Job> jobs = new SpecJobs(new FeatureCache(dir.resolve("cache")), dir.resolve("fold-set-runs")).jobs(cfg("ravdess", e, 0).plan(CorpusSource.of(ravdess)));
        assertEquals(6, jobs.size());
        Runner.Job third = jobs.get(2);
        assertEquals("emobox-fold-3", third.spec().fold());
        assertEquals("emobox-fold-3-seed1", third.runDir().getFileName().toString());
        assertTrue(third.spec().canonical().contains("split.fold_set=emobox-6\n"), third.spec().canonical());
        Runner.Job rebuilt = new SpecJobs(new FeatureCache(dir.resolve("cache")), dir.resolve("fold-set-runs")).job(new PlannedRun("x", third.spec(), List.of(ravdess)));
        assertEquals(third.spec().sha256(), rebuilt.spec().sha256());
        List<Runner.Job> standard = new SpecJobs(new FeatureCache(dir.resolve("cache")), dir.resolve("fold-set-runs")).jobs(cfg("ravdess", d, 0).plan(CorpusSource.of(ravdess)));
        assertEquals(List.of("fold-1", "fold-2", "fold-3", "fold-4", "fold-5"), standard.stream().map(j -> j.spec().fold()).toList(), "the default keeps its fold names");
        assertFalse(standard.get(0).spec().canonical().contains("split."), "the default fold set adds no field");
        assertFalse(Files.exists(dir.resolve("fold-set-runs")), "planning trains nothing");
        // a corpus without that fold set, or without all of its actors, is refused before anything runs
        var synth = assertThrows(IllegalArgumentException.class, () -> ExperimentConfig.foldsOf(cfg("synthetic", e, 0), corpus, 1));
        assertTrue(synth.getMessage().contains("synthetic has no published fold sets ('emobox-6' asked)"), synth.getMessage());
        Corpus twenty = ravdess.filter(u -> !List.of("Actor_01", "Actor_02", "Actor_03", "Actor_04").contains(u.speaker()));
        var partial = assertThrows(IllegalArgumentException.class, () -> ExperimentConfig.foldsOf(cfg("ravdess", e, 0), twenty, 1));
        assertTrue(partial.getMessage().contains("the emobox-6 fold set needs all 24 RAVDESS actors; ravdess lacks [Actor_01, Actor_02, Actor_03, Actor_04]"),
                partial.getMessage());
        assertEquals(5, ExperimentConfig.foldsOf(cfg("ravdess", d, 0), twenty, 1).size(), "the default still falls back to drawn speaker folds");
        assertEquals(3, StudyReport.foldIndex("emobox-fold-3"));
        assertEquals(3, StudyReport.foldIndex("fold-3"));
        assertEquals(1, StudyReport.foldIndex("paper-style"));
    }

    static java.util.Set<String> actors(int[] ids) {
        java.util.Set<String> s = new java.util.TreeSet<>();
        for (int a : ids) s.add(String.format("Actor_%02d", a));
        return s;
    }

    @Test
    void everyCommittedRecordKeepsItsHashAndUsedTheDefaultSplit() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("results/runs"))) root = root.getParent();
        assertNotNull(root, "no results/runs");
        int n = 0;
        try (var all = Files.walk(root.resolve("results/runs"))) {
            for (Path rec : all.filter(p -> p.getFileName().toString().equals(RunRecord.FILE)).sorted().toList()) {
                if (rec.toString().contains("/superseded/")) continue;
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(rec)) {
                    p.load(in);
                }
                Map<String, String> fields = new TreeMap<>();
                for (String k : p.stringPropertyNames()) if (k.startsWith("spec.")) fields.put(k.substring(5), p.getProperty(k));
                RunSpec s = RunSpec.fromFields(fields);
                assertEquals(p.getProperty("spec_sha256"), s.sha256(), rec + " keeps its hash");
                assertEquals(fields, s.fields(), rec + ": every stored field, and nothing more, is the spec's");
                // a record that names no split constant ran under the defaults (the records from before split constants were
                // in the spec); one that names some (a fold set, say) ran under exactly those
                if (fields.keySet().stream().noneMatch(k -> k.startsWith("split.")))
                    assertEquals(Defaults.split(s.protocol()), s.split(), rec + " used the default split constants");
                else assertEquals(s.split().fields(s.protocol()), fields.entrySet().stream().filter(e -> e.getKey().startsWith("split."))
                        .collect(java.util.stream.Collectors.toMap(e -> e.getKey(), e -> e.getValue(), (a, b) -> a, TreeMap::new)), rec + ": its split fields");
                RunSpec other = s.withPartition(new RunSpec.Partition(s.protocol(), s.fold(),
                        new SplitSpec(s.split().foldSeed(), 0.33, s.split().validationSeed(), s.split().testFraction())));
                assertNotEquals(s.sha256(), other.sha256(), rec + ": another validation share is another run");
                RunSpec emobox = s.withPartition(new RunSpec.Partition(s.protocol(), s.fold(), new SplitSpec(s.split().foldSeed(),
                        s.split().validationFraction(), s.split().validationSeed(), s.split().testFraction(),
                        s.split().foldSet() == org.emoaugnet.data.FoldSet.EMOBOX_6 ? org.emoaugnet.data.FoldSet.RESLSTM_5 : org.emoaugnet.data.FoldSet.EMOBOX_6)));
                assertNotEquals(s.sha256(), emobox.sha256(), rec + ": another fold set is another run");
                assertEquals(emobox, RunSpec.fromFields(emobox.fields()), rec + ": the fold set reads back");
                n++;
            }
        }
        assertTrue(n >= 300, "the committed records: " + n);
    }
}
