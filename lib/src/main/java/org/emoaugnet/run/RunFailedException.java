package org.emoaugnet.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One or more runs failed: their training diverged (a non-finite loss or parameter), now or in an earlier attempt
 * whose failure record ({@link RunFailure}) the runner found, or both. Every run is named with its spec and why it
 * failed; a failure found from an earlier attempt says how to retry it. The command line reports it as a failed run
 * (its own exit code), apart from bad configuration and bad data. An {@link IOException}, so that every driver that
 * runs jobs passes it on as it passes on their other errors.
 */
public final class RunFailedException extends IOException {
    /** How to train a run again whose earlier attempt failed. */
    public static final String HOW_TO_RETRY = "retry with --retry-failed or EMOAUG_RETRY_FAILED=1 (or change its spec)";

    /**
     * One failed run.
     *
     * @param run     {@code <experiment>/<run>}
     * @param spec    its spec's short hash
     * @param reason  why it failed
     * @param record  its failure record ({@code <run folder>/failed.properties}); null for an error that is not a
     *                diverged training and left no record (the run is tried again on resume)
     * @param earlier whether it failed in an earlier attempt (found, not trained now)
     */
    public record Failed(String run, String spec, String reason, Path record, boolean earlier) {
        /** One line: the run, its spec, why, and where the failure is recorded (with how to retry an earlier one). */
        public String describe() {
            return run + " (spec " + spec + ") " + (earlier ? "failed in an earlier attempt" : "failed") + ": " + reason
                    + (record == null ? "" : "; recorded in " + record) + (earlier ? ". Not retried: " + HOW_TO_RETRY : "");
        }
    }

    private final List<Failed> runs;

    private RunFailedException(String message, List<Failed> runs, Throwable cause) {
        super(message, cause);
        this.runs = List.copyOf(runs);
    }

    /** The failed runs, in the order they were found. */
    public List<Failed> runs() { return runs; }

    /** The run of {@code job} failed now ({@code cause}); its failure was recorded in {@code record}. */
    static RunFailedException now(Runner.Job job, String reason, Path record, Throwable cause) {
        Failed f = new Failed(job.label(), job.spec().shortHash(), reason, record, false);
        return new RunFailedException(f.describe() + " (a later run of this spec fails at once: " + HOW_TO_RETRY + ")", List.of(f), cause);
    }

    /** The run of {@code job} failed in an earlier attempt, recorded in {@code record}; it is not trained again. */
    static RunFailedException earlier(Runner.Job job, RunFailure failure, Path record) {
        Failed f = new Failed(job.label(), job.spec().shortHash(), failure.reason() + " (at " + failure.failedUtc() + ")", record, true);
        return new RunFailedException(f.describe(), List.of(f), null);
    }

    /** The run {@code run} (spec {@code spec}) ended with an error other than a diverged training ({@code cause}); nothing is recorded. */
    public static RunFailedException unrecorded(String run, String spec, Throwable cause) {
        Failed f = new Failed(run, spec, String.valueOf(cause), null, false);
        return new RunFailedException(f.describe(), List.of(f), cause);
    }

    /** The failures of {@code total} runs executed together ({@link Runner#runAll}), the others finished. */
    static RunFailedException of(List<RunFailedException> failures, int total) {
        List<Failed> all = new ArrayList<>();
        for (RunFailedException e : failures) all.addAll(e.runs());
        StringBuilder sb = new StringBuilder(all.size() + " of " + total + " run(s) failed (the others are finished and kept):");
        for (Failed f : all) sb.append("\n  ").append(f.describe());
        RunFailedException out = new RunFailedException(sb.toString(), all, failures.isEmpty() ? null : failures.get(0));
        for (RunFailedException e : failures.subList(Math.min(1, failures.size()), failures.size())) out.addSuppressed(e);
        return out;
    }
}
