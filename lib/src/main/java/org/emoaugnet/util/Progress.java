package org.emoaugnet.util;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A progress line for long loops, safe to call from many threads: prints "label: done/total (pct) elapsed, eta"
 * at most every {@code intervalMs} and once at the end. Goes to standard error, which both the CLI and the
 * notebook kernels show. Silent when the system property {@code emoaug.quiet} is true or the environment variable
 * {@code EMOAUG_PROGRESS} is {@code 0}: {@code environment/run_notebooks.py} sets it, so that headless runs commit no
 * progress lines into notebooks, while a reader running a notebook interactively still sees them.
 */
public final class Progress {
    private final String label;
    private final int total;
    private final PrintStream out;
    private final long intervalMs;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private volatile long lastPrint = 0;
    private static volatile boolean quiet = Boolean.getBoolean("emoaug.quiet") || "0".equals(System.getenv("EMOAUG_PROGRESS"));

    public Progress(String label, int total) {
        this(label, total, System.err, 2000);
    }

    public Progress(String label, int total, PrintStream out, long intervalMs) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.intervalMs = intervalMs;
    }

    /** Whether progress is shown: loops' progress lines and the runners' per-run lines ("[runner] 3/8 done ..."). */
    public static boolean shown() { return !quiet; }

    /** Silences every progress display (tests). */
    public static void setQuiet(boolean q) { quiet = q; }

    public void step() {
        int d = done.incrementAndGet();
        long now = System.nanoTime();
        if (d == total || (now - lastPrint) / 1_000_000 >= intervalMs) {
            synchronized (this) {
                if (d != total && (now - lastPrint) / 1_000_000 < intervalMs) return;
                lastPrint = now;
                if (!quiet) out.println(line(d, now));
            }
        }
    }

    public int done() { return done.get(); }

    private String line(int d, long now) {
        double el = (now - start) / 1e9;
        double eta = d == 0 ? 0 : el / d * (total - d);
        return String.format(java.util.Locale.ROOT, "%s: %d/%d (%.0f%%) %.1fs elapsed%s", label, d, total,
                100.0 * d / Math.max(1, total), el, d < total ? String.format(java.util.Locale.ROOT, ", ~%.0fs left", eta) : "");
    }
}
