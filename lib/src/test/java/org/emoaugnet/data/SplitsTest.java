package org.emoaugnet.data;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SplitsTest {
    /** A RAVDESS-like corpus without files: {@code actors} × 60 utterances. */
    static List<Utterance> ravdessLike(int actors) {
        List<Utterance> us = new ArrayList<>();
        for (int a = 1; a <= actors; a++)
            for (int e = 1; e <= 8; e++)
                for (int in = 1; in <= (e == 1 ? 1 : 2); in++)
                    for (int s = 1; s <= 2; s++)
                        for (int r = 1; r <= 2; r++) {
                            String id = String.format("03-01-%02d-%02d-%02d-%02d-%02d", e, in, s, r, a);
                            String label = String.format("%02d", e);
                            us.add(new Utterance(id, Path.of(id + ".wav"), "ravdess", String.format("Actor_%02d", a),
                                    a % 2 == 1 ? Gender.MALE : Gender.FEMALE, label, LabelMaps.map("ravdess", LabelMaps.RAVDESS, label),
                                    Map.of("session", String.valueOf((a + 1) / 2))));
                        }
        return us;
    }

    static Set<String> speakers(List<Utterance> us) { return us.stream().map(Utterance::speaker).collect(Collectors.toSet()); }

    static Set<String> keys(List<Utterance> us) { return us.stream().map(Utterance::key).collect(Collectors.toSet()); }

    @Test
    void stratifiedRandomKeepsClassProportionsAndIsSeeded() {
        List<Utterance> us = ravdessLike(24);
        Fold f = Splits.stratifiedRandom(us, 0.2, 42, ClassSet.RAVDESS_7_PAPER::classOf);
        assertEquals(us.size(), f.train().size() + f.test().size());
        assertEquals(58 + 6 * 38, f.test().size()); // round(0.2 * 288) neutral+calm + 6 × round(0.2 * 192)
        assertTrue(f.test().stream().filter(u -> ClassSet.RAVDESS_7_PAPER.classOf(u).equals("neutral")).count() == 58);
        Set<String> inter = keys(f.train());
        inter.retainAll(keys(f.test()));
        assertTrue(inter.isEmpty());
        List<Utterance> reversed = new ArrayList<>(us);
        java.util.Collections.reverse(reversed);
        assertEquals(f, Splits.stratifiedRandom(reversed, 0.2, 42, ClassSet.RAVDESS_7_PAPER::classOf),
                "input order does not matter");
        assertNotEquals(keys(f.test()), keys(Splits.stratifiedRandom(us, 0.2, 43, ClassSet.RAVDESS_7_PAPER::classOf).test()));
        assertEquals(24, speakers(f.test()).size(), "a random split puts every speaker in the test set");
    }

    @Test
    void speakerKFoldNeverSharesASpeakerAndTestsEveryUtteranceOnce() {
        List<Utterance> us = ravdessLike(24);
        List<Fold> folds = Splits.speakerKFold(us, 5, 7);
        assertEquals(5, folds.size());
        Set<String> tested = new HashSet<>();
        for (Fold f : folds) {
            Set<String> both = speakers(f.train());
            both.retainAll(speakers(f.test()));
            assertTrue(both.isEmpty(), f.name() + " shares " + both);
            assertEquals(us.size(), f.train().size() + f.test().size());
            for (Utterance u : f.test()) assertTrue(tested.add(u.key()), "tested twice: " + u.key());
            assertTrue(f.test().size() >= 240 && f.test().size() <= 300, "balanced: " + f.test().size());
        }
        assertEquals(us.size(), tested.size());
        assertEquals(folds, Splits.speakerKFold(us, 5, 7), "same seed, same folds");
        assertNotEquals(speakers(folds.get(0).test()), speakers(Splits.speakerKFold(us, 5, 8).get(0).test()));
        assertThrows(IllegalArgumentException.class, () -> Splits.speakerKFold(us, 25, 1));
    }

    @Test
    void leaveOneSpeakerAndSessionOut() {
        List<Utterance> us = ravdessLike(4);
        List<Fold> loso = Splits.leaveOneSpeakerOut(us);
        assertEquals(4, loso.size());
        for (Fold f : loso) assertEquals(1, speakers(f.test()).size());
        List<Fold> sessions = Splits.leaveOneSessionOut(us);
        assertEquals(2, sessions.size());
        assertEquals(Set.of("Actor_01", "Actor_02"), speakers(sessions.get(0).test()));
        assertTrue(speakers(sessions.get(0).train()).stream().noneMatch(s -> s.equals("Actor_01") || s.equals("Actor_02")));
    }

    @Test
    void ravdessPublishedFoldsAreActorDisjointWithValidationActors() {
        List<Utterance> us = ravdessLike(24);
        List<Fold> folds = Splits.ravdessActorFolds(us);
        Set<String> testActors = new HashSet<>();
        for (Fold f : folds) {
            Set<String> tr = speakers(f.train()), va = speakers(f.validation()), te = speakers(f.test());
            assertTrue(java.util.Collections.disjoint(tr, te));
            assertTrue(java.util.Collections.disjoint(tr, va));
            assertTrue(java.util.Collections.disjoint(va, te));
            assertEquals(2, va.size());
            assertEquals(24, tr.size() + va.size() + te.size());
            testActors.addAll(te);
        }
        assertEquals(24, testActors.size(), "every actor is tested once");
        assertEquals(Set.of("Actor_02", "Actor_05", "Actor_14", "Actor_15", "Actor_16"), speakers(folds.get(0).test()));
    }

    @Test
    void everyFoldSetTestsEachActorOnceAndValidatesOnTrainingActorsOnly() {
        List<Utterance> us = ravdessLike(24);
        for (FoldSet set : FoldSet.values()) {
            List<Fold> folds = Splits.ravdessActorFolds(us, set);
            assertEquals(set.size(), folds.size());
            Map<String, Integer> tested = new java.util.TreeMap<>();
            for (int k = 1; k <= set.size(); k++) {
                Fold f = folds.get(k - 1);
                assertEquals(set.foldName(k), f.name());
                Set<String> tr = speakers(f.train()), va = speakers(f.validation()), te = speakers(f.test());
                assertTrue(java.util.Collections.disjoint(tr, te) && java.util.Collections.disjoint(tr, va) && java.util.Collections.disjoint(va, te),
                        set + " " + f.name());
                assertEquals(2, va.size(), set + " " + f.name());
                assertEquals(24, tr.size() + va.size() + te.size(), set + " " + f.name());
                assertEquals(us.size(), f.train().size() + f.validation().size() + f.test().size());
                for (String a : te) tested.merge(a, 1, Integer::sum);
            }
            assertEquals(24, tested.size(), set + ": every actor is tested");
            assertTrue(tested.values().stream().allMatch(n -> n == 1), set + ": every actor is tested once: " + tested);
        }
        // the default set is the published 5 folds under their old names (committed run folders keep theirs)
        assertEquals(Splits.ravdessActorFolds(us), Splits.ravdessActorFolds(us, FoldSet.RESLSTM_5));
        assertEquals(FoldSet.DEFAULT, FoldSet.RESLSTM_5);
        assertEquals("fold-1", Splits.ravdessActorFolds(us).get(0).name());
        List<Fold> emobox = Splits.ravdessActorFolds(us, FoldSet.EMOBOX_6);
        assertEquals("emobox-fold-3", emobox.get(2).name());
        assertEquals(Set.of("Actor_08", "Actor_09", "Actor_19", "Actor_23"), speakers(emobox.get(2).test()));
        java.util.Set<String> names = new HashSet<>();
        for (FoldSet set : FoldSet.values()) for (Fold f : Splits.ravdessActorFolds(us, set)) assertTrue(names.add(f.name()), "fold names collide: " + f.name());
    }

    @Test
    void emoboxFoldsAreEmoboxsTestActorsWithTheValidationActorsOfTheStatedDraw() {
        // EmoBox's published test actors per fold (arXiv 2406.07162; emo-box/EmoBox data/ravdess/fold_<k>)
        int[][] published = {{1, 11, 20, 21}, {4, 10, 12, 14}, {8, 9, 19, 23}, {3, 5, 7, 24}, {2, 15, 16, 18}, {6, 13, 17, 22}};
        int[][] drawn = Splits.drawValidationActors(published, Splits.EMOBOX_VALIDATION_SEED);
        assertEquals(6, Splits.EMOBOX_FOLDS.length);
        for (int f = 0; f < 6; f++) {
            assertArrayEquals(published[f], Splits.EMOBOX_FOLDS[f][0], "fold " + (f + 1) + " test actors");
            assertArrayEquals(drawn[f], Splits.EMOBOX_FOLDS[f][1], "fold " + (f + 1) + ": the committed validation actors are the rule's draw");
            int[] val = Splits.EMOBOX_FOLDS[f][1];
            assertEquals(1, java.util.Arrays.stream(val).filter(a -> a % 2 == 1).count(), "one male (odd id) in fold " + (f + 1));
            assertEquals(1, java.util.Arrays.stream(val).filter(a -> a % 2 == 0).count(), "one female (even id) in fold " + (f + 1));
            for (int v : val) assertTrue(java.util.Arrays.stream(published[f]).noneMatch(t -> t == v), "validation actor " + v + " is tested in fold " + (f + 1));
            assertArrayEquals(val, FoldSet.EMOBOX_6.validationActors(f + 1));
            assertArrayEquals(published[f], FoldSet.EMOBOX_6.testActors(f + 1));
        }
        assertFalse(java.util.Arrays.deepEquals(drawn, Splits.drawValidationActors(published, Splits.EMOBOX_VALIDATION_SEED + 1)),
                "another seed draws other actors (the check above can fail)");
        for (int f = 0; f < Splits.RAVDESS_FOLDS.length; f++) {
            assertArrayEquals(Splits.RAVDESS_FOLDS[f][0], FoldSet.RESLSTM_5.testActors(f + 1));
            assertArrayEquals(Splits.RAVDESS_FOLDS[f][1], FoldSet.RESLSTM_5.validationActors(f + 1));
        }
    }

    @Test
    void anUnknownFoldSetIsRefusedNamingTheKnownOnes() {
        assertEquals(FoldSet.EMOBOX_6, FoldSet.named("emobox-6"));
        assertEquals(FoldSet.RESLSTM_5, FoldSet.named("reslstm-5"));
        var e = assertThrows(IllegalArgumentException.class, () -> FoldSet.named("emobox-5"));
        assertEquals("unknown fold set 'emobox-5' (known: reslstm-5, emobox-6)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FoldSet.EMOBOX_6.foldName(7));
    }

    @Test
    void validationIsCarvedFromTrainingOnly() {
        List<Utterance> us = ravdessLike(24);
        Fold f = Splits.speakerKFold(us, 5, 1).get(2);
        Fold v = Splits.withValidation(f, 0.15, 3, true, ClassSet.RAVDESS_8::classOf);
        assertEquals(f.test(), v.test());
        assertEquals(f.train().size(), v.train().size() + v.validation().size());
        assertTrue(java.util.Collections.disjoint(speakers(v.train()), speakers(v.validation())));
        Fold r = Splits.withValidation(f, 0.1, 3, false, ClassSet.RAVDESS_8::classOf);
        assertEquals(f.test(), r.test());
        assertTrue(keys(f.train()).containsAll(keys(r.validation())));
    }

    @Test
    void splitReportShowsSpeakerOverlapAndIdenticalAudio() {
        List<Utterance> us = ravdessLike(24);
        Map<String, String> hashes = new java.util.HashMap<>();
        for (Utterance u : us) hashes.put(u.key(), u.key());
        // two recordings with the same audio, as in RAVDESS Actor_07
        hashes.put("ravdess/03-01-03-01-02-02-07", hashes.get("ravdess/03-01-03-01-02-01-07"));
        Fold random = Splits.stratifiedRandom(us, 0.5, 1, ClassSet.RAVDESS_8::classOf);
        SplitReport rr = SplitReport.of(random, hashes, ClassSet.RAVDESS_8::classOf);
        assertEquals(24, rr.overlappingSpeakers().size());
        assertTrue(rr.leaks());
        for (Fold f : Splits.ravdessActorFolds(us)) {
            SplitReport sr = SplitReport.of(f, hashes, ClassSet.RAVDESS_8::classOf);
            assertTrue(sr.overlappingSpeakers().isEmpty());
            assertTrue(sr.duplicateAudioAcross().isEmpty(), "a duplicate pair of one actor never crosses an actor split");
            assertFalse(sr.leaks());
        }
        // put the pair on opposite sides by hand
        Utterance a = us.stream().filter(u -> u.id().equals("03-01-03-01-02-01-07")).findFirst().orElseThrow();
        Utterance b = us.stream().filter(u -> u.id().equals("03-01-03-01-02-02-07")).findFirst().orElseThrow();
        SplitReport d = SplitReport.of(new Fold("x", "hand", List.of(a), List.of(b)), hashes, ClassSet.RAVDESS_8::classOf);
        assertEquals(1, d.duplicateAudioAcross().size());
        assertEquals(1, d.classCounts().get("happy")[0]);
        assertEquals(2, SplitReport.table(List.of(rr, d)).rowCount());
    }

    @Test
    void splitReportCountsTrainingAndValidationSpeakersApart() {
        // 24 actors × 60 recordings; the published folds hold out 2 validation actors besides the test actors
        List<Utterance> us = ravdessLike(24);
        Fold f = Splits.ravdessActorFolds(us).get(0);
        SplitReport r = SplitReport.of(f, Map.of(), ClassSet.RAVDESS_8::classOf);
        int test = speakers(f.test()).size(), validation = speakers(f.validation()).size();
        assertEquals(2, validation);
        assertEquals(24 - test - validation, r.trainSpeakers().size(), "validation actors are not training actors");
        assertEquals(speakers(f.train()), r.trainSpeakers());
        assertEquals(speakers(f.validation()), r.validationSpeakers());
        assertEquals(60 * r.trainSpeakers().size(), r.train(), "training recordings exclude validation recordings");
        assertEquals(120, r.validation());
        assertFalse(r.leaks());
        var t = SplitReport.table(List.of(r));
        assertEquals(r.trainSpeakers().size(), t.intColumn("train_speakers").get(0));
        assertEquals(2, t.intColumn("validation_speakers").get(0));
        assertEquals(test, t.intColumn("test_speakers").get(0));
        assertTrue(r.summary().contains("speakers train " + r.trainSpeakers().size() + " / validation 2 / test " + test), r.summary());

        // a hand-made fold: A, B train; C validates; D is tested and also has one validation recording (a leak)
        List<Utterance> a = us.stream().filter(u -> u.speaker().equals("Actor_01")).toList();
        List<Utterance> b = us.stream().filter(u -> u.speaker().equals("Actor_02")).toList();
        List<Utterance> c = us.stream().filter(u -> u.speaker().equals("Actor_03")).toList();
        List<Utterance> d = us.stream().filter(u -> u.speaker().equals("Actor_04")).toList();
        List<Utterance> train = new ArrayList<>(a);
        train.addAll(b);
        List<Utterance> val = new ArrayList<>(c);
        val.add(d.get(0));
        SplitReport h = SplitReport.of(new Fold("hand", "hand", train, val, d.subList(1, d.size())), Map.of(), ClassSet.RAVDESS_8::classOf);
        assertEquals(Set.of("Actor_01", "Actor_02"), h.trainSpeakers());
        assertEquals(Set.of("Actor_03", "Actor_04"), h.validationSpeakers());
        assertEquals(Set.of("Actor_04"), h.testSpeakers());
        assertEquals(Set.of("Actor_04"), h.overlappingSpeakers(), "a test speaker heard in validation is in both");
        assertTrue(h.leaks());
        assertEquals(120, h.train());
        assertEquals(61, h.validation());
        assertEquals(59, h.test());
    }
}
