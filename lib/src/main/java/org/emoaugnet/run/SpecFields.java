package org.emoaugnet.run;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.Selection;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.model.TrainOptions;

/**
 * The one translation between a {@link RunSpec} and its stored fields: {@link #of} writes each part's fields,
 * {@link #read} builds the parts back and the variant the field {@code kind} names. The field names and values are
 * those every committed record holds, so reading a record and writing it again gives its fields, and its hash,
 * unchanged. The formats differ only in the engine's fields: run-spec/1 has {@code threads}, run-spec/2 {@code threads},
 * {@code network} and {@code trainer}, run-spec/3 (written now) {@code network} and {@code trainer}.
 */
final class SpecFields {
    private SpecFields() {}

    /** Every field of {@code s} as sorted {@code key → value} (the data manifest as {@code data.*}, the training settings as {@code training.*}). */
    static Map<String, String> of(RunSpec s) {
        Map<String, String> m = new TreeMap<>();
        RunSpec.Engine engine = s.engine();
        m.put("version", engine.version());
        if (!engine.legacy()) {
            m.put("network", engine.network());
            m.put("trainer", engine.trainer());
        }
        m.put("kind", s.kind().key());
        RunSpec.Corpora c = s.corpora();
        m.put("corpus", c.corpus());
        m.put("test_corpus", c.testCorpus());
        m.put("data.corpora", c.data().corpora());
        m.put("data.recordings", String.valueOf(c.data().recordings()));
        m.put("data.sha256", c.data().sha256());
        m.put("class_set", c.classSet());
        RunSpec.Inputs i = s.inputs();
        m.put("features", i.features());
        m.put("layout", i.layout().name());
        m.put("recipe", i.recipe());
        m.put("augmentation_seed", String.valueOf(i.augmentationSeed()));
        m.put("normalisation", i.normalisation());
        RunSpec.Partition p = s.partition();
        m.put("protocol", p.protocol().name());
        m.put("fold", p.fold());
        m.putAll(p.split().fields(p.protocol()));   // absent: the protocol's defaults (older specs keep their hashes)
        m.put("model", s.architecture().preset());
        m.put("activation", s.architecture().activation());
        learning(s.learning(), m);
        if (engine.threads() != null) m.put("threads", engine.threads());   // run-spec/1 and /2 only
        if (s instanceof RunSpec.Evaluated e) {
            m.put("evaluation.of", e.source().kind().key());
            m.put("evaluation.source_sha256", e.source().sha256());
            m.put("evaluation.condition", e.evaluation().condition());
            m.put("evaluation.degradation", e.evaluation().degradation());
            m.put("evaluation.degradation_seed", String.valueOf(e.evaluation().degradationSeed()));
        }
        return m;
    }

    private static void learning(RunSpec.Learning l, Map<String, String> m) {
        TrainConfig training = l.config();
        m.put("training.epochs", String.valueOf(training.epochs()));
        m.put("training.batch", String.valueOf(training.batch()));
        m.put("training.learning_rate", num(training.learningRate()));
        m.put("training.patience", String.valueOf(training.patience()));
        m.put("training.lr_factor", num(training.lrFactor()));
        m.put("training.lr_patience", String.valueOf(training.lrPatience()));
        m.put("training.selection", l.selection());
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
        m.put("seed", String.valueOf(l.seed()));
        if (l.plan() != null) m.put("plan", l.plan());   // absent: a run of no plan (older specs keep their hashes)
    }

    /** Reads a spec back from {@link #of}'s fields (as stored in a run record). */
    static RunSpec read(Map<String, String> f) {
        String v = f.get("version");
        boolean v1 = RunSpec.VERSION_1.equals(v), v2 = RunSpec.VERSION_2.equals(v);
        if (!v1 && !v2 && !RunSpec.VERSION.equals(v))
            throw new IllegalArgumentException("run spec version '" + v + "', expected '" + RunSpec.VERSION + "' (or, in older records, '"
                    + RunSpec.VERSION_2 + "' or '" + RunSpec.VERSION_1 + "')");
        if (!v1 && !v2 && f.containsKey("threads"))
            throw new IllegalArgumentException(RunSpec.VERSION + " has no field 'threads' (the thread count is recorded as provenance.threads)");
        RunSpec.Kind kind = RunSpec.Kind.of(need(f, "kind"));
        Protocol protocol = enumNamed(Protocol.class, "protocol", need(f, "protocol"));
        RunSpec.Corpora corpora = new RunSpec.Corpora(need(f, "corpus"), need(f, "test_corpus"),
                new DataManifest(need(f, "data.corpora"), Integer.parseInt(need(f, "data.recordings")), need(f, "data.sha256")), need(f, "class_set"));
        RunSpec.Inputs inputs = new RunSpec.Inputs(need(f, "features"), enumNamed(Dataset.Layout.class, "layout", need(f, "layout")), need(f, "recipe"),
                Long.parseLong(need(f, "augmentation_seed")), need(f, "normalisation"));
        RunSpec.Partition partition = new RunSpec.Partition(protocol, need(f, "fold"), SplitSpec.fromFields(f, protocol));
        RunSpec.Architecture architecture = new RunSpec.Architecture(need(f, "model"), need(f, "activation"));
        TrainConfig t = new TrainConfig(Integer.parseInt(need(f, "training.epochs")), Integer.parseInt(need(f, "training.batch")),
                Double.parseDouble(need(f, "training.learning_rate")), Integer.parseInt(need(f, "training.patience")),
                Double.parseDouble(need(f, "training.lr_factor")), Integer.parseInt(need(f, "training.lr_patience")), 0,
                Integer.parseInt(f.getOrDefault("training.epoch_copies", "0")), options(f));
        RunSpec.Learning learning = new RunSpec.Learning(t, need(f, "training.selection"), Long.parseLong(need(f, "seed")), f.get("plan"));
        RunSpec.Engine engine = new RunSpec.Engine(v1 || v2 ? need(f, "threads") : null, v1 ? null : need(f, "network"), v1 ? null : need(f, "trainer"));
        return switch (kind) {
            case WITHIN -> new RunSpec.Within(corpora, inputs, partition, architecture, learning, engine);
            case CROSS_CORPUS -> new RunSpec.Across(corpora, inputs, partition, architecture, learning, engine);
            case EVALUATION -> {
                RunSpec.Kind of = RunSpec.Kind.of(need(f, "evaluation.of"));
                if (of != RunSpec.Kind.WITHIN) throw new IllegalArgumentException("evaluations of '" + of + "' runs are not supported (within)");
                RunSpec.Evaluated e = new RunSpec.Evaluated(new RunSpec.Within(corpora, inputs, partition, architecture, learning, engine),
                        new RunSpec.Evaluation(need(f, "evaluation.condition"), need(f, "evaluation.degradation"),
                                Long.parseLong(need(f, "evaluation.degradation_seed"))));
                if (!e.source().sha256().equals(need(f, "evaluation.source_sha256")))
                    throw new IllegalArgumentException("evaluation.source_sha256 " + f.get("evaluation.source_sha256")
                            + " is not the hash of the evaluated run's fields (" + e.source().sha256() + ")");
                yield e;
            }
        };
    }

    /** The selection a spec's {@code training.selection} names; an error naming the field for another. */
    private static Selection selection(String key) {
        try {
            return Selection.of(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("training.selection: " + e.getMessage(), e);
        }
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
                schedule, Integer.parseInt(f.getOrDefault("training.warmup_epochs", "0")), selection(need(f, "training.selection")));
    }

    /** Shortest round-trip decimal text of a double ("0.001", "0.5"). */
    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
    }

    private static <E extends Enum<E>> E enumNamed(Class<E> type, String key, String value) {
        for (E e : type.getEnumConstants()) if (e.name().equals(value)) return e;
        throw new IllegalArgumentException(key + " '" + value + "' is none of " + java.util.List.of(type.getEnumConstants()));
    }

    private static String need(Map<String, String> f, String k) {
        String v = f.get(k);
        if (v == null) throw new IllegalArgumentException("run spec lacks '" + k + "'");
        return v;
    }
}
