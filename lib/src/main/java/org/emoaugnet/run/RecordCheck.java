package org.emoaugnet.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.eval.Confusion;
import org.emoaugnet.util.Sha256;

/**
 * Whether a run record agrees with itself and with the files of its run. Two depths:
 * <ul>
 *   <li>on every read ({@link RunRecord#read}): the record's checksum over its own fields ({@value #CHECKSUM}, so a
 *       hand-edited value such as {@code test.ua} fails), every file's SHA-256 ({@link RunFiles#check}) and the point
 *       metrics ({@code test.wa}, {@code test.ua}, {@code test.macro_f1}, {@code test.recall.*}) recomputed from
 *       {@code predictions.csv};</li>
 *   <li>{@link #full} ({@code emoaug records check}): besides, the per-run bootstrap intervals ({@code test.*_ci95},
 *       1000 resamples seeded with the run's seed, as the runner draws them), {@code confusion.csv}, the test row count,
 *       the number of epochs in {@code history.csv} and, where the run has one, {@code probabilities.csv} (the same
 *       items, each predicted class its row's largest probability).</li>
 * </ul>
 * The checksum is a guard against edits by hand, not a signature: whoever recomputes it can change a record, and
 * then the recomputed metrics still have to agree with the predictions, whose hash has to agree with the record.
 */
public final class RecordCheck {
    /** The record field holding the SHA-256 of all its other fields ({@link #checksum}). */
    public static final String CHECKSUM = "record_sha256";

    /** Largest difference between a recorded and a recomputed metric that counts as equal (records store full doubles). */
    static final double TOLERANCE = 1e-12;

    private RecordCheck() {}

    /** The SHA-256 of the fields other than {@value #CHECKSUM}, as sorted {@code key=value} lines. */
    static String checksum(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(fields).forEach((k, v) -> { if (!k.equals(CHECKSUM)) b.append(k).append('=').append(v).append('\n'); });
        return Sha256.of(b.toString());
    }

    /** Fails naming the record when its checksum is missing or does not match its fields. */
    static void checksum(Path record, Map<String, String> fields) throws IOException {
        String recorded = fields.get(CHECKSUM);
        if (recorded == null) throw new IOException(record + ": no '" + CHECKSUM + "' (every record of this format has one)");
        String now = checksum(fields);
        if (!now.equals(recorded))
            throw new IOException(record + ": edited after it was written: its fields hash to " + now + ", its " + CHECKSUM + " says " + recorded);
    }

    /** The test metrics that {@code p} gives, with the runner's bootstrap intervals seeded with {@code seed}. */
    static RunRecord.Test recompute(Predictions p, long seed) { return Evaluations.test(p.classes(), p.truth(), p.predicted(), seed); }

    /** Fails naming the run and the field when a recorded point metric is not what its predictions give. */
    static void pointMetrics(Path dir, RunRecord.Test recorded, Predictions p) throws IOException {
        org.emoaugnet.eval.Metrics m = org.emoaugnet.eval.Metrics.of(p.classes(), p.truth(), p.predicted());
        List<Double> recall = java.util.Arrays.stream(m.recall()).boxed().toList();
        RunRecord.Test now = new RunRecord.Test(m.wa(), m.ua(), m.macroF1(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, recall);
        List<String> bad = compare(recorded, now, p.classes(), false);
        if (!bad.isEmpty())
            throw new IOException(dir.resolve(RunRecord.FILE) + ": " + bad.get(0) + " (recomputed from " + dir.resolve(Predictions.FILE) + ")");
    }

    /** The differences between two sets of test metrics, one sentence each; intervals only when {@code intervals}. */
    static List<String> compare(RunRecord.Test recorded, RunRecord.Test now, List<String> classes, boolean intervals) {
        List<String> out = new ArrayList<>();
        differs(out, "test.wa", recorded.wa(), now.wa());
        differs(out, "test.ua", recorded.ua(), now.ua());
        differs(out, "test.macro_f1", recorded.macroF1(), now.macroF1());
        for (int c = 0; c < classes.size(); c++) differs(out, "test.recall." + classes.get(c), recorded.recall().get(c), now.recall().get(c));
        if (intervals) {
            differs(out, "test.wa_ci95 (low)", recorded.waLow(), now.waLow());
            differs(out, "test.wa_ci95 (high)", recorded.waHigh(), now.waHigh());
            differs(out, "test.ua_ci95 (low)", recorded.uaLow(), now.uaLow());
            differs(out, "test.ua_ci95 (high)", recorded.uaHigh(), now.uaHigh());
        }
        return out;
    }

    private static void differs(List<String> out, String field, double recorded, double now) {
        boolean same = Double.isNaN(recorded) ? Double.isNaN(now) : Math.abs(recorded - now) <= TOLERANCE;
        if (!same) out.add(String.format(Locale.ROOT, "%s is %s in the record, %s from the predictions", field, recorded, now));
    }

    /**
     * Every check of a run folder ({@code emoaug records check}); nothing is trained. Returns the problems found, one
     * sentence each naming the file; empty when the run checks out.
     */
    public static List<String> full(Path dir) {
        List<String> out = new ArrayList<>();
        RunRecord r;
        try {
            r = RunRecord.read(dir);   // checksum, file hashes, point metrics
        } catch (IOException | RuntimeException e) {
            // a record that cannot be read is this check's finding: reported with the others, not thrown
            out.add(e.getMessage());
            return out;
        }
        try {
            Predictions p = Predictions.parse(dir.resolve(Predictions.FILE), r.classes());
            for (String d : compare(r.test(), recompute(p, r.spec().seed()), r.classes(), true)) out.add(dir.resolve(RunRecord.FILE) + ": " + d);
            if (p.items().size() != r.split().rowsTest())
                out.add(dir.resolve(RunRecord.FILE) + ": split.rows_test is " + r.split().rowsTest() + ", " + dir.resolve(Predictions.FILE) + " has "
                        + p.items().size() + " rows");
            Path confusion = dir.resolve("confusion.csv");
            if (Files.isRegularFile(confusion)) {
                Path tmp = Files.createTempFile("confusion", ".csv");
                try {
                    org.emoaugnet.util.Tables.saveCsv(Confusion.of(r.classes(), p.truth(), p.predicted()).table(), tmp);
                    if (!Sha256.of(tmp).equals(Sha256.of(confusion)))
                        out.add(confusion + ": is not the confusion matrix of " + dir.resolve(Predictions.FILE));
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            Path probs = dir.resolve(Probabilities.FILE);
            if (Files.isRegularFile(probs)) out.addAll(Probabilities.parse(probs, r.classes()).disagreements(p, probs));
            if (r.trained() && r.history().size() != r.training().epochsRun())
                out.add(dir.resolve(RunRecord.FILE) + ": training.epochs_run is " + r.training().epochsRun() + ", history.csv has " + r.history().size() + " epochs");
        } catch (IOException | RuntimeException e) {
            // a file that cannot be read or compared is this check's finding: reported with the others, not thrown
            out.add(dir + ": " + e.getMessage());
        }
        return out;
    }
}
