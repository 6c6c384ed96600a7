package org.emoaugnet.run;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.design.ExperimentConfig;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run record cannot be fooled by an edit: every file of a run is hashed in its record and checked on every read, the
 * record's own fields carry a checksum, its point metrics are recomputed from its predictions, and every committed
 * record passes {@code records check}. The split's sides the runner writes are the ones {@link SplitDerivation}
 * re-derives from the spec, and every committed speaker-independent record names disjoint sides.
 */
class RecordIntegrityTest {
    static final Path RUNS = Path.of("..", "results", "runs").toAbsolutePath().normalize();
    static final String SAMPLE = "ravdess-si-compact-relu/fold-1-seed1";

    @Test
    void everyCommittedRecordChecksOutInFull() {
        List<Path> runs;
        try {
            runs = RunRecord.folders(RUNS);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(runs.size() > 1000, "the committed records: " + runs.size());
        List<String> problems = new ArrayList<>();
        for (Path r : runs) problems.addAll(RecordCheck.full(r));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyCommittedRecordNamesItsSidesAndSpeakerIndependentSidesAreDisjoint() throws IOException {
        int si = 0;
        for (Path r : RunRecord.folders(RUNS)) {
            RunRecord rec = RunRecord.read(r);
            SplitSides s = rec.split().sides();
            assertEquals(SplitSides.foldSetOf(rec.spec()), s.foldSet(), r.toString());
            assertFalse(s.test().isEmpty(), r + ": test speakers");
            if (rec.spec().protocol() == Protocol.PAPER_STYLE) {
                assertFalse(s.testSpeakersSeenInTraining().isEmpty(), r + ": the paper-style split leaks speakers by design");
                continue;
            }
            if (rec.spec().protocol() == Protocol.AUGMENT_AFTER_RANDOM_SPLIT) continue;   // recordings, not speakers, are split
            si++;
            assertEquals(List.of(), s.testSpeakersSeenInTraining(), r + ": test speakers also trained or validated on");
            List<String> both = new ArrayList<>(s.train());
            both.retainAll(s.validation());
            assertEquals(List.of(), both, r + ": validation speakers also trained on");
            assertFalse(s.validation().isEmpty(), r + ": validation speakers");
        }
        assertTrue(si > 900, "speaker-disjoint records checked: " + si);
    }

    @Test
    void anEditedFileAnAddedFileAndAnEditedValueFailEveryReadNamingTheFile(@TempDir Path tmp) throws IOException {
        Path run = RecordFixtures.copy(RUNS.resolve(SAMPLE), tmp.resolve("e/r"));
        RunRecord.read(run);
        Path pred = run.resolve(Predictions.FILE), record = run.resolve(RunRecord.FILE);
        String before = Files.readString(pred), oldHash = Sha256.of(pred);
        String[] lines = before.split("\n");
        String[] f = lines[1].split(",");
        lines[1] = f[0] + "," + f[1] + "," + (f[2].equals("happy") ? "sad" : "happy");
        Files.writeString(pred, String.join("\n", lines) + "\n");
        IOException e = assertThrows(IOException.class, () -> RunRecord.read(run));
        assertTrue(e.getMessage().contains(pred.toString()) && e.getMessage().contains(oldHash) && e.getMessage().contains(Sha256.of(pred)), e.getMessage());
        e = assertThrows(IOException.class, () -> Predictions.read(pred, List.of("neutral", "calm", "happy", "sad", "angry", "fearful", "disgust")));
        assertTrue(e.getMessage().contains(oldHash), "a reader of the predictions alone checks them too: " + e.getMessage());
        Files.writeString(pred, before);
        RunRecord.read(run);

        Files.writeString(run.resolve("notes.txt"), "x");
        e = assertThrows(IOException.class, () -> RunRecord.read(run));
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("not listed"), e.getMessage());
        Files.delete(run.resolve("notes.txt"));

        Files.delete(run.resolve("history.csv"));
        e = assertThrows(IOException.class, () -> RunRecord.read(run));
        assertTrue(e.getMessage().contains("history.csv") && e.getMessage().contains("missing"), e.getMessage());
        Files.copy(RUNS.resolve(SAMPLE).resolve("history.csv"), run.resolve("history.csv"));

        String text = Files.readString(record);
        Map<String, String> m = RunRecord.load(run);
        double ua = Double.parseDouble(m.get("test.ua"));
        Files.writeString(record, text.replace("test.ua=" + m.get("test.ua"), "test.ua=" + (ua + 0.01)));
        e = assertThrows(IOException.class, () -> RunRecord.read(run));
        assertTrue(e.getMessage().contains(record.toString()) && e.getMessage().contains(RecordCheck.CHECKSUM), e.getMessage());

        Map<String, String> edited = new TreeMap<>(m);   // the checksum recomputed too: the predictions still disagree
        edited.put("test.ua", String.valueOf(ua + 0.01));
        edited.put(RecordCheck.CHECKSUM, RecordCheck.checksum(edited));
        RunRecord.store(run, edited);
        e = assertThrows(IOException.class, () -> RunRecord.read(run));
        assertTrue(e.getMessage().contains("test.ua") && e.getMessage().contains(Predictions.FILE), e.getMessage());

        Map<String, String> interval = new TreeMap<>(m);   // an interval is checked in full (records check), not on every read
        interval.put("test.ua_ci95", "0.1,0.9");
        interval.put(RecordCheck.CHECKSUM, RecordCheck.checksum(interval));
        RunRecord.store(run, interval);
        RunRecord.read(run);
        List<String> problems = RecordCheck.full(run);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("test.ua_ci95 (low)"), problems.toString());
    }

    @Test
    void recordsCheckExitsThreeNamingTheEditedFile(@TempDir Path tmp) throws IOException {
        Path runs = tmp.resolve("runs");
        RecordFixtures.copy(RUNS.resolve(SAMPLE), runs.resolve(SAMPLE));
        RecordFixtures.copy(RUNS.resolve("ravdess-si-compact-relu/fold-2-seed1"), runs.resolve("ravdess-si-compact-relu/fold-2-seed1"));
        var out = new java.io.ByteArrayOutputStream();
        assertEquals(0, org.emoaugnet.cli.Main.run(new String[] {"records", "check", "--runs", runs.toString()}, new java.io.PrintStream(out), System.err), out.toString());
        assertTrue(out.toString().contains("2 run record(s) checked"), out.toString());
        Path history = runs.resolve(SAMPLE).resolve("history.csv");
        Files.writeString(history, Files.readString(history) + "\n");
        out.reset();
        assertEquals(3, org.emoaugnet.cli.Main.run(new String[] {"records", "check", "--runs", runs.toString()}, new java.io.PrintStream(out), System.err));
        assertTrue(out.toString().contains(history.toString()) && out.toString().contains("1 of 2 run record(s)"), out.toString());
    }

    @Test
    void recordsVerifyChecksTheFilesOnDiskBeforeItReRunsAnything(@TempDir Path tmp) throws IOException {
        Path runs = tmp.resolve("runs"), run = RecordFixtures.copy(RUNS.resolve(SAMPLE), runs.resolve(SAMPLE)), pred = run.resolve(Predictions.FILE);
        Files.writeString(pred, Files.readString(pred).replaceFirst(",neutral,neutral\n", ",neutral,sad\n"));
        var err = new java.io.ByteArrayOutputStream();
        int rc = org.emoaugnet.cli.Main.run(new String[] {"records", "verify", SAMPLE, "--runs", runs.toString(), "--scratch", tmp.resolve("scratch").toString()},
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), new java.io.PrintStream(err));
        assertEquals(2, rc, err.toString());
        assertTrue(err.toString().contains(pred.toString()) && err.toString().contains("changed since the run was recorded"), err.toString());
        assertFalse(Files.exists(tmp.resolve("scratch")), "nothing was re-run");
    }

    @Test
    void aRunKeepsItsClassProbabilitiesAndAFixedBudgetItsTestCurveAndRecordsCheckReadsThem(@TempDir Path dir) throws Exception {
        Corpus corpus = org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth"), 4, 9);
        Path runs = dir.resolve("runs");
        org.emoaugnet.model.TrainOptions fixed = org.emoaugnet.model.TrainOptions.NONE.withSchedule(org.emoaugnet.model.TrainOptions.Schedule.WARMUP_COSINE, 1)
                .withSelection(org.emoaugnet.model.Selection.LAST);
        TrainConfig t = new TrainConfig(2, 64, 1e-3, 0, 1, 3, 0).withOptions(fixed);
        ExperimentConfig c = new ExperimentConfig("fixed", "synthetic", ClassSet.RAVDESS_7_PAPER, Protocol.SPEAKER_INDEPENDENT, FeatureSpec.publicPipeline(),
                Dataset.Layout.SEQUENCE, Recipe.none(), "compact-cnn-lstm", "relu", t, List.of(1L), 0);
        RunRecord r = Runner.runOrResume(new SpecJobs(new FeatureCache(dir.resolve("cache")), runs).job(c.plan(CorpusSource.of(corpus)).get(0)));
        Path run = runs.resolve(r.experiment()).resolve(SpecJobs.runName(r.spec()));
        Predictions p = Predictions.read(run.resolve(Predictions.FILE), r.classes());
        Probabilities probs = Probabilities.read(run.resolve(Probabilities.FILE), r.classes());
        assertEquals(p.items(), probs.items());
        assertArrayEquals(p.predicted(), probs.argmax(), "every predicted class is its row's largest probability");
        assertEquals(2, r.history().size());
        assertTrue(r.history().stream().allMatch(e -> e.testUa() >= 0 && e.testUa() <= 1), "a fixed budget records its test curve");
        assertEquals(List.of(), RecordCheck.full(run));

        // probabilities whose argmax is not the prediction, the record re-hashed so that only that disagreement remains
        Path f = run.resolve(Probabilities.FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        String[] row = lines.get(1).split(",");
        int predicted = p.predicted()[0] + 1, other = predicted == 1 ? 2 : 1;
        row[predicted] = "0.0";
        row[other] = "1.0";
        lines.set(1, String.join(",", row));
        Files.write(f, lines);
        Map<String, String> fields = RunRecord.load(run);
        fields.put(RunFiles.PREFIX + Probabilities.FILE, Sha256.of(f));
        fields.put(RecordCheck.CHECKSUM, RecordCheck.checksum(fields));
        RunRecord.store(run, fields);
        List<String> problems = RecordCheck.full(run);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(f.toString()) && problems.get(0).contains("largest probability"), problems.get(0));
        // a run selecting on validation records no test curve
        TrainConfig selecting = new TrainConfig(2, 64, 1e-3, 0, 1, 3, 0);
        ExperimentConfig v = new ExperimentConfig("selecting", "synthetic", ClassSet.RAVDESS_7_PAPER, Protocol.SPEAKER_INDEPENDENT, FeatureSpec.publicPipeline(),
                Dataset.Layout.SEQUENCE, Recipe.none(), "compact-cnn-lstm", "relu", selecting, List.of(1L), 0);
        RunRecord s = Runner.runOrResume(new SpecJobs(new FeatureCache(dir.resolve("cache")), runs).job(v.plan(CorpusSource.of(corpus)).get(0)));
        assertTrue(s.history().stream().allMatch(e -> Double.isNaN(e.testUa())), "no test curve where an epoch is selected");
    }

    @Test
    void theRunnerWritesTheSidesThatTheDerivationGivesAndAFormatTwoRecordUpgradesKeepingItsSpec(@TempDir Path dir) throws Exception {
        Corpus corpus = org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth"), 4, 9);
        Corpus other = CrossCorpus.renamed(org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth-b"), 3, 11), "synthetic-b");
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        Path runs = dir.resolve("runs");
        TrainConfig t = new TrainConfig(1, 64, 1e-3, 0, 1, 3, 0);
        List<RunRecord> made = new ArrayList<>();
        for (Protocol p : List.of(Protocol.SPEAKER_INDEPENDENT, Protocol.PAPER_STYLE, Protocol.AUGMENT_AFTER_RANDOM_SPLIT)) {
            ExperimentConfig c = new ExperimentConfig("e-" + p, "synthetic", ClassSet.RAVDESS_7_PAPER, p, FeatureSpec.publicPipeline(),
                    Dataset.Layout.SEQUENCE, Recipe.public4(), "compact-cnn-lstm", "relu", t, List.of(1L), 0);
            PlannedRun first = c.plan(CorpusSource.of(corpus)).get(0);
            made.add(Runner.runOrResume(new SpecJobs(cache, runs).job(first)));
        }
        made.add(CrossCorpus.run(new CrossCorpus.Config("synthetic", "synthetic-b", "compact-cnn-lstm", "relu", Recipe.public4(),
                CrossCorpus.Normalisation.TRAIN_SCALER, FeatureSpec.crossCorpus(), t, 1), corpus, other, cache, runs));
        SplitDerivation derive = new SplitDerivation(CorpusSource.of(corpus, other)::corpus);
        for (RunRecord r : made) {
            SplitSides recorded = r.split().sides();
            assertEquals(derive.sides(r.spec()), recorded, r.experiment() + ": the runner's sides (from its rows) are the derivation's (from the spec)");
            Path dirOf = runs.resolve(r.experiment()).resolve(SpecJobs.runName(r.spec()));
            assertNull(derive.agreesWith(recorded, r.spec(), Predictions.read(dirOf.resolve(Predictions.FILE), r.classes())));
            assertEquals(List.of(), RecordCheck.full(dirOf));
        }
        assertEquals(SplitSides.PAPER_STYLE_ROWS, made.get(1).split().sides().foldSet());
        assertTrue(made.get(3).split().sides().test().stream().allMatch(s -> s.startsWith("synthetic-b/")), "cross-corpus speakers name their corpus");

        // the same run as a format-2 record: the upgrade keeps every value and the spec hash, and adds the same sides
        RunRecord si = made.get(0);
        Path run = runs.resolve(si.experiment()).resolve(SpecJobs.runName(si.spec()));
        Map<String, String> v3 = RunRecord.load(run), v2 = new TreeMap<>(v3);
        v2.keySet().removeIf(k -> k.startsWith(RunFiles.PREFIX) || k.startsWith("split.fold_set") || k.startsWith("split.speakers.") || k.equals(RecordCheck.CHECKSUM));
        v2.put("format", RunRecord.FORMAT_2);
        v2.put("predictions_sha256", si.predictionsSha256());
        RunRecord.store(run, v2);
        assertThrows(IOException.class, () -> RunRecord.read(run), "format 2 is refused until migrated");
        var summary = RecordUpgrade.upgrade(runs, derive, "2026-12-07", new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertEquals(List.of(), summary.problems());
        assertEquals(1, summary.upgraded());
        Map<String, String> upgraded = RunRecord.load(run);
        v3.forEach((k, v) -> { if (!k.equals("note") && !k.equals(RecordCheck.CHECKSUM)) assertEquals(v, upgraded.get(k), k); });
        assertEquals(si.specSha256(), RunRecord.read(run).specSha256());

        // a format-2 record whose predictions were edited is left as it was, the problem named
        RunRecord.store(run, v2);
        Path pred = run.resolve(Predictions.FILE);
        Files.writeString(pred, Files.readString(pred) + "\n");
        summary = RecordUpgrade.upgrade(runs, derive, "2026-12-07", new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertEquals(1, summary.problems().size());
        assertTrue(summary.problems().get(0).contains(pred.toString()) && summary.problems().get(0).contains(si.predictionsSha256()), summary.problems().get(0));
        assertEquals(RunRecord.FORMAT_2, RunRecord.load(run).get("format"));
    }
}
