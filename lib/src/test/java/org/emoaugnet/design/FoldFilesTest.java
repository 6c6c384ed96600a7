package org.emoaugnet.design;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Emotion;
import org.emoaugnet.data.FoldFile;
import org.emoaugnet.data.FoldSet;
import org.emoaugnet.data.Splits;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.RunSpec;
import org.emoaugnet.run.SpecJobs;
import org.emoaugnet.run.SplitDerivation;
import org.emoaugnet.run.SplitSides;
import org.emoaugnet.util.ConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fold sets from files: a file of actor lists trains an experiment end to end on the synthetic corpus, named in the
 * spec (by the SHA-256 of its content, with its folds) and in the record's sides; every malformed file fails naming the
 * file and the fold, before any work (or, for what needs the corpus, at planning, before features); the committed
 * gender-balanced RAVDESS partition is what its stated rule makes.
 */
class FoldFilesTest {
    @TempDir static Path dir;
    static Corpus corpus;

    @BeforeAll
    static void corpus() throws Exception {
        corpus = org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth"), 6, 5);   // Actor_01 … Actor_06, every emotion each
    }

    static final String TWO_FOLDS = "# two folds of the six synthetic speakers\nfold,test,validation\n"
            + "syn-fold-a,Actor_01 Actor_02,Actor_03\nsyn-fold-b,Actor_04;Actor_05,Actor_06\n";

    static Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aFoldFileTrainsAnExperimentEndToEndAndTheRecordNamesItsFoldSetAndSpeakers() throws Exception {
        Path folds = write("exp/folds/two.csv", TWO_FOLDS);
        Path file = write("exp/ff.properties", "name=ff\ncorpus=synthetic\nrecipe=none\nfold_set=folds/two.csv\nepochs=1\nbatch=64\nfolds=1\nseeds=1\n");
        ExperimentConfig cfg = ExperimentConfigs.load(file);
        FoldFile set = FoldFile.read(folds);
        assertEquals(set, cfg.split().foldSet());
        assertTrue(set.key().matches("file:[0-9a-f]{64}"), set.key());

        Path runs = dir.resolve("runs");
        List<RunRecord> records = cfg.run(CorpusSource.of(corpus), new FeatureCache(dir.resolve("cache")), runs);
        assertEquals(1, records.size(), "one seed, the first fold");
        RunRecord rec = RunRecord.read(runs.resolve("ff/syn-fold-a-seed1"));
        RunSpec spec = rec.spec();
        assertEquals("syn-fold-a", spec.fold());
        assertEquals(set.key(), spec.fields().get("split.fold_set"));
        assertEquals("syn-fold-a,Actor_01 Actor_02,Actor_03", spec.fields().get("split.fold_set.1"));
        assertEquals("syn-fold-b,Actor_04 Actor_05,Actor_06", spec.fields().get("split.fold_set.2"), "speakers sorted, separated by spaces");
        assertEquals(set, spec.split().foldSet(), "read back from the record alone");
        SplitSides sides = rec.split().sides();
        assertEquals(set.key(), sides.foldSet());
        assertEquals(List.of("Actor_01", "Actor_02"), sides.test());
        assertEquals(List.of("Actor_03"), sides.validation());
        assertEquals(List.of("Actor_04", "Actor_05", "Actor_06"), sides.train());
        assertEquals(sides, SplitDerivation.of(n -> corpus).sides(spec), "the record's sides are what the spec derives, without the file");
        // a recorded spec rebuilds its run from the record alone (records verify), and the fold file is not needed
        var rebuilt = new SpecJobs(new FeatureCache(dir.resolve("cache")), dir.resolve("verify")).job(new PlannedRun("ff", spec, List.of(corpus)));
        assertEquals(rec.specSha256(), rebuilt.spec().sha256());

        // the same folds in another file (other name, comments, order of speakers, separators) are the same spec; an edit is another
        Path copy = write("elsewhere/copy-of-two.csv", "fold , test , validation\nsyn-fold-a, Actor_02 ; Actor_01 ,Actor_03\n# b\nsyn-fold-b,Actor_05 Actor_04,Actor_06\n");
        ExperimentConfig same = cfg.with("ff", cfg.split().withFoldSet(FoldFile.read(copy)));
        assertEquals(spec.sha256(), same.spec("syn-fold-a", 1, spec.data()).planned("ff", spec.data()).sha256());
        Path edited = write("exp/folds/edited.csv", TWO_FOLDS.replace("Actor_03\n", "Actor_06\n").replace(",Actor_06\n", ",Actor_03\n"));
        ExperimentConfig other = cfg.with("ff", cfg.split().withFoldSet(FoldFile.read(edited)));
        assertNotEquals(spec.sha256(), other.spec("syn-fold-a", 1, spec.data()).sha256(), "an edited file is a new spec");

        // a committed recipe on the file, as the command line's --fold-set makes it: its own experiment name, the file's folds
        ExperimentConfig recipe = ExperimentConfigs.parse(props("name=recipe\ncorpus=synthetic\nepochs=1\n"));
        ExperimentConfig onFile = ExperimentConfigs.withFoldFile(recipe, folds);
        assertEquals("recipe-two", onFile.name());
        assertEquals(set, onFile.split().foldSet());
        assertEquals(List.of("syn-fold-a", "syn-fold-b"), onFile.specs(corpus).stream().map(RunSpec::fold).toList());
        var paper = assertThrows(ConfigurationException.class,
                () -> ExperimentConfigs.withFoldFile(ExperimentConfigs.parse(props("name=p\ncorpus=synthetic\nprotocol=PAPER_STYLE\n")), folds));
        assertTrue(paper.getMessage().startsWith(folds + ": a fold file gives speaker-independent folds"), paper.getMessage());
        var many = assertThrows(ConfigurationException.class, () -> ExperimentConfigs.parse(props("name=x\ncorpus=synthetic\nfold_set=" + folds + "\nfolds=3\n")));
        assertTrue(many.getMessage().startsWith("experiment: folds=3: must be an integer ≥ 0 and ≤ 2 (0: every fold; SPEAKER_INDEPENDENT on synthetic with fold set "
                + set.key() + " has 2 folds)"), many.getMessage());
    }

    static java.util.Properties props(String text) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.load(new java.io.StringReader(text));
        return p;
    }

    @Test
    void malformedFoldFilesFailWhenReadNamingTheFileAndTheFold() throws Exception {
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("fold,test,validation\nf-1,Actor_01 Actor_02,Actor_02\n", ":2: fold f-1: speaker Actor_02 is both a test and a validation speaker");
        bad.put("fold,test,validation\nf-1,Actor_01,Actor_03\nf-2,Actor_01 Actor_02,Actor_04\n",
                ":3: fold f-2: speaker Actor_01 is a test speaker of fold f-1 too (test speakers must be disjoint across folds");
        bad.put("fold,test,validation\nf-1,Actor_01,Actor_03\nf-1,Actor_02,Actor_04\n", ":3: fold f-1: a second fold of that name");
        bad.put("", ": an empty fold file (no header fold,test,validation and no folds)");
        bad.put("# only comments\n\n", ": an empty fold file");
        bad.put("fold,test,validation\n", ": no folds (one line per fold after the header fold,test,validation)");
        bad.put("name,test,validation\nf-1,Actor_01,Actor_02\n", ":1: the first line that is not a comment must be the header fold,test,validation");
        bad.put("fold,test,validation\nfold-1,Actor_01,Actor_02\n", ":2: fold fold-1: the name is one the built-in fold sets give their folds");
        bad.put("fold,test,validation\nemobox-fold-2,Actor_01,Actor_02\n", ":2: fold emobox-fold-2: the name is one the built-in fold sets give");
        bad.put("fold,test,validation\nf 1,Actor_01,Actor_02\n", ":2: fold name 'f 1' must be letters, digits");
        bad.put("fold,test,validation\nf-1,Actor_01,\n", ":2: fold f-1: no validation speakers");
        bad.put("fold,test,validation\nf-1, ,Actor_02\n", ":2: fold f-1: no test speakers");
        bad.put("fold,test,validation\nf-1,Actor_01 Actor_01,Actor_02\n", ":2: fold f-1: test speaker Actor_01 is listed twice");
        bad.put("fold,test,validation\nf-1,Actor_01,Actor_02,Actor_03\n", ":2: expected fold,test,validation (three fields)");
        bad.put("fold,test,validation,excluded\nf-1,Actor_01,Actor_02,Actor_01\n", ":2: fold f-1: speaker Actor_01 is excluded and also a test speaker");
        bad.put("fold,test,validation,excluded\nf-1,Actor_01,Actor_02,Actor_03 Actor_02\n", ":2: fold f-1: speaker Actor_02 is excluded and also a validation speaker");
        bad.put("fold,test,validation,excluded\nf-1,Actor_01,Actor_02\n", ":2: expected fold,test,validation,excluded (four fields)");
        bad.put("fold,test,validation,excluded\nf-1,Actor_01,Actor_02,Actor_03 Actor_03\n", ":2: fold f-1: excluded speaker Actor_03 is listed twice");
        int n = 0;
        for (var b : bad.entrySet()) {
            Path f = write("bad/f" + (n++) + ".csv", b.getKey());
            var e = assertThrows(ConfigurationException.class, () -> FoldFile.read(f), b.getKey());
            assertTrue(e.getMessage().startsWith(f + b.getValue()), b.getKey() + " → " + e.getMessage());
            // through an experiment file: the same error, before anything runs
            Path exp = write("bad/x" + n + ".properties", "name=x\ncorpus=synthetic\nfold_set=" + f.getFileName() + "\n");
            assertEquals(e.getMessage(), assertThrows(ConfigurationException.class, () -> ExperimentConfigs.load(exp)).getMessage());
        }
        assertEquals(dir.resolve("bad/none.csv") + ": no such fold file", assertThrows(ConfigurationException.class,
                () -> ExperimentConfigs.load(write("bad/y.properties", "name=x\ncorpus=synthetic\nfold_set=none.csv\n"))).getMessage());
        var name = assertThrows(ConfigurationException.class, () -> ExperimentConfigs.load(write("bad/z.properties", "name=x\ncorpus=synthetic\nfold_set=my-folds\n")));
        assertTrue(name.getMessage().endsWith("fold_set=my-folds: must be one of reslstm-5, emobox-6, or a fold file (a path ending in .csv, relative to "
                + dir.resolve("bad/z.properties") + ")"), name.getMessage());
    }

    @Test
    void aSideWrittenNoneHoldsNoSpeakerAndReadsBackFromItsCanonicalLines() throws Exception {
        FoldFile all = FoldFile.read(write("none/all.csv", "fold,test,validation\nall-speakers,none,none\n"));
        assertEquals(List.of(), all.folds().get(0).test());
        assertEquals(List.of(), all.folds().get(0).validation());
        assertEquals(List.of("all-speakers," + FoldFile.NONE + "," + FoldFile.NONE), all.lines());
        assertEquals(all, FoldFile.of("record", all.lines()));
        assertEquals(all, FoldFile.ofMembers("code", List.of(new org.emoaugnet.data.FoldSet.Members("all-speakers", List.of(), List.of()))));
        // planned on a corpus: every speaker trains, none is tested (no class check applies to an empty test side)
        var folds = all.folds(corpus, ClassSet.RAVDESS_7_PAPER);
        assertTrue(folds.get(0).test().isEmpty() && folds.get(0).validation().isEmpty());
        assertEquals(corpus.utterances().size(), folds.get(0).train().size());
    }

    @Test
    void whatNeedsTheCorpusIsCheckedAtPlanningBeforeAnyFeatureNamingTheFileAndTheFold() throws Exception {
        Path unknown = write("plan/unknown.csv", "fold,test,validation\nsyn-1,Actor_01 Actor_09,Actor_02\n");
        ExperimentConfig a = ExperimentConfigs.parse(props("name=x\ncorpus=synthetic\nfold_set=" + unknown + "\n"));
        var e = assertThrows(ConfigurationException.class, () -> a.plan(CorpusSource.of(corpus)));
        assertTrue(e.getMessage().startsWith(unknown + ": fold syn-1: speaker Actor_09 is not a speaker of synthetic with class set ravdess-7-paper (its 6 speakers: "
                + "Actor_01, Actor_02, Actor_03, Actor_04, Actor_05, Actor_06)"), e.getMessage());
        // a fold whose test speakers lack a class: Actor_01 without its angry recordings
        Corpus lacking = corpus.filter(u -> !(u.speaker().equals("Actor_01") && u.emotion() == Emotion.ANGRY));
        Path classes = write("plan/classes.csv", "fold,test,validation\nsyn-1,Actor_02,Actor_03\nsyn-2,Actor_01,Actor_03\n");
        ExperimentConfig b = ExperimentConfigs.parse(props("name=x\ncorpus=synthetic\nfold_set=" + classes + "\n"));
        var c = assertThrows(ConfigurationException.class, () -> b.plan(CorpusSource.of(lacking)));
        assertEquals(classes + ": fold syn-2: its test speakers have no recording of class angry in synthetic (every class must be tested in every fold)",
                c.getMessage());
        assertFalse(Files.exists(dir.resolve("plan-cache")), "planning extracts nothing");
        assertEquals(2, b.plan(CorpusSource.of(corpus)).size(), "the complete corpus plans both folds");
    }

    @Test
    void aFoldMayLeaveSpeakersOutAltogetherAndTheRecordSaysWhoTrained() throws Exception {
        Path folds = write("ex/folds/inner.csv", "fold,test,validation,excluded\n"
                + "syn-inner-1,Actor_02,Actor_03,Actor_01 Actor_06\nsyn-inner-2,Actor_04,Actor_05,Actor_01 Actor_06\n");
        FoldFile set = FoldFile.read(folds);
        assertEquals(List.of("Actor_01", "Actor_06"), set.folds().get(0).excluded());
        assertTrue(set.canonical().startsWith(FoldFile.HEADER_EXCLUDED + "\n"));
        assertEquals(set, FoldFile.of("record", set.lines()), "read back from canonical lines");
        // a fourth column that leaves no one out is the three-column file, key and all
        FoldFile plain = FoldFile.read(write("ex/folds/plain.csv", TWO_FOLDS));
        FoldFile blank = FoldFile.read(write("ex/folds/blank.csv", TWO_FOLDS.replace("fold,test,validation\n", "fold,test,validation,excluded\n")
                .replace("Actor_03\n", "Actor_03,\n").replace("Actor_06\n", "Actor_06,\n")));
        assertEquals(plain.key(), blank.key());
        assertEquals(List.of("Actor_02", "Actor_03"), Splits.ofFoldSet(corpus.utterances(), set).get(1).train().stream().map(u -> u.speaker()).distinct().sorted().toList(),
                "the excluded speakers train nowhere");

        Path file = write("ex/inner.properties", "name=inner\ncorpus=synthetic\nrecipe=none\nfold_set=folds/inner.csv\nepochs=1\nbatch=64\nfolds=1\nseeds=1\n");
        Path runs = dir.resolve("runs-inner");
        ExperimentConfigs.load(file).run(CorpusSource.of(corpus), new FeatureCache(dir.resolve("cache")), runs);
        RunRecord rec = RunRecord.read(runs.resolve("inner/syn-inner-1-seed1"));
        assertEquals("syn-inner-1,Actor_02,Actor_03,Actor_01 Actor_06", rec.spec().fields().get("split.fold_set.1"));
        SplitSides sides = rec.split().sides();
        assertEquals(List.of("Actor_02"), sides.test());
        assertEquals(List.of("Actor_03"), sides.validation());
        assertEquals(List.of("Actor_04", "Actor_05"), sides.train(), "neither Actor_01 nor Actor_06 trains");
        assertEquals(sides, SplitDerivation.of(n -> corpus).sides(rec.spec()));
    }

    @Test
    void theCommittedInnerFoldsOfEmoBoxAreWhatTheirStatedRuleMakes() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("experiments"))) root = root.getParent();
        assertNotNull(root);
        Map<String, org.emoaugnet.data.Gender> genders = new java.util.TreeMap<>();
        for (int a = 1; a <= 24; a++) genders.put(Splits.actor(a), a % 2 == 1 ? org.emoaugnet.data.Gender.MALE : org.emoaugnet.data.Gender.FEMALE);
        for (FoldSet.Members outer : FoldSet.EMOBOX_6.folds()) {
            Path committed = root.resolve("experiments/ravdess/folds/emobox-inner/" + outer.name() + "-inner.csv");
            FoldFile file = FoldFile.read(committed), rule = org.emoaugnet.data.InnerFolds.of(outer, genders, 4, 35, outer.name());
            assertEquals(rule, file, committed + " is the rule's, seed 35");
            assertNotEquals(rule, org.emoaugnet.data.InnerFolds.of(outer, genders, 4, 36, outer.name()), "another seed deals otherwise (the check can fail)");
            Set<String> tested = new TreeSet<>();
            List<Long> maleCounts = new java.util.ArrayList<>();
            for (FoldSet.Members m : file.folds()) {
                assertEquals(new TreeSet<>(outer.test()), new TreeSet<>(m.excluded()), m.name() + ": the outer test actors are left out");
                assertEquals(5, m.test().size(), m.name());
                maleCounts.add(m.test().stream().filter(FoldFilesTest::male).count());
                assertEquals(1, m.validation().stream().filter(FoldFilesTest::male).count(), m.name() + ": one male and one female validate");
                assertEquals(2, m.validation().size());
                tested.addAll(m.test());
            }
            Set<String> training = new TreeSet<>(genders.keySet());
            training.removeAll(outer.test());
            assertEquals(training, tested, outer.name() + ": each of its 20 training actors is tested once");
            assertTrue(java.util.Collections.max(maleCounts) - java.util.Collections.min(maleCounts) <= 1, outer.name() + ": male test actors per inner fold " + maleCounts);
        }
    }

    @Test
    void theCommittedGenderBalancedRavdessFoldsAreWhatTheirStatedRuleMakes() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("experiments"))) root = root.getParent();
        assertNotNull(root);
        FoldFile set = FoldFile.read(root.resolve("experiments/ravdess/folds/gender-balanced-6.csv"));
        int[][] test = new int[6][];
        for (int k = 1; k <= 6; k++) test[k - 1] = new int[] {2 * k - 1, 2 * k, 2 * k + 11, 2 * k + 12};
        int[][] validation = Splits.drawValidationActors(test, 42);
        assertEquals(6, set.size());
        Set<String> tested = new TreeSet<>();
        for (int k = 1; k <= 6; k++) {
            FoldSet.Members m = set.folds().get(k - 1);
            assertEquals("gender-balanced-fold-" + k, m.name());
            assertEquals(actors(test[k - 1]), new TreeSet<>(m.test()), m.name());
            assertEquals(actors(validation[k - 1]), new TreeSet<>(m.validation()), m.name() + ": the stated draw");
            assertEquals(2, m.test().stream().filter(FoldFilesTest::male).count(), m.name() + ": 2 male test actors");
            assertEquals(1, m.validation().stream().filter(FoldFilesTest::male).count(), m.name() + ": 1 male validation actor");
            tested.addAll(m.test());
        }
        assertEquals(24, tested.size(), "every actor is tested once");
        assertNotEquals(actors(validation[0]), actors(Splits.drawValidationActors(test, 43)[0]), "another seed draws others (the check can fail)");
        for (FoldSet published : FoldSet.values())
            for (FoldSet.Members m : published.folds()) assertFalse(set.folds().stream().anyMatch(x -> x.name().equals(m.name())), "fold names never collide");
        // the committed recipes run on it
        ExperimentConfig onIt = ExperimentConfigs.withFoldFile(ExperimentConfigs.load(root.resolve("experiments/ravdess/si-relu.properties")),
                root.resolve("experiments/ravdess/folds/gender-balanced-6.csv"));
        assertEquals(set, onIt.split().foldSet());
    }

    static boolean male(String actor) { return Integer.parseInt(actor.substring("Actor_".length())) % 2 == 1; }

    static Set<String> actors(int[] ids) {
        Set<String> out = new TreeSet<>();
        for (int a : ids) out.add(Splits.actor(a));
        return out;
    }
}
