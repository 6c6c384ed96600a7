package org.emoaugnet.data.synth;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.audio.WavReader;
import org.emoaugnet.data.AudioHash;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.data.CorpusScan;
import org.emoaugnet.data.Emotion;
import org.emoaugnet.util.Progress;
import org.emoaugnet.util.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusTest {
    @TempDir Path dir;

    @BeforeAll
    static void quiet() { Progress.setQuiet(true); }

    static Map<String, String> hashes(Path root) throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (var s = Files.walk(root)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".wav")).toList()) {
                var d = WavReader.read(p);
                m.put(root.relativize(p).toString(), AudioHash.of(d.channels(), d.info().sampleRate()));
            }
        }
        return m;
    }

    @Test
    void sameSeedSameAudioOtherSeedOtherAudioAndResumable() throws Exception {
        var cfg = new SyntheticCorpus.Config(2, 5, 16000);
        SyntheticCorpus.generate(dir.resolve("a"), cfg);
        SyntheticCorpus.generate(dir.resolve("b"), cfg);
        Map<String, String> a = hashes(dir.resolve("a"));
        assertEquals(120, a.size());
        assertEquals(a, hashes(dir.resolve("b")));
        SyntheticCorpus.generate(dir.resolve("c"), new SyntheticCorpus.Config(2, 6, 16000));
        Map<String, String> c = hashes(dir.resolve("c"));
        assertEquals(a.keySet(), c.keySet());
        assertNotEquals(a.get("Actor_01/03-01-05-01-01-01-01.wav"), c.get("Actor_01/03-01-05-01-01-01-01.wav"));
        // an interrupted run: delete a few files and the marker, run again: identical result
        Files.delete(dir.resolve("a/Actor_02/03-01-08-02-02-02-02.wav"));
        Files.delete(dir.resolve("a/" + SyntheticCorpus.MARKER));
        SyntheticCorpus.generate(dir.resolve("a"), cfg);
        assertEquals(a, hashes(dir.resolve("a")));
    }

    @Test
    void flowsThroughTheLoaderAsTheDefaultCorpus() throws Exception {
        Settings s = Settings.resolve(Map.of("EMOAUG_CACHE", dir.toString()), Map.of());
        var reports = Corpora.open(s);
        assertEquals(1, reports.size());
        CorpusScan.Report r = reports.get(0);
        assertEquals("synthetic", r.corpus().name());
        assertEquals(480, r.corpus().size());
        assertEquals(8, r.corpus().speakers().size());
        assertEquals(32, r.corpus().countByEmotion().get(Emotion.NEUTRAL));
        assertEquals(64, r.corpus().countByEmotion().get(Emotion.ANGRY));
        assertTrue(r.duplicateGroups().isEmpty());
        assertEquals(7, Corpora.defaultClassSet("synthetic").classes().size());
        for (var f : r.files()) {
            assertEquals(16000, f.sampleRate());
            assertTrue(f.duration() > 1.0 && f.duration() < 5.0, f.utterance().id() + " lasts " + f.duration());
            assertTrue(f.peak() > 0.01 && f.peak() <= 1.0, f.utterance().id() + " peak " + f.peak());
        }
    }

    /**
     * The cues are there: angry utterances are louder on average than sad ones of the same speaker, and female
     * speakers have a higher mean zero-crossing rate... but the classes overlap (not trivially separable).
     */
    @Test
    void emotionsDifferInTheDocumentedDirectionButOverlap() throws Exception {
        var cfg = new SyntheticCorpus.Config(4, 42, 16000);
        double angry = 0, sad = 0;
        double minAngry = Double.MAX_VALUE, maxSad = 0;
        for (var it : SyntheticCorpus.items(cfg)) {
            if (!it.emotionCode().equals("05") && !it.emotionCode().equals("04")) continue;
            float[] y = SyntheticCorpus.render(cfg, it);
            double e = 0;
            for (float v : y) e += v * v;
            double db = 10 * Math.log10(e / y.length);
            if (it.emotionCode().equals("05")) { angry += db; minAngry = Math.min(minAngry, db); }
            else { sad += db; maxSad = Math.max(maxSad, db); }
        }
        assertTrue(angry / 32 > sad / 32 + 3, "angry " + angry / 32 + " dB vs sad " + sad / 32 + " dB");
        assertTrue(minAngry < maxSad, "level alone does not separate angry from sad");
    }
}
