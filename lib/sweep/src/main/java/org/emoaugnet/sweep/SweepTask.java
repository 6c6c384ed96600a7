package org.emoaugnet.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.Runner;
import org.emoaugnet.design.Sweep;

/**
 * What one Spark task does, in whatever JVM runs it: rebuild the sweep's jobs (once per JVM), find the run it was
 * given by label, and run or resume it with the same {@link Runner#runOrResume} as the local path. The record is
 * therefore written the same way: into a temporary folder, installed by an atomic rename, skipped when finished under
 * its spec, so a retried or speculative copy of the task never leaves a second or partial record.
 */
public final class SweepTask {
    private SweepTask() {}

    /** What a task reports back to the driver (the record itself stays on the shared storage). */
    public record Outcome(String label, boolean ok, String specHash, double ua, String stopReason, boolean converged,
                          double seconds, String host, String error) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    static final String JOBS = "jobs";

    /** The sweep's jobs by label, planned once per JVM ({@link Plans}). */
    static Map<String, Runner.Job> planned(Sweep sweep) {
        return Plans.get(sweep, JOBS, s -> byLabel(s.jobs()));
    }

    static Map<String, Runner.Job> byLabel(List<Runner.Job> jobs) {
        Map<String, Runner.Job> byLabel = new LinkedHashMap<>();
        for (Runner.Job j : jobs) byLabel.put(j.label(), j);
        return byLabel;
    }

    /** Runs (or resumes) one run of the sweep. A failure of the run itself is reported, not thrown: the others go on. */
    public static Outcome run(Sweep sweep, String label) {
        long t0 = System.nanoTime();
        Runner.Job job = planned(sweep).get(label);
        if (job == null)
            return new Outcome(label, false, "", Double.NaN, "", false, 0, host(), "no run named " + label + " in " + sweep.describe()
                    + " as planned on " + host() + " (does this worker see the same project, data and settings?)");
        try {
            RunRecord r = Runner.runOrResume(job);
            return new Outcome(label, true, r.specSha256().substring(0, 12), r.test().ua(), r.trained() ? String.valueOf(r.training().stopReason()) : "evaluated",
                    !r.trained() || r.training().converged(), (System.nanoTime() - t0) / 1e9, host(), "");
        } catch (Exception e) {   // the failure travels in the outcome (its text): the driver prints every failed task, the command exits 4
            return new Outcome(label, false, job.spec().shortHash(), Double.NaN, "", false, (System.nanoTime() - t0) / 1e9, host(), e.toString());
        }
    }

    static String host() { return Runner.HOST; }
}
