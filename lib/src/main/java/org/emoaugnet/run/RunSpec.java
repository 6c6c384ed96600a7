package org.emoaugnet.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.model.TrainOptions;

/**
 * Everything that determines one training run's numbers, and nothing else: which recordings ({@link DataManifest}),
 * the class set, feature and window parameters, the layout, the augmentation recipe and its seed, the protocol, fold
 * and split constants, the test corpus and normalisation (cross-corpus runs), model preset and activation, the full training
 * configuration, the training seed, and the native thread count. The experiment's name is a label for humans and is
 * not part of it.
 *
 * <p>{@link #canonical()} is a sorted {@code key=value} text; {@link #sha256()} hashes it. A run is identified by
 * that hash: the runner reuses a finished run only when its recorded hash equals the new one, so any change of any
 * field trains anew. Composite parameters (features, recipe, class set) enter as their canonical key strings, which
 * name every parameter (see {@code FeatureSpec.key()}, {@code Recipe.key()}, {@link #classSetKey}).
 *
 * @param kind            {@code within} (train and test on one corpus under {@code protocol}) or {@code cross-corpus}
 * @param corpus          the training corpus
 * @param testCorpus      the corpus the test side comes from (= {@code corpus} for {@code within})
 * @param data            the recordings the run used
 * @param classSet        class set name, classes in index order and the emotion mapping ({@link #classSetKey})
 * @param features        {@code FeatureSpec.key()}: extraction parameters and clip window
 * @param layout          how a clip becomes a network input ({@code SEQUENCE}, {@code FLAT})
 * @param recipe          {@code Recipe.key()}: the augmented copies of each training recording
 * @param augmentationSeed seed of the augmentations' random draws
 * @param protocol        how recordings and rows are split ({@code CROSS_CORPUS} for cross-corpus runs)
 * @param fold            the fold's name ({@code fold-3}, {@code paper-style}, {@code random-80-20}, {@code cross})
 * @param split           the split constants (validation share and seed, fold seed, test share); in {@link #fields} as
 *                        {@code split.*} only where they differ from the protocol's defaults ({@link SplitSpec#fields})
 * @param normalisation   how features are standardised ({@code TRAIN_SCALER}, {@code PER_CORPUS}, {@code PER_SPEAKER})
 * @param model           model preset
 * @param activation      {@code relu} or {@code elu}
 * @param training        epoch cap, batch, learning rate, patience, plateau schedule (its seed field is not used)
 * @param selection       the validation metric that selects the epoch and drives patience and the schedule
 * @param seed            training seed (initialisation, shuffling, dropout, random splits)
 * @param threads         native (OpenMP) threads per run
 * @param network         {@code ModelFactory.REVISION}: how the preset became layers (null in run-spec/1 records)
 * @param trainer         {@code Trainer.ENGINE}: the code that trained it (null in run-spec/1 records, which DL4J's own
 *                        {@code fit} trained)
 * @param evaluation      for kind {@value #EVALUATION} (a trained model's run scored on degraded test speech): the
 *                        degradation, with every other field the evaluated run's ({@link #source}); null for a run
 *                        that trains. In {@link #fields} as {@code evaluation.*} only for that kind, so no other
 *                        spec's hash changes.
 */
public record RunSpec(String kind, String corpus, String testCorpus, DataManifest data, String classSet, String features, String layout,
                      String recipe, long augmentationSeed, Protocol protocol, String fold, SplitSpec split, String normalisation, String model,
                      String activation, TrainConfig training, String selection, long seed, String threads, String network, String trainer,
                      Evaluation evaluation) {
    /** The kind of an evaluation spec. */
    public static final String EVALUATION = "evaluation";

    /**
     * What an evaluation adds to the evaluated run's spec: the kind of that run ({@code within}), the test condition's
     * name (a label; also the folder name {@code eval-<condition>}), the degradation's canonical key ({@code none} for
     * clean speech; {@code Augmentation.key()}, which names every parameter, a babble pool by its hash) and the seed of
     * the degradation's random draws. The evaluated run's spec hash enters {@link #fields} as
     * {@code evaluation.source_sha256}, derived, never stored apart.
     */
    public record Evaluation(String of, String condition, String degradation, long degradationSeed) {
        public Evaluation {
            if (!of.equals("within")) throw new IllegalArgumentException("evaluations of '" + of + "' runs are not supported (within)");
        }
    }

    /** The format of {@link #canonical()}; bump when a field is added or its meaning changes. */
    public static final String VERSION = "run-spec/2";

    /** The first format, without {@code network} and {@code trainer}: still read (committed records), never written. */
    public static final String VERSION_1 = "run-spec/1";

    /** The only selection metric the trainer implements: unweighted accuracy on the validation set. */
    public static final String SELECTION = "val_ua";

    public RunSpec {
        training = training.withSeed(0);   // the training seed is its own field
        if ((network == null) != (trainer == null)) throw new IllegalArgumentException("network and trainer revisions go together");
        if (kind.equals(EVALUATION) != (evaluation != null))
            throw new IllegalArgumentException("a spec of kind '" + kind + "' " + (evaluation == null ? "lacks" : "cannot have") + " an evaluation");
    }

    /** A spec of a run that trains (no evaluation). */
    public RunSpec(String kind, String corpus, String testCorpus, DataManifest data, String classSet, String features, String layout,
                   String recipe, long augmentationSeed, Protocol protocol, String fold, SplitSpec split, String normalisation, String model,
                   String activation, TrainConfig training, String selection, long seed, String threads, String network, String trainer) {
        this(kind, corpus, testCorpus, data, classSet, features, layout, recipe, augmentationSeed, protocol, fold, split, normalisation, model,
                activation, training, selection, seed, threads, network, trainer, null);
    }

    /** The evaluation of the run {@code source} under {@code e} (its fields, kind {@value #EVALUATION}, and {@code e}). */
    public static RunSpec evaluation(RunSpec source, Evaluation e) {
        if (!source.kind().equals(e.of())) throw new IllegalArgumentException("an evaluation of a '" + e.of() + "' run, given a '" + source.kind() + "' run");
        RunSpec s = source;
        return new RunSpec(EVALUATION, s.corpus, s.testCorpus, s.data, s.classSet, s.features, s.layout, s.recipe, s.augmentationSeed, s.protocol, s.fold,
                s.split, s.normalisation, s.model, s.activation, s.training, s.selection, s.seed, s.threads, s.network, s.trainer, e);
    }

    /** Whether this is an evaluation's spec ({@link #evaluation} not null). */
    public boolean evaluates() { return evaluation != null; }

    /** The spec of the run an evaluation scores: every field but the evaluation's, of kind {@link Evaluation#of}. */
    public RunSpec source() {
        if (evaluation == null) throw new IllegalStateException("not an evaluation's spec");
        return new RunSpec(evaluation.of(), corpus, testCorpus, data, classSet, features, layout, recipe, augmentationSeed, protocol, fold, split, normalisation,
                model, activation, training, selection, seed, threads, network, trainer);
    }

    /** A run-spec/1 specification (from a record written before the network and trainer revisions were recorded). */
    public boolean legacy() { return network == null; }

    /** The canonical text: {@code version} then one sorted {@code key=value} line per field. */
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        fields().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /** SHA-256 of {@link #canonical()}, hex. */
    public String sha256() { return sha256(canonical()); }

    /** The first 12 hex digits of {@link #sha256()}, for folder names and log lines. */
    public String shortHash() { return sha256().substring(0, 12); }

    /** Every field as sorted {@code key → value} (the data manifest as {@code data.*}, the training settings as {@code training.*}). */
    public Map<String, String> fields() {
        Map<String, String> m = new TreeMap<>();
        m.put("version", legacy() ? VERSION_1 : VERSION);
        if (!legacy()) {
            m.put("network", network);
            m.put("trainer", trainer);
        }
        m.put("kind", kind);
        m.put("corpus", corpus);
        m.put("test_corpus", testCorpus);
        m.put("data.corpora", data.corpora());
        m.put("data.recordings", String.valueOf(data.recordings()));
        m.put("data.sha256", data.sha256());
        m.put("class_set", classSet);
        m.put("features", features);
        m.put("layout", layout);
        m.put("recipe", recipe);
        m.put("augmentation_seed", String.valueOf(augmentationSeed));
        m.put("protocol", protocol.name());
        m.put("fold", fold);
        m.putAll(split.fields(protocol));   // absent: the protocol's defaults (older specs keep their hashes)
        m.put("normalisation", normalisation);
        m.put("model", model);
        m.put("activation", activation);
        m.put("training.epochs", String.valueOf(training.epochs()));
        m.put("training.batch", String.valueOf(training.batch()));
        m.put("training.learning_rate", num(training.learningRate()));
        m.put("training.patience", String.valueOf(training.patience()));
        m.put("training.lr_factor", num(training.lrFactor()));
        m.put("training.lr_patience", String.valueOf(training.lrPatience()));
        m.put("training.selection", selection);
        if (training.epochCopies() != 0) m.put("training.epoch_copies", String.valueOf(training.epochCopies()));   // absent: one pass (older specs keep their hashes)
        // the options beyond the paper's recipe, each only when used (absent: off; older specs keep their hashes)
        TrainOptions o = training.options();
        if (o.labelSmoothing() != 0) m.put("training.label_smoothing", num(o.labelSmoothing()));
        if (o.specAugment().on()) {
            TrainOptions.SpecAugment a = o.specAugment();
            m.put("training.specaugment", a.timeMasks() + "," + a.maxTimeWidth() + "," + a.channelMasks() + "," + a.maxChannelWidth());
        }
        if (o.mixupAlpha() != 0) m.put("training.mixup_alpha", num(o.mixupAlpha()));
        if (o.weightDecay() != 0) m.put("training.weight_decay", num(o.weightDecay()));
        if (o.schedule() != TrainOptions.Schedule.PLATEAU) {
            m.put("training.schedule", o.schedule().key());
            m.put("training.warmup_epochs", String.valueOf(o.warmupEpochs()));
        }
        m.put("seed", String.valueOf(seed));
        m.put("threads", threads);
        if (evaluation != null) {
            m.put("evaluation.of", evaluation.of());
            m.put("evaluation.source_sha256", source().sha256());
            m.put("evaluation.condition", evaluation.condition());
            m.put("evaluation.degradation", evaluation.degradation());
            m.put("evaluation.degradation_seed", String.valueOf(evaluation.degradationSeed()));
        }
        return m;
    }

    /** Reads a spec back from {@link #fields()} (as stored in a run record). */
    public static RunSpec fromFields(Map<String, String> f) {
        String v = f.get("version");
        if (!VERSION.equals(v) && !VERSION_1.equals(v))
            throw new IllegalArgumentException("run spec version '" + v + "', expected '" + VERSION + "' or '" + VERSION_1 + "'");
        boolean v1 = VERSION_1.equals(v);
        TrainConfig t = new TrainConfig(Integer.parseInt(need(f, "training.epochs")), Integer.parseInt(need(f, "training.batch")),
                Double.parseDouble(need(f, "training.learning_rate")), Integer.parseInt(need(f, "training.patience")),
                Double.parseDouble(need(f, "training.lr_factor")), Integer.parseInt(need(f, "training.lr_patience")), 0,
                Integer.parseInt(f.getOrDefault("training.epoch_copies", "0")), options(f));
        Evaluation e = !EVALUATION.equals(f.get("kind")) ? null
                : new Evaluation(need(f, "evaluation.of"), need(f, "evaluation.condition"), need(f, "evaluation.degradation"),
                        Long.parseLong(need(f, "evaluation.degradation_seed")));
        RunSpec s = new RunSpec(need(f, "kind"), need(f, "corpus"), need(f, "test_corpus"),
                new DataManifest(need(f, "data.corpora"), Integer.parseInt(need(f, "data.recordings")), need(f, "data.sha256")),
                need(f, "class_set"), need(f, "features"), need(f, "layout"), need(f, "recipe"), Long.parseLong(need(f, "augmentation_seed")),
                Protocol.valueOf(need(f, "protocol")), need(f, "fold"), SplitSpec.fromFields(f, Protocol.valueOf(need(f, "protocol"))), need(f, "normalisation"), need(f, "model"), need(f, "activation"), t,
                need(f, "training.selection"), Long.parseLong(need(f, "seed")), need(f, "threads"), v1 ? null : need(f, "network"),
                v1 ? null : need(f, "trainer"), e);
        if (e != null && !s.source().sha256().equals(need(f, "evaluation.source_sha256")))
            throw new IllegalArgumentException("evaluation.source_sha256 " + f.get("evaluation.source_sha256") + " is not the hash of the evaluated run's fields ("
                    + s.source().sha256() + ")");
        return s;
    }

    /** The training options of stored fields: each absent one off. */
    static TrainOptions options(Map<String, String> f) {
        TrainOptions.SpecAugment a = TrainOptions.SpecAugment.NONE;
        if (f.containsKey("training.specaugment")) {
            String[] v = f.get("training.specaugment").split(",");
            if (v.length != 4) throw new IllegalArgumentException("training.specaugment '" + f.get("training.specaugment") + "': four integers expected");
            a = new TrainOptions.SpecAugment(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]), Integer.parseInt(v[3]));
        }
        TrainOptions.Schedule schedule = TrainOptions.Schedule.of(f.getOrDefault("training.schedule", TrainOptions.Schedule.PLATEAU.key()));
        return new TrainOptions(Double.parseDouble(f.getOrDefault("training.label_smoothing", "0")), a,
                Double.parseDouble(f.getOrDefault("training.mixup_alpha", "0")), Double.parseDouble(f.getOrDefault("training.weight_decay", "0")),
                schedule, Integer.parseInt(f.getOrDefault("training.warmup_epochs", "0")));
    }

    /** The same spec with another data manifest. */
    public RunSpec withData(DataManifest d) {
        return new RunSpec(kind, corpus, testCorpus, d, classSet, features, layout, recipe, augmentationSeed, protocol, fold, split, normalisation, model,
                activation, training, selection, seed, threads, network, trainer, evaluation);
    }

    /**
     * Whether {@code other} describes the same run apart from which recordings it used and the native thread count.
     * Readers that have no corpus at hand (the ledger, reports on committed records) select runs with this; the
     * runner, which has the data, compares full hashes.
     */
    public boolean sameDesign(RunSpec other) {
        return withData(DataManifest.ANY).withThreads("*").equals(other.withData(DataManifest.ANY).withThreads("*"));
    }

    /**
     * Whether {@code other} is a run-spec/1 record of this design: {@link #sameDesign} apart from the network and
     * trainer revisions, which such records predate. Reports fall back to these runs, labelled, until an experiment is
     * re-run.
     */
    public boolean sameDesignBeforeRevisions(RunSpec other) {
        if (!other.legacy()) return false;
        Map<String, String> a = withData(DataManifest.ANY).withThreads("*").fields(), b = other.withData(DataManifest.ANY).withThreads("*").fields();
        for (String k : java.util.List.of("version", "network", "trainer")) { a.remove(k); b.remove(k); }
        return a.equals(b);
    }

    /**
     * The spec as a run made now would record it: over {@code d}, with this process's native thread count
     * ({@link #threadsOfThisProcess}) and the current network and trainer revisions. A spec a design just made is
     * returned as it is; a recorded one (perhaps run-spec/1) becomes the spec of its re-run.
     */
    public RunSpec current(DataManifest d) {
        return new RunSpec(kind, corpus, testCorpus, d, classSet, features, layout, recipe, augmentationSeed, protocol, fold, split, normalisation, model,
                activation, training, selection, seed, threadsOfThisProcess(), org.emoaugnet.model.ModelFactory.REVISION, org.emoaugnet.model.Trainer.ENGINE,
                evaluation);
    }

    /** The same spec with another thread count. */
    public RunSpec withThreads(String t) {
        return new RunSpec(kind, corpus, testCorpus, data, classSet, features, layout, recipe, augmentationSeed, protocol, fold, split, normalisation, model,
                activation, training, selection, seed, t, network, trainer, evaluation);
    }

    /** A class set as one string: name, classes in index order, and every emotion's class. */
    public static String classSetKey(ClassSet cs) {
        Map<String, String> m = new TreeMap<>();
        cs.mapping().forEach((e, c) -> m.put(e.name(), c));
        return cs.name() + "[" + String.join(",", cs.classes()) + "]" + m;
    }

    /** The native thread count of runs in this process: {@code OMP_NUM_THREADS}, else "unset". */
    public static String threadsOfThisProcess() {
        String t = System.getenv("OMP_NUM_THREADS");
        return t == null || t.isBlank() ? "unset" : t.trim();
    }

    public static String sha256(String text) { return org.emoaugnet.util.Sha256.of(text); }

    /** Shortest round-trip decimal text of a double ("0.001", "0.5"). */
    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
    }

    private static String need(Map<String, String> f, String k) {
        String v = f.get(k);
        if (v == null) throw new IllegalArgumentException("run spec lacks '" + k + "'");
        return v;
    }

    /** An ordered copy of {@link #fields()} for display. */
    public Map<String, String> describe() { return new LinkedHashMap<>(fields()); }
}
