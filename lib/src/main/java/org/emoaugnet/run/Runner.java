package org.emoaugnet.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.emoaugnet.model.TrainingDivergedException;

/**
 * The one runner behind every driver (experiments, ablations, the cross-corpus grid, robustness, notebooks, CLI):
 * run-or-resume keyed by the spec hash.
 *
 * <ul>
 *   <li>A run folder whose record has the job's spec hash is finished: it is read back, nothing trains.</li>
 *   <li>A run folder whose record has another hash belongs to an older spec: it is moved to
 *       {@code <experiment>/superseded/<run>-<old hash>/} (kept, never read as current) and the run trains anew.</li>
 *   <li>A run is computed into a temporary folder {@code .tmp-<run>-<pid>-<id>} beside its final place and renamed into
 *       place only once its record is written, so a half-written run is never read as finished; a killed run leaves
 *       only a temporary folder, removed by the next runner once its process is gone.</li>
 *   <li>Records of an older format are refused with the command that converts them, never silently replaced.</li>
 *   <li>A run whose training diverges ({@link TrainingDivergedException}: a non-finite loss or parameter) ends as
 *       failed: its failure record ({@link RunFailure}, {@code failed.properties}, with what it computed before, such
 *       as its partial history) is installed as its run folder like a finished run's, and a {@link RunFailedException}
 *       names it. A later run of the same spec finds the record and fails at once, naming the earlier failure and how
 *       to retry, so a resumed study never trains it again in a loop; a job that retries failed runs
 *       ({@link Job#retryFailed}, from {@code retry_failed}) trains it again, and a changed spec trains anew. Either
 *       way the old folder is moved to {@code superseded/}, kept.</li>
 *   <li>Only runs of this checkout's engine are trained. A job whose spec has another engine (an experiment pinned to
 *       an older one in {@code experiments/engine-pins.csv}, {@link EnginePins}) is read back when its record has the
 *       job's spec hash; otherwise it fails before any work ({@link OtherEngineException}), naming the run, the engine,
 *       the pin and the git tag whose checkout trains it ({@link #refusal}), and nothing in its folder is moved.</li>
 *   <li>Whether a run was trained or read back is appended to {@code EMOAUG_RUN_EVENTS} when it names a file ({@link RunEvents}).</li>
 * </ul>
 * The unit of work is {@link Job} ("run this spec"); {@link #runAll} executes independent jobs concurrently, by
 * default one per core with one native thread each (the launchers set {@code OMP_NUM_THREADS=1}).
 */
public final class Runner {
    private Runner() {}

    /** What a job computes into its (temporary) run folder; the runner adds the spec, provenance and timing. */
    public record Computed(RunRecord.Split split, RunRecord.Training training, RunRecord.Test test, List<String> classes, List<RunRecord.Epoch> history) {}

    /** Computes a run into {@code dir}: writes {@code history.csv}, {@code predictions.csv} (and whatever else it keeps), returns the results. */
    @FunctionalInterface
    public interface Work {
        Computed compute(Path dir) throws IOException;
    }

    /**
     * One unit of work: the spec, the experiment it belongs to, where its run lives, how to compute it, and whether a
     * run of this spec that failed in an earlier attempt is trained again ({@code retry_failed}) or fails at once.
     */
    public record Job(RunSpec spec, String experiment, Path runDir, Work work, boolean retryFailed) {
        /** A job that does not retry a failed run. */
        public Job(RunSpec spec, String experiment, Path runDir, Work work) { this(spec, experiment, runDir, work, false); }

        public String label() { return experiment + "/" + runDir.getFileName(); }
    }

    public enum Status { FINISHED, STALE, MISSING }

    /** Whether the job's run is finished under its spec, stale (another spec) or missing. Older record formats fail. */
    public static Status status(Job job) throws IOException {
        if (!RunRecord.finished(job.runDir())) return Status.MISSING;
        if (!RunRecord.current(job.runDir()))
            throw new IOException(job.runDir().resolve(RunRecord.FILE) + ": a run record of an older format; convert the records with: "
                    + "environment/emoaug records migrate (the runner never replaces them silently)");
        return job.spec().sha256().equals(recordedHash(job.runDir())) ? Status.FINISHED : Status.STALE;
    }

    /** The spec hash recorded in a run folder, or null when it holds no finished run of the current format. */
    private static String recordedHash(Path runDir) throws IOException {
        return RunRecord.finished(runDir) && RunRecord.current(runDir) ? RunRecord.read(runDir).specSha256() : null;
    }

    /**
     * Runs the job unless it is finished under its spec; returns its record.
     *
     * @throws RunFailedException when its training diverges now (the failure is recorded in its run folder), or when an
     *         earlier attempt of the same spec failed and the job does not retry failed runs (nothing is trained)
     * @throws OtherEngineException when it is not finished and its spec is of another engine than this checkout's
     *         ({@link #refusal}): before anything is computed, moved or deleted
     */
    public static RunRecord runOrResume(Job job) throws IOException {
        Status status = status(job);
        if (status == Status.FINISHED) {
            RunEvents.record(job, RunEvents.Outcome.READ_BACK);
            return RunRecord.read(job.runDir());
        }
        String refused = refusal(job, status);
        if (refused != null) throw new OtherEngineException(refused);
        var earlier = RunFailure.read(job.runDir());
        if (earlier.isPresent() && earlier.get().specSha256().equals(job.spec().sha256()) && !job.retryFailed())
            throw RunFailedException.earlier(job, earlier.get(), job.runDir().resolve(RunFailure.FILE));
        Path parent = job.runDir().toAbsolutePath().getParent();
        Files.createDirectories(parent);
        cleanAbandoned(parent, job.runDir().getFileName().toString());
        // the writer's pid and host in the name: on storage shared by several machines only the writer's host can tell
        // whether it is still alive (cleanAbandoned)
        Path tmp = parent.resolve(".tmp-" + job.runDir().getFileName() + "-" + ProcessHandle.current().pid() + "@" + HOST + "-"
                + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(tmp);
        long t0 = System.nanoTime();
        try {
            Computed c = job.work().compute(tmp);
            Path pred = tmp.resolve("predictions.csv");
            if (!Files.isRegularFile(pred)) throw new IOException(job.label() + ": the run wrote no predictions.csv");
            RunRecord rec = new RunRecord(job.experiment(), job.spec(), job.spec().sha256(), Provenance.current(), c.split(), c.training(), c.test(),
                    c.classes(), c.history(), RunFiles.hash(tmp), Instant.now().toString(), (System.nanoTime() - t0) / 1e9, "");
            rec.write(tmp);
            install(tmp, job);
            RunEvents.record(job, RunEvents.Outcome.TRAINED);
            return RunRecord.read(job.runDir());
        } catch (RuntimeException e) {
            TrainingDivergedException diverged = diverged(e);
            if (diverged == null) throw e;
            // the run failed: its failure is recorded in its own folder, with what it computed before, and named
            new RunFailure(job.experiment(), job.spec(), job.spec().sha256(), diverged.getMessage(), Provenance.current(), Instant.now().toString(),
                    (System.nanoTime() - t0) / 1e9).write(tmp);
            installFailure(tmp, job);
            throw RunFailedException.now(job, diverged.getMessage(), job.runDir().resolve(RunFailure.FILE), e);
        } finally {
            if (Files.exists(tmp)) deleteTree(tmp);
        }
    }

    /**
     * Why the job's run, not finished under its spec ({@code status}: missing or stale), is not trained here, or null
     * when it may be: a run is trained only with this checkout's engine ({@link RunSpec.Engine#isCurrent}). A spec of
     * another engine comes from an experiment pinned to it ({@link EnginePins}: its committed records are read back as
     * they are); the message names the run, its engine, the pin, and the git tag whose checkout trains it
     * ({@link EngineTags}).
     */
    public static String refusal(Job job, Status status) throws IOException {
        RunSpec.Engine e = job.spec().engine();
        if (e.isCurrent()) return null;
        String recorded = recordedHash(job.runDir());
        String what = status == Status.STALE && recorded != null ? "its folder holds a run of another spec (" + recorded.substring(0, 12) + ")"
                : RunFailure.exists(job.runDir()) ? "its folder holds a failed attempt" : "its run is missing";
        var pin = EnginePins.of(job.experiment());
        String engine = EngineTags.describe(e) + (e.threads() == null ? "" : ", threads " + e.threads());
        String why = pin.isPresent()
                ? "its experiment is pinned to another engine (" + engine + ") by " + pin.get().where() + " (" + pin.get().reason() + "; re-made by "
                        + pin.get().remadeBy() + ")"
                : "its spec is of another engine (" + engine + ")";
        var tag = EngineTags.of(e);
        String where = tag.isPresent()
                ? "train it at git tag " + tag.get() + ": git worktree add ../emoaugnet-" + tag.get() + " " + tag.get() + " && cd ../emoaugnet-" + tag.get()
                        + ", and run the same command there"
                : "no git tag is defined for that engine (run.EngineTags)";
        return job.label() + " (spec " + job.spec().shortHash() + ") is not trained here: " + what + ", and " + why + ". This checkout ("
                + EngineTags.describe(RunSpec.Engine.current()) + ") trains only with its own engine; " + where
                + ". Nothing was computed or moved; with EMOAUG_TRAIN=0 the run is only counted missing.";
    }

    /** The divergence among {@code e} and its causes (a job's work may wrap it), or null. */
    private static TrainingDivergedException diverged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof TrainingDivergedException d) return d;
        return null;
    }

    /** Why a run folder that is not the job's finished run is moved aside before the job's outcome takes its place. */
    private static String replaced(Path dir, Job job) throws IOException {
        String recorded = recordedHash(dir), now = job.label() + " is now spec " + job.spec().shortHash();
        if (recorded != null) return "a run of another spec (" + recorded.substring(0, 12) + "); " + now;
        var failure = RunFailure.read(dir);
        if (failure.isPresent())
            return failure.get().specSha256().equals(job.spec().sha256()) ? "the failed earlier attempt of this spec (" + failure.get().reason() + "), tried again"
                    : "the failed attempt of another spec (" + failure.get().specSha256().substring(0, 12) + "); " + now;
        return "a run folder without a record (deleted or never finished); " + now;
    }

    /** Moves a failed run's temporary folder into place, moving what is there aside first; a run finished meanwhile is kept. */
    private static synchronized void installFailure(Path tmp, Job job) throws IOException {
        Path dir = job.runDir();
        if (Files.exists(dir)) {
            if (job.spec().sha256().equals(recordedHash(dir))) {   // a concurrent identical run finished: it stays, this failure goes aside
                Path aside = dir.getParent().resolve("superseded").resolve(dir.getFileName() + "-failed-" + Instant.now().toEpochMilli());
                Files.createDirectories(aside.getParent());
                move(tmp, aside);
                System.err.println("[runner] " + job.label() + " failed here but finished elsewhere meanwhile; this failure is kept in " + aside);
                return;
            }
            supersede(dir, replaced(dir, job));
        }
        move(tmp, dir);
    }

    /**
     * Moves a run folder aside to {@code superseded/} (kept, never read as current), saying why; the next
     * {@link #runOrResume} of its job computes it anew.
     */
    public static synchronized void supersede(Path runDir, String why) throws IOException {
        if (!Files.exists(runDir)) return;
        String recorded = recordedHash(runDir), old = recorded != null ? recorded.substring(0, 12) : RunFailure.exists(runDir) ? "failed" : "incomplete";
        Path aside = runDir.getParent().resolve("superseded").resolve(runDir.getFileName() + "-" + old + "-" + Instant.now().toEpochMilli());
        Files.createDirectories(aside.getParent());
        move(runDir, aside);
        System.err.println("[runner] " + runDir + " moved to " + aside + ": " + why);
    }

    /** Moves a finished temporary run into place, moving a stale run aside first; a concurrent identical run wins. */
    private static synchronized void install(Path tmp, Job job) throws IOException {
        Path dir = job.runDir();
        String hash = job.spec().sha256();
        if (Files.exists(dir)) {
            if (hash.equals(recordedHash(dir))) return;   // done meanwhile
            supersede(dir, replaced(dir, job));
        }
        try {
            move(tmp, dir);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // a concurrent identical run was installed first: keep it (this copy is deleted); anything else is an error
            if (!hash.equals(recordedHash(dir))) throw e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // the file system cannot rename atomically: a plain move of the finished folder is the best it offers
            Files.move(from, to);
        }
    }

    /** This machine's name as temporary run folders record it (letters, digits, '.', '_' and '-' only). */
    public static final String HOST = hostName();

    private static String hostName() {
        String h;
        try {
            h = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            // the name does not resolve (no DNS entry): the HOSTNAME variable names this machine as well
            h = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return h.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Removes temporary folders of this run left by processes that are gone. Only this host's: a folder written from
     * another machine (shared storage) is left alone, because its writer may still be alive there; it is harmless, as
     * runs are installed by an atomic rename and a finished run is never recomputed.
     */
    static void cleanAbandoned(Path parent, String run) throws IOException {
        String prefix = ".tmp-" + run + "-";
        List<Path> tmps;
        try (var s = Files.list(parent)) {
            tmps = s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
        for (Path t : tmps) {
            String rest = t.getFileName().toString().substring(prefix.length());
            int at = rest.indexOf('@'), dash = rest.indexOf('-'), last = rest.lastIndexOf('-');
            if (at >= 0 && (last < at || !rest.substring(at + 1, last).equals(HOST))) continue;   // another machine's, or unreadable
            int end = at >= 0 ? at : dash;
            long pid;
            try {
                pid = Long.parseLong(end < 0 ? rest : rest.substring(0, end));
            } catch (NumberFormatException e) {
                continue;   // no process id in its name: not a folder this runner wrote, so it is left alone
            }
            if (pid == ProcessHandle.current().pid()) continue;   // another thread of this process may be writing it
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;   // another process is writing it
            deleteTree(t);
            System.err.println("[runner] removed " + t + " (left by a run that did not finish)");
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }

    /** Runs to execute at once: {@code EMOAUG_PARALLEL}, else the number of cores. */
    public static int defaultParallelism() {
        String v = System.getenv("EMOAUG_PARALLEL");
        if (v != null && !v.isBlank()) {
            try {
                return Math.max(1, Integer.parseInt(v.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("EMOAUG_PARALLEL must be a positive integer, got '" + v + "'");
            }
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Whether runs may be trained: {@code EMOAUG_TRAIN} unset or true. With {@code EMOAUG_TRAIN=0} (report only) the
     * drivers read back what exists and never train, so notebooks and reports can be rendered while a long study is
     * still running elsewhere; every table then says how many runs exist of how many planned.
     */
    public static boolean trainingEnabled() {
        String v = System.getenv("EMOAUG_TRAIN");
        if (v == null || v.isBlank()) return true;
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("EMOAUG_TRAIN must be 1/true or 0/false, got '" + v + "'");
        };
    }

    /** Runs named in full by {@link #reportOnly}; the others are counted. */
    static final int MISSING_NAMED = 12;

    /**
     * What report-only mode ({@code EMOAUG_TRAIN=0}) says about the runs it does not compute: how many of the planned,
     * which (the first {@link #MISSING_NAMED} by experiment and run), and that the reports cover only the others.
     */
    static String reportOnly(List<Job> missing, int planned) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "[runner] training is off (EMOAUG_TRAIN=0): %d of %d planned run(s) are missing or stale "
                + "and were not computed:%n", missing.size(), planned));
        missing.stream().limit(MISSING_NAMED).forEach(j -> sb.append("  missing: ").append(j.label()).append(" (spec ").append(j.spec().shortHash()).append(")\n"));
        if (missing.size() > MISSING_NAMED) sb.append("  ... and ").append(missing.size() - MISSING_NAMED).append(" more\n");
        sb.append(planned == missing.size() ? "[runner] no planned run exists yet: the reports below have no rows\n"
                : String.format(Locale.ROOT, "[runner] the reports below cover only the %d run(s) that exist%n", planned - missing.size()));
        return sb.toString();
    }

    /** {@link #runAll(List, int, PrintStream)} with {@link #defaultParallelism()}, progress on standard error. */
    public static List<RunRecord> runAll(List<Job> jobs) throws IOException { return runAll(jobs, defaultParallelism(), System.err); }

    /**
     * Executes the jobs that are not finished, {@code parallelism} at a time, printing progress; returns the record of
     * every finished job in job order (every job's, unless training is off: {@link #trainingEnabled}). A failing job
     * does not stop the others: every other job is still executed, and afterwards the failures are reported together,
     * each naming its run and spec. When every failure is a failed run ({@link RunFailedException}: training
     * diverged, now or in an earlier attempt that is not retried) that exception lists them all; when any job failed
     * otherwise (bad data, a bug) an {@link IOException} lists every failure, the failed runs among them. A job of
     * another engine than this checkout's that is not finished (a pinned experiment's, {@link #refusal}) is refused
     * before any job starts, named on the log at once and among the failures ({@link OtherEngineException} when only
     * such jobs failed); in report-only mode it is counted missing like any other.
     */
    public static List<RunRecord> runAll(List<Job> jobs, int parallelism, PrintStream log) throws IOException {
        return runAll(jobs, parallelism, log, trainingEnabled());
    }

    /** {@link #runAll(List, int, PrintStream)}, training the missing runs only when {@code train}. */
    public static List<RunRecord> runAll(List<Job> jobs, int parallelism, PrintStream log, boolean train) throws IOException {
        List<Job> todo = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (Job j : jobs) {
            if (!seen.add(j.runDir().toAbsolutePath().normalize())) throw new IllegalArgumentException("two jobs for one run folder: " + j.runDir());
            if (status(j) != Status.FINISHED) todo.add(j);
            else RunEvents.record(j, RunEvents.Outcome.READ_BACK);
        }
        if (!todo.isEmpty() && train) NumericKernels.current();   // says before the work when the kernels are not pinned
        if (!todo.isEmpty() && !train) {
            // a progress line: shown on a terminal, not in rendered notebooks, whose tables count the runs against those planned
            if (org.emoaugnet.util.Progress.shown()) log.print(reportOnly(todo, jobs.size()));
            todo.clear();
        }
        // runs of another engine (pinned experiments) fail before any work; the others are still run
        List<String> refused = new ArrayList<>();
        for (java.util.Iterator<Job> it = todo.iterator(); it.hasNext(); ) {
            Job j = it.next();
            String why = refusal(j, status(j));
            if (why == null) continue;
            it.remove();
            refused.add(why);
            log.println("[runner] REFUSED " + why);
        }
        if (!todo.isEmpty() || !refused.isEmpty()) {
            int n = Math.max(1, Math.min(parallelism, todo.size()));
            if (org.emoaugnet.util.Progress.shown() && !todo.isEmpty()) log.printf(Locale.ROOT, "[runner] %d of %d run(s) to compute, %d at a time%n", todo.size(), jobs.size(), n);
            AtomicInteger done = new AtomicInteger();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>(refused));
            List<RunFailedException> failedRuns = java.util.Collections.synchronizedList(new ArrayList<>());
            long t0 = System.nanoTime();
            // the runs training at once share the cores: each network's lanes get its share (speed only, never a number)
            org.emoaugnet.model.fused.FusedNetwork.shareCores(n);
            ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "emoaug-run");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (Job j : todo) {
                    fs.add(pool.submit(() -> {
                        try {
                            RunRecord r = runOrResume(j);
                            int k = done.incrementAndGet();
                            if (org.emoaugnet.util.Progress.shown()) log.printf(Locale.ROOT, "[runner] %d/%d done: %s (spec %s) UA %.4f, %s%s, %.0f s; %.0f s elapsed%n", k, todo.size(),
                                    j.label(), j.spec().shortHash(), r.test().ua(), r.trained() ? r.training().stopReason() : "evaluated",
                                    !r.trained() || r.training().converged() ? "" : " (NOT CONVERGED)",
                                    r.wallSeconds(), (System.nanoTime() - t0) / 1e9);
                        } catch (RunFailedException e) {
                            done.incrementAndGet();
                            failedRuns.add(e);
                            failures.add(e.getMessage());
                            log.println("[runner] FAILED " + e.getMessage());
                        } catch (Exception | Error e) {
                            done.incrementAndGet();
                            failures.add(j.label() + " (spec " + j.spec().shortHash() + "): " + e);
                            log.println("[runner] FAILED " + j.label() + ": " + e);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : fs) f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException(e.getCause());
            } finally {
                pool.shutdownNow();
                org.emoaugnet.model.fused.FusedNetwork.shareCores(1);
            }
            int tried = todo.size() + refused.size();
            if (!failures.isEmpty() && failures.size() == failedRuns.size()) throw RunFailedException.of(failedRuns, tried);
            if (!refused.isEmpty() && failures.size() == refused.size())
                throw new OtherEngineException(refused.size() + " of " + tried + " run(s) to compute are of another engine and were not trained"
                        + (todo.isEmpty() ? "" : " (the others are kept)") + ":\n  " + String.join("\n  ", refused));
            if (!failures.isEmpty()) throw new IOException(failures.size() + " of " + tried + " run(s) failed (the others are kept):\n  "
                    + String.join("\n  ", failures));
        }
        List<RunRecord> out = new ArrayList<>();
        for (Job j : jobs) if (status(j) == Status.FINISHED) out.add(RunRecord.read(j.runDir()));
        return out;
    }
}
