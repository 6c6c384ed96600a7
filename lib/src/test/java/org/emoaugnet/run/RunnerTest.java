package org.emoaugnet.run;

import org.emoaugnet.design.ExperimentConfig;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.CrossCorpus;
import org.emoaugnet.run.DataManifest;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.RecordMigration;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.RunSpec;
import org.emoaugnet.run.Runner;
import org.emoaugnet.run.SpecJobs;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.StopReason;
import org.emoaugnet.model.TrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run-or-resume by spec hash, atomic run folders, concurrent execution, typed records and their migration. */
class RunnerTest {
    @TempDir static Path dir;
    static Corpus corpus;
    static FeatureCache cache;

    @BeforeAll
    static void corpus() throws Exception {
        corpus = org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth"), 3, 9);
        cache = new FeatureCache(dir.resolve("cache"));
    }

    static ExperimentConfig cfg(String name, int epochs, List<Long> seeds) {
        return new ExperimentConfig(name, "synthetic", ClassSet.RAVDESS_7_PAPER, Protocol.SPEAKER_INDEPENDENT, FeatureSpec.publicPipeline(),
                Dataset.Layout.SEQUENCE, Recipe.none(), "compact-cnn-lstm", "relu", new TrainConfig(epochs, 64, 1e-3, 0, 1, 3, 0), seeds, 2);
    }

    /** A job that counts how often it is computed and writes a minimal run. */
    static Runner.Job counting(RunSpec spec, Path runDir, AtomicInteger calls, boolean fail) {
        return new Runner.Job(spec, "x", runDir, tmp -> {
            calls.incrementAndGet();
            if (fail) throw new IllegalStateException("killed mid-way");
            Files.writeString(tmp.resolve("history.csv"), "epoch,train_loss,train_wa,train_ua,val_wa,val_ua,lr,seconds\n1,1.0,0.5,0.5,0.5,0.5,0.001,1.0\n");
            Files.writeString(tmp.resolve("predictions.csv"), "utterance,true,predicted\nsynthetic/a,neutral,neutral\n");
            return new Runner.Computed(new RunRecord.Split("s", 1, 0, 1, new SplitSides("fold-set", List.of("a"), List.of(), List.of("b"))), new RunRecord.Training(1, 1, 0.5, StopReason.EPOCH_CAP, false),
                    new RunRecord.Test(1, 1, 1, 1, 1, 1, 1, List.of(1.0)), List.of("neutral"), RunRecord.readHistory(tmp.resolve("history.csv")));
        });
    }

    static RunSpec spec(int epochs) {
        return cfg("x", epochs, List.of(1L)).spec("fold-1", 1, new DataManifest("synthetic", 3, "abc"));
    }

    @Test
    void specsHaveACanonicalTextAndEveryFieldChangesTheHash() {
        RunSpec a = spec(3);
        assertEquals(a.sha256(), spec(3).sha256(), "the same spec hashes the same");
        assertEquals(a, RunSpec.fromFields(a.fields()), "the canonical fields read back to the same spec");
        assertTrue(a.canonical().startsWith("activation=relu\naugmentation_seed=42\n"), "sorted key=value lines");
        List<RunSpec> changed = List.of(spec(4), a.withData(new DataManifest("synthetic", 3, "abd")),
                a.withEngine(new RunSpec.Engine("1", a.network(), a.trainer())), a.withEngine(new RunSpec.Engine(null, a.network(), "other-trainer")),
                cfg("x", 3, List.of(1L)).spec("fold-2", 1, a.data()), cfg("x", 3, List.of(1L)).spec("fold-1", 2, a.data()),
                new ExperimentConfig("x", "synthetic", ClassSet.RAVDESS_7_PAPER, Protocol.SPEAKER_INDEPENDENT, FeatureSpec.publicPipeline(),
                        Dataset.Layout.SEQUENCE, Recipe.public4(), "compact-cnn-lstm", "relu", new TrainConfig(3, 64, 1e-3, 0, 1, 3, 0), List.of(1L), 2)
                        .spec("fold-1", 1, a.data()),
                new ExperimentConfig("x", "synthetic", ClassSet.RAVDESS_8, Protocol.SPEAKER_INDEPENDENT, FeatureSpec.publicPipeline(),
                        Dataset.Layout.SEQUENCE, Recipe.none(), "compact-cnn-lstm", "relu", new TrainConfig(3, 64, 1e-3, 0, 1, 3, 0), List.of(1L), 2)
                        .spec("fold-1", 1, a.data()),
                new ExperimentConfig("x", "synthetic", ClassSet.RAVDESS_7_PAPER, Protocol.SPEAKER_INDEPENDENT, FeatureSpec.publicPipeline(),
                        Dataset.Layout.SEQUENCE, Recipe.none(), "compact-cnn-lstm", "relu", new TrainConfig(3, 64, 1e-3, 2, 1, 3, 0), List.of(1L), 2)
                        .spec("fold-1", 1, a.data()));
        for (RunSpec c : changed) assertNotEquals(a.sha256(), c.sha256(), c.canonical());
        assertEquals(a.sha256(), cfg("renamed", 3, List.of(1L, 2L)).spec("fold-1", 1, a.data()).sha256(),
                "the experiment's name and its other seeds are not part of one run's spec");
        assertEquals(RunSpec.VERSION, a.fields().get("version"));
        assertFalse(a.fields().containsKey("threads"), "run-spec/3: the thread count is provenance, not spec");
        assertTrue(a.sameDesign(a.withData(new DataManifest("synthetic", 3, "zzz"))), "readers without data compare the design");
        assertTrue(a.sameDesign(a.withEngine(new RunSpec.Engine("7", a.network(), a.trainer()))),
                "a run-spec/2 record of the same revisions is of the same design (its thread count aside)");
    }

    @Test
    void unchangedSpecIsReusedChangedSpecTrainsAnewAndKilledRunsFinishCleanly() throws Exception {
        Path runDir = dir.resolve("runner/x/fold-1-seed1");
        AtomicInteger calls = new AtomicInteger();
        RunRecord first = Runner.runOrResume(counting(spec(3), runDir, calls, false));
        assertEquals(1, calls.get());
        assertEquals(spec(3).sha256(), first.specSha256());
        assertEquals("written by the runner", first.provenance().origin());
        Runner.runOrResume(counting(spec(3), runDir, calls, false));
        assertEquals(1, calls.get(), "unchanged spec: nothing computed");

        RunRecord second = Runner.runOrResume(counting(spec(5), runDir, calls, false));
        assertEquals(2, calls.get(), "changed epoch cap: computed anew");
        assertEquals(spec(5).sha256(), second.specSha256());
        try (var s = Files.list(runDir.getParent().resolve("superseded"))) {
            Path old = s.findFirst().orElseThrow();
            assertEquals(spec(3).sha256(), RunRecord.read(old).specSha256(), "the old run is kept aside, not mixed in");
        }
        assertEquals(List.of(runDir), StudyReport.runs(runDir.getParent()), "readers see only the current run");

        // a run killed mid-way leaves no run folder, only its temporary folder; the next call finishes cleanly
        Path killedDir = dir.resolve("runner/x/fold-2-seed1");
        assertThrows(IllegalStateException.class, () -> Runner.runOrResume(counting(spec(3), killedDir, calls, true)));
        assertFalse(Files.exists(killedDir), "a failed run never appears finished");
        Path abandoned = killedDir.getParent().resolve(".tmp-fold-2-seed1-999999999@" + Runner.HOST + "-deadbeef");   // left by a process that is gone
        Path older = killedDir.getParent().resolve(".tmp-fold-2-seed1-999999998-deadbeef");   // the name before hosts were recorded
        Path elsewhere = killedDir.getParent().resolve(".tmp-fold-2-seed1-999999999@other-host.example-deadbeef");   // shared storage
        for (Path p : List.of(abandoned, older, elsewhere)) {
            Files.createDirectories(p);
            Files.writeString(p.resolve("history.csv"), "half");
        }
        Runner.runOrResume(counting(spec(3), killedDir, calls, false));
        assertTrue(RunRecord.finished(killedDir));
        assertFalse(Files.exists(abandoned) || Files.exists(older), "the dead process's temporary folders are removed");
        assertTrue(Files.exists(elsewhere), "another machine's temporary folder is left alone: its writer may be alive there");
        assertEquals(2, StudyReport.runs(runDir.getParent()).size());
    }

    /**
     * A changed spec never reuses an old run: a record of the same run in every other field, but made by another
     * trainer (the committed records' fused-1 one) or recorded as run-spec/2 (with a thread count), is moved aside and
     * the run computed anew, although readers without data see the same design in the run-spec/2 one.
     */
    @Test
    void aRecordOfAnotherTrainerOrAnOlderSpecFormatIsNotReusedForTheSameRun() throws Exception {
        RunSpec now = spec(3);
        assertEquals(RunSpec.VERSION, now.version());
        assertEquals(org.emoaugnet.model.Trainer.ENGINE, now.trainer(), "new specs read the trainer's revision where it is defined");
        // the committed records' trainer; while it is still this code's, an earlier loop of it
        String oldTrainer = "fused-1/loop-2".equals(now.trainer()) ? "fused-1/loop-1" : "fused-1/loop-2";
        List<RunSpec> old = List.of(now.withEngine(new RunSpec.Engine(null, now.network(), oldTrainer)),
                now.withEngine(new RunSpec.Engine("1", now.network(), now.trainer())));
        assertEquals(RunSpec.VERSION_2, old.get(1).version());
        assertTrue(now.sameDesign(old.get(1)) && !now.sameDesign(old.get(0)));
        for (int i = 0; i < old.size(); i++) {
            Path runDir = dir.resolve("old-engine/x" + i + "/fold-1-seed1");
            AtomicInteger calls = new AtomicInteger();
            // the old record: made now, then written as its engine would have (this runner trains no other engine's run)
            Runner.runOrResume(counting(now, runDir, calls, false));
            assertEquals(old.get(i).sha256(), RecordFixtures.withEngine(runDir, old.get(i).engine()).sha256());
            var job = counting(now, runDir, calls, false);
            assertEquals(Runner.Status.STALE, Runner.status(job), old.get(i).canonical());
            RunRecord made = Runner.runOrResume(job);
            assertEquals(2, calls.get(), "computed anew, not reused: " + old.get(i).canonical());
            assertEquals(now.sha256(), made.specSha256());
            assertEquals(RunSpec.VERSION, made.spec().fields().get("version"));
            try (var s = Files.list(runDir.getParent().resolve("superseded"))) {
                assertEquals(old.get(i).sha256(), RunRecord.read(s.findFirst().orElseThrow()).specSha256(), "the old record is kept aside");
            }
            Runner.runOrResume(job);
            assertEquals(2, calls.get(), "the new record is reused");
        }
    }

    @Test
    void recordsOfAnOlderFormatOrEditedByHandAreRefused() throws Exception {
        Path run = dir.resolve("refuse/x/fold-1-seed1");
        Runner.runOrResume(counting(spec(3), run, new AtomicInteger(), false));
        String text = Files.readString(run.resolve(RunRecord.FILE));
        Files.writeString(run.resolve(RunRecord.FILE), text.replace("spec.training.epochs=3", "spec.training.epochs=30"));
        var e = assertThrows(java.io.IOException.class, () -> RunRecord.read(run));
        assertTrue(e.getMessage().contains("edited"), e.getMessage());
        Files.writeString(run.resolve(RunRecord.FILE), "experiment=x\ntest_ua=0.5\n");
        e = assertThrows(java.io.IOException.class, () -> Runner.runOrResume(counting(spec(3), run, new AtomicInteger(), false)));
        assertTrue(e.getMessage().contains("records migrate"), e.getMessage());
    }

    @Test
    void parallelRunsEqualSerialRunsAndAFailureKeepsTheOthers() throws Exception {
        ExperimentConfig c = cfg("par", 2, List.of(1L, 2L));
        List<RunRecord> serial = Runner.runAll(new SpecJobs(cache, dir.resolve("serial")).jobs(c.plan(CorpusSource.of(corpus))), 1, System.err);
        List<RunRecord> parallel = Runner.runAll(new SpecJobs(cache, dir.resolve("parallel")).jobs(c.plan(CorpusSource.of(corpus))), 2, System.err);
        assertEquals(4, serial.size());
        for (int i = 0; i < serial.size(); i++) {
            assertEquals(serial.get(i).specSha256(), parallel.get(i).specSha256());
            assertEquals(serial.get(i).test(), parallel.get(i).test(), "same seed, same numbers, whether runs share the process's threads or not");
            assertEquals(serial.get(i).predictionsSha256(), parallel.get(i).predictionsSha256());
            assertEquals(serial.get(i).history().stream().map(RunRecord.Epoch::trainLoss).toList(),
                    parallel.get(i).history().stream().map(RunRecord.Epoch::trainLoss).toList());
        }
        AtomicInteger calls = new AtomicInteger();
        List<Runner.Job> jobs = new ArrayList<>();
        jobs.add(counting(spec(3), dir.resolve("mixed/x/a"), calls, true));
        jobs.add(counting(spec(3), dir.resolve("mixed/x/b"), calls, false));
        var e = assertThrows(java.io.IOException.class, () -> Runner.runAll(jobs, 2, System.err));
        assertTrue(e.getMessage().contains("1 of 2 run(s) failed") && e.getMessage().contains("killed mid-way"), e.getMessage());
        assertTrue(RunRecord.finished(dir.resolve("mixed/x/b")), "the other run is kept");

        AtomicInteger reportOnly = new AtomicInteger();
        List<Runner.Job> partly = List.of(counting(spec(3), dir.resolve("mixed/x/b"), reportOnly, false), counting(spec(3), dir.resolve("mixed/x/c"), reportOnly, false));
        List<RunRecord> read = Runner.runAll(partly, 2, System.err, false);
        assertEquals(0, reportOnly.get(), "training off: nothing is computed");
        assertEquals(1, read.size(), "only the finished run is read back");
        assertFalse(Files.exists(dir.resolve("mixed/x/c")), "and nothing is written for the missing one");
    }

    @Test
    void migrationKeepsEveryValueAndDerivesOnlyWhatFollows() throws Exception {
        Path run = dir.resolve("migrate/si-old/fold-1-seed2");
        Files.createDirectories(run);
        Files.writeString(run.resolve("history.csv"), "epoch,train_loss,train_wa,train_ua,val_wa,val_ua,lr,seconds\n1,2.0,0.2,0.2,0.3,0.3,0.001,5.0\n"
                + "2,1.5,0.4,0.4,0.5,0.5,0.001,5.0\n");
        Files.writeString(run.resolve("predictions.csv"), "utterance,true,predicted\nravdess/01-01-01-01-01-01-01,neutral,neutral\n");
        Corpus recorded = CrossCorpus.renamed(corpus, "ravdess");   // a corpus read from disk (generated ones are never verified by names)
        Corpus kept = ClassSet.RAVDESS_7_PAPER.apply(recorded);
        Map<String, String> old = new java.util.TreeMap<>(Map.ofEntries(Map.entry("activation", "relu"), Map.entry("augmentation_seed", "42"),
                Map.entry("backend", "CpuBackend"), Map.entry("best_epoch", "2"), Map.entry("classes", String.join(",", ClassSet.RAVDESS_7_PAPER.classes())),
                Map.entry("code_version", "0.1.0-SNAPSHOT"),
                Map.entry("config", "name=si-old;corpus=ravdess;class_set=ravdess-7-paper;protocol=SPEAKER_INDEPENDENT;features=" + FeatureSpec.publicPipeline().key()
                        + ";layout=SEQUENCE;recipe=" + Recipe.none().key() + ";model=compact-cnn-lstm;activation=relu;train=TrainConfig[epochs=2, batch=64, "
                        + "learningRate=0.001, patience=4, lrFactor=0.5, lrPatience=3, seed=0];seeds=[1];folds=all"),
                Map.entry("data_manifest_sha256", DataManifest.keysSha256(kept.utterances())), Map.entry("dl4j", "1.0.0-M2.1"), Map.entry("epochs_run", "2"),
                Map.entry("experiment", "si-old"), Map.entry("finished_utc", "2026-11-24T15:16:22Z"), Map.entry("fold", "fold-1"), Map.entry("java", "17.0.15"),
                Map.entry("leaks_by_design", "false"), Map.entry("model", "compact-cnn-lstm"), Map.entry("omp_num_threads", "1"),
                Map.entry("protocol", "SPEAKER_INDEPENDENT"), Map.entry("rows_test", "1"), Map.entry("rows_train", "10"), Map.entry("rows_validation", "2"),
                Map.entry("seed", "2"), Map.entry("split", "a split"), Map.entry("test_macro_f1", "1.0"), Map.entry("test_ua", "1.0"),
                Map.entry("test_ua_ci95", "0.1,0.5"), Map.entry("test_wa", "1.0"), Map.entry("test_wa_ci95", "0.2,0.6"), Map.entry("val_ua_best", "0.5"),
                Map.entry("wall_seconds", "318.4")));
        for (String c : ClassSet.RAVDESS_7_PAPER.classes()) old.put("recall_" + c, c.equals("neutral") ? "1.0" : "0.0");   // what its one prediction gives
        RunRecord.store(run, old);
        String oldText = Files.readString(run.resolve(RunRecord.FILE));
        Path synthRun = dir.resolve("migrate/si-synth/fold-1-seed2");
        Files.createDirectories(synthRun);
        for (String f : List.of("history.csv", "predictions.csv")) Files.copy(run.resolve(f), synthRun.resolve(f));
        Map<String, String> synthOld = new java.util.TreeMap<>(old);
        synthOld.put("config", old.get("config").replace("corpus=ravdess", "corpus=synthetic"));
        synthOld.put("experiment", "si-synth");
        synthOld.put("data_manifest_sha256", DataManifest.keysSha256(ClassSet.RAVDESS_7_PAPER.apply(corpus).utterances()));
        RunRecord.store(synthRun, synthOld);
        var sum = RecordMigration.migrate(dir.resolve("migrate"), n -> n.equals("ravdess") ? recorded : n.equals("synthetic") ? corpus : null, "2026-11-26", System.err);
        assertEquals(new RecordMigration.Summary(2, 0, 1, 1), sum, "the recorded corpus is verified, the generated one is not");
        assertEquals(DataManifest.UNKNOWN, RunRecord.read(synthRun).spec().data().sha256());
        assertEquals(oldText, Files.readString(run.resolve(RecordMigration.OLD_FILE)), "the old record is kept verbatim");
        RunRecord r = RunRecord.read(run);
        assertEquals(1.0, r.test().wa());
        assertEquals(1.0, r.test().ua());
        assertEquals(1.0, r.test().macroF1());
        assertEquals(0.1, r.test().uaLow());
        assertEquals(318.4, r.wallSeconds());
        assertEquals(2, r.spec().seed());
        assertEquals("fold-1", r.spec().fold());
        assertEquals(2, r.spec().training().epochs());
        assertEquals(4, r.spec().training().patience());
        assertEquals(StopReason.EPOCH_CAP, r.training().stopReason(), "2 of 2 epochs: the cap");
        assertFalse(r.training().converged(), "best epoch 2 of 2 lies within the patience window: not converged");
        assertEquals(DataManifest.of(kept.utterances()), r.spec().data(), "recording names verified, then content hashed");
        assertEquals("unknown", r.provenance().gitDirty());
        assertTrue(r.provenance().origin().startsWith("migrated"));
        assertEquals(cfg("si-old", 2, List.of(2L)).spec("fold-1", 2, r.spec().data()).fields().get("class_set"), r.spec().fields().get("class_set"));
        ExperimentConfig now = new ExperimentConfig("si-old", "ravdess", ClassSet.RAVDESS_7_PAPER, Protocol.SPEAKER_INDEPENDENT, FeatureSpec.publicPipeline(),
                Dataset.Layout.SEQUENCE, Recipe.none(), "compact-cnn-lstm", "relu", new TrainConfig(2, 64, 1e-3, 4, 0.5, 3, 0), List.of(2L), 0);
        RunSpec today = now.spec("fold-1", 2, DataManifest.of(kept.utterances()));
        assertTrue(r.spec().legacy(), "migrated records keep run-spec/1");
        var todayFields = new java.util.TreeMap<>(today.fields());
        var migratedFields = new java.util.TreeMap<>(r.spec().fields());
        todayFields.keySet().removeAll(List.of("version", "network", "trainer"));
        migratedFields.keySet().removeAll(List.of("version", "threads"));
        assertEquals(todayFields, migratedFields, "the migrated spec names the same design as today's runner computes");
        assertNotEquals(today.sha256(), r.specSha256(), "but today's network (explicit activations) and trainer differ: the run is not reused");
        assertEquals(new RecordMigration.Summary(0, 2, 0, 0), RecordMigration.migrate(dir.resolve("migrate"), n -> null, "2026-11-26", System.err),
                "a second migration changes nothing");
    }
}
