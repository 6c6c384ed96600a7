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
}
