package org.emoaugnet.data;

import org.emoaugnet.data.loaders.Corpora;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emoaugnet.Fixtures;
import org.emoaugnet.data.loaders.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadersTest {
    @TempDir Path dir;

    @Test
    void ravdess() throws Exception {
        Path root = FixtureTrees.ravdess(dir.resolve("RAVDESS"), 3);
        CorpusLoader l = new RavdessLoader();
        assertTrue(l.recognises(root));
        var r = l.load(root);
        assertTrue(r.bad().isEmpty());
        Corpus c = r.corpus();
        assertEquals(3 * 15, c.size());
        assertEquals(List.of("Actor_01", "Actor_02", "Actor_03"), c.speakers());
        Utterance u = c.utterances().stream().filter(x -> x.id().equals("03-01-02-02-01-01-02")).findFirst().orElseThrow();
        assertEquals(Emotion.CALM, u.emotion());
        assertEquals("02", u.label());
        assertEquals(Gender.FEMALE, u.gender());
        assertEquals("strong", u.meta("intensity"));
        assertEquals("kids", u.meta("statement"));
        assertEquals("1", u.meta("repetition"));
        assertEquals("speech", u.meta("vocal_channel"));
        assertEquals(Gender.MALE, c.utterances().get(0).gender());
        assertEquals(Map.of(Emotion.NEUTRAL, 3), Map.of(Emotion.NEUTRAL, c.countByEmotion().get(Emotion.NEUTRAL)));
    }

    @Test
    void ravdessReportsBadNamesAndActorMismatch() throws Exception {
        Path root = FixtureTrees.ravdess(dir.resolve("R"), 1);
        Fixtures.wav(root.resolve("Actor_01/readme.wav"), 16000, 0.1, 1);
        Fixtures.wav(root.resolve("Actor_01/03-01-05-01-01-01-02.wav"), 16000, 0.1, 2);
        Fixtures.wav(root.resolve("Actor_01/03-01-09-01-01-01-01.wav"), 16000, 0.1, 3);
        var r = new RavdessLoader().load(root);
        assertEquals(3, r.bad().size(), r.bad().toString());
        assertTrue(r.bad().stream().anyMatch(b -> b.problem().contains("does not match folder")));
        assertTrue(r.bad().stream().anyMatch(b -> b.problem().contains("unknown emotion code 09")));
        assertEquals(15, r.corpus().size());
    }

    @Test
    void emodbAndTheTwoSecondDerivative() throws Exception {
        Path full = FixtureTrees.emodb(dir.resolve("emodb"), false);
        Path two = FixtureTrees.emodb(dir.resolve("emodb-2s"), true);
        CorpusLoader l = new EmoDbLoader();
        assertTrue(l.recognises(full));
        Corpus c = l.load(full).corpus();
        assertEquals("emodb", c.name());
        assertEquals(8, c.size());
        Utterance u = c.utterances().get(0);
        assertEquals("03a01Wa", u.id());
        assertEquals(Emotion.ANGRY, u.emotion());
        assertEquals(Gender.MALE, u.gender());
        assertEquals("a01", u.meta("text"));
        assertEquals(Gender.FEMALE, c.utterances().stream().filter(x -> x.speaker().equals("08")).findFirst().orElseThrow().gender());
        assertEquals(Emotion.BOREDOM, c.utterances().stream().filter(x -> x.label().equals("L")).findFirst().orElseThrow().emotion());
        Corpus c2 = l.load(two).corpus();
        assertEquals("emodb-2s", c2.name());
        assertTrue(c2.info().get("note").contains("2-second"));
    }

    @Test
    void iemocap() throws Exception {
        Path root = FixtureTrees.iemocap(dir.resolve("IEMOCAP_full_release"));
        CorpusLoader l = new IemocapLoader();
        assertTrue(l.recognises(root));
        Corpus c = l.load(root).corpus();
        assertEquals(10, c.size());
        Utterance neu = c.utterances().stream().filter(x -> x.id().equals("Ses01F_impro01_F000")).findFirst().orElseThrow();
        assertEquals(Emotion.NEUTRAL, neu.emotion());
        assertEquals("Ses01F", neu.speaker());
        assertEquals(Gender.FEMALE, neu.gender());
        assertEquals("1", neu.meta("session"));
        assertEquals("improvised", neu.meta("type"));
        assertEquals("3", neu.meta("evaluators"), "C-F1 (self-evaluation) is not an evaluator");
        assertEquals("3", neu.meta("agreement"));
        assertEquals("2.5000", neu.meta("valence"));
        Utterance exc = c.utterances().stream().filter(x -> x.id().equals("Ses01F_impro01_M000")).findFirst().orElseThrow();
        assertEquals(Emotion.EXCITED, exc.emotion());
        assertEquals("Ses01M", exc.speaker(), "the speaker is the last segment's gender, not the dialog's");
        assertEquals("2", exc.meta("agreement"));
        Utterance scr = c.utterances().stream().filter(x -> x.id().equals("Ses02M_script01_1_F000")).findFirst().orElseThrow();
        assertEquals("scripted", scr.meta("type"));
        assertEquals(Emotion.ANGRY, scr.emotion());
        assertEquals(Emotion.UNDECIDED, c.utterances().stream().filter(x -> x.label().equals("xxx")).findFirst().orElseThrow().emotion());
        // the standard 4-class set merges excited into happy and drops xxx
        Corpus four = ClassSet.IEMOCAP_4.apply(c);
        assertEquals(8, four.size());
        assertEquals("happy", ClassSet.IEMOCAP_4.classOf(exc));
    }

    @Test
    void iemocapReportsMissingAudio() throws Exception {
        Path root = FixtureTrees.iemocap(dir.resolve("I"));
        Files.delete(root.resolve("Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_F000.wav"));
        var r = new IemocapLoader().load(root);
        assertEquals(1, r.bad().size());
        assertTrue(r.bad().get(0).problem().contains("missing"));
    }

    @Test
    void saveeBothLayouts() throws Exception {
        Path flat = FixtureTrees.saveeFlat(dir.resolve("ALL"));
        Path nested = FixtureTrees.saveeNested(dir.resolve("AudioData"));
        CorpusLoader l = new SaveeLoader();
        assertTrue(l.recognises(flat));
        assertTrue(l.recognises(nested));
        Corpus a = l.load(flat).corpus();
        assertEquals(5, a.size());
        assertEquals(Emotion.SAD, a.utterances().stream().filter(x -> x.id().equals("DC_sa02")).findFirst().orElseThrow().emotion());
        assertEquals(Emotion.SURPRISED, a.utterances().stream().filter(x -> x.id().equals("JE_su03")).findFirst().orElseThrow().emotion());
        Corpus b = l.load(nested).corpus();
        assertEquals(4, b.size());
        assertEquals(List.of("DC", "JE", "KL"), b.speakers());
        assertTrue(b.utterances().stream().allMatch(u -> u.gender() == Gender.MALE));
    }

    @Test
    void saveeHasItsSevenEmotionsAndLeavesOneSpeakerOut() throws Exception {
        Corpus c = new SaveeLoader().load(FixtureTrees.saveeFlat(dir.resolve("savee"))).corpus();
        assertEquals(ClassSet.SAVEE_7, Corpora.defaultClassSet("savee"));
        assertEquals(List.of("angry", "disgust", "fearful", "happy", "neutral", "sad", "surprised"),
                ClassSet.SAVEE_7.classes().stream().sorted().toList());
        assertTrue(LabelMaps.SAVEE.values().stream().allMatch(ClassSet.SAVEE_7.mapping()::containsKey), "every SAVEE emotion is a class");
        List<Fold> folds = Corpora.speakerIndependent(c, 7);
        assertEquals(List.of("speaker-DC", "speaker-JE", "speaker-JK", "speaker-KL"), folds.stream().map(Fold::name).toList());
        for (Fold f : folds) {
            String sp = f.name().substring("speaker-".length());
            assertTrue(f.test().stream().allMatch(u -> u.speaker().equals(sp)), f.name());
            assertTrue(f.train().stream().noneMatch(u -> u.speaker().equals(sp)), f.name());
            assertEquals(c.size(), f.train().size() + f.validation().size() + f.test().size(), f.name());
        }
    }

    @Test
    void urdu() throws Exception {
        Path root = FixtureTrees.urdu(dir.resolve("urdu"));
        CorpusLoader l = new UrduLoader();
        assertTrue(l.recognises(root));
        assertFalse(l.recognises(root.resolve("Angry")));
        var r = l.load(root);
        assertEquals(List.of(), r.bad());
        Corpus c = r.corpus();
        assertEquals(8, c.size());
        assertEquals(List.of("SF1", "SF10", "SM1", "SM25", "SM3", "SM5"), c.speakers().stream().sorted().toList());
        Utterance u = c.utterances().stream().filter(x -> x.id().equals("SM3_F1_H053")).findFirst().orElseThrow();
        assertEquals("SM3", u.speaker());
        assertEquals(Gender.MALE, u.gender());
        assertEquals(Emotion.HAPPY, u.emotion());
        assertEquals("H", u.label());
        assertEquals("1", u.meta("speaker_file"));
        assertEquals("053", u.meta("emotion_file"));
        assertEquals(Gender.FEMALE, c.utterances().stream().filter(x -> x.speaker().equals("SF10")).findFirst().orElseThrow().gender());
        assertEquals(Map.of(Emotion.ANGRY, 2, Emotion.HAPPY, 2, Emotion.NEUTRAL, 2, Emotion.SAD, 2), Map.copyOf(c.countByEmotion()));
        assertEquals(List.of("angry", "happy", "neutral", "sad"), Corpora.defaultClassSet("urdu").classes().stream().sorted().toList());
        assertEquals("URDU", Corpora.displayName("urdu"));
        assertEquals("SM3", Corpora.speakerOfKey("urdu/SM3_F1_N021"));
        assertThrows(IllegalArgumentException.class, () -> Corpora.speakerOfKey("urdu/DC_a01"));
    }

    @Test
    void anUrduFileWhoseLetterIsNotItsFoldersOrWhoseNameIsOddIsBad() throws Exception {
        Path root = FixtureTrees.urdu(dir.resolve("urdu"));
        Fixtures.wav(root.resolve("Sad/SM1_F2_A02.wav"), 44100, 0.2, 9);
        Fixtures.wav(root.resolve("Happy/happy-01.wav"), 44100, 0.2, 10);
        var r = new UrduLoader().load(root);
        assertEquals(8, r.corpus().size());
        assertEquals(2, r.bad().size(), r.bad().toString());
        assertTrue(r.bad().stream().anyMatch(b -> b.path().endsWith("SM1_F2_A02.wav") && b.problem().contains("emotion letter A in a file of folder Sad")), r.bad().toString());
        assertTrue(r.bad().stream().anyMatch(b -> b.path().endsWith("happy-01.wav") && b.problem().contains("SGX_FXX_EYY")), r.bad().toString());
    }

    @Test
    void tess() throws Exception {
        Path root = FixtureTrees.tess(dir.resolve("TESS"));
        CorpusLoader l = new TessLoader();
        assertTrue(l.recognises(root));
        Corpus c = l.load(root).corpus();
        assertEquals(4, c.size());
        assertEquals(Emotion.SURPRISED, c.utterances().stream().filter(x -> x.label().equals("ps")).findFirst().orElseThrow().emotion());
        assertEquals(List.of("OAF", "YAF"), c.speakers());
        assertEquals("back", c.utterances().get(0).meta("word"));
    }

    @Test
    void cremad() throws Exception {
        Path root = FixtureTrees.cremad(dir.resolve("CREMA-D"));
        CorpusLoader l = new CremaDLoader();
        assertTrue(l.recognises(root));
        Corpus c = l.load(root).corpus();
        assertEquals(4, c.size());
        Utterance u = c.utterances().get(0);
        assertEquals("1001", u.speaker());
        assertEquals(Gender.MALE, u.gender());
        assertEquals("XX", u.meta("level"));
        assertEquals(Gender.UNKNOWN, c.utterances().stream().filter(x -> x.speaker().equals("1003")).findFirst().orElseThrow().gender());
    }

    @Test
    void corporaAreFoundByLayoutAnywhereBelowTheDataFolder() throws Exception {
        FixtureTrees.ravdess(dir.resolve("speech/ravdess"), 2);
        FixtureTrees.emodb(dir.resolve("emodb"), false);
        FixtureTrees.iemocap(dir.resolve("licensed/IEMOCAP"));
        FixtureTrees.saveeFlat(dir.resolve("savee/ALL"));
        FixtureTrees.tess(dir.resolve("tess"));
        FixtureTrees.cremad(dir.resolve("crema"));
        FixtureTrees.urdu(dir.resolve("urdu"));
        var found = Corpora.find(dir);
        assertEquals(List.of("crema-d", "emodb", "iemocap", "savee", "ravdess", "tess", "urdu"), found.stream().map(Corpora.Found::loader).toList());
        assertEquals(dir.resolve("speech/ravdess"), found.stream().filter(f -> f.loader().equals("ravdess")).findFirst().orElseThrow().root());
    }

    @Test
    void unknownLabelsFailWithTheCorpusAndLabel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelMaps.map("ravdess", LabelMaps.RAVDESS, "09"));
        assertTrue(e.getMessage().contains("ravdess") && e.getMessage().contains("09"));
    }

    /** Reports cluster test items by speaker from prediction files alone: every loader's speakerOf must agree with what it loads. */
    @Test
    void everySpeakerCanBeReadBackFromTheUtteranceKey() throws Exception {
        List<Corpus> corpora = List.of(new RavdessLoader().load(FixtureTrees.ravdess(dir.resolve("k-RAVDESS"), 3)).corpus(),
                new EmoDbLoader().load(FixtureTrees.emodb(dir.resolve("k-emodb"), false)).corpus(),
                new EmoDbLoader().load(FixtureTrees.emodb(dir.resolve("k-emodb-2s"), true)).corpus(),
                new IemocapLoader().load(FixtureTrees.iemocap(dir.resolve("k-IEMOCAP_full_release"))).corpus(),
                new SaveeLoader().load(FixtureTrees.saveeFlat(dir.resolve("k-ALL"))).corpus(),
                new SaveeLoader().load(FixtureTrees.saveeNested(dir.resolve("k-AudioData"))).corpus(),
                new TessLoader().load(FixtureTrees.tess(dir.resolve("k-TESS"))).corpus(),
                new CremaDLoader().load(FixtureTrees.cremad(dir.resolve("k-CREMA-D"))).corpus(),
                new UrduLoader().load(FixtureTrees.urdu(dir.resolve("k-URDU"))).corpus());
        for (Corpus c : corpora) {
            assertTrue(c.size() > 0, c.name());
            for (Utterance u : c.utterances()) assertEquals(u.speaker(), org.emoaugnet.data.loaders.Corpora.speakerOfKey(u.key()), u.key());
        }
        assertThrows(IllegalArgumentException.class, () -> org.emoaugnet.data.loaders.Corpora.speakerOfKey("ravdess/not-an-id"));
        assertThrows(IllegalArgumentException.class, () -> org.emoaugnet.data.loaders.Corpora.speakerOfKey("nocorpus/x"));
        for (var l : List.of(new SaveeLoader(), new TessLoader(), new CremaDLoader()))
            assertEquals("'nounderscore' is not a " + l.displayName() + " id (speaker_...)",
                    assertThrows(IllegalArgumentException.class, () -> l.speakerOf("nounderscore")).getMessage());
    }
}
