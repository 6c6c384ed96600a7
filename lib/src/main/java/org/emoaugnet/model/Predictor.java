package org.emoaugnet.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emoaugnet.audio.SignalLevel;
import org.emoaugnet.audio.WavReader;
import org.emoaugnet.features.FeatureExtraction;
import org.emoaugnet.features.FeatureExtractor;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.features.Features;
import org.emoaugnet.model.fused.FusedNetwork;

/**
 * Class probabilities of a {@link SavedModel} for audio files: each file is cut by the model's clip window, its
 * features are extracted as in training, scaled by the model's training scaler and passed through the network in
 * inference mode, on the fused network the runs are trained and tested with ({@link FusedNetwork}, compiled once per
 * predictor for one sample at a time; DL4J's own forward pass gives the same probabilities to rounding, and takes
 * several times longer on the 2-D networks). Each prediction carries its {@link Warning}s: a silent or clipped
 * recording, or one shorter than the model's window, gets probabilities all the same, and the warning says why not
 * to trust them. One predictor serves one thread.
 */
public final class Predictor {
    private final SavedModel model;
    private final FeatureSpec spec;
    private FusedNetwork fused;   // compiled for the input's channels and length (again when a window of another length comes)
    private int fusedChannels, fusedLength;

    /** The probabilities of one file, in the model's class order, and what makes them doubtful ({@link Warning}). */
    public record Prediction(Path file, List<String> classes, double[] probabilities, List<Warning> warnings) {
        public Prediction {
            warnings = List.copyOf(warnings);
        }

        public String best() {
            int b = 0;
            for (int i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[b]) b = i;
            return classes.get(b);
        }
    }

    /**
     * Something about a file that makes its prediction doubtful, with the measured {@code value} and the {@code limit}
     * it crossed: digital silence (peak dBFS below {@link SignalLevel#SILENCE_DBFS}), clipping (share of samples at full
     * scale above {@link SignalLevel#CLIPPED_SHARE}), or a clip shorter than the model's window (seconds of audio in a
     * window of {@code limit} seconds, zero-padded to it).
     */
    public record Warning(Kind kind, double value, double limit) {
        public enum Kind { SILENCE, CLIPPING, SHORT_CLIP }

        /** One sentence, as {@code predict} prints it. */
        public String text() {
            return switch (kind) {
                case SILENCE -> Double.isInfinite(value) ? "digital silence: every sample is zero"
                        : String.format(Locale.ROOT, "digital silence: peak %.1f dBFS, below %.0f dBFS", value, limit);
                case CLIPPING -> String.format(Locale.ROOT, "clipped: %.2f %% of the samples at full scale (more than %.2f %%)", 100 * value, 100 * limit);
                case SHORT_CLIP -> String.format(Locale.ROOT, "short: %.2f s of audio in the model's %.2f s window (zero-padded)", value, limit);
            };
        }
    }

    public Predictor(SavedModel model) {
        this.model = model;
        this.spec = FeatureSpec.byKey(model.featureKey());
    }

    /** The model's classes, in the order of every prediction's probabilities. */
    public List<String> classes() { return model.classes(); }

    public Prediction predict(Path wav) throws IOException {
        int sr = spec.features().sampleRate();
        float[] clip = FeatureExtraction.clip(wav, spec);
        List<Warning> warnings = new ArrayList<>();
        SignalLevel level = SignalLevel.of(WavReader.read(wav).channels());
        if (level.silent()) warnings.add(new Warning(Warning.Kind.SILENCE, level.peakDbfs(), SignalLevel.SILENCE_DBFS));
        if (level.clipped()) warnings.add(new Warning(Warning.Kind.CLIPPING, level.clippedShare(), SignalLevel.CLIPPED_SHARE));
        if (spec.window().fixedLength() && clip.length < spec.window().samples(sr))
            warnings.add(new Warning(Warning.Kind.SHORT_CLIP, clip.length / (double) sr, spec.window().duration()));
        float[] y = spec.window().fit(clip, sr);
        Features f = FeatureExtractor.forThread(spec.features()).extract(y);
        float[] x;
        int channels, length;
        if (model.layout() == Dataset.Layout.FLAT) {
            x = model.scaler().transform(f.flat());
            channels = 1;
            length = x.length;
        } else {
            float[][] seq = f.sequence();
            x = Dataset.channelsFirst(model.normalisation().apply(seq), model.scaler());
            channels = seq[0].length;
            length = seq.length;
        }
        if (fused == null || channels != fusedChannels || length != fusedLength) {
            fused = FusedNetwork.compile(model.net(), channels, length, 1, 0);
            fusedChannels = channels;
            fusedLength = length;
        }
        float[] out = fused.output(x, 1);
        double[] p = new double[out.length];
        for (int i = 0; i < p.length; i++) p[i] = out[i];
        if (p.length != model.classes().size())
            throw new IOException(wav + ": the model gives " + p.length + " outputs for " + model.classes().size() + " classes");
        return new Prediction(wav, model.classes(), p, warnings);
    }
}
