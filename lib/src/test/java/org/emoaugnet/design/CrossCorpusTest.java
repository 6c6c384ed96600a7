package org.emoaugnet.design;

import org.emoaugnet.design.Robustness;
import org.emoaugnet.run.CrossCorpus;

import org.emoaugnet.data.loaders.Corpora;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.emoaugnet.augment.Babble;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Emotion;
import org.junit.jupiter.api.Test;

class CrossCorpusTest {
    @Test
    void sharedClassesAreTheIntersectionUnderCommonNames() {
        ClassSet s = CrossCorpus.shared("ravdess", "emodb-2s");
        assertEquals(List.of("neutral", "happy", "sad", "angry", "fearful", "disgust"), s.classes(),
                "RAVDESS has no boredom, EmoDB no surprise; calm stays merged into neutral");
        assertEquals("neutral", s.mapping().get(Emotion.CALM));
        assertFalse(s.mapping().containsKey(Emotion.BOREDOM));
        assertFalse(s.mapping().containsKey(Emotion.SURPRISED));
        ClassSet all = Corpora.commonClasses(List.of("ravdess", "emodb-2s", "synthetic"));
        assertEquals(s.classes(), all.classes());
        assertEquals(ClassSet.RAVDESS_7_PAPER, Corpora.defaultClassSet("synthetic-b"));
    }

    @Test
    void robustnessConditionsCoverTheSweep() {
        var full = Robustness.conditions(new float[1000], false);
        List<String> names = new ArrayList<>(full.stream().map(org.emoaugnet.run.Degradation::name).toList());
        assertEquals(List.of("clean", "white-20dB", "white-10dB", "white-5dB", "white-0dB", "babble-20dB", "babble-10dB", "babble-5dB",
                "babble-0dB", "reverb-0.3s", "reverb-0.8s", "telephone-band", "telephone-mulaw"), names);
        assertNull(full.get(0).augmentation());
        assertEquals("none", full.get(0).key());
        assertTrue(full.get(5).augmentation() instanceof Babble);
        assertEquals(5, Robustness.conditions(new float[1000], true).size());
        for (int i = 1; i < names.size(); i++)
            assertTrue(org.emoaugnet.run.Degradation.rank(names.get(i - 1)) < org.emoaugnet.run.Degradation.rank(names.get(i)), "tables list conditions in this order");
    }

    @Test
    void robustnessCurvesAscendInLevelWithCleanApart() {
        var t = tech.tablesaw.api.Table.create("r", tech.tablesaw.api.StringColumn.create("kind", "clean", "white noise", "white noise", "babble"),
                tech.tablesaw.api.DoubleColumn.create("level", new double[] {Double.NaN, 20, 0, 10}),
                tech.tablesaw.api.DoubleColumn.create("UA (%)", new double[] {50, 40, 20, 30}));
        var c = Robustness.curve(t, "white noise");
        assertArrayEquals(new double[] {0, 20}, c.level(), "clean speech is not given a fake SNR");
        assertArrayEquals(new double[] {20, 40}, c.value());
        assertEquals(50, c.clean());
        assertTrue(Double.isNaN(Robustness.curve(t.where(t.stringColumn("kind").isNotEqualTo("clean")), "babble").clean()));
        var all = Robustness.curves(java.util.Map.of("relu, none", t), "babble", 7);
        assertEquals(100.0 / 7, all.chance(), 1e-12);
        assertArrayEquals(new double[] {10}, all.curves().get("relu, none").level());
    }
}
