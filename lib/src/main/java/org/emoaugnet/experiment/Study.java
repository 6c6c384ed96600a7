package org.emoaugnet.experiment;

import org.emoaugnet.data.loaders.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.util.Settings;

/**
 * The ReLU-vs-ELU study of notebook 04 for one corpus: the configuration files in
 * {@code experiments/<corpus>/*.properties} when they exist (the committed RAVDESS study), otherwise built-in
 * defaults, made small in quick mode (2 epochs, 2 folds) so that CI exercises the whole path.
 */
public final class Study {
    private Study() {}

    public static List<ExperimentConfig> configs(String corpus, Settings s) throws IOException {
        Path dir = s.projectRoot().resolve("experiments").resolve(corpus);
        List<ExperimentConfig> out = new ArrayList<>();
        if (!s.quick() && Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) out.add(ExperimentConfigs.load(f));
            }
            return out;
        }
        int folds = Defaults.folds(s);
        String tag = s.quick() ? "-quick" : "";
        for (Protocol p : new Protocol[] {Protocol.PAPER_STYLE, Protocol.SPEAKER_INDEPENDENT})
            for (String act : new String[] {"relu", "elu"})
                out.add(new ExperimentConfig(corpus + "-" + p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-compact-" + act + tag,
                        corpus, Corpora.defaultClassSet(corpus), p, FeatureSpec.publicPipeline(), Dataset.Layout.SEQUENCE, Recipe.public4(),
                        "compact-cnn-lstm", act, Defaults.training(s), List.of(s.seed()), folds));
        return out;
    }
}
