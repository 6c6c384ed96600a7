package org.emoaugnet.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.emoaugnet.features.FeatureExtraction;
import org.emoaugnet.features.FeatureExtractor;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.features.Features;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Class probabilities of a {@link SavedModel} for audio files: each file is cut by the model's clip window, its
 * features are extracted as in training, scaled by the model's training scaler and passed through the network in
 * inference mode.
 */
public final class Predictor {
    private final SavedModel model;
    private final FeatureSpec spec;

    /** The probabilities of one file, in the model's class order. */
    public record Prediction(Path file, List<String> classes, double[] probabilities) {
        public String best() {
            int b = 0;
            for (int i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[b]) b = i;
            return classes.get(b);
        }
    }

    public Predictor(SavedModel model) {
        this.model = model;
        this.spec = FeatureSpec.byKey(model.featureKey());
    }

    public Prediction predict(Path wav) throws IOException {
        int sr = spec.features().sampleRate();
        float[] y = spec.window().fit(FeatureExtraction.clip(wav, spec), sr);
        Features f = FeatureExtractor.forThread(spec.features()).extract(y);
        INDArray x;
        if (model.layout() == Dataset.Layout.FLAT) {
            float[] v = model.scaler().transform(f.flat());
            x = Nd4j.create(v, new long[] {1, 1, v.length}, 'c');
        } else {
            float[][] seq = f.sequence();
            x = Nd4j.create(Dataset.channelsFirst(model.normalisation().apply(seq), model.scaler()), new long[] {1, seq[0].length, seq.length}, 'c');
        }
        double[] p = model.net().output(x, false).toDoubleVector();
        if (p.length != model.classes().size())
            throw new IOException(wav + ": the model gives " + p.length + " outputs for " + model.classes().size() + " classes");
        return new Prediction(wav, model.classes(), p);
    }
}
