package org.emoaugnet.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.Splits;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.TrainConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leave-one-corpus-out: several corpora pooled as one training corpus ({@code a+b}), tested on another. The pooled
 * name, the pool's recordings (each keeps its corpus), the opening of a pooled name by a {@link CorpusSource}, the
 * validation speakers drawn within every training corpus, training and test sides disjoint by corpus, and one run
 * trained end to end through the runner, its record naming the pooled training side.
 */
class LeaveOneCorpusOutTest {
    @TempDir static Path dir;
    static Corpus a, b, c;

    @BeforeAll
    static void corpora() throws Exception {
        // three generated corpora in RAVDESS's layout (Actor_01 …, every emotion), under three registered names
        a = CrossCorpus.renamed(org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth-a"), 3, 21), "ravdess");
        b = CrossCorpus.renamed(org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth-b"), 4, 22), "synthetic");
        c = CrossCorpus.renamed(org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth-c"), 3, 23), "synthetic-b");
    }

    @Test
    void pooledNamesArePooledCorporaSortedAndChecked() {
        assertEquals("emodb-2s+ravdess+savee", CrossCorpus.pooledName(List.of("savee", "emodb-2s", "ravdess")));
        assertTrue(CrossCorpus.isPooled("emodb-2s+ravdess+savee"));
        assertFalse(CrossCorpus.isPooled("emodb-2s"));
        assertEquals(List.of("emodb-2s", "ravdess", "savee"), CrossCorpus.parts("emodb-2s+ravdess+savee"));
        assertEquals(List.of("urdu"), CrossCorpus.parts("urdu"));
        assertThrows(IllegalArgumentException.class, () -> CrossCorpus.pooledName(List.of("ravdess")), "one corpus is no pool");
        assertThrows(IllegalArgumentException.class, () -> CrossCorpus.pooledName(List.of("ravdess", "ravdess")));
        assertThrows(IllegalArgumentException.class, () -> CrossCorpus.pooledName(List.of("a+b", "c")));
    }

    @Test
    void aPoolKeepsEveryRecordingsCorpusAndASourceOpensAPooledName() throws Exception {
        Corpus pool = CrossCorpus.pool(List.of(b, a));
        assertEquals("ravdess+synthetic", pool.name());
        assertEquals(pool.utterances(), CrossCorpus.pool(List.of(a, b)).utterances(), "one order whatever the order given");
        assertEquals(a.size() + b.size(), pool.size());
        Set<String> keys = new TreeSet<>();
        for (Utterance u : pool.utterances()) keys.add(u.key());
        assertEquals(a.size() + b.size(), keys.size(), "keys stay corpus/id, so equal ids of two corpora stay apart");
        assertEquals(Set.of("ravdess", "synthetic"), new TreeSet<>(pool.utterances().stream().map(Utterance::corpus).toList()));
        CorpusSource source = CorpusSource.of(a, b, c);
        Corpus opened = source.corpus("ravdess+synthetic");
        assertTrue(pool.utterances().stream().map(Utterance::key).toList().equals(opened.utterances().stream().map(Utterance::key).toList()), "the same pool");
        assertSame(opened, source.corpus("ravdess+synthetic"), "opened once");
    }

    @Test
    void validationSpeakersComeFromEveryTrainingCorpusAndTheSidesAreDisjointByCorpus() {
        ClassSet cs = Corpora.commonClasses(List.of("ravdess", "synthetic", "synthetic-b"));
        CrossCorpus.Config cfg = config("ravdess+synthetic", "synthetic-b");
        List<Utterance> xs = cs.apply(CrossCorpus.pool(List.of(a, b))).utterances(), ys = cs.apply(c).utterances();
        RunSpec spec = CrossCorpus.planned(cfg, cs, CrossCorpus.pool(List.of(a, b)), c).spec();
        assertEquals("ravdess+synthetic", spec.corpus());
        Fold f = CrossCorpus.fold("x", spec, cs, xs, ys);
        assertEquals(Set.of("ravdess", "synthetic"), corpora(f.validation()), "each training corpus has validation speakers");
        assertEquals(Set.of("ravdess", "synthetic"), corpora(f.train()));
        assertEquals(Set.of("synthetic-b"), corpora(f.test()));
        assertEquals(xs.size(), f.train().size() + f.validation().size());
        // within each corpus, the same share as a single corpus's draw: one of 3 and one of 4 speakers (15 %, at least one)
        assertEquals(2, f.validation().stream().map(u -> u.corpus() + "/" + u.speaker()).distinct().count());

        // a single training corpus draws as before
        CrossCorpus.Config one = config("synthetic", "synthetic-b");
        List<Utterance> xb = cs.apply(b).utterances();
        RunSpec s1 = CrossCorpus.planned(one, cs, b, c).spec();
        Fold single = CrossCorpus.fold("y", s1, cs, xb, ys);
        Fold before = Splits.withValidation(new Fold("y", "train on synthetic, test on synthetic-b", xb, ys), s1.split().validationFraction(), s1.seed(), true, cs::classOf);
        assertEquals(before.validation(), single.validation());
        assertEquals(before.protocol(), single.protocol());
        assertEquals(Splits.withValidation(new Fold("y", "p", xb, ys), 0.15, 1, true, cs::classOf).validation(),
                Splits.withValidationPerCorpus(new Fold("y", "p", xb, ys), 0.15, 1).validation(), "one corpus: the same speakers either way");

        // a test corpus among the training corpora is refused
        assertThrows(IllegalArgumentException.class, () -> CrossCorpus.planned(config("ravdess+synthetic-b", "synthetic-b"), cs, CrossCorpus.pool(List.of(a, c)), c));
    }

    @Test
    void aLeaveOneCorpusOutRunTrainsThroughTheRunnerAndItsRecordNamesThePool() throws Exception {
        ClassSet cs = Corpora.commonClasses(List.of("ravdess", "synthetic", "synthetic-b"));
        CorpusSource source = CorpusSource.of(a, b, c);
        PlannedRun p = CrossCorpus.planned(config("ravdess+synthetic", "synthetic-b"), cs, source.corpus("ravdess+synthetic"), source.corpus("synthetic-b"));
        Path runs = dir.resolve("runs");
        SpecJobs jobs = new SpecJobs(new FeatureCache(dir.resolve("cache")), runs);
        int recordings = jobs.trainingRecordings(p);
        RunRecord r = Runner.runOrResume(jobs.job(p));
        assertEquals("ravdess+synthetic", r.spec().corpus());
        assertEquals("synthetic-b", r.spec().testCorpus());
        assertEquals("ravdess,synthetic,synthetic-b", r.spec().data().corpora(), "the data manifest names every corpus read");
        assertEquals(recordings, r.split().rowsTrain(), "no augmentation: one training row per training recording, as the plan counted");
        SplitSides sides = r.split().sides();
        for (String s : sides.train()) assertTrue(s.startsWith("ravdess/") || s.startsWith("synthetic/"), s);
        assertTrue(sides.validation().stream().anyMatch(s -> s.startsWith("ravdess/")) && sides.validation().stream().anyMatch(s -> s.startsWith("synthetic/")),
                sides.validation().toString());
        for (String s : sides.test()) assertTrue(s.startsWith("synthetic-b/"), s);
        assertEquals(List.of(), sides.testSpeakersSeenInTraining());
        for (String key : Predictions.read(runs.resolve(p.experiment()).resolve("seed1").resolve(Predictions.FILE), r.classes()).items())
            assertTrue(key.startsWith("synthetic-b/"), key);
        assertEquals(r.specSha256(), Runner.runOrResume(jobs.job(p)).specSha256(), "read back, not trained again");
    }

    static CrossCorpus.Config config(String train, String test) {
        return new CrossCorpus.Config(train, test, "compact-cnn-lstm", "relu", Recipe.none(), CrossCorpus.Normalisation.TRAIN_SCALER, FeatureSpec.crossCorpus(),
                new TrainConfig(1, 64, 1e-3, 0, 1, 3, 0), 1);
    }

    static Set<String> corpora(List<Utterance> us) { return new TreeSet<>(us.stream().map(Utterance::corpus).toList()); }
}
