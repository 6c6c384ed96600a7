package org.emoaugnet.design;

import org.emoaugnet.run.Defaults;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.SplitSpec;

import org.emoaugnet.data.loaders.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.FoldSet;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.features.SequenceNormalisation;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.model.TrainOptions;
import org.emoaugnet.util.KnownKeys;

/**
 * Reads an {@link ExperimentConfig} from a properties file:
 * <pre>
 * name=ravdess-si-relu            corpus=ravdess         class_set=ravdess-7-paper
 * protocol=SPEAKER_INDEPENDENT    model=compact-cnn-lstm activation=relu
 * recipe=public-4                 layout=SEQUENCE        features=public-pipeline
 * epochs=15  batch=64  lr=0.001  patience=4  lr_factor=0.5  lr_patience=3  seeds=1,2,3  folds=0
 * validation_fraction=0.15  validation_seed=42  fold_seed=42  test_fraction=0.2  fold_set=reslstm-5
 * normalisation=per-utterance   (default train-scaler: the training rows' scaler alone)
 * </pre>
 * {@link #KEYS} are the only keys: an unknown one (a typo such as {@code epoch} or {@code acitvation}) is an error
 * naming every unknown key and the nearest known one ({@link KnownKeys}), raised before anything runs. Every key has
 * a default ({@link Defaults}) except {@code name} and {@code corpus}; the split keys ({@link SplitSpec}) are
 * accepted only under the protocols that use them, and {@code fold_set} only for a corpus that offers that fold set
 * ({@code CorpusLoader.foldSets()}: RAVDESS). A malformed or unknown value is an error naming the file.
 */
public final class ExperimentConfigs {
    private ExperimentConfigs() {}

    /** Every key an experiment file may hold. */
    /** Keys of {@link #options}, the training options beyond the paper's recipe. */
    static final List<String> OPTION_KEYS = List.of("label_smoothing", "specaugment", "mixup_alpha", "weight_decay", "lr_schedule", "warmup_epochs");
    public static final List<String> KEYS;

    static {
        List<String> k = new ArrayList<>(List.of("name", "corpus", "class_set", "protocol", "features", "layout", "recipe", "model", "activation",
                "epochs", "batch", "lr", "patience", "lr_factor", "lr_patience", "seeds", "folds", "normalisation"));
        k.addAll(OPTION_KEYS);
        k.addAll(SplitSpec.KEYS);
        KEYS = List.copyOf(k);
    }

    /**
     * The experiment of {@code file}.
     *
     * @throws KnownKeys.UnknownKeyException when the file holds a key outside {@link #KEYS} (the message names the file)
     * @throws IOException when it cannot be read or a value is missing or malformed (the message names the file)
     */
    public static ExperimentConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        KnownKeys.check(file.toString(), p.stringPropertyNames().stream().sorted().toList(), KEYS, "key", "");
        try {
            return parse(p);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The experiment of these properties; an unknown key is a {@link KnownKeys.UnknownKeyException}, a bad value an {@link IllegalArgumentException}. */
    public static ExperimentConfig parse(Properties p) {
        KnownKeys.check("experiment", p.stringPropertyNames().stream().sorted().toList(), KEYS, "key", "");
        String name = need(p, "name"), corpus = need(p, "corpus");
        ClassSet cs = p.containsKey("class_set") ? ClassSet.named(p.getProperty("class_set")) : Corpora.defaultClassSet(corpus);
        Protocol protocol = constant(Protocol.class, p, "protocol", Defaults.PROTOCOL);
        String recipeName = text(p, "recipe", Defaults.RECIPE);
        Recipe recipe = Recipe.named().get(recipeName);
        if (recipe == null) throw new IllegalArgumentException("unknown recipe '" + recipeName + "' (known: " + Recipe.named().keySet() + ")");
        String feat = text(p, "features", Defaults.FEATURES);
        FeatureSpec spec = switch (feat) {
            case "public-pipeline" -> FeatureSpec.publicPipeline();
            case "cross-corpus" -> FeatureSpec.crossCorpus();
            case "log-mel-64" -> FeatureSpec.logMel64();
            case "log-mel-deltas-64" -> FeatureSpec.logMelDeltas64();
            default -> throw new IllegalArgumentException("unknown features '" + feat + "' (public-pipeline, cross-corpus, log-mel-64, log-mel-deltas-64)");
        };
        Dataset.Layout layout = constant(Dataset.Layout.class, p, "layout", Defaults.LAYOUT);
        String model = text(p, "model", Defaults.MODEL), activation = text(p, "activation", Defaults.ACTIVATION);
        ModelConfig.preset(model, activation);   // an unknown preset fails here, before anything runs
        TrainConfig d = Defaults.TRAINING;
        TrainConfig t = new TrainConfig(integer(p, "epochs", d.epochs()), integer(p, "batch", d.batch()), decimal(p, "lr", d.learningRate()),
                integer(p, "patience", d.patience()), decimal(p, "lr_factor", d.lrFactor()), integer(p, "lr_patience", d.lrPatience()), 0, 0,
                options(p));
        SplitSpec split = split(p, protocol);
        if (p.containsKey(SplitSpec.FOLD_SET)) {
            List<FoldSet> offered = Corpora.definition(corpus).foldSets();
            if (!offered.contains(split.foldSet()))
                throw new IllegalArgumentException("'" + SplitSpec.FOLD_SET + "' " + split.foldSet().key() + " is not a fold set of " + corpus + " ("
                        + (offered.isEmpty() ? "it has none: its speaker folds are drawn with '" + SplitSpec.FOLD_SEED + "'"
                        : "it has " + String.join(", ", offered.stream().map(FoldSet::key).toList())) + ")");
        }
        String norm = text(p, "normalisation", "train-scaler");
        SequenceNormalisation normalisation = switch (norm) {
            case "train-scaler" -> SequenceNormalisation.TRAIN_SCALER;
            case "per-utterance" -> SequenceNormalisation.PER_UTTERANCE;
            default -> throw new IllegalArgumentException("'normalisation' must be train-scaler or per-utterance, got '" + norm + "'");
        };
        return new ExperimentConfig(name, corpus, cs, protocol, spec, layout, recipe, model, activation, t, seeds(p, Defaults.SEEDS),
                integer(p, "folds", Defaults.FOLDS), split, normalisation);
    }

    /**
     * Keys of the training options beyond the paper's recipe ({@link TrainOptions}), each off when absent:
     * {@code label_smoothing} (ε), {@code specaugment} (time masks, their max width in frames, channel masks, their max
     * width in channels: {@code 2,20,2,8}), {@code mixup_alpha}, {@code weight_decay} (AdamW's λ), {@code lr_schedule}
     * ({@code plateau} or {@code warmup-cosine}) and {@code warmup_epochs} ({@link #OPTION_KEYS}).
     */

    static TrainOptions options(Properties p) {
        TrainOptions.SpecAugment a = TrainOptions.SpecAugment.NONE;
        if (p.containsKey("specaugment")) {
            String[] v = p.getProperty("specaugment").split(",");
            try {
                if (v.length != 4) throw new NumberFormatException("four values");
                a = new TrainOptions.SpecAugment(Integer.parseInt(v[0].trim()), Integer.parseInt(v[1].trim()), Integer.parseInt(v[2].trim()),
                        Integer.parseInt(v[3].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'specaugment' must be four integers (time masks, max frames, channel masks, max channels), got '"
                        + p.getProperty("specaugment") + "'", e);
            }
        }
        String schedule = text(p, "lr_schedule", "plateau");
        TrainOptions.Schedule s = switch (schedule) {
            case "plateau" -> TrainOptions.Schedule.PLATEAU;
            case "warmup-cosine" -> TrainOptions.Schedule.WARMUP_COSINE;
            default -> throw new IllegalArgumentException("'lr_schedule' must be plateau or warmup-cosine, got '" + schedule + "'");
        };
        return new TrainOptions(decimal(p, "label_smoothing", 0), a, decimal(p, "mixup_alpha", 0), decimal(p, "weight_decay", 0), s,
                integer(p, "warmup_epochs", 0));
    }

    /** The split constants: the protocol's defaults, overridden by the split keys that protocol uses (others are errors). */
    static SplitSpec split(Properties p, Protocol protocol) {
        for (String k : SplitSpec.KEYS)
            if (p.containsKey(k) && !SplitSpec.applies(k).contains(protocol))
                throw new IllegalArgumentException("'" + k + "' has no effect under " + protocol + " (it applies to " + SplitSpec.applies(k) + ")");
        SplitSpec d = Defaults.split(protocol);
        return new SplitSpec(longInteger(p, SplitSpec.FOLD_SEED, d.foldSeed()), decimal(p, SplitSpec.VALIDATION_FRACTION, d.validationFraction()),
                longInteger(p, SplitSpec.VALIDATION_SEED, d.validationSeed()), decimal(p, SplitSpec.TEST_FRACTION, d.testFraction()),
                FoldSet.named(text(p, SplitSpec.FOLD_SET, d.foldSet().key())));   // an unknown name fails naming the known ones
    }

    /** A comma-separated list of training seeds under key {@code seeds} (shared with ablation designs). */
    static List<Long> seeds(Properties p, List<Long> def) {
        String v = p.getProperty("seeds");
        if (v == null) return def;
        try {
            return Arrays.stream(v.split(",")).map(String::trim).map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'seeds' must be a comma-separated list of integers, got '" + v + "'", e);
        }
    }

    private static String need(Properties p, String k) {
        String v = p.getProperty(k);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("missing '" + k + "'");
        return v.trim();
    }

    private static String text(Properties p, String k, String def) { return p.getProperty(k, def).trim(); }

    private static <E extends Enum<E>> E constant(Class<E> type, Properties p, String k, E def) {
        String v = text(p, k, def.name());
        for (E e : type.getEnumConstants()) if (e.name().equals(v)) return e;
        throw new IllegalArgumentException("'" + k + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", got '" + v + "'");
    }

    static int integer(Properties p, String k, int def) { return parsed(p, k, def, Integer::parseInt, "an integer"); }

    private static long longInteger(Properties p, String k, long def) { return parsed(p, k, def, Long::parseLong, "an integer"); }

    private static double decimal(Properties p, String k, double def) { return parsed(p, k, def, Double::parseDouble, "a number"); }

    /** The value of {@code k} read by {@code parse}, {@code def} when absent; a malformed value names the key and what it must be. */
    private static <T> T parsed(Properties p, String k, T def, java.util.function.Function<String, T> parse, String what) {
        String v = p.getProperty(k);
        try {
            return v == null ? def : parse.apply(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + k + "' must be " + what + ", got '" + v + "'", e);
        }
    }
}
