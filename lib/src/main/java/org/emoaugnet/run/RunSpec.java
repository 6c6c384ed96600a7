package org.emoaugnet.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.features.SequenceNormalisation;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.model.TrainOptions;

/**
 * Everything that determines one run's numbers, and nothing else, as a small set of immutable types. The experiment's
 * name is a label for humans and is not part of it.
 *
 * <p><b>Variants.</b> A spec is one of three records, told apart by type (pattern matching, or {@link #kind()}, an
 * enum), never by comparing strings: {@link Within} (train and test on one corpus under a protocol), {@link Across}
 * (train on one corpus, test on another) and {@link Evaluated} (a trained within-corpus run's model scored on degraded
 * test speech: the evaluated run's spec, {@link Evaluated#source}, and the degradation, {@link Evaluation}).
 *
 * <p><b>Parts.</b> The two training variants are made of the same six parts, each a record that checks its own values:
 * {@link Corpora} (training and test corpus, the recordings' {@link DataManifest}, the class set), {@link Inputs}
 * (features, layout, augmentation recipe and seed, normalisation), {@link Partition} (protocol, fold, split constants),
 * {@link Architecture} (model preset and activation), {@link Learning} (training configuration, selection metric,
 * training seed) and {@link Engine} (the network and trainer revisions: what ran it). Composite
 * registry parameters (features, recipe, class set) are held as their canonical keys, which name every parameter (see
 * {@code FeatureSpec.key()}, {@code Recipe.key()}, {@link #classSetKey}); they are resolved into objects once, in one
 * place ({@link SpecJobs.Parts#of}), with an error naming the key. The layout is held as {@link Dataset.Layout}; the
 * normalisation's name is checked by the variant against the enum its runner uses. The readers' accessors
 * ({@link #corpus()}, {@link #features()}, {@link #seed()} …) read the parts.
 *
 * <p><b>Identity.</b> {@link #fields()} builds the sorted {@code key=value} map from the parts, {@link #canonical()}
 * is its text and {@link #sha256()} hashes it. A run is identified by that hash: the runner reuses a finished run only
 * when its recorded hash equals the new one, so any change of any field (the format's {@code version} and the
 * trainer's revision among them) trains anew. The field names and values are exactly those of the flat record this
 * type replaced, so every committed record reads back ({@link #fromFields}) to fields equal to the recorded ones and to
 * its recorded hash ({@code RunSpecRoundTripTest} checks all of them). Fields added after the first records enter only
 * when they differ from what those records used: {@code split.*} ({@link SplitSpec#fields}), {@code training.epoch_copies}
 * and the training options, and {@code evaluation.*} for evaluations only.
 *
 * <p><b>Formats.</b> {@link #VERSION} (run-spec/3) is the only one written. Its engine is the network and trainer
 * revisions; the native thread count left the spec, because the trainer's numbers are the same for any thread count
 * (the process's count stays recorded, as {@code provenance.threads}). Records of {@link #VERSION_2} (field
 * {@code threads} beside the revisions) and {@link #VERSION_1} ({@code threads}, no revisions) are read back with
 * their fields and hashes unchanged and never written; the format is told by the engine's fields
 * ({@link Engine#version}), so a spec read from an old record hashes as it was recorded and is never equal to a
 * run-spec/3 spec of the same run.
 */
public sealed interface RunSpec permits RunSpec.Trained, RunSpec.Evaluated {

    /**
     * The format of {@link #canonical()} every new run records: the engine without a thread count. Bump when a field is
     * added or its meaning changes.
     */
    String VERSION = "run-spec/3";

    /** The format with the native thread count in the engine ({@code threads}): still read (committed records), never written. */
    String VERSION_2 = "run-spec/2";

    /** The first format, with {@code threads} and without {@code network} and {@code trainer}: still read, never written. */
    String VERSION_1 = "run-spec/1";

    /** The kind of run, as field {@code kind} spells it. */
    enum Kind {
        WITHIN("within"), CROSS_CORPUS("cross-corpus"), EVALUATION("evaluation");

        private final String key;

        Kind(String key) { this.key = key; }

        /** The value of field {@code kind}. */
        public String key() { return key; }

        /** The kind whose {@link #key} is {@code key}; an error naming it otherwise. */
        public static Kind of(String key) {
            for (Kind k : values()) if (k.key.equals(key)) return k;
            throw new IllegalArgumentException("run spec kind '" + key + "' is none of " + java.util.Arrays.stream(values()).map(Kind::key).toList());
        }

        @Override public String toString() { return key; }
    }

    // ---------------------------------------------------------------- parts

    /**
     * Which recordings a run uses.
     *
     * @param corpus     the training corpus
     * @param testCorpus the corpus the test side comes from (= {@code corpus} within a corpus)
     * @param data       the recordings the run used
     * @param classSet   class set name, classes in index order and the emotion mapping ({@link #classSetKey})
     */
    record Corpora(String corpus, String testCorpus, DataManifest data, String classSet) {
        public Corpora {
            need("corpus", corpus);
            need("test corpus", testCorpus);
            need("class set", classSet);
            if (data == null) throw new IllegalArgumentException("run spec lacks its data manifest");
            if (!classSet.contains("[")) throw new IllegalArgumentException("class set '" + classSet + "' is not a class set key (name[classes]{mapping})");
        }

        /** One corpus, trained and tested on. */
        public static Corpora of(String corpus, DataManifest data, ClassSet classSet) { return new Corpora(corpus, corpus, data, classSetKey(classSet)); }

        public Corpora withData(DataManifest d) { return new Corpora(corpus, testCorpus, d, classSet); }
    }

    /**
     * What a recording becomes before the network sees it.
     *
     * @param features         {@code FeatureSpec.key()}: extraction parameters and clip window
     * @param layout           how a clip becomes a network input
     * @param recipe           {@code Recipe.key()}: the augmented copies of each training recording
     * @param augmentationSeed seed of the augmentations' random draws
     * @param normalisation    how features are standardised (an enum name: {@link SequenceNormalisation} within a
     *                         corpus, {@link CrossCorpus.Normalisation} across corpora; checked by the variant)
     */
    record Inputs(String features, Dataset.Layout layout, String recipe, long augmentationSeed, String normalisation) {
        public Inputs {
            need("features", features);
            need("recipe", recipe);
            need("normalisation", normalisation);
            if (layout == null) throw new IllegalArgumentException("run spec lacks its layout");
        }
    }

    /**
     * How recordings and rows are split.
     *
     * @param protocol the protocol ({@link Protocol#CROSS_CORPUS} across corpora)
     * @param fold     the fold's name ({@code fold-3}, {@code paper-style}, {@code random-80-20}, {@code cross})
     * @param split    the split constants; in {@link #fields} as {@code split.*} only where they differ from the
     *                 protocol's defaults ({@link SplitSpec#fields})
     */
    record Partition(Protocol protocol, String fold, SplitSpec split) {
        public Partition {
            if (protocol == null || split == null) throw new IllegalArgumentException("run spec lacks its protocol or split constants");
            need("fold", fold);
        }
    }

    /**
     * The network: a preset and an activation, each one of the names the model factory builds ({@link ModelConfig#PRESETS},
     * {@link ModelConfig#ACTIVATIONS}), checked here so that a spec never names a network that cannot be built.
     *
     * @param preset     model preset ({@link ModelConfig#preset})
     * @param activation the activation of its hidden layers ({@code relu}, {@code elu} …)
     */
    record Architecture(String preset, String activation) {
        public Architecture {
            need("model", preset);
            need("activation", activation);
            if (!ModelConfig.PRESETS.contains(preset))
                throw new IllegalArgumentException("model '" + preset + "' is none of the model presets " + ModelConfig.PRESETS);
            if (!ModelConfig.ACTIVATIONS.contains(activation))
                throw new IllegalArgumentException("activation '" + activation + "' is none of " + ModelConfig.ACTIVATIONS);
        }

        /** The network this names ({@link ModelConfig#preset}). */
        public ModelConfig config() { return ModelConfig.preset(preset, activation); }
    }

    /**
     * How the network is trained.
     *
     * @param config    epoch cap, batch, learning rate, patience, plateau schedule, options (its seed field is not
     *                  used: set to 0)
     * @param selection which epoch's weights the run keeps, {@link org.emoaugnet.model.Selection#key}: the best
     *                  validation UA's ({@link Defaults#SELECTION}, which also drives patience and the plateau schedule)
     *                  or the last of a fixed budget ({@code last}); the same as {@code config}'s options say
     * @param seed      training seed (initialisation, shuffling, dropout, random splits)
     * @param plan      the SHA-256 of the pre-registered search plan the run was made for ({@code design.SearchPlan}),
     *                  or null for a run of no plan: a run of one plan is never a run of another, or of none
     */
    record Learning(TrainConfig config, String selection, long seed, String plan) {
        public Learning {
            if (config == null) throw new IllegalArgumentException("run spec lacks its training configuration");
            config = config.withSeed(0);   // the training seed is its own field
            String options = config.options().selection().key();
            if (!options.equals(org.emoaugnet.model.Selection.of(selection).key()))
                throw new IllegalArgumentException("training.selection '" + selection + "' is not the training options' selection '" + options + "'");
            if (plan != null && !plan.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("plan '" + plan + "': a SHA-256 in 64 lower-case hex digits");
        }

        /** A run of no plan. */
        public Learning(TrainConfig config, String selection, long seed) { this(config, selection, seed, null); }

        /** {@code config}, keeping the epoch its options select, with training seed {@code seed}, of no plan. */
        public static Learning of(TrainConfig config, long seed) { return new Learning(config, config.options().selection().key(), seed); }

        /** The same training, made for the plan whose SHA-256 is {@code sha256}. */
        public Learning withPlan(String sha256) { return new Learning(config, selection, seed, sha256); }
    }

    /**
     * What ran it. The spec's format follows from which fields are there ({@link #version}): run-spec/3 (what new runs
     * record) has the revisions and no thread count; the older formats are read from records only.
     *
     * @param threads native (OpenMP) threads per run, in run-spec/1 and run-spec/2 records only; null in run-spec/3,
     *                whose trainer gives the same numbers for any thread count (the count is in the record's
     *                provenance, {@code provenance.threads}, outside the spec and its hash)
     * @param network {@code ModelFactory.REVISION}: how the preset became layers (null in run-spec/1 records)
     * @param trainer {@code Trainer.ENGINE}: the code that trained it (null in run-spec/1 records, which DL4J's own
     *                {@code fit} trained)
     */
    record Engine(String threads, String network, String trainer) {
        public Engine {
            if ((network == null) != (trainer == null)) throw new IllegalArgumentException("network and trainer revisions go together");
            if (network == null) need("threads", threads);   // run-spec/1: the thread count is all it recorded
            else {
                need("network revision", network);
                need("trainer revision", trainer);
                if (threads != null) need("threads", threads);   // run-spec/2
            }
        }

        /**
         * The engine of a run made now: the current network and trainer revisions ({@code ModelFactory.REVISION},
         * {@code Trainer.ENGINE}, read where they are defined), no thread count.
         */
        public static Engine current() {
            return new Engine(null, org.emoaugnet.model.ModelFactory.REVISION, org.emoaugnet.model.Trainer.ENGINE);
        }

        /**
         * The engine a design gives the runs of experiment {@code experiment} (an evaluation's experiment,
         * {@code <experiment>/<run>}, follows its evaluated run's): the engine it is pinned to in
         * {@code experiments/engine-pins.csv} ({@link EnginePins}), so that its runs' specs are those of its committed
         * records, else {@link #current}. The one place where planned specs get their engine.
         */
        public static Engine forExperiment(String experiment) {
            return EnginePins.of(experiment).map(EnginePins.Pin::engine).orElseGet(Engine::current);
        }

        /** The format of a spec with this engine: {@link #VERSION_1} without revisions, {@link #VERSION_2} with a thread count, else {@link #VERSION}. */
        public String version() { return network == null ? VERSION_1 : threads != null ? VERSION_2 : VERSION; }

        /** A run-spec/1 engine (no revisions recorded). */
        public boolean legacy() { return network == null; }

        /**
         * Whether this is the engine of a run made now ({@link #current}): the same network and trainer revisions. A
         * run-spec/2 engine of those revisions is (its thread count aside); a run-spec/1 engine never is.
         */
        public boolean isCurrent() { return current().network.equals(network) && current().trainer.equals(trainer); }

        /**
         * This engine as {@link RunSpec#sameDesign} compares it and as labels group runs by trainer: without the thread
         * count (a run-spec/1 engine's set to {@code *}).
         */
        public Engine design() { return legacy() ? new Engine("*", null, null) : new Engine(null, network, trainer); }
    }

    /**
     * What an evaluation adds to the evaluated run's spec: the test condition's name (a label; also the folder name
     * {@code eval-<condition>}), the degradation's canonical key ({@code none} for clean speech; {@code Augmentation.key()},
     * which names every parameter, a babble pool by its hash) and the seed of the degradation's random draws. In
     * {@link #fields} with {@code evaluation.of} (the evaluated run's kind) and {@code evaluation.source_sha256} (the
     * evaluated run's hash), both derived, never stored apart.
     */
    record Evaluation(String condition, String degradation, long degradationSeed) {
        public Evaluation {
            need("evaluation condition", condition);
            need("evaluation degradation", degradation);
        }
    }

    // ---------------------------------------------------------------- variants

    /** A run that trains: the six parts. */
    sealed interface Trained extends RunSpec permits Within, Across {
        /** The same run with other parts (the variant kept). */
        Trained with(Corpora c, Inputs i, Partition p, Architecture a, Learning l, Engine e);

        @Override default Trained withData(DataManifest d) { return with(corpora().withData(d), inputs(), partition(), architecture(), learning(), engine()); }

        @Override default Trained withEngine(Engine e) { return with(corpora(), inputs(), partition(), architecture(), learning(), e); }

        @Override default Trained planned(String experiment, DataManifest d) {
            return with(corpora().withData(d), inputs(), partition(), architecture(), learning(), Engine.forExperiment(experiment));
        }

        @Override default Trained withPartition(Partition p) { return with(corpora(), inputs(), p, architecture(), learning(), engine()); }

        @Override default Trained withLearning(Learning l) { return with(corpora(), inputs(), partition(), architecture(), l, engine()); }
    }

    /** Train and test on one corpus under {@link Partition#protocol} (never {@link Protocol#CROSS_CORPUS}). */
    record Within(Corpora corpora, Inputs inputs, Partition partition, Architecture architecture, Learning learning, Engine engine) implements Trained {
        public Within {
            if (corpora == null || inputs == null || partition == null || architecture == null || learning == null || engine == null)
                throw new IllegalArgumentException("a within-corpus run spec lacks a part");
            if (!corpora.corpus().equals(corpora.testCorpus()))
                throw new IllegalArgumentException("a within-corpus run trains and tests on one corpus, not " + corpora.corpus() + " and " + corpora.testCorpus());
            if (partition.protocol() == Protocol.CROSS_CORPUS) throw new IllegalArgumentException("protocol CROSS_CORPUS is for cross-corpus runs");
            SequenceNormalisation.parse(inputs.normalisation());
        }

        @Override public Kind kind() { return Kind.WITHIN; }

        /** The normalisation, typed. */
        public SequenceNormalisation sequenceNormalisation() { return SequenceNormalisation.parse(inputs.normalisation()); }

        @Override public Within with(Corpora c, Inputs i, Partition p, Architecture a, Learning l, Engine e) { return new Within(c, i, p, a, l, e); }
        @Override public Within withData(DataManifest d) { return (Within) Trained.super.withData(d); }
        @Override public Within withEngine(Engine e) { return (Within) Trained.super.withEngine(e); }
        @Override public Within planned(String experiment, DataManifest d) { return (Within) Trained.super.planned(experiment, d); }
        @Override public Within withPartition(Partition p) { return (Within) Trained.super.withPartition(p); }
        @Override public Within withLearning(Learning l) { return (Within) Trained.super.withLearning(l); }
    }

    /** Train on {@link Corpora#corpus}, test on {@link Corpora#testCorpus} (protocol {@link Protocol#CROSS_CORPUS}). */
    record Across(Corpora corpora, Inputs inputs, Partition partition, Architecture architecture, Learning learning, Engine engine) implements Trained {
        public Across {
            if (corpora == null || inputs == null || partition == null || architecture == null || learning == null || engine == null)
                throw new IllegalArgumentException("a cross-corpus run spec lacks a part");
            if (partition.protocol() != Protocol.CROSS_CORPUS)
                throw new IllegalArgumentException("a cross-corpus run spec has protocol " + partition.protocol() + ", not CROSS_CORPUS");
            crossNormalisation(inputs);
        }

        @Override public Kind kind() { return Kind.CROSS_CORPUS; }

        /** The normalisation, typed. */
        public CrossCorpus.Normalisation crossNormalisation() { return crossNormalisation(inputs); }

        private static CrossCorpus.Normalisation crossNormalisation(Inputs i) {
            for (CrossCorpus.Normalisation n : CrossCorpus.Normalisation.values()) if (n.name().equals(i.normalisation())) return n;
            throw new IllegalArgumentException("normalisation '" + i.normalisation() + "' is none of the cross-corpus normalisations "
                    + List.of(CrossCorpus.Normalisation.values()));
        }

        @Override public Across with(Corpora c, Inputs i, Partition p, Architecture a, Learning l, Engine e) { return new Across(c, i, p, a, l, e); }
        @Override public Across withData(DataManifest d) { return (Across) Trained.super.withData(d); }
        @Override public Across withEngine(Engine e) { return (Across) Trained.super.withEngine(e); }
        @Override public Across planned(String experiment, DataManifest d) { return (Across) Trained.super.planned(experiment, d); }
        @Override public Across withPartition(Partition p) { return (Across) Trained.super.withPartition(p); }
        @Override public Across withLearning(Learning l) { return (Across) Trained.super.withLearning(l); }
    }

    /** A within-corpus run's model scored on degraded test speech: every part is {@link #source}'s. */
    record Evaluated(Within source, Evaluation evaluation) implements RunSpec {
        public Evaluated {
            if (source == null || evaluation == null) throw new IllegalArgumentException("an evaluation's spec needs the evaluated run's spec and the evaluation");
        }

        @Override public Kind kind() { return Kind.EVALUATION; }
        @Override public Corpora corpora() { return source.corpora(); }
        @Override public Inputs inputs() { return source.inputs(); }
        @Override public Partition partition() { return source.partition(); }
        @Override public Architecture architecture() { return source.architecture(); }
        @Override public Learning learning() { return source.learning(); }
        @Override public Engine engine() { return source.engine(); }
        @Override public Evaluated withData(DataManifest d) { return new Evaluated(source.withData(d), evaluation); }
        @Override public Evaluated withEngine(Engine e) { return new Evaluated(source.withEngine(e), evaluation); }
        @Override public Evaluated planned(String experiment, DataManifest d) { return new Evaluated(source.planned(experiment, d), evaluation); }
        @Override public Evaluated withPartition(Partition p) { return new Evaluated(source.withPartition(p), evaluation); }
        @Override public Evaluated withLearning(Learning l) { return new Evaluated(source.withLearning(l), evaluation); }
    }

    /** The evaluation of the run {@code source} under {@code e}: only within-corpus runs are evaluated. */
    static Evaluated evaluation(RunSpec source, Evaluation e) {
        if (!(source instanceof Within w)) throw new IllegalArgumentException("evaluations of '" + source.kind() + "' runs are not supported (within)");
        return new Evaluated(w, e);
    }

    // ---------------------------------------------------------------- the parts and the readers' accessors

    Kind kind();
    Corpora corpora();
    Inputs inputs();
    Partition partition();
    Architecture architecture();
    Learning learning();
    Engine engine();

    /** The same spec over other recordings. */
    RunSpec withData(DataManifest d);

    /** The same spec with another engine (an evaluation: its evaluated run's). */
    RunSpec withEngine(Engine e);

    /** The same spec with another partition (protocol, fold, split constants). */
    RunSpec withPartition(Partition p);

    /** The same spec with other training settings. */
    RunSpec withLearning(Learning l);

    /**
     * The spec as a run of {@code experiment} made now would record it: over {@code d}, with the engine of that
     * experiment ({@link Engine#forExperiment}: the current network and trainer revisions without a thread count, format
     * {@link #VERSION}, unless the experiment is pinned to another engine). A spec a design just made is returned equal;
     * a recorded one of an unpinned experiment (perhaps of an older format) becomes the spec of its re-run.
     */
    RunSpec planned(String experiment, DataManifest d);

    default String corpus() { return corpora().corpus(); }
    default String testCorpus() { return corpora().testCorpus(); }
    default DataManifest data() { return corpora().data(); }
    default String classSet() { return corpora().classSet(); }
    default String features() { return inputs().features(); }
    default Dataset.Layout layout() { return inputs().layout(); }
    default String recipe() { return inputs().recipe(); }
    default long augmentationSeed() { return inputs().augmentationSeed(); }
    default String normalisation() { return inputs().normalisation(); }
    default Protocol protocol() { return partition().protocol(); }
    default String fold() { return partition().fold(); }
    default SplitSpec split() { return partition().split(); }
    default String model() { return architecture().preset(); }
    default String activation() { return architecture().activation(); }
    default TrainConfig training() { return learning().config(); }
    default String selection() { return learning().selection(); }

    /** The SHA-256 of the search plan the run was made for, or null ({@link Learning#plan}). */
    default String plan() { return learning().plan(); }
    default long seed() { return learning().seed(); }
    /** The native thread count of a run-spec/1 or run-spec/2 record; null from run-spec/3 on (see {@code provenance.threads}). */
    default String threads() { return engine().threads(); }
    default String network() { return engine().network(); }
    default String trainer() { return engine().trainer(); }

    /** Whether this is an evaluation's spec. */
    default boolean evaluates() { return this instanceof Evaluated; }

    /** The evaluation of an {@link Evaluated} spec. */
    default Evaluation evaluation() {
        if (this instanceof Evaluated e) return e.evaluation();
        throw new IllegalStateException("a " + kind() + " run's spec has no evaluation");
    }

    /** The spec of the run an evaluation scores. */
    default Within source() {
        if (this instanceof Evaluated e) return e.source();
        throw new IllegalStateException("not an evaluation's spec");
    }

    /** Whether the training side and the test side are different corpora (a cross-corpus run). */
    default boolean crossCorpus() { return this instanceof Across; }

    /** The corpora the run reads: the training corpus, and across corpora the test corpus. */
    default List<String> corpusNames() { return crossCorpus() ? List.of(corpus(), testCorpus()) : List.of(corpus()); }

    /** A run-spec/1 specification (from a record written before the network and trainer revisions were recorded). */
    default boolean legacy() { return engine().legacy(); }

    /** The format of {@link #canonical()}: {@link Engine#version}. */
    default String version() { return engine().version(); }

    // ---------------------------------------------------------------- identity

    /** The canonical text: {@code version} then one sorted {@code key=value} line per field. */
    default String canonical() {
        StringBuilder sb = new StringBuilder();
        fields().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /** SHA-256 of {@link #canonical()}, hex. */
    default String sha256() { return sha256(canonical()); }

    /** The first 12 hex digits of {@link #sha256()}, for folder names and log lines. */
    default String shortHash() { return sha256().substring(0, 12); }

    /** Every field as sorted {@code key → value}, from the parts ({@link SpecFields#of}). */
    default Map<String, String> fields() { return SpecFields.of(this); }

    /** Reads a spec back from {@link #fields()} (as stored in a run record). */
    static RunSpec fromFields(Map<String, String> f) { return SpecFields.read(f); }

    /** An ordered copy of {@link #fields()} for display. */
    default Map<String, String> describe() { return new LinkedHashMap<>(fields()); }

    /**
     * Whether {@code other} describes the same run apart from which recordings it used and, in records of run-spec/2
     * and earlier, the native thread count (so a run-spec/2 record of the current revisions is of the same design as
     * its run-spec/3 spec). Readers that have no corpus at hand (the ledger, reports on committed records) select runs
     * with this; the runner, which has the data, compares full hashes, so it never reuses a record of another format.
     */
    default boolean sameDesign(RunSpec other) { return designOf(this).equals(designOf(other)); }

    private static RunSpec designOf(RunSpec s) { return s.withData(DataManifest.ANY).withEngine(s.engine().design()); }

    /**
     * Whether {@code other} is a run-spec/1 record of this design: {@link #sameDesign} apart from the network and
     * trainer revisions, which such records predate. Reports fall back to these runs, labelled, until an experiment is
     * re-run.
     */
    default boolean sameDesignBeforeRevisions(RunSpec other) {
        if (!other.legacy()) return false;
        Map<String, String> a = new TreeMap<>(designOf(this).fields()), b = new TreeMap<>(designOf(other).fields());
        for (String k : List.of("version", "network", "trainer", "threads")) { a.remove(k); b.remove(k); }
        return a.equals(b);
    }

    /** A class set as one string: name, classes in index order, and every emotion's class. */
    static String classSetKey(ClassSet cs) {
        Map<String, String> m = new TreeMap<>();
        cs.mapping().forEach((e, c) -> m.put(e.name(), c));
        return cs.name() + "[" + String.join(",", cs.classes()) + "]" + m;
    }

    static String sha256(String text) { return org.emoaugnet.util.Sha256.of(text); }

    private static void need(String what, String v) {
        if (v == null || v.isBlank()) throw new IllegalArgumentException("run spec lacks its " + what);
    }
}
