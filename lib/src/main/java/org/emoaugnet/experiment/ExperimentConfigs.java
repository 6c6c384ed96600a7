package org.emoaugnet.experiment;

import org.emoaugnet.data.loaders.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.TrainConfig;

/**
 * Reads an {@link ExperimentConfig} from a properties file:
 * <pre>
 * name=ravdess-si-relu            corpus=ravdess         class_set=ravdess-7-paper
 * protocol=SPEAKER_INDEPENDENT    model=compact-cnn-lstm activation=relu
 * recipe=public-4                 layout=SEQUENCE        features=public-pipeline
 * epochs=15  batch=64  lr=0.001  patience=4  lr_factor=0.5  lr_patience=3  seeds=1,2,3  folds=0
 * </pre>
 * Every key has a default ({@link Defaults}) except {@code name} and {@code corpus}; an unknown value is an error naming the file.
 */
public final class ExperimentConfigs {
    private ExperimentConfigs() {}

    public static ExperimentConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        try {
            return parse(p);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static ExperimentConfig parse(Properties p) {
        String name = need(p, "name"), corpus = need(p, "corpus");
        ClassSet cs = p.containsKey("class_set") ? ClassSet.named(p.getProperty("class_set")) : Corpora.defaultClassSet(corpus);
        Protocol protocol = Protocol.valueOf(p.getProperty("protocol", "SPEAKER_INDEPENDENT").trim());
        String recipeName = p.getProperty("recipe", "public-4").trim();
        Recipe recipe = Recipe.named().get(recipeName);
        if (recipe == null) throw new IllegalArgumentException("unknown recipe '" + recipeName + "' (known: " + Recipe.named().keySet() + ")");
        String feat = p.getProperty("features", "public-pipeline").trim();
        FeatureSpec spec = switch (feat) {
            case "public-pipeline" -> FeatureSpec.publicPipeline();
            case "cross-corpus" -> FeatureSpec.crossCorpus();
            default -> throw new IllegalArgumentException("unknown features '" + feat + "' (public-pipeline, cross-corpus)");
        };
        Dataset.Layout layout = Dataset.Layout.valueOf(p.getProperty("layout", "SEQUENCE").trim());
        TrainConfig d = Defaults.TRAINING;
        TrainConfig t = new TrainConfig(integer(p, "epochs", d.epochs()), integer(p, "batch", d.batch()), Double.parseDouble(p.getProperty("lr", String.valueOf(d.learningRate()))),
                integer(p, "patience", d.patience()), Double.parseDouble(p.getProperty("lr_factor", String.valueOf(d.lrFactor()))),
                integer(p, "lr_patience", d.lrPatience()), 0);
        List<Long> seeds = Arrays.stream(p.getProperty("seeds", "1").split(",")).map(String::trim).map(Long::parseLong).toList();
        return new ExperimentConfig(name, corpus, cs, protocol, spec, layout, recipe, p.getProperty("model", "compact-cnn-lstm").trim(),
                p.getProperty("activation", "relu").trim(), t, seeds, integer(p, "folds", 0));
    }

    private static String need(Properties p, String k) {
        String v = p.getProperty(k);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("missing '" + k + "'");
        return v.trim();
    }

    private static int integer(Properties p, String k, int def) {
        String v = p.getProperty(k);
        try {
            return v == null ? def : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + k + "' must be an integer, got '" + v + "'");
        }
    }
}
