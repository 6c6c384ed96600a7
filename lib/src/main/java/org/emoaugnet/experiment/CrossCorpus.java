package org.emoaugnet.experiment;

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
import org.emoaugnet.features.FeatureExtraction;
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

    /** One cell; {@code features} other than the public pipeline's adds a window tag to the name (e.g. "-onset1.5s"). */
    public record Config(String train, String test, String model, String activation, Recipe recipe, Normalisation normalisation,
                         FeatureSpec features, TrainConfig training, long seed) {
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

    /** The run folder of a configuration over a class set. */
    public static String experimentName(Config cfg, ClassSet cs) { return cfg.name() + "-" + cs.name(); }

    /** The emotions two corpora's default class sets share, under their common class names, as one class set. */
    public static ClassSet shared(String a, String b) {
        ClassSet ca = ClassSet.defaultFor(a), cb = ClassSet.defaultFor(b);
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
    public static Map<String, String> run(Config cfg, Corpus x, Corpus y, FeatureCache cache, Path runsRoot) throws IOException {
        return run(cfg, shared(cfg.train(), cfg.test()), x, y, cache, runsRoot);
    }

    /** Runs (or reads back) one configuration over the classes of {@code cs}; returns its run record. */
    public static Map<String, String> run(Config cfg, ClassSet cs, Corpus x, Corpus y, FeatureCache cache, Path runsRoot) throws IOException {
        Path runDir = runsRoot.resolve(experimentName(cfg, cs)).resolve("seed" + cfg.seed());
        if (RunRecord.finished(runDir)) return RunRecord.read(runDir);
        long t0 = System.nanoTime();
        List<String> classes = cs.classes();
        List<Utterance> xs = cs.apply(x).utterances(), ys = cs.apply(y).utterances();
        Fold fold = Splits.withValidation(new Fold(cfg.name(), "train on " + cfg.train() + ", test on " + cfg.test(), xs, ys), 0.15, cfg.seed(), true, cs::classOf);
        FeatureSpec spec = cfg.features();
        FeatureSet fx = FeatureExtraction.extract(xs, spec, cfg.recipe(), ExperimentRunner.AUGMENTATION_SEED, cache);
        FeatureSet fy = FeatureExtraction.extract(ys, spec, Recipe.none(), ExperimentRunner.AUGMENTATION_SEED, cache);
        List<FeatureSet.Row> all = new ArrayList<>(fx.rows());
        all.addAll(fy.rows());
        FeatureSet set = new FeatureSet(spec, all);
        RowSplit rows = RowSplit.afterSplit(set, fold);
        java.util.function.ToIntFunction<FeatureSet.Row> label = r -> classes.indexOf(cs.classOf(r.source()));
        Dataset.Layout layout = Dataset.Layout.SEQUENCE;
        Dataset train, val, test;
        Scaler xScaler = Dataset.fitScaler(set, rows.train(), layout);
        switch (cfg.normalisation()) {
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
        ModelConfig model = ModelConfig.preset(cfg.model(), cfg.activation());
        Trainer.Result r = Trainer.fit(model, train, val, classes, cfg.training().withSeed(cfg.seed()));
        ExperimentRunner.Outcome o = ExperimentRunner.Outcome.of(r, test, classes, cfg.seed());
        o.save(runDir);
        Map<String, String> rec = new LinkedHashMap<>();
        rec.put("experiment", experimentName(cfg, cs));
        rec.put("protocol", "CROSS_CORPUS");
        rec.put("leaks_by_design", "false");
        rec.put("train_corpus", cfg.train());
        rec.put("test_corpus", cfg.test());
        rec.put("class_set", cs.description());
        rec.put("classes", String.join(",", classes));
        rec.put("model", cfg.model());
        rec.put("activation", cfg.activation());
        rec.put("recipe", cfg.recipe().key());
        rec.put("features", spec.key());
        rec.put("normalisation", cfg.normalisation().name());
        rec.put("train", cfg.training().toString());
        rec.put("seed", String.valueOf(cfg.seed()));
        rec.put("fold", "cross");
        rec.put("split", rows.summary(set) + "; validation speakers from " + cfg.train());
        rec.put("rows_train", String.valueOf(train.size()));
        rec.put("rows_validation", String.valueOf(val.size()));
        rec.put("rows_test", String.valueOf(test.size()));
        rec.put("data_manifest_sha256", ExperimentRunner.manifestHash(set));
        rec.put("augmentation_seed", String.valueOf(ExperimentRunner.AUGMENTATION_SEED));
        rec.putAll(o.fields());
        rec.putAll(ExperimentRunner.environment());
        rec.put("wall_seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
        rec.put("finished_utc", java.time.Instant.now().toString());
        RunRecord.write(runDir, rec);
        System.err.printf("%s seed %d: test WA %.4f UA %.4f%n", cfg.name(), cfg.seed(), o.metrics().wa(), o.metrics().ua());
        return RunRecord.read(runDir);
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
