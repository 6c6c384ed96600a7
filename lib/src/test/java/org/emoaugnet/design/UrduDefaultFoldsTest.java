package org.emoaugnet.design;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.FoldFile;
import org.emoaugnet.data.FoldSet;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.data.loaders.UrduLoader;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.publish.LedgerTest;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.Defaults;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.RunSpec;
import org.emoaugnet.util.ConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * URDU's speaker-independent folds are the committed fold file {@code experiments/urdu/folds/speaker-folds.csv} by
 * default: the corpus's own policy, the fold set of every speaker-independent URDU experiment that names none (so its
 * specs name the file's folds), and an experiment file on URDU without {@code fold_set}; every class in every test and
 * validation fold, on the 400 files of the committed list.
 */
class UrduDefaultFoldsTest {
    @TempDir static Path dir;
    static Corpus urdu;
    static final Path FILE = LedgerTest.projectRoot().resolve(UrduLoader.SPEAKER_FOLDS_FILE);
    static final List<String> SHARED = List.of("angry", "happy", "neutral", "sad");

    @BeforeAll
    static void corpus() throws Exception {
        urdu = FourCorpora.urdu(dir.resolve("urdu"));
    }

    @Test
    void theJarCarriesTheCommittedFoldFileAndItIsUrdusDefault() throws Exception {
        try (var in = UrduLoader.class.getResourceAsStream(UrduLoader.SPEAKER_FOLDS_RESOURCE)) {
            assertNotNull(in, "the build copies the fold file into the jar");
            assertArrayEquals(Files.readAllBytes(FILE), in.readAllBytes(), "the jar's copy is the committed file, byte for byte");
        }
        FoldFile committed = FoldFile.read(FILE);
        assertEquals(committed, UrduLoader.speakerFolds());
        assertEquals(committed.key(), UrduLoader.speakerFolds().key());
        assertEquals(List.of("urdu-fold-1", "urdu-fold-2", "urdu-fold-3", "urdu-fold-4"), committed.folds().stream().map(FoldSet.Members::name).toList());
        assertSame(UrduLoader.speakerFolds(), Corpora.defaultFoldSet("urdu"));
        for (String other : List.of("ravdess", "emodb-2s", "emodb", "savee", "synthetic", "synthetic-b", "emodb-2s+ravdess+savee"))
            assertSame(FoldSet.DEFAULT, Corpora.defaultFoldSet(other), other + " keeps its own policy");
        assertEquals(committed, Defaults.split(Protocol.SPEAKER_INDEPENDENT, "urdu").foldSet());
        assertEquals(FoldSet.DEFAULT, Defaults.split(Protocol.LEAVE_ONE_SPEAKER_OUT, "urdu").foldSet(), "fold sets are for the speaker-independent protocol only");
        assertEquals(Defaults.split(Protocol.SPEAKER_INDEPENDENT), Defaults.split(Protocol.SPEAKER_INDEPENDENT, "ravdess"));
    }

    @Test
    void theCorpusPolicyGivesTheFileFoldsWithEveryClassInEveryTestAndValidationFold() {
        assertEquals(29, urdu.speakers().size());
        for (ClassSet cs : List.of(ClassSet.URDU_4, Corpora.commonClasses(FourCorpora.NAMES))) {
            assertEquals(new TreeSet<>(SHARED), new TreeSet<>(cs.classes()), cs.name());
            Corpus kept = cs.apply(urdu);
            assertEquals(400, kept.size());
            List<Fold> folds = Corpora.speakerIndependent(kept, 42);
            assertEquals(List.of("urdu-fold-1", "urdu-fold-2", "urdu-fold-3", "urdu-fold-4"), folds.stream().map(Fold::name).toList());
            assertEquals(folds.stream().map(Fold::name).toList(), UrduLoader.speakerFolds().folds(kept, cs).stream().map(Fold::name).toList(),
                    "the policy's folds are the fold file's, checked against the corpus");
            Set<String> tested = new HashSet<>();
            int testFiles = 0;
            for (Fold f : folds) {
                for (List<Utterance> side : List.of(f.test(), f.validation()))
                    assertEquals(new TreeSet<>(SHARED), classes(cs, side), f.name() + ": every class in its test and validation sides (" + cs.name() + ")");
                Set<String> test = speakers(f.test()), val = speakers(f.validation()), train = speakers(f.train());
                assertTrue(disjoint(test, val) && disjoint(test, train) && disjoint(val, train), f.name() + ": no speaker on two sides");
                for (String s : test) assertTrue(tested.add(s), s + " tested twice");
                assertEquals(400, f.train().size() + f.validation().size() + f.test().size());
                testFiles += f.test().size();
            }
            assertEquals(29, tested.size(), "every speaker tested once");
            assertEquals(400, testFiles);
        }
    }

    @Test
    void aSpeakerIndependentUrduExperimentNamesTheFileFoldsInItsSpecs() throws Exception {
        ClassSet cs = Corpora.commonClasses(FourCorpora.NAMES);
        ExperimentConfig cfg = new ExperimentConfig("urdu-si", "urdu", cs, Protocol.SPEAKER_INDEPENDENT, FeatureSpec.crossCorpus(), Dataset.Layout.SEQUENCE,
                Recipe.public4(), "compact-cnn-lstm", "relu", Defaults.TRAINING, List.of(1L, 2L), 0);
        assertEquals(UrduLoader.speakerFolds(), cfg.split().foldSet(), "no fold set named: URDU's committed folds");
        ExperimentConfig explicit = cfg.with("urdu-si", Defaults.split(Protocol.SPEAKER_INDEPENDENT));
        assertEquals(UrduLoader.speakerFolds(), explicit.split().foldSet(), "the default fold set stands for URDU's committed folds wherever a config is made");
        List<PlannedRun> plan = cfg.plan(CorpusSource.of(urdu));
        assertEquals(8, plan.size(), "4 folds × 2 seeds");
        for (PlannedRun p : plan) {
            RunSpec s = p.spec();
            assertTrue(s.fold().startsWith("urdu-fold-"), s.fold());
            assertEquals(UrduLoader.speakerFolds().key(), s.fields().get("split.fold_set"), "the spec names the fold file");
            for (int k = 1; k <= 4; k++) assertEquals(UrduLoader.speakerFolds().lines().get(k - 1), s.fields().get("split.fold_set." + k));
            assertEquals(s.sha256(), RunSpec.fromFields(s.fields()).sha256(), "read back from the spec alone");
        }

        // an experiment file on URDU without fold_set: the committed folds, at most 4
        Path exp = dir.resolve("exp/urdu.properties");
        Files.createDirectories(exp.getParent());
        Files.writeString(exp, "name=urdu-file\ncorpus=urdu\nrecipe=none\n");
        assertEquals(UrduLoader.speakerFolds(), ExperimentConfigs.load(exp).split().foldSet());
        Files.writeString(exp, "name=urdu-file\ncorpus=urdu\nrecipe=none\nfolds=5\n");
        String msg = assertThrows(ConfigurationException.class, () -> ExperimentConfigs.load(exp)).getMessage();
        assertTrue(msg.contains("4 folds"), msg);

        // other corpora's specs are unchanged: no fold set recorded
        ExperimentConfig ravdess = new ExperimentConfig("r", "ravdess", cs, Protocol.SPEAKER_INDEPENDENT, FeatureSpec.crossCorpus(), Dataset.Layout.SEQUENCE,
                Recipe.public4(), "compact-cnn-lstm", "relu", Defaults.TRAINING, List.of(1L), 0);
        assertFalse(ravdess.spec("fold-1", 1, plan.get(0).spec().data()).fields().containsKey("split.fold_set"));
    }

    static Set<String> classes(ClassSet cs, List<Utterance> us) {
        Set<String> out = new TreeSet<>();
        for (Utterance u : us) out.add(cs.classOf(u));
        return out;
    }

    static Set<String> speakers(List<Utterance> us) {
        Set<String> out = new TreeSet<>();
        for (Utterance u : us) out.add(u.speaker());
        return out;
    }

    static boolean disjoint(Set<String> a, Set<String> b) { return a.stream().noneMatch(b::contains); }
}
