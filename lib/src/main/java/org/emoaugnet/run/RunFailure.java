package org.emoaugnet.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The record of a run that failed (its training diverged: {@code model.TrainingDivergedException}), kept in the run's
 * own folder as {@value #FILE} beside what the run computed before it failed (its partial {@code history.csv}), so that
 * a resumed study does not train it again in a loop: the {@link Runner} reads it and fails the run at once, naming this
 * failure, unless failed runs are retried ({@code retry_failed}) or the spec changed. A folder with a failure record
 * has no {@link RunRecord#FILE}, so it is never taken for a finished run ({@link RunRecord#finished}) and no report
 * reads it as one. Written atomically; read back checked (its spec hashes to its recorded hash, its own checksum).
 *
 * @param experiment  the experiment the run belongs to
 * @param spec        the failed run's spec
 * @param specSha256  its hash when the run failed
 * @param reason      why it failed (where and what was not finite)
 * @param provenance  code, libraries and machine
 * @param failedUtc   when it failed
 * @param wallSeconds how long it ran before it failed
 */
public record RunFailure(String experiment, RunSpec spec, String specSha256, String reason, Provenance provenance, String failedUtc, double wallSeconds) {
    public static final String FILE = "failed.properties";
    public static final String FORMAT = "run-failure/1";

    /** Whether {@code dir} holds a failure record. */
    public static boolean exists(Path dir) { return Files.isRegularFile(dir.resolve(FILE)); }

    /** Writes {@value #FILE} into {@code dir}, atomically. */
    public void write(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        m.put("format", FORMAT);
        m.put("experiment", experiment);
        spec.fields().forEach((k, v) -> m.put("spec." + k, v));
        m.put("spec_sha256", specSha256);
        provenance.fields().forEach((k, v) -> m.put("provenance." + k, v));
        m.put("reason", reason);
        m.put("failed_utc", failedUtc);
        m.put("wall_seconds", String.format(Locale.ROOT, "%.1f", wallSeconds));
        m.put(RecordCheck.CHECKSUM, RecordCheck.checksum(m));
        RunRecord.store(dir.resolve(FILE), "# emoaugnet-java failed run: not a finished run (see reason)", m);
    }

    /**
     * The failure record of {@code dir}, if it has one.
     *
     * @throws IOException naming the file when it is of another format, incomplete, edited (checksum) or its spec no
     *         longer hashes to its recorded hash
     */
    public static Optional<RunFailure> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        Map<String, String> m = RunRecord.loadFile(file);
        if (!FORMAT.equals(m.get("format"))) throw new IOException(file + ": a failure record of format '" + m.get("format") + "', this version reads " + FORMAT);
        RecordCheck.checksum(file, m);
        try {
            RunRecord.Recorded r = RunRecord.Recorded.of(file, m);
            return Optional.of(new RunFailure(need(m, "experiment"), r.spec(), r.hash(), need(m, "reason"), r.provenance(), need(m, "failed_utc"),
                    Double.parseDouble(need(m, "wall_seconds"))));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static String need(Map<String, String> m, String k) {
        String v = m.get(k);
        if (v == null) throw new IllegalArgumentException("missing '" + k + "'");
        return v;
    }
}
