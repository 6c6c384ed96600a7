package org.emoaugnet.data;

import org.emoaugnet.data.loaders.Corpora;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassSetTest {
    static Utterance u(String corpus, String label) {
        return new Utterance(label, Path.of(label), corpus, "s", Gender.UNKNOWN, label, LabelMaps.map(corpus, Corpora.labels(corpus), label), Map.of());
    }

    @Test
    void paperRavdessMergesCalmIntoNeutral() {
        assertEquals(List.of("neutral", "happy", "sad", "angry", "fearful", "disgust", "surprised"), ClassSet.RAVDESS_7_PAPER.classes());
        assertEquals("neutral", ClassSet.RAVDESS_7_PAPER.classOf(u("ravdess", "02")));
        assertEquals("calm", ClassSet.RAVDESS_8.classOf(u("ravdess", "02")));
        assertEquals(8, ClassSet.RAVDESS_8.classes().size());
        assertEquals(1, ClassSet.RAVDESS_7_PAPER.indexOf(u("ravdess", "03")));
    }

    @Test
    void droppedEmotionsAreNamedInTheError() {
        Utterance fru = u("iemocap", "fru");
        assertFalse(ClassSet.IEMOCAP_4.keeps(fru));
        var e = assertThrows(IllegalArgumentException.class, () -> ClassSet.IEMOCAP_4.classOf(fru));
        assertTrue(e.getMessage().contains("frustrated"));
        assertEquals("frustrated", ClassSet.IEMOCAP_FULL.classOf(fru));
    }

    @Test
    void tablesShowEveryLabelAndItsFate() {
        var t = Corpora.classTable(ClassSet.IEMOCAP_4, "iemocap");
        assertEquals(LabelMaps.IEMOCAP.size(), t.rowCount());
        assertTrue(t.stringColumn(2).asList().contains("(dropped)"));
        assertEquals(8, Corpora.labelTable("ravdess").rowCount());
        assertThrows(IllegalArgumentException.class, () -> ClassSet.named("nope"));
        assertEquals(ClassSet.EMODB_7, Corpora.defaultClassSet("emodb-2s"));
    }
}
