package org.emoaugnet.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.model.StopReason;
import org.emoaugnet.util.AtomicFiles;
import tech.tablesaw.api.Table;

/**
 * What one run produced, typed, with the one reader and writer every consumer uses (runner, reports, ledger,
 * manifest, robustness, notebooks). A run folder holds {@code record.properties} (this record; format
 * {@value #FORMAT}), {@code history.csv} (per-epoch history), {@code confusion.csv}, {@code predictions.csv} (one row
 * per test item; its SHA-256 is in the record) and {@code scaler.csv}. The runner writes a run into a temporary
 * folder and renames it into place when everything is written, so a folder with a record is a finished run.
 *
 * @param experiment   the experiment (run folder) this run belongs to: a label
 * @param spec         everything that determined the numbers
 * @param specSha256   {@link RunSpec#sha256()} of {@code spec} when the run was made (checked on read)
 * @param provenance   code, libraries and machine
 * @param split        the split's summary and row counts
 * @param training     selected epoch, epochs run, why training stopped and whether it converged; null for an
 *                     evaluation ({@link RunSpec#evaluates}), which trains nothing (its model's training is in the
 *                     evaluated run's record, named by {@code spec.evaluation.source_sha256})
 * @param test         test metrics and per-run bootstrap intervals over test rows
 * @param classes      class names in index order
 * @param history      one entry per epoch (none for an evaluation, whose folder has no {@code history.csv})
 * @param files       SHA-256 of every file of the run folder by name ({@link RunFiles}), {@code predictions.csv} among them
 * @param finishedUtc  when the record was written
 * @param wallSeconds  wall time of the run
 * @param note         how the record came to be in this format ("" for runs written by the runner; migrations say what they kept and derived)
 */
public record RunRecord(String experiment, RunSpec spec, String specSha256, Provenance provenance, Split split, Training training, Test test,
                        List<String> classes, List<Epoch> history, Map<String, String> files, String finishedUtc, double wallSeconds, String note) {
    public static final String FILE = "record.properties";
    /** The current format: run-record/2 plus every file's hash and the split's sides ({@link SplitSides}). */
    public static final String FORMAT = "run-record/3";
    /** The format before file hashes and split sides: converted by {@code emoaug records migrate}. */
    public static final String FORMAT_2 = "run-record/2";

    public RunRecord {
        classes = List.copyOf(classes);
        history = List.copyOf(history);
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        if (!files.containsKey(Predictions.FILE)) throw new IllegalArgumentException(experiment + ": a run record lists its " + Predictions.FILE);
        if (spec.evaluates() != (training == null))
            throw new IllegalArgumentException(experiment + ": " + (spec.evaluates() ? "an evaluation trains nothing, so it has no training outcome"
                    : "a run that trains needs its training outcome"));
        if (spec.evaluates() && !history.isEmpty()) throw new IllegalArgumentException(experiment + ": an evaluation has no per-epoch history");
    }

    /** Whether the run trained a model (false for an evaluation of another run's model). */
    public boolean trained() { return training != null; }

    /** SHA-256 of {@code predictions.csv}. */
    public String predictionsSha256() { return files.get(Predictions.FILE); }

    /**
     * The split: its description, row counts (rows are recordings × augmented copies on the training side) and who was
     * on each side ({@link SplitSides}).
     */
    public record Split(String summary, int rowsTrain, int rowsValidation, int rowsTest, SplitSides sides) {
        public Split {
            java.util.Objects.requireNonNull(sides, "sides");
        }
    }

    /**
     * Training outcome: the epoch selected on validation, epochs run, the best validation score, why it stopped and
     * whether it converged ({@link StopReason#converged}).
     */
    public record Training(int bestEpoch, int epochsRun, double bestValidationScore, StopReason stopReason, boolean converged) {}

    /** Test metrics (fractions) with per-run 95 % bootstrap intervals over test rows, and recall per class in class order. */
    public record Test(double wa, double ua, double macroF1, double waLow, double waHigh, double uaLow, double uaHigh, List<Double> recall) {
        public Test {
            recall = List.copyOf(recall);
        }
    }

    /**
     * One row of {@code history.csv}; {@code testWa} and {@code testUa} are NaN unless the run recorded a test curve
     * (a fixed budget, {@link org.emoaugnet.model.Trainer#TEST_UA}).
     */
    public record Epoch(int epoch, double trainLoss, double trainWa, double trainUa, double valWa, double valUa, double lr, double seconds,
                        double testWa, double testUa) {}

    public static boolean finished(Path dir) { return Files.isRegularFile(dir.resolve(FILE)); }

    /** Every run folder under {@code runsRoot} with a record: runs ({@code <experiment>/<run>}) and evaluations ({@code <experiment>/<run>/eval-*}). */
    public static List<Path> folders(Path runsRoot) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(runsRoot)) return out;
        try (var s = Files.walk(runsRoot, 4)) {   // runs at depth 3, evaluations (eval-*/record.properties) at 4
            s.filter(p -> p.getFileName().toString().equals(FILE)).map(Path::getParent)
                    .filter(d -> runsRoot.relativize(d).toString().split("[/\\\\]").length >= 2)
                    .filter(d -> { for (Path part : runsRoot.relativize(d)) if (part.toString().startsWith(".") || part.toString().equals("superseded")) return false; return true; })
                    .sorted().forEach(out::add);
        }
        return out;
    }


    /** Whether the record in {@code dir} is of the current format (older ones need {@code emoaug records migrate}). */
    public static boolean current(Path dir) throws IOException { return FORMAT.equals(load(dir).get("format")); }

    /**
     * Writes {@code record.properties} into {@code dir} (atomically). The run's other files must be there already, as
     * {@link #files} lists them (checked before anything is written).
     */
    public void write(Path dir) throws IOException {
        RunFiles.check(dir, files);
        Map<String, String> m = new TreeMap<>();
        m.put("format", FORMAT);
        m.put("experiment", experiment);
        spec.fields().forEach((k, v) -> m.put("spec." + k, v));
        m.put("spec_sha256", specSha256);
        provenance.fields().forEach((k, v) -> m.put("provenance." + k, v));
        m.put("split.summary", split.summary());
        m.put("split.rows_train", String.valueOf(split.rowsTrain()));
        m.put("split.rows_validation", String.valueOf(split.rowsValidation()));
        m.put("split.rows_test", String.valueOf(split.rowsTest()));
        m.putAll(split.sides().fields());
        if (training != null) {   // an evaluation records none
            m.put("training.best_epoch", String.valueOf(training.bestEpoch()));
            m.put("training.epochs_run", String.valueOf(training.epochsRun()));
            m.put("training.best_validation_score", String.valueOf(training.bestValidationScore()));
            m.put("training.stop_reason", training.stopReason().name());
            m.put("training.converged", String.valueOf(training.converged()));
        }
        m.put("test.wa", String.valueOf(test.wa()));
        m.put("test.ua", String.valueOf(test.ua()));
        m.put("test.macro_f1", String.valueOf(test.macroF1()));
        m.put("test.wa_ci95", test.waLow() + "," + test.waHigh());
        m.put("test.ua_ci95", test.uaLow() + "," + test.uaHigh());
        for (int c = 0; c < classes.size(); c++) m.put("test.recall." + classes.get(c), String.valueOf(test.recall().get(c)));
        m.put("classes", String.join(",", classes));
        files.forEach((k, v) -> m.put(RunFiles.PREFIX + k, v));
        m.put("finished_utc", finishedUtc);
        m.put("wall_seconds", String.format(Locale.ROOT, "%.1f", wallSeconds));
        if (!note.isEmpty()) m.put("note", note);
        m.put(RecordCheck.CHECKSUM, RecordCheck.checksum(m));
        store(dir, m);
    }

    /**
     * When the run started: its finish time less its wall time (both recorded; the wall time is measured from the
     * start of the run's work); empty when either was not recorded as such (migrated records: a date, or no wall time).
     */
    public java.util.Optional<java.time.Instant> startedUtc() {
        if (!Double.isFinite(wallSeconds)) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(java.time.Instant.parse(finishedUtc).minusMillis(Math.round(wallSeconds * 1000)));
        } catch (java.time.format.DateTimeParseException e) {   // a migrated record's finish date, not an instant: no start to tell
            return java.util.Optional.empty();
        }
    }

    /** Writes {@code fields} as a sorted properties file (so records diff cleanly). */
    public static void store(Path dir, Map<String, String> fields) throws IOException {
        store(dir.resolve(FILE), "# emoaugnet-java run record", fields);
    }

    /** Writes {@code fields} into {@code file} (atomically) as sorted properties under the comment line {@code heading}. */
    static void store(Path file, String heading, Map<String, String> fields) throws IOException {
        StringBuilder sb = new StringBuilder(heading).append('\n');
        java.util.Properties p = new java.util.Properties();
        fields.forEach(p::setProperty);
        java.io.StringWriter w = new java.io.StringWriter();
        p.store(w, null);
        w.toString().lines().filter(l -> !l.startsWith("#")).sorted().forEach(l -> sb.append(l).append('\n'));
        AtomicFiles.writeString(file, sb.toString());
    }

    /** The raw fields of a run folder's record file, sorted. */
    static Map<String, String> load(Path dir) throws IOException { return loadFile(dir.resolve(FILE)); }

    /** The raw fields of a record file of any format, sorted. */
    static Map<String, String> loadFile(Path file) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    /**
     * Reads the record of a run folder, with its history. Fails naming the folder when the record is of an older
     * format, is incomplete, or its spec no longer hashes to the recorded hash (edited by hand), and naming the file
     * and both hashes when a file of the run differs from the record or is not listed in it ({@link RunFiles#check}).
     */
    public static RunRecord read(Path dir) throws IOException {
        Map<String, String> m = load(dir);
        if (!FORMAT.equals(m.get("format")))
            throw new IOException(dir.resolve(FILE) + ": a run record of an older format (" + m.getOrDefault("format", "run-record/1")
                    + "); convert it with: environment/emoaug records migrate");
        try {
            Recorded r = Recorded.of(dir.resolve(FILE), m);
            RunSpec s = r.spec();
            String hash = r.hash();
            Map<String, String> files = new TreeMap<>();
            m.forEach((k, v) -> { if (k.startsWith(RunFiles.PREFIX)) files.put(k.substring(RunFiles.PREFIX.length()), v); });
            RecordCheck.checksum(dir.resolve(FILE), m);
            RunFiles.check(dir, files);
            List<String> classes = List.of(need(m, "classes").split(","));
            List<Double> recall = new ArrayList<>();
            for (String c : classes) recall.add(Double.parseDouble(need(m, "test.recall." + c)));
            double[] wa = pair(need(m, "test.wa_ci95")), ua = pair(need(m, "test.ua_ci95"));
            if (s.evaluates() && m.keySet().stream().anyMatch(k -> k.startsWith("training.")))
                throw new IllegalArgumentException("an evaluation's record has training fields");
            RunRecord rec = new RunRecord(need(m, "experiment"), s, hash, r.provenance(),
                    new Split(need(m, "split.summary"), integer(m, "split.rows_train"), integer(m, "split.rows_validation"), integer(m, "split.rows_test"),
                            SplitSides.fromFields(m)),
                    s.evaluates() ? null : new Training(integer(m, "training.best_epoch"), integer(m, "training.epochs_run"), Double.parseDouble(need(m, "training.best_validation_score")),
                            StopReason.valueOf(need(m, "training.stop_reason")), Boolean.parseBoolean(need(m, "training.converged"))),
                    new Test(Double.parseDouble(need(m, "test.wa")), Double.parseDouble(need(m, "test.ua")), Double.parseDouble(need(m, "test.macro_f1")),
                            wa[0], wa[1], ua[0], ua[1], recall),
                    classes, s.evaluates() ? List.of() : readHistory(dir.resolve("history.csv")), files, need(m, "finished_utc"),
                    Double.parseDouble(need(m, "wall_seconds")), m.getOrDefault("note", ""));
            RecordCheck.pointMetrics(dir, rec.test(), Predictions.parse(dir.resolve(Predictions.FILE), classes));
            return rec;
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The spec of a record's fields ({@code spec.*}), checked against its recorded {@code spec_sha256}, and its
     * provenance ({@code provenance.*}): what run records and failure records ({@link RunFailure}) share.
     */
    record Recorded(RunSpec spec, String hash, Provenance provenance) {
        static Recorded of(Path file, Map<String, String> m) throws IOException {
            Map<String, String> spec = new TreeMap<>(), prov = new TreeMap<>();
            m.forEach((k, v) -> {
                if (k.startsWith("spec.")) spec.put(k.substring(5), v);
                if (k.startsWith("provenance.")) prov.put(k.substring(11), v);
            });
            RunSpec s = RunSpec.fromFields(spec);
            String hash = need(m, "spec_sha256");
            if (!s.sha256().equals(hash)) throw new IOException(file + ": the spec does not hash to the recorded spec_sha256 (the record was edited)");
            return new Recorded(s, hash, Provenance.fromFields(prov));
        }
    }

    /** The test metric named {@code test_wa}, {@code test_ua} or {@code test_macro_f1}. */
    public double metric(String name) {
        return switch (name) {
            case "test_wa", "wa", "WA" -> test.wa();
            case "test_ua", "ua", "UA" -> test.ua();
            case "test_macro_f1", "macro_f1" -> test.macroF1();
            default -> throw new IllegalArgumentException("unknown metric '" + name + "' (test_wa, test_ua, test_macro_f1)");
        };
    }

    public static List<Epoch> readHistory(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) throw new IOException(csv + ": missing (every finished run has its per-epoch history)");
        List<String> lines = Files.readAllLines(csv);
        List<String> head = Arrays.asList(lines.get(0).split(","));
        List<Epoch> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (l.isBlank()) continue;
            String[] f = l.split(",", -1);
            java.util.function.ToDoubleFunction<String> col = c -> {
                int i = head.indexOf(c);
                return i < 0 || i >= f.length || f[i].isEmpty() ? Double.NaN : Double.parseDouble(f[i]);
            };
            out.add(new Epoch((int) col.applyAsDouble("epoch"), col.applyAsDouble("train_loss"), col.applyAsDouble("train_wa"), col.applyAsDouble("train_ua"),
                    col.applyAsDouble("val_wa"), col.applyAsDouble("val_ua"), col.applyAsDouble("lr"), col.applyAsDouble("seconds"),
                    col.applyAsDouble(org.emoaugnet.model.Trainer.TEST_WA), col.applyAsDouble(org.emoaugnet.model.Trainer.TEST_UA)));
        }
        return out;
    }

    /**
     * The history as a table (columns as in {@code history.csv}; the per-epoch test metrics, recorded beside the
     * validation ones and never used to choose, are missing where a run did not record them).
     */
    public Table historyTable() throws IOException {
        tech.tablesaw.api.IntColumn ep = tech.tablesaw.api.IntColumn.create("epoch");
        String[] names = {"train_loss", "train_wa", "train_ua", "val_wa", "val_ua", "lr", "seconds", org.emoaugnet.model.Trainer.TEST_WA,
                org.emoaugnet.model.Trainer.TEST_UA};
        tech.tablesaw.api.DoubleColumn[] cols = new tech.tablesaw.api.DoubleColumn[names.length];
        for (int i = 0; i < names.length; i++) cols[i] = tech.tablesaw.api.DoubleColumn.create(names[i]);
        for (Epoch e : history) {
            ep.append(e.epoch());
            double[] v = {e.trainLoss(), e.trainWa(), e.trainUa(), e.valWa(), e.valUa(), e.lr(), e.seconds(), e.testWa(), e.testUa()};
            for (int i = 0; i < v.length; i++) cols[i].append(v[i]);
        }
        Table t = Table.create("history", ep);
        t.addColumns(cols);
        return t;
    }

    private static double[] pair(String s) {
        String[] p = s.split(",");
        return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
    }

    private static int integer(Map<String, String> m, String k) { return Integer.parseInt(need(m, k)); }

    private static String need(Map<String, String> m, String k) {
        String v = m.get(k);
        if (v == null) throw new IllegalArgumentException("missing '" + k + "'");
        return v;
    }
}
