package org.emoaugnet.run;

import org.emoaugnet.design.ExperimentConfig;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.CrossCorpus;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.RunSpec;
import org.emoaugnet.run.Runner;
import org.emoaugnet.run.SpecJobs;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.TrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A design's planned specs become their jobs unchanged through the one function, {@link SpecJobs#job}; what it cannot resolve it refuses. */
class SpecJobsTest {
    @TempDir static Path dir;
    static Corpus corpus;

    @BeforeAll
    static void corpus() throws Exception {
        corpus = org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth"), 3, 9);
    }

    @Test
    void aPlannedSpecBecomesItsJobAndWhatItCannotResolveIsRefused() throws Exception {
        ExperimentConfig c = new ExperimentConfig("e", "synthetic", ClassSet.RAVDESS_7_PAPER, Protocol.SPEAKER_INDEPENDENT, FeatureSpec.publicPipeline(),
                Dataset.Layout.SEQUENCE, Recipe.public4(), "compact-cnn-lstm", "relu", new TrainConfig(1, 64, 1e-3, 0, 1, 3, 0), List.of(1L, 2L), 0);
        List<PlannedRun> plan = c.plan(CorpusSource.of(corpus));
        assertEquals(6, plan.size(), "3 speaker folds × 2 seeds");
        assertEquals(c.specs(corpus), plan.stream().map(PlannedRun::spec).toList());
        Path runs = dir.resolve("runs");
        SpecJobs specJobs = new SpecJobs(new FeatureCache(dir.resolve("cache")), runs);
        List<Runner.Job> jobs = specJobs.jobs(plan);
        for (int i = 0; i < plan.size(); i++) {
            assertEquals(plan.get(i).spec(), jobs.get(i).spec(), "a design's spec is its job's spec, unchanged");
            assertEquals(runs.resolve("e").resolve(plan.get(i).spec().fold() + "-seed" + plan.get(i).spec().seed()), jobs.get(i).runDir());
            assertEquals(plan.get(i).label(), jobs.get(i).label());
        }
        Map<String, String> f = new TreeMap<>(plan.get(0).spec().fields());
        f.put("fold", "fold-9");
        RunSpec noSuchFold = RunSpec.fromFields(f);
        var e = assertThrows(java.io.IOException.class, () -> specJobs.job(new PlannedRun("e", noSuchFold, List.of(corpus))));
        assertTrue(e.getMessage().contains("fold 'fold-9' is not among the folds of SPEAKER_INDEPENDENT on synthetic"), e.getMessage());
        f.put("fold", "fold-1");
        f.put("recipe", "magic");
        RunSpec noSuchRecipe = RunSpec.fromFields(f);
        var r = assertThrows(IllegalArgumentException.class, () -> specJobs.job(new PlannedRun("e", noSuchRecipe, List.of(corpus))));
        assertTrue(r.getMessage().contains("recipe 'magic'"), r.getMessage());
        var m = assertThrows(IllegalArgumentException.class, () -> new PlannedRun("e", plan.get(0).spec(), List.of(CrossCorpus.renamed(corpus, "synthetic-b"))));
        assertTrue(m.getMessage().contains("reads corpus 'synthetic'"), m.getMessage());
        assertFalse(Files.exists(runs), "planning trains nothing");
    }

    /**
     * {@link SpecJobs#verify} re-makes a recorded run of this engine and compares: a run-spec/3 record with its own hash,
     * a run-spec/2 record of the same revisions with its spec without the thread count (the same predictions either way);
     * a record of another engine is refused before anything is computed, naming the tag that re-makes it.
     */
    @Test
    void verifyReMakesOnlyThisEnginesRunsAndComparesARunSpec2RecordWithoutItsThreadCount() throws Exception {
        ExperimentConfig c = oneEpochOneSeed("v");
        FeatureCache cache = new FeatureCache(dir.resolve("cache-v"));
        Path runs = dir.resolve("runs-v");
        RunRecord made = Runner.runOrResume(new SpecJobs(cache, runs).job(c.plan(CorpusSource.of(corpus)).get(0)));
        Path run = runs.resolve("v").resolve(SpecJobs.runName(made.spec()));
        assertEquals(RunSpec.VERSION, made.spec().version());
        var now = SpecJobs.verify(run, CorpusSource.of(corpus), cache, dir.resolve("scratch-1"));
        assertTrue(now.sameSpec() && now.samePredictions(), now.text());
        assertEquals(made.specSha256(), now.recordedSpec());
        assertEquals(made.specSha256(), now.expectedSpec());

        RunSpec.Engine e = made.spec().engine();
        RunSpec v2 = RecordFixtures.withEngine(run, new RunSpec.Engine("1", e.network(), e.trainer()));
        var older = SpecJobs.verify(run, CorpusSource.of(corpus), cache, dir.resolve("scratch-2"));
        assertTrue(older.sameSpec() && older.samePredictions(), older.text());
        assertEquals(v2.sha256(), older.recordedSpec());
        assertEquals(made.specSha256(), older.expectedSpec(), "the run-spec/2 record's spec without its thread count is the run's run-spec/3 spec");
        assertTrue(older.text().contains("same spec (the record's run-spec/2 spec " + v2.shortHash() + " as run-spec/3, without its thread count)"), older.text());

        RecordFixtures.withEngine(run, RecordFixtures.oldFused1());
        var refused = assertThrows(IllegalArgumentException.class, () -> SpecJobs.verify(run, CorpusSource.of(corpus), cache, dir.resolve("scratch-3")));
        assertTrue(refused.getMessage().contains("v/" + run.getFileName() + ": not verifiable here: made by another engine")
                && refused.getMessage().contains("git tag " + EngineTags.FUSED_1) && refused.getMessage().contains("--runs " + runs.toAbsolutePath().normalize()),
                refused.getMessage());
        assertFalse(Files.exists(dir.resolve("scratch-3")), "nothing computed");
    }

    /**
     * {@link SpecJobs#verify} of an evaluation into an empty scratch folder re-makes the evaluated run there first (its
     * network is what the evaluation scores), then the evaluation, and compares; a second evaluation of the same run in
     * the same scratch folder reuses that run.
     */
    @Test
    void verifyOfAnEvaluationReMakesItsRunFirst() throws Exception {
        ExperimentConfig c = oneEpochOneSeed("ev");
        FeatureCache cache = new FeatureCache(dir.resolve("cache-ev"));
        Path runs = dir.resolve("runs-ev");
        PlannedRun p = c.plan(CorpusSource.of(corpus)).get(0), source = new PlannedRun(p.experiment(), p.spec(), p.corpora(), true);
        SpecJobs jobs = new SpecJobs(cache, runs);
        Runner.runOrResume(jobs.job(source));
        List<Path> evals = new java.util.ArrayList<>();
        for (String snr : List.of("10.0", "5.0")) {
            PlannedRun e = PlannedRun.evaluation(source, new RunSpec.Evaluation("white-" + snr, "noise(snr_db=" + snr + ",colour=WHITE)", Degradation.SEED));
            Runner.Job j = jobs.job(e);
            Runner.runOrResume(j);
            evals.add(j.runDir());
        }
        Path scratch = dir.resolve("scratch-ev"), remade = scratch.resolve("ev").resolve(SpecJobs.runName(p.spec())).resolve(RunRecord.FILE);
        var first = SpecJobs.verify(evals.get(0), CorpusSource.of(corpus), cache, scratch);
        assertTrue(first.reproduced() && first.sameSpec() && first.samePredictions(), first.text());
        assertTrue(first.evaluatedRun().isPresent() && !first.evaluatedRun().get().reused() && first.evaluatedRun().get().samePredictions(), first.text());
        assertTrue(first.text().contains("its evaluated run re-made first, predictions identical"), first.text());
        assertTrue(Files.isRegularFile(remade), "the evaluated run, re-made in the scratch folder");
        var made = Files.getLastModifiedTime(remade);
        var second = SpecJobs.verify(evals.get(1), CorpusSource.of(corpus), cache, scratch);
        assertTrue(second.reproduced(), second.text());
        assertTrue(second.evaluatedRun().get().reused(), second.text());
        assertEquals(made, Files.getLastModifiedTime(remade), "the second evaluation reuses the re-made run");

    }

    /**
     * A verification is reproduced only when its evaluated run is too: an evaluation whose own predictions match its
     * record but whose evaluated run, made again, has other predictions is not ({@code records verify} exits with
     * MISMATCH), and its text says so with both hashes.
     */
    @Test
    void anEvaluatedRunWithOtherPredictionsIsNotReproduced() throws Exception {
        Path runs = RecordIntegrityTest.RUNS;
        RunRecord one = RunRecord.read(runs.resolve(RecordIntegrityTest.SAMPLE)), other = RunRecord.read(runs.resolve("ravdess-si-compact-relu/fold-2-seed1"));
        Remade same = new Remade(one, one, false), differs = new Remade(one, other, true);
        assertTrue(same.samePredictions());
        assertFalse(differs.samePredictions());
        assertEquals("OTHER THAN its record's (SHA-256 " + one.predictionsSha256() + " recorded, " + other.predictionsSha256() + " now)",
                differs.predictions());
        String h = one.specSha256();   // the evaluation itself re-made with its record's spec and predictions
        var ok = new SpecJobs.Verification("x/eval-clean", h, same, java.util.Optional.of(same));
        var bad = new SpecJobs.Verification("x/eval-clean", h, same, java.util.Optional.of(differs));
        var training = new SpecJobs.Verification("x", h, same, java.util.Optional.empty());
        assertTrue(ok.reproduced() && training.reproduced());
        assertFalse(bad.reproduced(), bad.text());
        assertTrue(bad.text().contains("predictions IDENTICAL") && bad.text().contains("(made by an earlier verification in the scratch folder) predictions OTHER THAN"), bad.text());
        assertFalse(new SpecJobs.Verification("x", "b".repeat(64), same, java.util.Optional.empty()).reproduced(), "another spec");
        assertFalse(new SpecJobs.Verification("x", h, differs, java.util.Optional.empty()).reproduced(), "other predictions");
    }

    /** A speaker-independent experiment on the synthetic corpus without augmentation: one epoch, seed 1. */
    static ExperimentConfig oneEpochOneSeed(String name) {
        return new ExperimentConfig(name, "synthetic", ClassSet.RAVDESS_7_PAPER, Protocol.SPEAKER_INDEPENDENT, FeatureSpec.publicPipeline(),
                Dataset.Layout.SEQUENCE, Recipe.none(), "compact-cnn-lstm", "relu", new TrainConfig(1, 64, 1e-3, 0, 1, 3, 0), List.of(1L), 0);
    }
}
