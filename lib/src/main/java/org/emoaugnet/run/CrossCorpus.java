package org.emoaugnet.run;

import org.emoaugnet.data.loaders.Corpora;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Emotion;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.Splits;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureSet;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.features.RowSplit;
import org.emoaugnet.features.Scaler;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.model.Trainer;

/**
 * Train on corpus X, test on corpus Y, over the emotions both share. Validation comes from held-out speakers of X;
 * augmentation applies to X's training speakers only; Y is never seen in training. Three ways to normalise the
 * features: a scaler fitted on X's training rows applied everywhere ({@code TRAIN_SCALER}, the usual choice), each
 * corpus standardised by its own statistics ({@code PER_CORPUS}: Y's scaler is fitted on Y's unlabelled test
 * features, a transductive step), or every speaker by their own ({@code PER_SPEAKER}). One run record per
 * (pair, activation, recipe, normalisation, seed) under {@code runs/<name>/seed<s>/}; finished runs are read back.
 */
public final class CrossCorpus {
    public enum Normalisation { TRAIN_SCALER, PER_CORPUS, PER_SPEAKER }

    /**
     * One cell; {@code features} other than the public pipeline's adds a window tag to the name (e.g. "-onset1.5s").
     * Of {@code split} a cross-corpus run uses the validation share of the training corpus's speakers, drawn with the
     * training seed.
     */
    public record Config(String train, String test, String model, String activation, Recipe recipe, Normalisation normalisation,
                         FeatureSpec features, TrainConfig training, long seed, SplitSpec split) {
        /** A cell with the default split constants ({@link Defaults#split}). */
        public Config(String train, String test, String model, String activation, Recipe recipe, Normalisation normalisation, FeatureSpec features,
                      TrainConfig training, long seed) {
            this(train, test, model, activation, recipe, normalisation, features, training, seed, Defaults.split(Protocol.CROSS_CORPUS));
        }

        /**
         * The spec of this cell over class set {@code cs} and the recordings {@code data} (both corpora), with the engine
         * of its experiment ({@link RunSpec.Engine#forExperiment} of {@link #experimentName}).
         */
        public RunSpec spec(ClassSet cs, DataManifest data) {
            return new RunSpec.Across(new RunSpec.Corpora(train, test, data, RunSpec.classSetKey(cs)),
                    new RunSpec.Inputs(features.key(), Dataset.Layout.SEQUENCE, recipe.key(), ExperimentRunner.AUGMENTATION_SEED, normalisation.name()),
                    new RunSpec.Partition(Protocol.CROSS_CORPUS, "cross", split), new RunSpec.Architecture(model, activation),
                    RunSpec.Learning.of(training, seed), RunSpec.Engine.forExperiment(experimentName(this, cs)));
        }

        /** The same cell with training seed {@code s} (a grid cell's repetitions: folders {@code seed<s>} of one experiment). */
        public Config withSeed(long s) { return new Config(train, test, model, activation, recipe, normalisation, features, training, s, split); }

        /** Whether the training side pools several corpora (leave-one-corpus-out, {@link #pooledName}). */
        public boolean leavesOneOut() { return isPooled(train); }

        public String name() {
            return "cross-" + train + "-to-" + test + "-" + activation + "-aug-" + recipe.name() + "-" + normalisation.name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + windowTag(features);
        }
    }

    /** "" for the public pipeline's window, else a short tag of the window (part of experiment names). */
    public static String windowTag(FeatureSpec f) {
        if (f.equals(FeatureSpec.publicPipeline())) return "";
        var w = f.window();
        return "-" + (w.fromOnset() ? "onset" : "at" + w.offset()) + (w.fixedLength() ? w.duration() + "s" : "-whole");
    }

    private CrossCorpus() {}

    /** Joins the corpora of a pooled training corpus's name ({@code emodb-2s+ravdess+savee}). */
    public static final String POOL = "+";

    /**
     * The name of several corpora pooled as one training corpus (leave-one-corpus-out: train on every corpus but the
     * test corpus): their names sorted and joined by {@link #POOL}, e.g. {@code emodb-2s+ravdess+savee}. A run spec
     * names its training side so ({@code corpus=emodb-2s+ravdess+savee}); {@link CorpusSource#corpus} opens it.
     *
     * @throws IllegalArgumentException for fewer than two corpora, a repeated one, or a name that is pooled itself
     */
    public static String pooledName(List<String> corpora) {
        java.util.TreeSet<String> sorted = new java.util.TreeSet<>(corpora);
        if (sorted.size() < 2 || sorted.size() != corpora.size())
            throw new IllegalArgumentException("a pooled training corpus is two or more distinct corpora, not " + corpora);
        for (String c : sorted) if (isPooled(c) || c.isBlank()) throw new IllegalArgumentException("'" + c + "' cannot be pooled (in " + corpora + ")");
        return String.join(POOL, sorted);
    }

    /** Whether {@code corpus} names several corpora pooled ({@link #pooledName}). */
    public static boolean isPooled(String corpus) { return corpus.contains(POOL); }

    /** The corpora a (pooled) corpus name stands for: itself, or each of a pooled name's, in name order. */
    public static List<String> parts(String corpus) {
        return isPooled(corpus) ? List.of(corpus.split(java.util.regex.Pattern.quote(POOL))) : List.of(corpus);
    }

    /**
     * The recordings of {@code corpora} as one training corpus named {@link #pooledName}: every recording keeps its
     * own corpus, so its key ({@code corpus/id}), its speaker's identity ({@code corpus/speaker}) and its class stay
     * what they are in its corpus.
     */
    public static Corpus pool(List<Corpus> corpora) {
        String name = pooledName(corpora.stream().map(Corpus::name).toList());
        List<Utterance> all = new ArrayList<>();
        Map<String, String> info = new LinkedHashMap<>();
        List<Corpus> byName = new ArrayList<>(corpora);
        byName.sort(java.util.Comparator.comparing(Corpus::name));   // one order whatever the order given (equal ids: by corpus name)
        for (Corpus c : byName) all.addAll(c.utterances());
        info.put("pooled", String.join(", ", parts(name)));
        return new Corpus(name, byName.get(0).root(), all, info);
    }

    /** The run folder of a configuration over a class set. */
    public static String experimentName(Config cfg, ClassSet cs) { return cfg.name() + "-" + cs.name(); }

    /** The emotions two corpora's default class sets share, under their common class names, as one class set. */
    public static ClassSet shared(String a, String b) {
        ClassSet ca = Corpora.defaultClassSet(a), cb = Corpora.defaultClassSet(b);
        List<String> common = new ArrayList<>(ca.classes());
        common.retainAll(cb.classes());
        Map<Emotion, String> m = new EnumMap<>(Emotion.class);
        for (ClassSet c : List.of(ca, cb))
            c.mapping().forEach((e, name) -> { if (common.contains(name)) m.put(e, name); });
        return new ClassSet("shared-" + a + "-" + b, "classes shared by " + ca.name() + " and " + cb.name() + ": " + common, m);
    }

    /** The same recordings under another corpus name (a second synthetic corpus standing in for a second language). */
    public static Corpus renamed(Corpus c, String name) {
        List<Utterance> us = c.utterances().stream().map(u -> new Utterance(u.id(), u.path(), name, u.speaker(), u.gender(), u.label(), u.emotion(), u.meta())).toList();
        return new Corpus(name, c.root(), us, c.info());
    }

    /** Runs (or reads back) one configuration over the classes the two corpora share; returns its run record. */
    public static RunRecord run(Config cfg, Corpus x, Corpus y, FeatureCache cache, Path runsRoot) throws IOException {
        return run(cfg, shared(cfg.train(), cfg.test()), x, y, cache, runsRoot);
    }

    /** Runs (or reads back) one configuration over the classes of {@code cs}; returns its run record. */
    public static RunRecord run(Config cfg, ClassSet cs, Corpus x, Corpus y, FeatureCache cache, Path runsRoot) throws IOException {
        return Runner.runOrResume(new SpecJobs(cache, runsRoot).job(planned(cfg, cs, x, y)));
    }

    /** The run of one configuration over the classes of {@code cs}, planned: its spec over the recordings of both corpora. */
    public static PlannedRun planned(Config cfg, ClassSet cs, Corpus x, Corpus y) {
        if (parts(cfg.train()).contains(cfg.test()))
            throw new IllegalArgumentException(cfg.name() + ": the test corpus " + cfg.test() + " is among the training corpora " + parts(cfg.train()));
        List<Utterance> both = new ArrayList<>(cs.apply(x).utterances());
        both.addAll(cs.apply(y).utterances());
        return new PlannedRun(experimentName(cfg, cs), cfg.spec(cs, DataManifest.of(both)), List.of(x, y));
    }

    /**
     * Trains the cross-corpus run of {@code spec} on the training corpus's recordings {@code xs} (features {@code fx},
     * augmented by the spec's recipe) and tests it on the test corpus's {@code ys} (features {@code fy}, unaugmented)
     * into {@code runDir}.
     */
    static Runner.Computed compute(String experiment, RunSpec.Across spec, SpecJobs.Parts parts, List<Utterance> xs, List<Utterance> ys, FeatureSet fx, FeatureSet fy,
                                   Path runDir) throws IOException {
        ClassSet cs = parts.classSet();
        List<String> classes = cs.classes();
        long seed = spec.seed();
        Fold fold = fold(experiment, spec, cs, xs, ys);
        List<FeatureSet.Row> all = new ArrayList<>(fx.rows());
        all.addAll(fy.rows());
        FeatureSet set = new FeatureSet(parts.features(), all);
        RowSplit rows = RowSplit.afterSplit(set, fold);
        java.util.function.ToIntFunction<FeatureSet.Row> label = r -> classes.indexOf(cs.classOf(r.source()));
        Dataset.Layout layout = parts.layout();
        Dataset train, val, test;
        Scaler xScaler = Dataset.fitScaler(set, rows.train(), layout);
        switch (spec.crossNormalisation()) {
            case TRAIN_SCALER -> {
                train = Dataset.of(set, rows.train(), layout, xScaler, label);
                val = Dataset.of(set, rows.validation(), layout, xScaler, label);
                test = Dataset.of(set, rows.test(), layout, xScaler, label);
            }
            case PER_CORPUS -> {
                train = Dataset.of(set, rows.train(), layout, xScaler, label);
                val = Dataset.of(set, rows.validation(), layout, xScaler, label);
                test = Dataset.of(set, rows.test(), layout, Dataset.fitScaler(set, rows.test(), layout), label);
            }
            default -> {
                train = perSpeaker(set, rows.train(), layout, label);
                val = perSpeaker(set, rows.validation(), layout, label);
                test = perSpeaker(set, rows.test(), layout, label);
            }
        }
        ModelConfig model = spec.architecture().config();
        Trainer.Result r = ExperimentRunner.fit(model, train, val, test, classes, spec.training().withSeed(seed), runDir);
        ExperimentRunner.Outcome o = ExperimentRunner.Outcome.of(r, test, classes, seed);
        o.save(runDir);
        if (org.emoaugnet.util.Progress.shown()) System.err.printf("%s seed %d: test WA %.4f UA %.4f%n", experiment, seed, o.metrics().wa(), o.metrics().ua());
        SplitSides sides = SplitSides.ofRows(SplitSides.foldSetOf(spec), set, rows.train(), rows.validation(), rows.test(), true);
        return o.computed(new RunRecord.Split(rows.summary(set) + "; validation speakers from " + spec.corpus(), train.size(), val.size(), test.size(), sides), runDir);
    }

    /**
     * The fold of a cross-corpus run: every recording of the training corpus {@code xs} but its validation speakers
     * (drawn with the run's seed), tested on {@code ys}. A pooled training corpus ({@link #isPooled}) draws its
     * validation speakers within each of its corpora ({@link Splits#withValidationPerCorpus}).
     */
    public static Fold fold(String experiment, RunSpec spec, ClassSet cs, List<Utterance> xs, List<Utterance> ys) {
        Fold all = new Fold(experiment, "train on " + spec.corpus() + ", test on " + spec.testCorpus(), xs, ys);
        return isPooled(spec.corpus()) ? Splits.withValidationPerCorpus(all, spec.split().validationFraction(), spec.seed())
                : Splits.withValidation(all, spec.split().validationFraction(), spec.seed(), true, cs::classOf);
    }

    /** Every speaker's rows standardised by a scaler fitted on that speaker's own rows of this subset. */
    static Dataset perSpeaker(FeatureSet set, List<Integer> rows, Dataset.Layout layout, java.util.function.ToIntFunction<FeatureSet.Row> label) {
        Map<String, List<Integer>> bySpeaker = new LinkedHashMap<>();
        for (int i : rows) bySpeaker.computeIfAbsent(set.rows().get(i).source().key().split("/")[0] + "/" + set.rows().get(i).source().speaker(), k -> new ArrayList<>()).add(i);
        List<float[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        int channels = 0, length = 0;
        for (List<Integer> part : bySpeaker.values()) {
            Dataset d = Dataset.of(set, part, layout, Dataset.fitScaler(set, part, layout), label);
            channels = d.channels();
            length = d.length();
            for (int i = 0; i < d.size(); i++) { x.add(d.x()[i]); y.add(d.y()[i]); keys.add(d.keys().get(i)); }
        }
        return new Dataset(x.toArray(new float[0][]), y.stream().mapToInt(Integer::intValue).toArray(), channels, length, keys);
    }
}
