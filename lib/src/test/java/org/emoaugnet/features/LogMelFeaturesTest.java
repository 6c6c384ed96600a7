package org.emoaugnet.features;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emoaugnet.Fixtures;
import org.emoaugnet.audio.AudioLoader;
import org.emoaugnet.audio.WavWriter;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.Gender;
import org.emoaugnet.data.LabelMaps;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.features.FeatureConfig.Representation;
import org.emoaugnet.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The log-mel representations against librosa 0.11's own output ({@code golden/logmel64_16000}, made by its
 * {@code make_reference.py}) and against the class-C mel power of the 22,050 Hz cases; keys, shapes, layouts and the
 * cache. Tolerances: filterbank 1e-8 + 1e-5 relative (as the default filterbank); log-mel 2e-3 dB absolute (the
 * mel-power criterion of docs/librosa-features.md, 1e-4 relative, is 4.3e-4 dB; measured: below 1e-5 dB on the
 * 16 kHz case); deltas of our log-mel 1e-3 dB per frame.
 */
class LogMelFeaturesTest {
    @TempDir Path dir;

    static final double DB_TOL = 2e-3, DELTA_TOL = 1e-3;

    @BeforeAll
    static void quiet() { Progress.setQuiet(true); }

    static Path case64() { return Golden.resources().resolve("logmel64_16000"); }

    static float[] input64() throws Exception { return AudioLoader.load(case64().resolve("input_16000_pcm16.wav"), 16000); }

    /** Largest |ours[t][n] − ref[n][t]| over all entries (ref in librosa's (n, T) orientation). */
    static double worst(float[][] ours, double[][] ref) {
        assertEquals(ref[0].length, ours.length, "frames");
        assertEquals(ref.length, ours[0].length, "channels");
        double w = 0;
        for (int t = 0; t < ours.length; t++) for (int n = 0; n < ref.length; n++) w = Math.max(w, Math.abs(ours[t][n] - ref[n][t]));
        return w;
    }

    @Test
    void existingKeysAreUnchangedAndLogMelKeysNameTheirRepresentation() {
        String librosa = "sr=22050,n_fft=2048,hop=512,n_mels=128,n_mfcc=20,fmin=0.0,fmax=0.0,top_db=80.0,pad=CONSTANT";
        assertEquals(librosa + ";offset=0.6,duration=2.5,fit=ALIGNED", FeatureSpec.publicPipeline().key());
        assertEquals(librosa + ";offset=0.0,duration=1.5,fit=ALIGNED,from_onset_top_db=40.0", FeatureSpec.crossCorpus().key());
        assertEquals(librosa + ";offset=0.0,duration=0.0,fit=ALIGNED", FeatureSpec.wholeFile().key());
        assertEquals(Representation.MFCC_RMS_ZCR, FeatureSpec.publicPipeline().representation());
        assertEquals(FeatureConfig.librosa(), new FeatureConfig(22050, 2048, 512, 128, 20, 0, 0, 80, org.emoaugnet.dsp.PadMode.CONSTANT),
                "the nine-parameter constructor is the paper's representation");

        String mel = "sr=16000,n_fft=512,hop=160,n_mels=64,n_mfcc=20,fmin=50.0,fmax=8000.0,top_db=80.0,pad=CONSTANT";
        String window = ";offset=0.0,duration=3.0,fit=ALIGNED,from_onset_top_db=40.0";
        assertEquals(mel + ",representation=LOG_MEL" + window, FeatureSpec.logMel64().key());
        assertEquals(mel + ",representation=LOG_MEL_DELTAS" + window, FeatureSpec.logMelDeltas64().key());
        assertEquals(64, FeatureSpec.logMel64().features().channels());
        assertEquals(192, FeatureSpec.logMelDeltas64().features().channels());
        assertEquals(22, FeatureSpec.publicPipeline().features().channels());
        assertNotEquals(FeatureConfig.librosa().key(), FeatureConfig.librosa().withRepresentation(Representation.LOG_MEL).key());
        assertThrows(IllegalArgumentException.class, () -> FeatureConfig.logMel64(Representation.MFCC_RMS_ZCR));
    }

    @Test
    void filterbankOfTheLogMel64ConfigurationMatchesLibrosa() {
        double[][] ref = Golden.csv(case64().resolve("mel_filterbank.csv"));
        MelFilterbank fb = new FeatureExtractor(FeatureConfig.logMel64(Representation.LOG_MEL)).filterbank();
        assertEquals(64, ref.length);
        assertEquals(257, ref[0].length);
        for (int m = 0; m < 64; m++)
            for (int k = 0; k < 257; k++)
                assertEquals(ref[m][k], fb.weight(m, k), 1e-8 + 1e-5 * Math.abs(ref[m][k]), "W[" + m + "," + k + "]");
    }

    @Test
    void logMelAndDeltasOfTheLogMel64ConfigurationMatchLibrosa() throws Exception {
        float[] y = input64();
        assertEquals(24000, y.length);
        FeatureExtractor fx = new FeatureExtractor(FeatureConfig.logMel64(Representation.LOG_MEL_DELTAS));
        Features.LogMelDeltas f = (Features.LogMelDeltas) fx.extract(y);
        double[][] refDb = Golden.csv(case64().resolve("log_mel.csv"));
        double db = worst(f.bands(), refDb);
        double d1 = worst(f.delta(), Golden.csv(case64().resolve("delta.csv")));
        double d2 = worst(f.delta2(), Golden.csv(case64().resolve("delta2.csv")));
        System.out.printf(java.util.Locale.ROOT, "log-mel 64 vs librosa 0.11: max |d| %.2e dB, delta %.2e, delta2 %.2e%n", db, d1, d2);
        assertTrue(db <= DB_TOL, "log-mel max abs error " + db + " dB");
        assertTrue(d1 <= DELTA_TOL, "delta max abs error " + d1);
        assertTrue(d2 <= DELTA_TOL, "delta2 max abs error " + d2);
        // the silent ends are floored 80 dB below the clip's maximum, as librosa's top_db does
        double max = -Double.MAX_VALUE, min = Double.MAX_VALUE;
        for (float[] r : f.bands()) for (float v : r) { max = Math.max(max, v); min = Math.min(min, v); }
        assertEquals(max - 80, min, 1e-3);
        // LOG_MEL gives the same bands as the first block of LOG_MEL_DELTAS
        Features.LogMel plain = (Features.LogMel) new FeatureExtractor(FeatureConfig.logMel64(Representation.LOG_MEL)).extract(y);
        assertTrue(java.util.Arrays.deepEquals(plain.bands(), f.bands()));
    }

    /** The log-mel of the librosa-default configuration against power_to_db of the class-C mel power. */
    static double logMelAgainstMelPower(Path caseDir, float[] y) {
        FeatureExtractor fx = new FeatureExtractor(FeatureConfig.librosa().withRepresentation(Representation.LOG_MEL));
        float[][] ours = ((Features.LogMel) fx.extract(y)).bands();
        double[][] p = Golden.csv(caseDir.resolve("mel_power.csv"));
        double max = -Double.MAX_VALUE;
        double[][] ref = new double[p.length][p[0].length];
        for (int m = 0; m < p.length; m++)
            for (int t = 0; t < p[0].length; t++) { ref[m][t] = 10 * Math.log10(Math.max(1e-10, p[m][t])); max = Math.max(max, ref[m][t]); }
        for (double[] r : ref) for (int t = 0; t < r.length; t++) r[t] = Math.max(r[t], max - 80);
        double w = worst(ours, ref);
        System.out.printf(java.util.Locale.ROOT, "log-mel (librosa defaults) %s vs class-C mel power: max |d| %.2e dB%n", caseDir.getFileName(), w);
        return w;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chirp_22050", "noise_22050"})
    void logMelOfTheLibrosaConfigurationMatchesTheGoldenMelPower(String name) throws Exception {
        float[] y = AudioLoader.load(Golden.resources().resolve("inputs").resolve(name + "_pcm16.wav"), 22050);
        double w = logMelAgainstMelPower(Golden.resources().resolve(name), y);
        assertTrue(w <= DB_TOL, name + ": log-mel max abs error " + w + " dB");
    }

    @Test
    void logMelOfRavdessSpeechMatchesTheGoldenMelPower() {
        // speech, read in place (a RAVDESS derivative: never copied into the project); libsoxr's own 22,050 Hz output
        Path c = Golden.shared().resolve("ravdess_A01_03-01-05-01-01-01-01_16k_to_22050");
        assumeTrue(Files.isDirectory(c), "golden case not present: " + c);
        double[] yd = Golden.row(c.resolve("y.csv"));
        float[] y = new float[yd.length];
        for (int i = 0; i < y.length; i++) y[i] = (float) yd[i];
        double w = logMelAgainstMelPower(c, y);
        assertTrue(w <= DB_TOL, "RAVDESS speech: log-mel max abs error " + w + " dB");
    }

    Utterance utt(String id, double seconds, int seed) throws Exception {
        Path f = dir.resolve("audio").resolve(id + ".wav");
        Files.createDirectories(f.getParent());
        float[] y = Fixtures.sine(16000, seconds, 150 + 10 * seed, 0.3);
        for (int i = 0; i < y.length; i++) y[i] += 0.01f * (float) Math.sin(i * 0.37 * seed);
        WavWriter.writePcm16(f, y, 16000);
        return new Utterance(id, f, "ravdess", "A", Gender.MALE, "05", LabelMaps.map("ravdess", LabelMaps.RAVDESS, "05"), Map.of());
    }

    @Test
    void sequencesHaveTheRepresentationsShapeAndOnlyTheDefaultHasAFlatLayout() throws Exception {
        List<Utterance> us = List.of(utt("long", 3.6, 1), utt("short", 1.7, 2));
        FeatureSet mel = FeatureExtraction.extract(us, FeatureSpec.logMel64(), Recipe.none(), 1, FeatureCache.disabled());
        FeatureSet deltas = FeatureExtraction.extract(us, FeatureSpec.logMelDeltas64(), Recipe.none(), 1, FeatureCache.disabled());
        for (int i = 0; i < 2; i++) {
            float[][] s = mel.sequences()[i], d = deltas.sequences()[i];
            assertEquals(301, s.length, "3.0 s at a 10 ms hop, aligned: 1 + 48000/160 frames");
            assertEquals(64, s[0].length);
            assertEquals(301, d.length);
            assertEquals(192, d[0].length);
            assertEquals(FeatureSpec.logMel64().frames(), s.length, "the spec states the length it extracts");
            assertEquals(FeatureSpec.logMel64().channels(), s[0].length);
            assertEquals(FeatureSpec.logMelDeltas64().channels(), d[0].length);
            for (int t = 0; t < s.length; t++) assertArrayEquals(s[t], java.util.Arrays.copyOf(d[t], 64), "the bands lead each frame");
            assertEquals(64, mel.rows().get(i).features().channels());
            assertEquals(192, deltas.rows().get(i).features().channels());
        }
        assertThrows(UnsupportedOperationException.class, mel::flat);
        assertThrows(UnsupportedOperationException.class, () -> deltas.rows().get(0).features().flat());
        assertEquals(2, mel.stats().length, "per-recording statistics work for any representation");
        assertEquals(2 * 192, deltas.stats()[0].length);
        // a row of one representation does not enter a set of another
        assertThrows(IllegalArgumentException.class, () -> new FeatureSet(FeatureSpec.publicPipeline(), mel.rows()));
    }

    @Test
    void theCacheKeepsRepresentationsApartAndRoundTripsThem() throws Exception {
        List<Utterance> us = List.of(utt("a", 2.0, 3));
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        String hash = FeatureCache.fileHash(us.get(0).path());
        FeatureSpec mfccSpec = new FeatureSpec(FeatureConfig.logMel64(Representation.LOG_MEL).withRepresentation(Representation.MFCC_RMS_ZCR),
                FeatureSpec.logMel64().window());
        assertNotEquals(FeatureCache.key(hash, mfccSpec.key()), FeatureCache.key(hash, FeatureSpec.logMel64().key()),
                "the same parameters in another representation have another cache entry");
        for (FeatureSpec spec : List.of(FeatureSpec.logMel64(), FeatureSpec.logMelDeltas64(), mfccSpec)) {
            FeatureSet computed = FeatureExtraction.extract(us, spec, Recipe.none(), 1, cache);
            long hits = cache.hits();
            FeatureSet cached = FeatureExtraction.extract(us, spec, Recipe.none(), 1, cache);
            assertEquals(hits + 1, cache.hits(), spec.representation() + ": read from the cache");
            Features a = computed.rows().get(0).features(), b = cached.rows().get(0).features();
            assertEquals(spec.representation(), b.representation());
            assertEquals(a.getClass(), b.getClass());
            assertTrue(a.sameValues(b), spec.representation() + ": the cache returns what was computed");
        }
        // an entry read as another representation is a miss, not a wrong type
        String key = FeatureCache.key(hash, "probe");
        cache.put(key, FeatureExtraction.extract(us, FeatureSpec.logMel64(), Recipe.none(), 1, FeatureCache.disabled()).rows().get(0).features());
        assertNotNull(cache.get(key, Representation.LOG_MEL));
        assertNull(cache.get(key, Representation.LOG_MEL_DELTAS));
        assertNull(cache.get(key, Representation.MFCC_RMS_ZCR));
    }
}
