package org.emoaugnet.design;

import org.emoaugnet.run.Defaults;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.SplitSpec;

import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.data.loaders.CorpusLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.FoldFile;
import org.emoaugnet.data.FoldSet;
import org.emoaugnet.data.PublishedFoldSet;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.features.SequenceNormalisation;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.Selection;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.model.TrainOptions;
import org.emoaugnet.util.ConfigValues;
import org.emoaugnet.util.ConfigurationException;
import org.emoaugnet.util.KnownKeys;
import org.emoaugnet.util.Range;

/**
 * Reads an {@link ExperimentConfig} from a properties file:
 * <pre>
 * name=ravdess-si-relu            corpus=ravdess         class_set=ravdess-7-paper
 * protocol=SPEAKER_INDEPENDENT    model=compact-cnn-lstm activation=relu
 * recipe=public-4                 layout=SEQUENCE        features=public-pipeline
 * epochs=15  batch=64  lr=0.001  patience=4  lr_factor=0.5  lr_patience=3  seeds=1,2,3  folds=0
 * validation_fraction=0.15  validation_seed=42  fold_seed=42  test_fraction=0.2  fold_set=reslstm-5
 * normalisation=per-utterance   (default train-scaler: the training rows' scaler alone)
 * fold_set=folds/gender-balanced-6.csv   (a fold file, relative to the experiment file: {@link FoldFile})
 * </pre>
 * {@link #KEYS} are the only keys: an unknown one (a typo such as {@code epoch} or {@code acitvation}) is an error
 * naming every unknown key and the nearest known one ({@link KnownKeys}), raised before anything runs. Every key has
 * a default ({@link Defaults}) except {@code name} and {@code corpus}; the split keys ({@link SplitSpec}) are
 * accepted only under the protocols that use them, and a published {@code fold_set} only for a corpus that offers it
 * ({@code CorpusLoader.foldSets()}: RAVDESS); a fold file fits any corpus.
 *
 * <p>Every value is checked before anything runs (no corpus is scanned, no network built): numbers against the ranges
 * their records declare ({@link TrainConfig#LEARNING_RATE} …, {@link TrainOptions}, {@link SplitSpec#FRACTION}),
 * names against the registries that will use them (corpora, class sets, protocols, recipes, features, layouts, model
 * presets, {@link ModelConfig#ACTIVATIONS}, fold sets, normalisations), {@code folds} against the number of folds
 * the protocol has where that is known before the corpus is read (the rest at planning,
 * {@link ExperimentConfig#foldsOf}). A value that fails is a {@link ConfigurationException} naming the file, the
 * key, the value and what is allowed: {@code experiments/x.properties: lr=NaN: must be a finite number > 0 and ≤ 1}.
 */
public final class ExperimentConfigs {
    private ExperimentConfigs() {}

    /** Keys of {@link #options}, the training options beyond the paper's recipe. */
    static final List<String> OPTION_KEYS = List.of("label_smoothing", "specaugment", "mixup_alpha", "weight_decay", "lr_schedule", "warmup_epochs", "selection");
    /** Every key an experiment file may hold. */
    public static final List<String> KEYS;

    static {
        List<String> k = new ArrayList<>(List.of("name", "corpus", "class_set", "protocol", "features", "layout", "recipe", "model", "activation",
                "epochs", "batch", "lr", "patience", "lr_factor", "lr_patience", "epoch_copies", "seeds", "folds", "normalisation"));
        k.addAll(OPTION_KEYS);
        k.addAll(SplitSpec.KEYS);
        KEYS = List.copyOf(k);
    }

    /** The protocols an experiment file may name (cross-corpus runs are the cross-corpus grid's: {@code CrossCorpusStudy}). */
    static final List<Protocol> PROTOCOLS = Arrays.stream(Protocol.values()).filter(p -> p != Protocol.CROSS_CORPUS).toList();

    /** An experiment's name, which names its run folder. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * The experiment of {@code file}.
     *
     * @throws KnownKeys.UnknownKeyException when the file holds a key outside {@link #KEYS} (the message names the file)
     * @throws ConfigurationException when the file does not exist or cannot be read, or a value is missing, malformed,
     *         out of range or unknown (the message names the file, the key, the value and what is allowed)
     */
    public static ExperimentConfig load(Path file) {
        return parse(read(file, "experiment file"), file.toString(), parentOf(file));
    }

    /**
     * The experiment of these properties (a relative fold file resolved against the working directory); an unknown
     * key is a {@link KnownKeys.UnknownKeyException}, a bad value a {@link ConfigurationException}.
     */
    public static ExperimentConfig parse(Properties p) { return parse(p, "experiment", Path.of("")); }

    /** The properties of a configuration file ({@code what}: "experiment file", "ablation design"); a missing or unreadable file names itself. */
    static Properties read(Path file, String what) {
        if (!Files.isRegularFile(file)) throw new ConfigurationException(file + ": no such " + what);
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {   // unreadable, not UTF-8, or a malformed unicode escape
            throw new ConfigurationException(file + ": cannot be read as a properties file (" + e.getMessage() + ")", e);
        }
        return p;
    }

    static Path parentOf(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return dir == null ? Path.of("") : dir;
    }

    /** The experiment of {@code p}, held by {@code where} (messages name it), its relative fold file resolved against {@code dir}. */
    static ExperimentConfig parse(Properties p, String where, Path dir) {
        KnownKeys.check(where, p.stringPropertyNames().stream().sorted().toList(), KEYS, "key", "");
        ConfigValues v = new ConfigValues(where, p);
        String name = v.required("name", "the experiment's name, which names its run folder");
        if (!NAME.matcher(name).matches()) throw v.error("name", "letters, digits, '.', '_' and '-', starting with a letter or digit (it names the run folder)");
        String corpus = v.required("corpus", "the corpus it trains and tests on");
        ClassSet defaultClasses;
        try {
            defaultClasses = Corpora.defaultClassSet(corpus);
        } catch (IllegalArgumentException e) {   // no definition of that name: a configuration error naming the known ones
            throw v.error("corpus", ConfigValues.oneOf(corpus, Corpora.names()) + " (or synthetic-<name>, a renamed synthetic corpus)");
        }
        ClassSet cs = ClassSet.named(v.choice("class_set", ClassSet.all().stream().map(ClassSet::name).toList(), defaultClasses.name()));
        Protocol protocol = v.constant("protocol", PROTOCOLS, Defaults.PROTOCOL);
        Recipe recipe = Recipe.named().get(v.choice("recipe", Recipe.named().keySet(), Defaults.RECIPE));
        FeatureSpec spec = FeatureSpec.named().get(v.choice("features", FeatureSpec.named().keySet(), Defaults.FEATURES));
        Dataset.Layout layout = v.constant("layout", List.of(Dataset.Layout.values()), Defaults.LAYOUT);
        String model = v.choice("model", ModelConfig.PRESETS, Defaults.MODEL), activation = v.choice("activation", ModelConfig.ACTIVATIONS, Defaults.ACTIVATION);
        TrainConfig t = training(v);
        SplitSpec split = split(v, protocol, corpus, dir);
        int folds = folds(v, protocol, split, corpus, Defaults.FOLDS);
        List<Long> seeds = seeds(v, Defaults.SEEDS);
        SequenceNormalisation normalisation = SequenceNormalisation.ofKey(v.choice("normalisation", SequenceNormalisation.keys(),
                SequenceNormalisation.TRAIN_SCALER.key()));
        try {
            return new ExperimentConfig(name, corpus, cs, protocol, spec, layout, recipe, model, activation, t, seeds, folds, split, normalisation);
        } catch (IllegalArgumentException e) {   // a combination the experiment refuses (e.g. per-utterance normalisation of a flat layout)
            throw new ConfigurationException(where + ": " + e.getMessage(), e);
        }
    }

    /** The training settings: each key in its range ({@link TrainConfig}), {@link Defaults#TRAINING}'s value when absent. */
    static TrainConfig training(ConfigValues v) {
        TrainConfig d = Defaults.TRAINING;
        int epochs = v.integer("epochs", TrainConfig.EPOCHS, d.epochs());
        TrainOptions o = options(v, epochs);
        boolean fixed = o.selection() == Selection.LAST;   // a fixed budget never stops early: patience 0 unless the file says otherwise
        int patience = v.integer("patience", TrainConfig.PATIENCE, fixed ? 0 : d.patience());
        if (fixed && patience != 0) throw v.error("patience", "0 under selection=last (a fixed budget runs to its last epoch)");
        return new TrainConfig(epochs, v.integer("batch", TrainConfig.BATCH, d.batch()), v.decimal("lr", TrainConfig.LEARNING_RATE, d.learningRate()),
                patience, v.decimal("lr_factor", TrainConfig.LR_FACTOR, d.lrFactor()),
                v.integer("lr_patience", TrainConfig.LR_PATIENCE, d.lrPatience()), 0, v.integer("epoch_copies", TrainConfig.EPOCH_COPIES, d.epochCopies()), o);
    }

    /**
     * Keys of the training options beyond the paper's recipe ({@link TrainOptions}), each off when absent:
     * {@code label_smoothing} (ε), {@code specaugment} (time masks, their max width in frames, channel masks, their max
     * width in channels: {@code 2,20,2,8}), {@code mixup_alpha}, {@code weight_decay} (AdamW's λ), {@code lr_schedule}
     * ({@code plateau} or {@code warmup-cosine}), {@code warmup_epochs} (fewer than {@code epochs}, warmup-cosine
     * only) and {@code selection} ({@code val_ua}, or {@code last}: a fixed budget, warmup-cosine with patience 0,
     * {@link Selection}) ({@link #OPTION_KEYS}).
     */
    static TrainOptions options(ConfigValues v, int epochs) {
        TrainOptions.SpecAugment a = TrainOptions.SpecAugment.NONE;
        if (v.has("specaugment")) {
            String allowed = "four integers (time masks, max frames, channel masks, max channels), each "
                    + TrainOptions.SpecAugment.COUNT.describe().replaceFirst("^an integer ", "") + ", a mask count and its width both 0 or both positive";
            String[] f = v.raw("specaugment").split(",", -1);
            if (f.length != 4) throw v.error("specaugment", allowed);
            int[] n = new int[4];
            for (int i = 0; i < 4; i++) {
                try {
                    n[i] = Integer.parseInt(f[i].trim());
                } catch (NumberFormatException e) {
                    throw v.error("specaugment", allowed);
                }
            }
            try {
                a = new TrainOptions.SpecAugment(n[0], n[1], n[2], n[3]);
            } catch (IllegalArgumentException e) {   // out of range, or a count without its width
                throw v.error("specaugment", allowed);
            }
        }
        TrainOptions.Schedule s = TrainOptions.Schedule.of(v.choice("lr_schedule", TrainOptions.Schedule.keys(), TrainOptions.Schedule.PLATEAU.key()));
        int warmup = 0;
        if (s == TrainOptions.Schedule.WARMUP_COSINE) warmup = v.integer("warmup_epochs", Range.integers(0, epochs - 1), 0);
        else if (v.has("warmup_epochs") && !v.raw("warmup_epochs").equals("0"))
            throw v.error("warmup_epochs", "0 or absent under lr_schedule=" + s.key() + " (warm-up belongs to lr_schedule=warmup-cosine)");
        Selection keep = Selection.of(v.choice("selection", Selection.keys(), Defaults.SELECTION));
        if (keep == Selection.LAST && s != TrainOptions.Schedule.WARMUP_COSINE)
            throw v.error("selection", Defaults.SELECTION + ", or last with lr_schedule=warmup-cosine (a fixed budget; lr_schedule is " + s.key() + ")");
        return new TrainOptions(v.decimal("label_smoothing", TrainOptions.LABEL_SMOOTHING, 0), a, v.decimal("mixup_alpha", TrainOptions.MIXUP_ALPHA, 0),
                v.decimal("weight_decay", TrainOptions.WEIGHT_DECAY, 0), s, warmup, keep);
    }

    /** The split constants: the protocol's defaults, overridden by the split keys that protocol uses (others are errors). */
    static SplitSpec split(ConfigValues v, Protocol protocol, String corpus, Path dir) {
        for (String k : SplitSpec.KEYS)
            if (v.has(k) && !SplitSpec.applies(k).contains(protocol))
                throw v.error(k, "absent: it has no effect under " + protocol + " (it applies to " + SplitSpec.applies(k) + ")");
        SplitSpec d = Defaults.split(protocol, corpus);   // URDU: its committed speaker folds unless fold_set names others
        return new SplitSpec(v.longInteger(SplitSpec.FOLD_SEED, SplitSpec.SEED, d.foldSeed()), v.decimal(SplitSpec.VALIDATION_FRACTION, SplitSpec.FRACTION,
                d.validationFraction()), v.longInteger(SplitSpec.VALIDATION_SEED, SplitSpec.SEED, d.validationSeed()),
                v.decimal(SplitSpec.TEST_FRACTION, SplitSpec.FRACTION, d.testFraction()), foldSet(v, corpus, dir, d.foldSet()));
    }

    /**
     * The fold set of {@code fold_set}: a published set the corpus offers, by its name, or a fold file (a path ending
     * in {@code .csv}, relative to {@code dir}, read and checked now: {@link FoldFile#read}).
     */
    static FoldSet foldSet(ConfigValues v, String corpus, Path dir, FoldSet def) {
        String s = v.raw(SplitSpec.FOLD_SET);
        if (s == null) return def;
        List<PublishedFoldSet> offered = Corpora.definition(corpus).foldSets();
        String file = "a fold file (a path ending in .csv, relative to " + v.where() + ")";
        if (FoldSet.keys().contains(s)) {
            PublishedFoldSet set = FoldSet.named(s);
            if (!offered.contains(set))
                throw v.error(SplitSpec.FOLD_SET, (offered.isEmpty() ? file + ": " + corpus + " has no published fold sets (its speaker folds are drawn with '"
                        + SplitSpec.FOLD_SEED + "')" : "one of " + String.join(", ", offered.stream().map(FoldSet::key).toList()) + " or " + file));
            return set;
        }
        if (s.endsWith(".csv")) return FoldFile.read(dir.resolve(s).normalize());
        throw v.error(SplitSpec.FOLD_SET, ConfigValues.oneOf(s, FoldSet.keys()) + ", or " + file);
    }

    /**
     * The most folds {@code protocol} has under {@code split} on {@code corpus} as far as is known before the corpus is
     * read: one for the random splits, a fold set's size, the corpus policy's {@link CorpusLoader#SPEAKER_FOLDS};
     * leave-one-speaker-out has one per speaker, known only then ({@link Integer#MAX_VALUE} here).
     */
    static int foldLimit(Protocol protocol, SplitSpec split, String corpus) {
        return switch (protocol) {
            case PAPER_STYLE, AUGMENT_AFTER_RANDOM_SPLIT -> 1;
            case SPEAKER_INDEPENDENT -> Corpora.foldsFrom(corpus, split.foldSet()) ? split.foldSet().size() : CorpusLoader.SPEAKER_FOLDS;
            case LEAVE_ONE_SPEAKER_OUT, CROSS_CORPUS -> Integer.MAX_VALUE;
        };
    }

    /** The number of folds to run under {@code folds}: 0 (every fold) up to {@link #foldLimit}, {@code def} when absent. */
    static int folds(ConfigValues v, Protocol protocol, SplitSpec split, String corpus, int def) {
        int limit = foldLimit(protocol, split, corpus);
        if (limit == Integer.MAX_VALUE) return v.integer("folds", Range.integersFrom(0), def);   // one per speaker: checked at planning
        Range r = Range.integers(0, limit);
        String has = limit == 1 ? "has one fold"
                : Corpora.foldsFrom(corpus, split.foldSet()) ? "with fold set " + split.foldSet().key() + " has " + limit + " folds"
                : "has at most " + limit + " folds";
        String allowed = r.describe() + " (0: every fold; " + protocol + " on " + corpus + " " + has + ")";
        String given = v.raw("folds");
        if (given == null) return def;
        try {
            int n = Integer.parseInt(given);
            if (r.contains(n)) return n;
        } catch (NumberFormatException e) {
            throw v.error("folds", allowed);
        }
        throw v.error("folds", allowed);
    }

    /** The training seeds under key {@code seeds}: distinct integers ≥ 0, comma-separated (shared with ablation designs). */
    static List<Long> seeds(ConfigValues v, List<Long> def) { return v.integers("seeds", TrainConfig.SEED, def); }

    /**
     * The experiment {@code cfg} on the fold set of {@code file} (a reviewer's own partition), as experiment
     * {@code <name>-<file stem>} so that its runs never mix with the recipe's own.
     *
     * @throws ConfigurationException when the file is not a valid fold file ({@link FoldFile#read}), the protocol is not
     *         speaker-independent, or the experiment runs more folds than the file has
     */
    public static ExperimentConfig withFoldFile(ExperimentConfig cfg, Path file) {
        FoldFile set = FoldFile.read(file);
        if (cfg.protocol() != Protocol.SPEAKER_INDEPENDENT)
            throw new ConfigurationException(file + ": a fold file gives speaker-independent folds, but experiment " + cfg.name() + " is " + cfg.protocol());
        if (cfg.folds() > set.size())
            throw new ConfigurationException(file + ": experiment " + cfg.name() + " runs folds=" + cfg.folds() + ", the file has " + set.size());
        String stem = file.getFileName().toString().replaceFirst("\\.csv$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return cfg.with(cfg.name() + "-" + stem, cfg.split().withFoldSet(set));
    }
}
