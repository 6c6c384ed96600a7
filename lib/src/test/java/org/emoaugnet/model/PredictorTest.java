package org.emoaugnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.emoaugnet.audio.WavWriter;
import org.emoaugnet.data.synth.EmotionProsody;
import org.emoaugnet.data.synth.Synthesizer;
import org.emoaugnet.data.synth.Voice;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.features.Scaler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictorTest {
    private static final List<String> CLASSES = List.of("angry", "happy", "neutral", "sad");

    /** A saved (untrained, seeded) compact network on the public pipeline's frame sequence: 22 channels × 108 frames. */
    private static Path savedModel(Path dir) throws IOException {
        var net = ModelFactory.build(ModelConfig.preset("compact-cnn-lstm", "relu"), 22, 108, CLASSES.size(), 1e-3, 7);
        new SavedModel(net, Scaler.identity(22), CLASSES, "compact-cnn-lstm", FeatureSpec.publicPipeline().key(), Dataset.Layout.SEQUENCE).save(dir);
        return dir;
    }

    private static Path syntheticWav(Path dir) throws IOException {
        float[] y = Synthesizer.render(Voice.draw(1, 42), EmotionProsody.neutral(), 1, 16000, new SplittableRandom(3));
        Path wav = dir.resolve("synthetic.wav");
        WavWriter.writePcm16(wav, y, 16000);
        return wav;
    }

    @Test
    void probabilitiesOfASyntheticFile(@TempDir Path tmp) throws IOException {
        Predictor p = new Predictor(SavedModel.load(savedModel(tmp.resolve("model")), null));
        Predictor.Prediction a = p.predict(syntheticWav(tmp));
        assertSameAsDl4j(SavedModel.load(tmp.resolve("model"), null), tmp.resolve("synthetic.wav"), a);
        assertEquals(CLASSES, a.classes());
        assertEquals(CLASSES.size(), a.probabilities().length);
        double sum = 0;
        for (double v : a.probabilities()) { assertTrue(v >= 0 && v <= 1, String.valueOf(v)); sum += v; }
        assertEquals(1.0, sum, 1e-5);
        assertTrue(CLASSES.contains(a.best()));
        // inference is deterministic: the same file gives the same probabilities
        assertEquals(java.util.Arrays.toString(a.probabilities()), java.util.Arrays.toString(p.predict(tmp.resolve("synthetic.wav")).probabilities()));
    }

    /** A 2-D network (cnn2d-ref) reads the same log-mel frames as a one-channel image: the predictor hands DL4J that view. */
    @Test
    void aTwoDimensionalNetworkPredictsOnItsLogMelImage(@TempDir Path tmp) throws IOException {
        FeatureSpec spec = FeatureSpec.logMel64();
        var net = ModelFactory.build(ModelConfig.preset("cnn2d-ref", "relu"), spec.channels(), spec.frames(), CLASSES.size(), 1e-3, 7);
        Path dir = tmp.resolve("cnn2d");
        new SavedModel(net, Scaler.identity(spec.channels()), CLASSES, "cnn2d-ref", spec.key(), Dataset.Layout.SEQUENCE).save(dir);
        Predictor.Prediction a = new Predictor(SavedModel.load(dir, null)).predict(syntheticWav(tmp));
        assertEquals(CLASSES.size(), a.probabilities().length);
        double sum = 0;
        for (double v : a.probabilities()) sum += v;
        assertEquals(1.0, sum, 1e-5);
        assertSameAsDl4j(SavedModel.load(dir, null), tmp.resolve("synthetic.wav"), a);
    }

    /** The predictor's fused pass gives DL4J's own probabilities for the file, to rounding. */
    static void assertSameAsDl4j(SavedModel m, Path wav, Predictor.Prediction p) throws IOException {
        FeatureSpec spec = FeatureSpec.byKey(m.featureKey());
        float[] y = spec.window().fit(org.emoaugnet.features.FeatureExtraction.clip(wav, spec), spec.features().sampleRate());
        float[][] seq = org.emoaugnet.features.FeatureExtractor.forThread(spec.features()).extract(y).sequence();
        var x = org.nd4j.linalg.factory.Nd4j.create(Dataset.channelsFirst(m.normalisation().apply(seq), m.scaler()), new long[] {1, seq[0].length, seq.length}, 'c');
        double[] dl4j = m.net().output(ModelFactory.networkInput(m.net(), x), false).toDoubleVector();
        org.junit.jupiter.api.Assertions.assertArrayEquals(dl4j, p.probabilities(), 1e-5, "fused and DL4J probabilities");
    }

    @Test
    void aModelSavedWithPerUtteranceNormalisationAppliesItAndOlderModelsReadAsTrainScaler(@TempDir Path tmp) throws IOException {
        var net = ModelFactory.build(ModelConfig.preset("compact-cnn-lstm", "relu"), 22, 108, CLASSES.size(), 1e-3, 7);
        Path dir = tmp.resolve("utt");
        new SavedModel(net, Scaler.identity(22), CLASSES, "compact-cnn-lstm", FeatureSpec.publicPipeline().key(), Dataset.Layout.SEQUENCE,
                org.emoaugnet.features.SequenceNormalisation.PER_UTTERANCE).save(dir);
        SavedModel utt = SavedModel.load(dir, null);
        assertEquals(org.emoaugnet.features.SequenceNormalisation.PER_UTTERANCE, utt.normalisation());
        Path wav = syntheticWav(tmp);
        double[] withIt = new Predictor(utt).predict(wav).probabilities();
        // the same network without the normalisation gives other probabilities: the predictor applies what the model was trained with
        double[] without = new Predictor(new SavedModel(utt.net(), utt.scaler(), CLASSES, "compact-cnn-lstm", utt.featureKey(), Dataset.Layout.SEQUENCE)).predict(wav).probabilities();
        assertTrue(!java.util.Arrays.equals(withIt, without));
        // a model.properties without the entry (saved before it existed) reads as TRAIN_SCALER
        Path old = savedModel(tmp.resolve("old"));
        Path props = old.resolve("model.properties");
        Files.writeString(props, Files.readString(props).replaceAll("(?m)^normalisation=.*\\R", ""));
        assertEquals(org.emoaugnet.features.SequenceNormalisation.TRAIN_SCALER, SavedModel.load(old, null).normalisation());
    }

    @Test
    void clearErrors(@TempDir Path tmp) throws IOException {
        Path model = savedModel(tmp.resolve("model"));
        Predictor p = new Predictor(SavedModel.load(model, null));
        Path notAudio = Files.writeString(tmp.resolve("notes.wav"), "not a wave file");
        IOException e = assertThrows(IOException.class, () -> p.predict(notAudio));
        assertTrue(e.getMessage().contains("notes.wav"), e.getMessage());
        // a model of another format
        Path props = model.resolve("model.properties");
        Files.writeString(props, Files.readString(props).replace("format=" + SavedModel.FORMAT.replace(":", "\\:"), "format=keras-h5/2"));
        e = assertThrows(IOException.class, () -> SavedModel.load(model, null));
        assertTrue(e.getMessage().contains("another format") && e.getMessage().contains("model.properties"), e.getMessage());
        // a file where a model folder is expected
        e = assertThrows(IOException.class, () -> SavedModel.load(notAudio, null));
        assertTrue(e.getMessage().contains("not a model folder"), e.getMessage());
    }
}
