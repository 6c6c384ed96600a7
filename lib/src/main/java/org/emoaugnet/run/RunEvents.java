package org.emoaugnet.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The runner's account of what it did with each run, for a driver that wants to say how many runs a job trained and
 * how many it read back: when {@code EMOAUG_RUN_EVENTS} names a file, every run the {@link Runner} resolves appends one
 * line to it, {@code outcome TAB experiment/run TAB spec-sha256 TAB utc TAB pid@host}, with outcome
 * {@code trained} (computed by this process) or {@code read-back} (finished under its spec before: nothing trained).
 * A run resolved twice appends twice; the driver counts distinct runs ({@code environment/run_notebooks.py}). Lines
 * are appended in one write each, so the kernels and threads of one job never interleave them. Unset: nothing is written.
 */
public final class RunEvents {
    public static final String ENV = "EMOAUG_RUN_EVENTS";

    /** What the runner did with a run. */
    public enum Outcome {
        TRAINED("trained"), READ_BACK("read-back");

        private final String word;

        Outcome(String word) { this.word = word; }

        /** As the events file writes it. */
        public String word() { return word; }
    }

    private static volatile Path fileOverride;

    private RunEvents() {}

    /** Appends to {@code file} instead of {@code EMOAUG_RUN_EVENTS} (null: back to the variable); for tests. */
    public static void setFile(Path file) { fileOverride = file; }

    /** The events file of this process, or null when none is asked for. */
    static Path file() {
        if (fileOverride != null) return fileOverride;
        String v = System.getenv(ENV);
        return v == null || v.isBlank() ? null : Path.of(v.trim());
    }

    /** Appends the outcome of {@code job}'s run to the events file, if one is asked for; a file that cannot be written fails loudly. */
    static synchronized void record(Runner.Job job, Outcome outcome) throws IOException {
        Path f = file();
        if (f == null) return;
        String line = outcome.word() + "\t" + job.label() + "\t" + job.spec().sha256() + "\t" + Instant.now() + "\t"
                + ProcessHandle.current().pid() + "@" + Runner.HOST + "\n";
        try {
            Path parent = f.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.write(f, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IOException(f + " (" + ENV + "): cannot record that " + job.label() + " was " + outcome.word() + ": " + e.getMessage(), e);
        }
    }
}
