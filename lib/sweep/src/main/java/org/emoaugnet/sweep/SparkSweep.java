package org.emoaugnet.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.emoaugnet.run.NumericKernels;
import org.emoaugnet.run.Provenance;
import org.emoaugnet.run.Runner;
import org.emoaugnet.design.Sweep;

/**
 * Runs a {@link Sweep} as one Spark job with one task per run that is not finished yet, each task calling the same
 * runner as the local path ({@link SweepTask}). Embedded {@code local[N]} by default, so it needs no cluster;
 * {@code spark://host:7077} runs it on a standalone cluster whose workers see the project, the corpora, the cache and
 * the record folder at the same paths (shared storage), and the sweep's jars (by default the folder this class was
 * loaded from, put on every executor's class path).
 */
public final class SparkSweep {
    private SparkSweep() {}

    /**
     * @param master          Spark master URL: {@code local[N]} (embedded, the default) or {@code spark://host:port}
     * @param threadsPerTask  native threads of each run ({@code OMP_NUM_THREADS} of the executors; one task per core)
     * @param executorMemory  heap of each executor on a cluster ({@code spark.executor.memory})
     * @param maxFailures     attempts per task before the job gives up ({@code spark.task.maxFailures}): a lost
     *                        executor's tasks are tried again on another
     * @param executorClassPath class path entries for executors on a cluster; empty: the sweep's own jar folder
     */
    public record Options(String master, int threadsPerTask, String executorMemory, int maxFailures, String executorClassPath) {
        public static Options local(int cores) { return new Options("local[" + cores + "]", 1, "2g", 4, ""); }

        boolean isLocal() { return master.startsWith("local"); }
    }

    /** What the sweep did: runs planned, already finished before it started, and what each task reported. */
    public record Report(String sweep, int planned, int alreadyFinished, List<SweepTask.Outcome> outcomes, double wallSeconds) {
        public List<SweepTask.Outcome> failures() { return outcomes.stream().filter(o -> !o.ok()).toList(); }

        public int computed() { return (int) outcomes.stream().filter(SweepTask.Outcome::ok).count(); }
    }

    /** The JVM options Spark needs on Java 17 (the executors get them too). */
    public static String jvmOptions() {
        try (InputStream in = SparkSweep.class.getResourceAsStream("jvm-options.txt")) {
            if (in == null) throw new IllegalStateException("jvm-options.txt missing from the sweep jar (build lib/sweep with Maven)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Report run(Sweep sweep, Options o, PrintStream log) throws IOException {
        long t0 = System.nanoTime();
        List<Runner.Job> jobs = sweep.jobs();
        if (o.isLocal()) Plans.put(sweep, SweepTask.JOBS, SweepTask.byLabel(jobs));   // tasks in this JVM use the driver's plan
        List<String> todo = new ArrayList<>();
        for (Runner.Job j : jobs) if (Runner.status(j) != Runner.Status.FINISHED) todo.add(j.label());
        int finished = jobs.size() - todo.size();
        log.printf(Locale.ROOT, "[sweep] %s: %d runs planned, %d finished already, %d to compute on %s%n",
                sweep.describe(), jobs.size(), finished, todo.size(), o.master());
        if (todo.isEmpty()) return new Report(sweep.describe(), jobs.size(), finished, List.of(), (System.nanoTime() - t0) / 1e9);
        if (o.isLocal() && !String.valueOf(o.threadsPerTask()).equals(Provenance.threadsOfThisProcess()))
            log.printf(Locale.ROOT, "[sweep] note: embedded Spark runs tasks in this JVM, whose native threads are fixed at start "
                    + "(OMP_NUM_THREADS=%s); --threads %d applies to cluster executors only%n", Provenance.threadsOfThisProcess(), o.threadsPerTask());

        SparkConf conf = conf(sweep, o, "emoaug sweep: " + sweep.describe());
        List<SweepTask.Outcome> outcomes;
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            AtomicInteger ended = new AtomicInteger(), lost = new AtomicInteger();
            int n = todo.size();
            sc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd e) {
                    String label = todo.get(e.taskInfo().index());
                    double s = e.taskInfo().duration() / 1000.0;
                    if (e.taskInfo().successful()) {
                        log.printf(Locale.ROOT, "[sweep] %d/%d done: %s (executor %s on %s, %.0f s, attempt %d)%n", ended.incrementAndGet(), n, label,
                                e.taskInfo().executorId(), e.taskInfo().host(), s, e.taskInfo().attemptNumber() + 1);
                    } else {
                        lost.incrementAndGet();
                        log.printf(Locale.ROOT, "[sweep] attempt %d of %s did not finish on executor %s (%s): %s; Spark tries it again (at most %d attempts)%n",
                                e.taskInfo().attemptNumber() + 1, label, e.taskInfo().executorId(), e.taskInfo().host(), e.reason(), o.maxFailures());
                    }
                }
            });
            // one partition per run: each task is one run, scheduled on a free core as soon as one is free
            outcomes = sc.parallelize(todo, todo.size()).map(label -> SweepTask.run(sweep, label)).collect();
        }
        Report r = new Report(sweep.describe(), jobs.size(), finished, outcomes, (System.nanoTime() - t0) / 1e9);
        for (SweepTask.Outcome f : r.failures())
            log.printf(Locale.ROOT, "[sweep] FAILED %s (spec %s) on %s: %s%n", f.label(), f.specHash(), f.host(), f.error());
        log.printf(Locale.ROOT, "[sweep] %d of %d runs computed, %d failed, %d were finished already; wall time %.1f s%n",
                r.computed(), todo.size(), r.failures().size(), finished, r.wallSeconds());
        return r;
    }

    /**
     * The Spark configuration of a sweep's job: master, attempts, one core and {@code threadsPerTask} native threads per
     * task, and the driver's numeric kernels for the executors.
     */
    static SparkConf conf(Sweep sweep, Options o, String appName) {
        SparkConf conf = new SparkConf().setAppName(appName).setMaster(o.master())
                .set("spark.task.maxFailures", String.valueOf(o.maxFailures()))
                .set("spark.task.cpus", "1")
                .set("spark.ui.enabled", "false")
                .set("spark.executorEnv.OMP_NUM_THREADS", String.valueOf(o.threadsPerTask()))
                .set("spark.executorEnv.EMOAUG_HOME", sweep.resolvedSettings().projectRoot().toString())
                .set("spark.executor.memory", o.executorMemory());
        // executors run the driver's numeric kernels: pinned ones (environment/kernels.env) where the driver runs pinned,
        // else native with the driver's opt-out, so that their records say so (NumericKernels)
        if (NumericKernels.current() == NumericKernels.Mode.PINNED)
            NumericKernels.pinned().forEach((k, v) -> conf.set("spark.executorEnv." + k, v));
        else if (System.getenv(NumericKernels.OPT_OUT) != null)
            conf.set("spark.executorEnv." + NumericKernels.OPT_OUT, System.getenv(NumericKernels.OPT_OUT));
        if (!o.isLocal()) {
            conf.set("spark.executor.extraJavaOptions", jvmOptions() + " -Djava.awt.headless=true");
            conf.set("spark.executor.extraClassPath", o.executorClassPath().isBlank() ? ownJarFolder() + "/*" : o.executorClassPath());
        }
        return conf;
    }

    /** The folder holding the jar this class came from (lib/sweep/target/jars when built by Maven). */
    static Path ownJarFolder() {
        try {
            return Path.of(SparkSweep.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().getParent();
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the sweep jar: " + e.getMessage(), e);
        }
    }
}
