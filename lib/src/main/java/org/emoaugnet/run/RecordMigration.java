package org.emoaugnet.run;

import org.emoaugnet.data.loaders.Corpora;


import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.StopReason;
import org.emoaugnet.model.TrainConfig;

/**
 * Converts run records of format 1 (flat {@code record.properties} written by hand-assembled maps) into the typed
 * {@link RunRecord} format, once ({@code emoaug records migrate}). Every value the old record holds is kept: the
 * spec is rebuilt from its configuration fields verbatim, metrics and timings are copied, and the old file stays
 * beside the new one as {@code record-v1.properties}. Nothing is invented:
 * <ul>
 *   <li>the stop reason and convergence flag are derived from what the old record says (epochs run against the epoch
 *       cap, best epoch, patience), by the same rule the trainer applies;</li>
 *   <li>the data manifest's content hash is computed only when the recordings can be found (the configured data and
 *       the synthetic corpus) <em>and</em> their names hash to the record's {@code data_manifest_sha256}; otherwise it
 *       reads {@code unknown} and the run can never be reused by the runner;</li>
 *   <li>provenance fields the old record lacks (git dirty state, jar hash where absent, dependency versions other
 *       than DL4J's, native classifier) read {@code unknown};</li>
 *   <li>the files' hashes are those of the run's own files, and the split's sides are re-derived from the spec and the
 *       corpora ({@link SplitDerivation}; a corpus that is not available is an error).</li>
 * </ul>
 */
public final class RecordMigration {
    public static final String OLD_FILE = "record-v1.properties";

    private RecordMigration() {}

    /** What the migration did. */
    public record Summary(int migrated, int alreadyCurrent, int dataVerified, int dataUnknown) {}

    /**
     * Migrates every format-1 record under {@code runsRoot} (run folders {@code <experiment>/<run>/}).
     *
     * @param corpora resolves a corpus by name (null when it is not available here)
     */
    public static Summary migrate(Path runsRoot, Function<String, Corpus> corpora, String today, PrintStream log) throws IOException {
        return migrate(runsRoot, corpora, today, log, false);
    }

    /**
     * As {@link #migrate(Path, Function, String, PrintStream)}; with {@code redo}, records migrated earlier are converted
     * again from their kept {@value #OLD_FILE} (after a fix to the migration), while records the runner wrote are left alone.
     */
    public static Summary migrate(Path runsRoot, Function<String, Corpus> corpora, String today, PrintStream log, boolean redo) throws IOException {
        int migrated = 0, current = 0, verified = 0, unknown = 0;
        List<Path> runDirs = new ArrayList<>();
        try (var exps = Files.list(runsRoot)) {
            for (Path e : exps.filter(Files::isDirectory).sorted().toList())
                try (var runs = Files.list(e)) {
                    runs.filter(Files::isDirectory).filter(RunRecord::finished).sorted().forEach(runDirs::add);
                }
        }
        for (Path run : runDirs) {
            boolean formatOne = !RunRecord.load(run).containsKey("format");   // later formats: RecordUpgrade
            boolean again = redo && Files.isRegularFile(run.resolve(OLD_FILE)) && !formatOne;
            if (!formatOne && !again) { current++; continue; }
            Map<String, String> old = RunRecord.loadFile(run.resolve(again ? OLD_FILE : RunRecord.FILE));
            RunRecord rec = convert(old, run, corpora, today);
            if (DataManifest.UNKNOWN.equals(rec.spec().data().sha256())) unknown++; else verified++;
            if (!again) Files.copy(run.resolve(RunRecord.FILE), run.resolve(OLD_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            rec.write(run);
            RunRecord.read(run);   // reads back
            migrated++;
            log.println("migrated " + runsRoot.relativize(run) + " (spec " + rec.spec().shortHash() + ", data "
                    + (DataManifest.UNKNOWN.equals(rec.spec().data().sha256()) ? "unknown" : "verified") + ")");
        }
        try (var exps = Files.list(runsRoot)) {   // hand-written experiment descriptions are replaced by the records' specs
            for (Path e : exps.filter(Files::isDirectory).toList()) Files.deleteIfExists(e.resolve("experiment.txt"));
        }
        return new Summary(migrated, current, verified, unknown);
    }

    /** The typed record of one format-1 record. */
    static RunRecord convert(Map<String, String> o, Path run, Function<String, Corpus> corpora, String today) throws IOException {
        boolean cross = "CROSS_CORPUS".equals(o.get("protocol"));
        Map<String, String> cfg = cross ? crossConfig(o) : parseConfig(need(o, "config", run));
        TrainConfig t = parseTrain(cfg.get("train"), run);
        String classSetName = cfg.get("class_set");
        ClassSet cs = classSet(classSetName, run);
        List<String> classes = List.of(need(o, "classes", run).split(","));
        if (!cs.classes().equals(classes))
            throw new IOException(run + ": the record's classes " + classes + " are not those of class set " + cs.name() + " " + cs.classes());
        String corpus = cross ? need(o, "train_corpus", run) : cfg.get("corpus");
        String testCorpus = cross ? need(o, "test_corpus", run) : corpus;
        String dataNote;
        DataManifest data;
        List<Utterance> used = recordings(cs, corpus, testCorpus, cross, corpora);
        String oldKeys = o.get("data_manifest_sha256");
        boolean generated = corpus.startsWith("synthetic") || testCorpus.startsWith("synthetic");
        if (generated) {
            data = new DataManifest(cross ? String.join(",", new java.util.TreeSet<>(List.of(corpus, testCorpus))) : corpus, used == null ? -1 : used.size(), DataManifest.UNKNOWN);
            dataNote = "data manifest unknown: a generated (synthetic) corpus's recordings cannot be verified by their names, since the generator "
                    + "and its cache may have changed since the run (re-run it: environment/emoaug records verify)";
        } else if (used != null && oldKeys != null && DataManifest.keysSha256(used).equals(oldKeys)) {
            data = DataManifest.of(used);
            dataNote = "data manifest: the record's recording names (data_manifest_sha256 " + oldKeys.substring(0, 12)
                    + ") matched the corpus found at migration, whose file contents were hashed then";
        } else {
            data = new DataManifest(cross ? String.join(",", new java.util.TreeSet<>(List.of(corpus, testCorpus))) : corpus, -1, DataManifest.UNKNOWN);
            dataNote = "data manifest unknown: " + (used == null ? "the corpus was not available at migration" : "the recordings found at migration do not match the record's names");
        }
        String protocol = cfg.get("protocol").replace(" (LEAKS by design)", "").trim();
        String threads = o.getOrDefault("omp_num_threads", "null");
        RunSpec.Corpora parts = new RunSpec.Corpora(corpus, testCorpus, data, RunSpec.classSetKey(cs));
        RunSpec.Inputs inputs = new RunSpec.Inputs(cfg.get("features"), org.emoaugnet.model.Dataset.Layout.valueOf(cfg.get("layout")), cfg.get("recipe"),
                Long.parseLong(need(o, "augmentation_seed", run)),
                cross ? need(o, "normalisation", run) : org.emoaugnet.features.SequenceNormalisation.TRAIN_SCALER.name());   // format-1 within runs all used the training scaler
        RunSpec.Partition partition = new RunSpec.Partition(Protocol.valueOf(protocol), need(o, "fold", run),
                Defaults.split(Protocol.valueOf(protocol)));   // format-1 runs all used the default split constants
        RunSpec.Architecture architecture = new RunSpec.Architecture(cfg.get("model"), cfg.get("activation"));
        RunSpec.Learning learning = RunSpec.Learning.of(t, Long.parseLong(need(o, "seed", run)));
        RunSpec.Engine engine = new RunSpec.Engine(threads.equals("null") ? NumericKernels.UNSET : threads, null, null);   // run-spec/1: no revisions
        RunSpec spec = cross ? new RunSpec.Across(parts, inputs, partition, architecture, learning, engine)
                : new RunSpec.Within(parts, inputs, partition, architecture, learning, engine);
        Map<String, String> deps = new TreeMap<>();
        if (o.containsKey("dl4j")) deps.put("deeplearning4j-nn", o.get("dl4j"));
        Provenance prov = new Provenance(o.getOrDefault("code_commit", Provenance.UNKNOWN), Provenance.UNKNOWN, o.getOrDefault("code_jar_sha256", Provenance.UNKNOWN),
                o.getOrDefault("code_version", Provenance.UNKNOWN), deps, o.containsKey("java") ? "java " + o.get("java") : Provenance.UNKNOWN, Provenance.UNKNOWN,
                o.getOrDefault("backend", Provenance.UNKNOWN), Provenance.UNKNOWN, spec.threads(), Map.of(),
                NumericKernels.Mode.UNRECORDED, "migrated from run-record/1 on " + today);
        int epochsRun = Integer.parseInt(need(o, "epochs_run", run)), best = Integer.parseInt(need(o, "best_epoch", run));
        StopReason why = StopReason.of(epochsRun, t.epochs());
        List<Double> recall = new ArrayList<>();
        boolean recallFromPredictions = !o.containsKey("recall_" + classes.get(0));
        if (recallFromPredictions) {   // records written before per-class recall was stored: from the run's own predictions
            Predictions p = Predictions.read(run.resolve("predictions.csv"), classes);
            for (double v : org.emoaugnet.eval.Metrics.of(classes, p.truth(), p.predicted()).recall()) recall.add(v);
            double ua = recall.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            if (Math.abs(ua - Double.parseDouble(need(o, "test_ua", run))) > 1e-12)
                throw new IOException(run + ": predictions.csv does not reproduce the recorded test_ua");
        } else {
            for (String c : classes) recall.add(Double.parseDouble(need(o, "recall_" + c, run)));
        }
        String[] wa = need(o, "test_wa_ci95", run).split(","), ua = need(o, "test_ua_ci95", run).split(",");
        String note = "migrated from run-record/1 (kept as " + OLD_FILE + ") on " + today + " by environment/emoaug records migrate; stop reason and "
                + "convergence derived from epochs_run, best_epoch and the training settings; " + dataNote
                + (cfg.containsKey("features_note") ? "; " + cfg.get("features_note") : "")
                + (recallFromPredictions ? "; per-class recall (not stored by the old record) computed from predictions.csv, whose mean equals the recorded test_ua" : "")
                + "; provenance fields the old record lacked read 'unknown'";
        return new RunRecord(need(o, "experiment", run), spec, spec.sha256(), prov,
                new RunRecord.Split(need(o, "split", run), integer(o, "rows_train", run), integer(o, "rows_validation", run), integer(o, "rows_test", run),
                        SplitDerivation.of(corpora).sides(spec)),
                new RunRecord.Training(best, epochsRun, Double.parseDouble(need(o, "val_ua_best", run)), why, StopReason.converged(why, best, epochsRun, t)),
                new RunRecord.Test(Double.parseDouble(need(o, "test_wa", run)), Double.parseDouble(need(o, "test_ua", run)),
                        Double.parseDouble(need(o, "test_macro_f1", run)), Double.parseDouble(wa[0]), Double.parseDouble(wa[1]),
                        Double.parseDouble(ua[0]), Double.parseDouble(ua[1]), recall),
                classes, RunRecord.readHistory(run.resolve("history.csv")), RunFiles.hash(run),
                need(o, "finished_utc", run), Double.parseDouble(need(o, "wall_seconds", run)), note);
    }

    /** The recordings a run used, or null when a corpus is not available. */
    private static List<Utterance> recordings(ClassSet cs, String corpus, String testCorpus, boolean cross, Function<String, Corpus> corpora) {
        Corpus x = corpora.apply(corpus);
        if (x == null) return null;
        List<Utterance> out = new ArrayList<>(cs.apply(x).utterances());
        if (cross) {
            Corpus y = corpora.apply(testCorpus);
            if (y == null) return null;
            out.addAll(cs.apply(y).utterances());
        }
        return out;
    }

    /** The configuration fields of a within-corpus record's {@code config} ({@code ExperimentConfig.describe()} joined by ';'). */
    static Map<String, String> parseConfig(String config) {
        List<String> keys = List.of("name", "corpus", "class_set", "protocol", "features", "layout", "recipe", "model", "activation", "train", "seeds", "folds");
        Map<String, String> m = new LinkedHashMap<>();
        int at = 0;
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i) + "=";
            if (!config.startsWith(k, at)) throw new IllegalArgumentException("config does not have '" + keys.get(i) + "' where expected: " + config);
            int from = at + k.length();
            int to = i + 1 < keys.size() ? config.indexOf(";" + keys.get(i + 1) + "=", from) : config.length();
            if (to < 0) throw new IllegalArgumentException("config lacks '" + keys.get(i + 1) + "': " + config);
            m.put(keys.get(i), config.substring(from, to));
            at = to + 1;
        }
        return m;
    }

    /** The configuration fields of a cross-corpus record (stored as separate keys). */
    private static Map<String, String> crossConfig(Map<String, String> o) {
        Map<String, String> m = new LinkedHashMap<>();
        String exp = o.get("experiment");
        m.put("class_set", exp.substring(exp.indexOf("-common-") + 1));
        m.put("protocol", "CROSS_CORPUS");
        String features = o.get("features");
        if (features == null) {   // records written before CrossCorpus stored the features: the name's window tag says which
            String cell = exp.substring(0, exp.indexOf("-common-"));
            if (cell.contains("-onset") || cell.matches(".*-at[0-9].*")) throw new IllegalArgumentException(exp + ": the record names no features and its window tag is not the public window");
            features = FeatureSpec.publicPipeline().key();
            m.put("features_note", "features derived from the experiment name (no window tag: the public pipeline's window, "
                    + "CrossCorpus.windowTag), the record predates its 'features' field");
        }
        m.put("features", features);
        m.put("layout", "SEQUENCE");   // CrossCorpus has only ever used the sequence layout
        m.put("recipe", o.get("recipe"));
        m.put("model", o.get("model"));
        m.put("activation", o.get("activation"));
        m.put("train", o.get("train"));
        return m;
    }

    static TrainConfig parseTrain(String s, Path run) throws IOException {
        Matcher m = Pattern.compile("TrainConfig\\[epochs=(\\d+), batch=(\\d+), learningRate=([^,]+), patience=(\\d+), lrFactor=([^,]+), lrPatience=(\\d+), seed=\\d+]")
                .matcher(s == null ? "" : s);
        if (!m.matches()) throw new IOException(run + ": cannot read the training settings '" + s + "'");
        return new TrainConfig(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Double.parseDouble(m.group(3)), Integer.parseInt(m.group(4)),
                Double.parseDouble(m.group(5)), Integer.parseInt(m.group(6)), 0);
    }

    /** A class set by name: a named one, or {@code common-<corpus>-<corpus>...} of the cross-corpus study. */
    static ClassSet classSet(String name, Path run) throws IOException {
        try {
            return name.startsWith("common-") ? Corpora.commonClassesNamed(name) : ClassSet.named(name);
        } catch (IllegalArgumentException e) {
            throw new IOException(run + ": " + e.getMessage(), e);
        }
    }

    private static String need(Map<String, String> o, String k, Path run) throws IOException {
        String v = o.get(k);
        if (v == null) throw new IOException(run.resolve(RunRecord.FILE) + ": the old record lacks '" + k + "'");
        return v;
    }

    private static int integer(Map<String, String> o, String k, Path run) throws IOException { return Integer.parseInt(need(o, k, run)); }
}
