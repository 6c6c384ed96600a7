package org.emoaugnet.features;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The closing sentences of notebooks 01 and 03, computed from their tables. */
class ReadingSentencesTest {
    static SpeakerEmotionMap map(double classAcc, double classMajority, double speakerAcc, double speakerMajority) {
        Table nn = Table.create("nn", StringColumn.create("target", List.of("class", "speaker")),
                DoubleColumn.create("accuracy", new double[] {classAcc, speakerAcc}),
                DoubleColumn.create("chance_majority", new double[] {classMajority, speakerMajority}), IntColumn.create("labels", new int[] {7, 24}));
        return new SpeakerEmotionMap(Map.of(), Map.of(), "PC1", "PC2", nn);
    }

    @Test
    void theNearestNeighbourSentenceNamesWhatTheFeaturesEncodeRelativeToChance() {
        String s = map(0.78, 0.20, 0.93, 0.04).sentence("ravdess");
        assertTrue(s.contains("class 78.0 %") && s.contains("speaker 93.0 %") && s.contains("majority share 4.0 %"), s);
        assertTrue(s.contains("speaker more reliably than the emotion"), s);
        assertTrue(map(0.90, 0.20, 0.10, 0.04).sentence("x").contains("emotion more reliably than the speaker"));
    }

    @Test
    void theFidelitySentenceReportsTheLargestDeviationOfEachFeature() {
        var a = new Fidelity("a", 10, 10, 1e-4, 2e-6, 3e-5, 0.0, null, null);
        var b = new Fidelity("b", 10, 11, 5e-4, 1e-6, 1e-5, 1e-3, null, null);
        String s = Fidelity.sentence(List.of(a, b));
        assertTrue(s.startsWith("Over 2 reference cases") && s.contains("1 with another frame count"), s);
        assertTrue(s.contains("MFCC |Δ| 0.0005") && s.contains("mel power 2.0e-06") && s.contains("ZCR |Δ| 0.001"), s);
    }

    @Test
    void theCorpusSentenceCountsClassesAndTheMajorityFloor(@TempDir Path dir) throws Exception {
        var corpus = org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synthetic"), 3, 1);
        var report = org.emoaugnet.data.CorpusScan.scan(corpus);
        var cs = org.emoaugnet.data.loaders.Corpora.defaultClassSet("synthetic");
        String s = org.emoaugnet.data.CorpusTables.sentence(report, cs);
        assertTrue(s.startsWith("synthetic: " + report.files().size() + " recordings of 3 speakers"), s);
        assertTrue(s.contains(String.format(java.util.Locale.ROOT, "UA %.1f %%", 100.0 / cs.classes().size())), s);
    }
}
