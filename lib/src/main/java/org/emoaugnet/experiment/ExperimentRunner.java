package org.emoaugnet.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.SplitDiagnostics;
import org.emoaugnet.data.Splits;
import org.emoaugnet.eval.Confusion;
import org.emoaugnet.eval.Metrics;
import org.emoaugnet.eval.Statistics;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureExtraction;
import org.emoaugnet.features.FeatureSet;
import org.emoaugnet.features.RowSplit;
import org.emoaugnet.features.Scaler;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.SavedModel;
import org.emoaugnet.model.Trainer;
import org.emoaugnet.util.AtomicFiles;
import org.emoaugnet.util.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Runs an experiment: features (cached), the protocol's splits, training with validation from training data only,
 * evaluation on the test side, and one {@link RunRecord} per (fold, seed) under {@code runs/<name>/}. A finished
 * (fold, seed) is not recomputed, so an interrupted study resumes where it stopped.
 */
public final class ExperimentRunner {
    /**
     * Augmented copies are drawn with one fixed seed, so all training seeds of a study see the same augmented data
     * and the features are computed (and cached) once; the training seed varies initialisation, shuffling, dropout
     * and the random splits.
     */
    public static final long AUGMENTATION_SEED = 42;

    private ExperimentRunner() {}

    /** Runs what is missing and returns one summary row per finished run. */
    public static Table run(ExperimentConfig cfg, Corpus corpus, FeatureCache cache, Path runsRoot) throws IOException {
        ClassSet cs = cfg.classSet();
        Corpus kept = cs.apply(corpus);
        List<String> classes = cs.classes();
        Path dir = runsRoot.resolve(cfg.name());
        Files.createDirectories(dir);
        AtomicFiles.writeString(dir.resolve("experiment.txt"), cfg.describe() + "\n");
        FeatureSet set = null;
        for (long seed : cfg.seeds()) {
            List<Fold> folds = folds(cfg, kept, seed);
            for (Fold fold : folds) {
                Path runDir = dir.resolve(fold.name() + "-seed" + seed);
                if (RunRecord.finished(runDir)) continue;
                if (set == null) set = FeatureExtraction.extract(kept.utterances(), cfg.features(), cfg.recipe(), AUGMENTATION_SEED, cache);
                runOne(cfg, set, fold, seed, classes, runDir);
            }
        }
        return summary(dir);
    }

    static List<Fold> folds(ExperimentConfig cfg, Corpus c, long seed) {
        ClassSet cs = cfg.classSet();
        List<Fold> out;
        switch (cfg.protocol()) {
            case PAPER_STYLE:
                out = List.of(new Fold("paper-style", "paper-style row split", c.utterances(), List.of()));
                break;
            case AUGMENT_AFTER_RANDOM_SPLIT: {
                Fold f = Splits.stratifiedRandom(c.utterances(), 0.2, seed, cs::classOf);
                out = List.of(Splits.withValidation(f, 0.1, seed, false, cs::classOf));
                break;
            }
            case LEAVE_ONE_SPEAKER_OUT: {
                List<Fold> v = new ArrayList<>();
                for (Fold f : Splits.leaveOneSpeakerOut(c.utterances())) v.add(Splits.withValidation(f, 0.15, 42, true, cs::classOf));
                out = v;
                break;
            }
            default: {
                // fixed fold assignment (seed 42) for every training seed, so that runs of one study share test items
                List<Fold> si = SplitDiagnostics.speakerIndependent(c, 42);
                List<Fold> v = new ArrayList<>();
                for (Fold f : si) v.add(f.validation().isEmpty() ? Splits.withValidation(f, 0.15, 42, true, cs::classOf) : f);
                out = v;
            }
        }
        return cfg.folds() > 0 && cfg.folds() < out.size() ? out.subList(0, cfg.folds()) : out;
    }

    /** Trains and tests one (fold, seed), writes its run record, and returns the trained network with its scaler. */
    static SavedModel runOne(ExperimentConfig cfg, FeatureSet set, Fold fold, long seed, List<String> classes, Path runDir) throws IOException {
        long t0 = System.nanoTime();
        ClassSet cs = cfg.classSet();
        RowSplit rows;
        List<Integer> trainRows, valRows;
        if (cfg.protocol() == Protocol.PAPER_STYLE) {
            rows = RowSplit.paperStyleAugmentBeforeSplit(set, 0.2, seed);
            List<Integer> tr = new ArrayList<>(rows.train());
            java.util.Collections.shuffle(tr, new Random(seed + 1));
            int nVal = tr.size() / 10;
            valRows = new ArrayList<>(tr.subList(0, nVal));
            trainRows = new ArrayList<>(tr.subList(nVal, tr.size()));
            java.util.Collections.sort(valRows);
            java.util.Collections.sort(trainRows);
        } else {
            rows = RowSplit.afterSplit(set, fold);
            trainRows = rows.train();
            valRows = rows.validation();
        }
        Scaler scaler = Dataset.fitScaler(set, trainRows, cfg.layout());
        java.util.function.ToIntFunction<FeatureSet.Row> label = r -> classes.indexOf(cs.classOf(r.source()));
        Dataset train = Dataset.of(set, trainRows, cfg.layout(), scaler, label);
        Dataset val = Dataset.of(set, valRows, cfg.layout(), scaler, label);
        Dataset test = Dataset.of(set, rows.test(), cfg.layout(), scaler, label);
        ModelConfig model = ModelConfig.preset(cfg.model(), cfg.activation());
        Trainer.Result r = Trainer.fit(model, train, val, classes, cfg.train().withSeed(seed));
        Outcome o = Outcome.of(r, test, classes, seed);
        o.save(runDir);
        scaler.save(runDir.resolve("scaler.csv"));
        Map<String, String> rec = identity(cfg, fold.name(), seed);
        rec.put("split", rows.summary(set));
        rec.put("rows_train", String.valueOf(train.size()));
        rec.put("rows_validation", String.valueOf(val.size()));
        rec.put("rows_test", String.valueOf(test.size()));
        rec.put("data_manifest_sha256", manifestHash(set));
        rec.put("augmentation_seed", String.valueOf(AUGMENTATION_SEED));
        rec.putAll(o.fields());
        rec.put("classes", String.join(",", classes));
        rec.putAll(environment());
        rec.put("wall_seconds", String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9));
        rec.put("finished_utc", java.time.Instant.now().toString());
        RunRecord.write(runDir, rec);
        System.err.printf("%s %s seed %d: test WA %.4f UA %.4f (best epoch %d)%n", cfg.name(), fold.name(), seed, o.metrics().wa(), o.metrics().ua(), r.bestEpoch());
        return new SavedModel(r.net(), scaler, classes, cfg.model(), cfg.features().key(), cfg.layout());
    }

    /** What a trained network did on its test set: predictions, confusion, metrics and bootstrap intervals. */
    record Outcome(Trainer.Result result, Dataset test, List<String> classes, int[] predicted, Confusion confusion, Metrics metrics,
                   Statistics.Interval waCi, Statistics.Interval uaCi) {
        static Outcome of(Trainer.Result r, Dataset test, List<String> classes, long seed) {
            int[] pred = Trainer.predict(r.net(), test, 256);
            Confusion conf = Confusion.of(classes, test.y(), pred);
            return new Outcome(r, test, classes, pred, conf, Metrics.of(conf), Statistics.bootstrap(test.y(), pred, Statistics::wa, 1000, 0.05, seed),
                    Statistics.bootstrap(test.y(), pred, Statistics::ua, 1000, 0.05, seed));
        }

        /** {@code history.csv}, {@code confusion.csv} and {@code predictions.csv} into {@code runDir}. */
        void save(Path runDir) throws IOException {
            Files.createDirectories(runDir);
            Tables.saveCsv(result.history(), runDir.resolve("history.csv"));
            Tables.saveCsv(confusion.table(), runDir.resolve("confusion.csv"));
            savePredictions(runDir.resolve("predictions.csv"), test, predicted, classes);
        }

        /** Best epoch, epochs run, best validation UA and the test metrics, for a run record. */
        Map<String, String> fields() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("best_epoch", String.valueOf(result.bestEpoch()));
            m.put("epochs_run", String.valueOf(result.history().rowCount()));
            m.put("val_ua_best", String.valueOf(result.bestValidationUa()));
            m.put("test_wa", String.valueOf(metrics.wa()));
            m.put("test_ua", String.valueOf(metrics.ua()));
            m.put("test_macro_f1", String.valueOf(metrics.macroF1()));
            m.put("test_wa_ci95", waCi.low() + "," + waCi.high());
            m.put("test_ua_ci95", uaCi.low() + "," + uaCi.high());
            for (int c = 0; c < classes.size(); c++) m.put("recall_" + classes.get(c), String.valueOf(metrics.recall()[c]));
            return m;
        }
    }

    /** One prediction per test row: {@code utterance,true,predicted} (read back by {@link StudyReport#readPredictions}). */
    static void savePredictions(Path csv, Dataset test, int[] predicted, List<String> classes) throws IOException {
        Tables.saveCsv(Table.create("predictions", StringColumn.create("utterance", test.keys()),
                StringColumn.create("true", java.util.Arrays.stream(test.y()).mapToObj(classes::get).toList()),
                StringColumn.create("predicted", java.util.Arrays.stream(predicted).mapToObj(classes::get).toList())), csv);
    }

    /** The first fields of a run record: experiment, configuration, protocol and its leak flag, model, fold, seed. */
    static Map<String, String> identity(ExperimentConfig cfg, String fold, long seed) {
        Map<String, String> rec = new LinkedHashMap<>();
        rec.put("experiment", cfg.name());
        rec.put("config", cfg.describe().replace('\n', ';'));
        rec.put("protocol", cfg.protocol().name());
        rec.put("leaks_by_design", String.valueOf(cfg.protocol().leaks()));
        rec.put("activation", cfg.activation());
        rec.put("model", cfg.model());
        rec.put("fold", fold);
        rec.put("seed", String.valueOf(seed));
        return rec;
    }

    /** Code version and commit, Java, DL4J, backend and threads, for run records. */
    static Map<String, String> environment() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("code_version", String.valueOf(ExperimentRunner.class.getPackage().getImplementationVersion()));
        m.put("code_commit", Manifest.gitCommit(Path.of(System.getenv().getOrDefault("EMOAUG_HOME", "."))));   // the checkout's HEAD when the record was written
        m.put("code_jar_sha256", Manifest.codeJarSha256());   // the library jar that ran (builds are reproducible: rebuild a commit to compare)
        m.put("java", System.getProperty("java.version"));
        m.put("dl4j", "1.0.0-M2.1");
        m.put("backend", String.valueOf(org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName()));
        m.put("omp_num_threads", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        return m;
    }

    /** SHA-256 over the sorted utterance keys of the set (which recordings the run used). */
    static String manifestHash(FeatureSet set) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            set.rows().stream().filter(r -> r.copy() == 0).map(r -> r.source().key()).sorted()
                    .forEach(k -> md.update((k + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row per finished run of an experiment folder. */
    public static Table summary(Path experimentDir) throws IOException {
        StringColumn fold = StringColumn.create("fold"), proto = StringColumn.create("protocol"), act = StringColumn.create("activation");
        IntColumn seed = IntColumn.create("seed"), best = IntColumn.create("best_epoch");
        DoubleColumn wa = DoubleColumn.create("test_wa"), ua = DoubleColumn.create("test_ua"), f1 = DoubleColumn.create("test_macro_f1");
        List<Path> runs;
        try (var s = Files.list(experimentDir)) {
            runs = s.filter(Files::isDirectory).filter(RunRecord::finished).sorted().toList();
        }
        for (Path p : runs) {
            Map<String, String> r = RunRecord.read(p);
            fold.append(r.get("fold")); proto.append(r.get("protocol")); act.append(r.get("activation"));
            seed.append(Integer.parseInt(r.get("seed"))); best.append(Integer.parseInt(r.get("best_epoch")));
            wa.append(Double.parseDouble(r.get("test_wa"))); ua.append(Double.parseDouble(r.get("test_ua")));
            f1.append(Double.parseDouble(r.get("test_macro_f1")));
        }
        return Table.create(experimentDir.getFileName().toString(), proto, act, fold, seed, best, wa, ua, f1);
    }
}
