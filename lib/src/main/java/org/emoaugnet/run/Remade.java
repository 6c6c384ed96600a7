package org.emoaugnet.run;

import java.io.IOException;

/**
 * A recorded run made again from its spec and set beside its record: the one home of "re-make and compare", used by
 * {@code records verify} ({@link SpecJobs#verify}, for the run verified and for an evaluation's evaluated run) and by
 * an evaluation whose network must be recomputed ({@link Evaluations}).
 *
 * @param recorded the committed record it is compared with
 * @param now      the record of the run made again (or of a finished one reused under the same spec)
 * @param reused   whether {@code now} was already finished (an earlier verification made it) rather than made here
 */
public record Remade(RunRecord recorded, RunRecord now, boolean reused) {
    public Remade {
        if (recorded == null || now == null) throw new IllegalArgumentException("a re-made run needs both records");
    }

    /**
     * Makes {@code job} (resuming it if it is in progress; reusing it if it is finished under its spec) and sets its
     * record beside {@code recorded}.
     */
    public static Remade of(Runner.Job job, RunRecord recorded) throws IOException {
        boolean finished = Runner.status(job) == Runner.Status.FINISHED;
        return new Remade(recorded, Runner.runOrResume(job), finished);
    }

    /** Whether the run made again has the record's predictions, byte for byte (their SHA-256). */
    public boolean samePredictions() { return now.predictionsSha256().equals(recorded.predictionsSha256()); }

    /** "identical to its record's" or, loudly, "OTHER THAN its record's (SHA-256 ... recorded, ... now)", with both full hashes. */
    public String predictions() {
        return samePredictions() ? "identical to its record's"
                : "OTHER THAN its record's (SHA-256 " + recorded.predictionsSha256() + " recorded, " + now.predictionsSha256() + " now)";
    }
}
