package org.emoaugnet.features;

import org.emoaugnet.dsp.Stft;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emoaugnet.Fixtures;
import org.emoaugnet.audio.WavWriter;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.Gender;
import org.emoaugnet.data.LabelMaps;
import org.emoaugnet.data.Splits;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturePipelineTest {
    @TempDir Path dir;

    @BeforeAll
    static void quiet() { Progress.setQuiet(true); }

    Utterance utt(String id, String speaker, String emo, double seconds, int seed) throws Exception {
        Path f = dir.resolve("audio").resolve(id + ".wav");
        Files.createDirectories(f.getParent());
        float[] y = Fixtures.sine(16000, seconds, 150 + 10 * seed, 0.3);
        for (int i = 0; i < y.length; i++) y[i] += 0.01f * (float) Math.sin(i * 0.37 * seed);
        WavWriter.writePcm16(f, y, 16000);
        return new Utterance(id, f, "ravdess", speaker, Gender.MALE, emo, LabelMaps.map("ravdess", LabelMaps.RAVDESS, emo), Map.of());
    }

    @Test
    void publicPipelineGives2376AlignedValuesAndLegacyMisaligns() throws Exception {
        Utterance full = utt("full", "A", "05", 3.5, 1), shortClip = utt("short", "A", "04", 2.0, 2);
        FeatureSet set = FeatureExtraction.extract(List.of(full, shortClip), FeatureSpec.publicPipeline(), Recipe.none(), 1, FeatureCache.disabled());
        float[][] flat = set.flat();
        assertEquals(2376, flat[0].length);
        assertEquals(2376, flat[1].length, "aligned: the short clip is zero-padded to 2.5 s before extraction");
        assertEquals(108, set.rows().get(1).features().frames());
        assertEquals(set.rows().get(1).features().frames(), FeatureSpec.publicPipeline().frames(), "the spec states the length it extracts");
        FeatureSpec legacy = new FeatureSpec(FeatureConfig.librosa(), new ClipWindow(0.6, 2.5, ClipWindow.Fit.LEGACY_END_OF_VECTOR));
        FeatureSet ls = FeatureExtraction.extract(List.of(full, shortClip), legacy, Recipe.none(), 1, FeatureCache.disabled());
        float[][] lf = ls.flat();
        int t = ls.rows().get(1).features().frames(); // 1 + floor(ceil(1.4 * 22050) / 512) frames
        assertEquals(1 + (int) Math.ceil(1.4 * 22050) / 512, t);
        assertEquals(2376, lf[1].length);
        // the RMS block of the short row starts at t, not 108: misaligned with the full row
        assertEquals(((Features.MfccRmsZcr) ls.rows().get(1).features()).rms()[0], lf[1][t]);
        assertEquals(0f, lf[1][2375]);
    }

    @Test
    void extractionIsDeterministicCachedAndOrdered() throws Exception {
        List<Utterance> us = List.of(utt("u1", "A", "03", 1.0, 1), utt("u2", "B", "05", 1.2, 2), utt("u3", "C", "04", 0.9, 3));
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        FeatureSpec spec = FeatureSpec.wholeFile();
        FeatureSet a = FeatureExtraction.extract(us, spec, Recipe.public4(), 42, cache);
        assertEquals(12, a.size());
        assertEquals(0, cache.hits());
        assertEquals(12, cache.misses());
        assertEquals(12, cache.size()[0]);
        FeatureSet b = FeatureExtraction.extract(us, spec, Recipe.public4(), 42, cache);
        assertEquals(12, cache.hits(), "second run reads every row from the cache");
        FeatureSet c = FeatureExtraction.extract(us, spec, Recipe.public4(), 42, FeatureCache.disabled());
        for (int i = 0; i < 12; i++) {
            assertEquals(a.rows().get(i).source(), b.rows().get(i).source());
            assertEquals(a.rows().get(i).copyName(), c.rows().get(i).copyName());
            assertArrayEquals(a.rows().get(i).features().flat(), b.rows().get(i).features().flat());
            assertArrayEquals(a.rows().get(i).features().flat(), c.rows().get(i).features().flat(), "cache returns what was computed");
        }
        assertEquals(List.of("original", "noise", "pitch+0.7", "pitch+0.7+noise"), a.rows().subList(0, 4).stream().map(FeatureSet.Row::copyName).toList());
        FeatureSet d = FeatureExtraction.extract(us, spec, Recipe.public4(), 43, cache);
        assertArrayEquals(a.rows().get(0).features().flat(), d.rows().get(0).features().flat(), "the original does not depend on the seed");
        assertFalse(java.util.Arrays.equals(a.rows().get(1).features().flat(), d.rows().get(1).features().flat()), "noise does");
        // a corrupt entry is recomputed, not trusted
        try (var s = Files.walk(dir.resolve("cache"))) {
            Path any = s.filter(Files::isRegularFile).findFirst().orElseThrow();
            Files.write(any, new byte[] {1, 2, 3});
        }
        FeatureSet e = FeatureExtraction.extract(us, spec, Recipe.public4(), 42, cache);
        for (int i = 0; i < 12; i++) assertArrayEquals(a.rows().get(i).features().flat(), e.rows().get(i).features().flat());
        cache.clear();
        assertEquals(0, cache.size()[0]);
    }

    @Test
    void augmentAfterSplitNeverPutsACopyOfATestFileInTraining() throws Exception {
        List<Utterance> us = new java.util.ArrayList<>();
        int s = 0;
        for (String spk : List.of("Actor_01", "Actor_02", "Actor_03", "Actor_04"))
            for (String emo : List.of("03", "04", "05")) us.add(utt(spk + emo, spk, emo, 0.5, ++s));
        FeatureSet set = FeatureExtraction.extract(us, FeatureSpec.wholeFile(), Recipe.public4(), 1, FeatureCache.disabled());
        for (Fold f : Splits.speakerKFold(us, 2, 3)) {
            RowSplit rs = RowSplit.afterSplit(set, f);
            assertEquals(0, rs.testRowsWithSourceInTraining(set));
            assertTrue(rs.sharedSpeakers(set).isEmpty());
            assertEquals(f.test().size(), rs.test().size(), "test uses originals only");
            assertEquals(4 * f.train().size(), rs.train().size(), "training uses every copy");
            for (int i : rs.test()) assertEquals(0, set.rows().get(i).copy());
        }
        Fold random = Splits.stratifiedRandom(us, 0.25, 1, ClassSet.RAVDESS_8::classOf);
        assertEquals(0, RowSplit.afterSplit(set, random).testRowsWithSourceInTraining(set), "no copy crosses a random utterance split either");
        RowSplit paper = RowSplit.paperStyleAugmentBeforeSplit(set, 0.2, 42);
        assertTrue(paper.leakingByDesign());
        assertTrue(paper.testRowsWithSourceInTraining(set) > paper.test().size() / 2, paper.summary(set));
        assertTrue(paper.summary(set).contains("LEAKS"));
        assertEquals(set.size(), paper.train().size() + paper.test().size());
    }

    @Test
    void deltasScalerAndStats() throws Exception {
        float[][] x = new float[12][1];
        for (int t = 0; t < 12; t++) x[t][0] = 2 * t + 1;
        float[][] d = Deltas.delta(x, 9);
        for (float[] r : d) assertEquals(2.0, r[0], 1e-6, "slope of a line, edges included");
        float[][] rows = {{1, 10}, {3, 10}, {5, 10}};
        Scaler sc = Scaler.fit(rows);
        float[] z = sc.transform(new float[] {3, 10});
        assertEquals(0, z[0], 1e-6);
        assertEquals(0, z[1], 1e-6, "a constant feature has scale 1");
        assertEquals(1.2247449, sc.transform(new float[] {5, 10})[0], 1e-6, "population s.d. as StandardScaler");
        sc.save(dir.resolve("scaler.csv"));
        assertArrayEquals(sc.transform(rows[0]), Scaler.load(dir.resolve("scaler.csv")).transform(rows[0]));
        assertThrows(IllegalArgumentException.class, () -> sc.transform(new float[] {1}));
        float[] st = UtteranceStats.meanStd(new float[][] {{1, 2}, {3, 2}});
        assertArrayEquals(new float[] {2, 2, 1, 0}, st);
        assertEquals(44, UtteranceStats.names(20).size());
    }

    @Test
    void pitchTrackerFindsATone() {
        float[] y = Fixtures.sine(22050, 1.0, 220, 0.5);
        for (PitchTracker.Method m : PitchTracker.Method.values()) {
            float[] f0 = PitchTracker.contour(y, 22050, 2048, 512, m);
            assertEquals(Stft.frames(y.length, 512), f0.length);
            assertEquals(220, PitchTracker.medianVoiced(f0), 2, m.toString());
        }
        assertTrue(Double.isNaN(PitchTracker.medianVoiced(PitchTracker.contour(new float[22050], 22050, 2048, 512, PitchTracker.Method.YIN))));
    }
}
