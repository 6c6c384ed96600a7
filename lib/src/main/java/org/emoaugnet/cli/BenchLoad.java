package org.emoaugnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a benchmark ran alone: the 1-minute load average before and after it, and the processor time other
 * processes took while it ran. Benchmarks are meant to run with other training paused; a load above {@link #BUSY}
 * before the start, or other processes busy for more than {@link #BUSY} cores on average during the run, is printed
 * as a warning and recorded in the environment file ({@code load_warning}), so that a figure measured beside other
 * work is never taken for one measured alone.
 *
 * <p>The load average after the run includes the benchmark's own threads (a one-thread benchmark of a minute adds
 * about 0.6 to it), so it is recorded but not judged; what other processes did during the run is measured instead
 * from {@code /proc/stat} (all processors' busy time: user, nice, system, irq, softirq; steal excluded) minus this
 * process's own time and its finished children's (a PyTorch twin) from {@code /proc/self/stat}, both in clock ticks
 * of 1/100 s (Linux's USER_HZ). Where {@code /proc} cannot be read (not Linux) the figures are "unknown" and nothing is
 * judged.
 */
final class BenchLoad {
    /** Above this 1-minute load average (or cores busy with other processes) other work is taken to be running. */
    static final double BUSY = 0.5;

    /** Seconds per clock tick of /proc/stat and /proc/self/stat (USER_HZ = 100 on Linux). */
    static final double TICK_SECONDS = 0.01;

    private final String what;
    private final String loadBefore;
    private final long busyBefore, selfBefore, wallBefore;
    private String loadAfter = "not read";
    private double otherCores = Double.NaN;
    private boolean warned;

    private BenchLoad(String what, String loadBefore, long busyBefore, long selfBefore, long wallBefore) {
        this.what = what;
        this.loadBefore = loadBefore;
        this.busyBefore = busyBefore;
        this.selfBefore = selfBefore;
        this.wallBefore = wallBefore;
    }

    /** Reads the load before {@code what} starts and warns on {@code out} when other work is running. */
    static BenchLoad start(String what, PrintStream out) {
        BenchLoad l = new BenchLoad(what, loadAverage(), busyTicks(), selfTicks(), System.nanoTime());
        double one = oneMinute(l.loadBefore);
        out.printf(Locale.ROOT, "load: 1/5/15-minute load average %s before %s%n", l.loadBefore, what);
        if (one > BUSY) {
            l.warned = true;
            out.printf(Locale.ROOT, "WARNING: the 1-minute load average is %.2f (above %.1f) before %s: other work is running on this machine, so these "
                    + "figures are not results; pause other training and run again (recorded as load_warning)%n", one, BUSY, what);
        }
        return l;
    }

    /** Reads the load after the run; warns when other processes kept more than {@link #BUSY} cores busy meanwhile. */
    void finish(PrintStream out) {
        loadAfter = loadAverage();
        long busy = busyTicks(), self = selfTicks();
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        otherCores = busy < 0 || self < 0 || busyBefore < 0 || selfBefore < 0 ? Double.NaN : otherCores(busy - busyBefore, self - selfBefore, wall);
        out.printf(Locale.ROOT, "load: 1/5/15-minute load average %s after %s (includes its own threads); other processes used %s cores on average "
                + "during it%n", loadAfter, what, Double.isNaN(otherCores) ? "an unknown number of" : String.format(Locale.ROOT, "%.2f", otherCores));
        if (otherCores > BUSY) {
            warned = true;
            out.printf(Locale.ROOT, "WARNING: other processes kept %.2f cores busy (above %.1f) during %s: these figures were measured beside other "
                    + "work and are not results; pause other training and run again (recorded as load_warning)%n", otherCores, BUSY, what);
        }
    }

    /** Whether a warning was printed. */
    boolean warned() { return warned; }

    /** The figures for an environment file. */
    Map<String, String> record() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("load_average_before", loadBefore);
        m.put("load_average_after", loadAfter + " (includes the benchmark's own threads)");
        m.put("other_processes_cores_during", Double.isNaN(otherCores) ? "unknown" : String.format(Locale.ROOT, "%.2f", otherCores));
        m.put("load_warning", warned ? "yes: other work was running (1-minute load before or other processes' cores during above " + BUSY + ")"
                : "no");
        return m;
    }

    /** /proc/loadavg's 1, 5 and 15-minute figures, or "unknown". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";   // no readable /proc/loadavg (not Linux): the report says the load is unknown
        }
    }

    /** The 1-minute figure of a {@link #loadAverage} string (NaN when unknown). */
    static double oneMinute(String loadAverage) {
        try {
            return Double.parseDouble(loadAverage.trim().split("\\s+")[0]);
        } catch (RuntimeException e) {
            return Double.NaN;   // "unknown": nothing to judge
        }
    }

    /** Busy clock ticks of all processors from the first line of /proc/stat ({@code cpu user nice system idle iowait irq softirq steal ...}). */
    static long busyTicks(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!f[0].equals("cpu") || f.length < 8) throw new IllegalArgumentException("not /proc/stat's cpu line: " + cpuLine);
        long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]), irq = Long.parseLong(f[6]), softirq = Long.parseLong(f[7]);
        return user + nice + system + irq + softirq;
    }

    /** Clock ticks of a process and its finished children from a /proc/PID/stat line (utime, stime, cutime, cstime). */
    static long processTicks(String statLine) {
        String[] f = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
        // after "pid (comm) ": state is field 3, so utime (14), stime (15), cutime (16), cstime (17) are f[11..14]
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /** Cores other processes kept busy on average: all processors' busy ticks less this process's, over the wall time. */
    static double otherCores(long busyTicks, long selfTicks, double wallSeconds) {
        if (!(wallSeconds > 0)) return Double.NaN;
        return Math.max(0, (busyTicks - selfTicks) * TICK_SECONDS / wallSeconds);
    }

    private static long busyTicks() {
        try {
            return busyTicks(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException e) {
            return -1;   // no /proc/stat (not Linux): other processes' time is unknown
        }
    }

    private static long selfTicks() {
        try {
            return processTicks(Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException | RuntimeException e) {
            return -1;   // no /proc/self/stat (not Linux): other processes' time is unknown
        }
    }
}
