package org.emoaugnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.emoaugnet.model.ModelFactory;
import org.emoaugnet.model.fused.FusedNetwork;
import org.emoaugnet.publish.StudyOutputs;
import org.emoaugnet.util.Tables;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code emoaug bench profile}: where a fused network's time goes, stage by stage. It trains and infers a few batches of
 * seeded random data through {@link FusedNetwork} with a {@link FusedNetwork.StageClock} and reports, per stage (as
 * {@link FusedNetwork#stageInfo()} describes it), its floating-point operations per sample forward and backward, the
 * median milliseconds per batch of its inference forward pass, its training forward pass and its backward pass, the
 * rate each achieves (GFLOP/s = FLOPs per sample × batch / time) and that rate's share of the one-thread GEMM peak
 * ({@code bench gemm}); then the totals and the figure the issue's criterion asks for: over the convolution stages after
 * the first, the FLOP-weighted mean of the shares of their training passes (forward and backward),
 * {@code Σ Fᵢ·sᵢ / Σ Fᵢ} with Fᵢ a pass's FLOPs per sample and sᵢ its share of the peak. Where the engine runs a stage on
 * several threads, the clock gets that stage's wall time, so rates and shares are per wall-clock second (one thread's
 * peak stays the yardstick).
 */
final class TrainingProfile {
    private TrainingProfile() {}

    /** The three passes a stage is timed in. */
    enum Pass {
        INFERENCE("infer_forward", "inference forward"), TRAIN_FORWARD("train_forward", "training forward"), BACKWARD("backward", "backward");

        final String column, words;

        Pass(String column, String words) {
            this.column = column;
            this.words = words;
        }

        long flops(Stage s) { return this == BACKWARD ? s.backwardFlops() : s.forwardFlops(); }
    }

    /** The passes of training: the criterion's. */
    static final List<Pass> TRAINING = List.of(Pass.TRAIN_FORWARD, Pass.BACKWARD);

    /**
     * Which stages are convolutions: those whose description's first word (the stage's class) starts with "Conv"
     * ({@code ConvStage}, a 2-D convolution stage, …), ignoring case.
     */
    static final Pattern CONVOLUTION = Pattern.compile("(?i)^conv\\S*(\\s.*)?$");

    /** One stage's FLOPs per sample and median milliseconds per batch in each {@link Pass} (by ordinal). */
    record Stage(int index, String description, long forwardFlops, long backwardFlops, double[] ms) {
        Stage {
            if (ms.length != Pass.values().length) throw new IllegalArgumentException("one time per pass");
            ms = ms.clone();
        }

        boolean convolution() { return CONVOLUTION.matcher(description).matches(); }

        double ms(Pass p) { return ms[p.ordinal()]; }

        long flops(Pass p) { return p.flops(this); }

        double gflops(Pass p, int batch) { return TrainingProfile.gflops(flops(p), batch, ms(p)); }
    }

    /** GFLOP/s of a pass of {@code flopsPerSample} on {@code batch} samples in {@code msPerBatch}; NaN for a stage without counted FLOPs or time. */
    static double gflops(double flopsPerSample, int batch, double msPerBatch) {
        if (!(flopsPerSample > 0) || !(msPerBatch > 0)) return Double.NaN;
        return flopsPerSample * batch / (msPerBatch * 1e6);
    }

    /** A rate's share of the peak (1 = the peak). */
    static double share(double gflops, double peakGflops) { return gflops / peakGflops; }

    /** The convolution stages after the first, in pass order (empty with fewer than two). */
    static List<Stage> convolutionsAfterFirst(List<Stage> stages) {
        List<Stage> conv = stages.stream().filter(Stage::convolution).toList();
        return conv.size() < 2 ? List.of() : conv.subList(1, conv.size());
    }

    /** Σ FLOPs / Σ time of {@code stages} in {@code pass}, zero-FLOP stages' time included: what the group achieves as a whole. */
    static double aggregateGflops(List<Stage> stages, Pass pass, int batch) {
        double flops = 0, ms = 0;
        for (Stage s : stages) {
            flops += s.flops(pass);
            ms += s.ms(pass);
        }
        return gflops(flops, batch, ms);
    }

    /**
     * The FLOP-weighted mean share of the peak over every (stage, pass) of {@code stages} × {@code passes} with counted
     * FLOPs: {@code Σ Fᵢ·sᵢ / Σ Fᵢ}; NaN when there is none.
     */
    static double flopWeightedShare(List<Stage> stages, List<Pass> passes, int batch, double peakGflops) {
        double weighted = 0, weights = 0;
        for (Stage s : stages)
            for (Pass p : passes) {
                double g = s.gflops(p, batch);
                if (Double.isNaN(g)) continue;
                weighted += s.flops(p) * share(g, peakGflops);
                weights += s.flops(p);
            }
        return weights == 0 ? Double.NaN : weighted / weights;
    }

    /** A measured profile. */
    record Profile(String model, String act, int batch, int batches, int repeats, List<Stage> stages, GemmBenchmark.Peak peak, double fitMs,
                   double outputMs, int threads, boolean threadsConnected) {
        double peakGflops() { return peak.gflops(); }

        /** The issue's criterion: {@link #flopWeightedShare} of the training passes of {@link #convolutionsAfterFirst}. */
        double criterion() { return flopWeightedShare(convolutionsAfterFirst(stages), TRAINING, batch, peakGflops()); }

        /** The same over the inference forward pass. */
        double inferenceCriterion() { return flopWeightedShare(convolutionsAfterFirst(stages), List.of(Pass.INFERENCE), batch, peakGflops()); }

        /** Sum of the stages' medians in a pass, ms per batch. */
        double stagesMs(Pass p) { return stages.stream().mapToDouble(s -> s.ms(p)).sum(); }
    }

    /** The label of the summary rows. */
    static final String TOTAL = "total", CONV_AFTER_FIRST = "convolutions after the first";

    /**
     * The profile as a table: a row per stage, then {@link #TOTAL} and {@link #CONV_AFTER_FIRST} (FLOPs and times
     * summed, GFLOP/s and shares of the sums); GFLOP/s and shares are missing where a stage has no counted FLOPs.
     */
    static Table table(Profile p) {
        Table t = Table.create(StudyOutputs.benchProfile(p.model().toLowerCase(Locale.ROOT), p.act()), StringColumn.create("stage"),
                StringColumn.create("description"), StringColumn.create("convolution"), LongColumn.create("forward_flops_per_sample"),
                LongColumn.create("backward_flops_per_sample"));
        for (Pass pass : Pass.values()) t.addColumns(DoubleColumn.create(pass.column + "_ms"));
        for (Pass pass : Pass.values()) t.addColumns(DoubleColumn.create(pass.column + "_gflops"));
        for (Pass pass : Pass.values()) t.addColumns(DoubleColumn.create(pass.column + "_peak_share"));
        for (Stage s : p.stages()) row(t, String.valueOf(s.index()), s.description(), s.convolution() ? "yes" : "no", List.of(s), p);
        row(t, TOTAL, "all stages", "", p.stages(), p);
        List<Stage> conv = convolutionsAfterFirst(p.stages());
        row(t, CONV_AFTER_FIRST, conv.isEmpty() ? "none (fewer than two convolution stages)" : "stages "
                + String.join(", ", conv.stream().map(s -> String.valueOf(s.index())).toList()), "yes", conv, p);
        return t;
    }

    private static void row(Table t, String stage, String description, String conv, List<Stage> group, Profile p) {
        t.stringColumn("stage").append(stage);
        t.stringColumn("description").append(description);
        t.stringColumn("convolution").append(conv);
        t.longColumn("forward_flops_per_sample").append(group.stream().mapToLong(Stage::forwardFlops).sum());
        t.longColumn("backward_flops_per_sample").append(group.stream().mapToLong(Stage::backwardFlops).sum());
        for (Pass pass : Pass.values()) {
            double ms = group.stream().mapToDouble(s -> s.ms(pass)).sum(), g = aggregateGflops(group, pass, p.batch());
            t.doubleColumn(pass.column + "_ms").append(group.isEmpty() ? Double.NaN : ms);
            t.doubleColumn(pass.column + "_gflops").append(g);
            t.doubleColumn(pass.column + "_peak_share").append(share(g, p.peakGflops()));
        }
    }

    /** What the profile adds to its environment file: its sizes, the peak and where it came from, whole-batch times and the criterion. */
    static Map<String, String> summary(Profile p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("model", p.model());
        m.put("activation", p.act());
        m.put("batch", String.valueOf(p.batch()));
        m.put("batches", p.batches() + " per repeat, after a warm-up pass (training then inference) over them");
        m.put("repeats", String.valueOf(p.repeats()));
        m.put("engine_threads", p.threads() + (p.threadsConnected() ? " (taken by FusedNetwork.setThreads)" : " asked; not connected (FusedNetwork has no "
                + "setThreads(int) yet: the engine ran as before)"));
        m.put("times", "median over every batch of every repeat, ms per batch; a stage's time is what the engine's StageClock reports (wall time)");
        m.put("peak_gflops", fmt(p.peakGflops()));
        m.put("peak_source", p.peak().source());
        if (!p.peak().differences().isEmpty()) m.put("peak_measured_elsewhere", String.join("; ", p.peak().differences()));
        m.put("fit_ms_median", fmt(p.fitMs()) + " (whole FusedNetwork.fit: stages, loss, Adam, parameter copies)");
        m.put("fit_stages_ms", fmt(p.stagesMs(Pass.TRAIN_FORWARD) + p.stagesMs(Pass.BACKWARD)) + " (sum of the stages' medians)");
        m.put("output_ms_median", fmt(p.outputMs()) + " (whole FusedNetwork.output)");
        m.put("output_stages_ms", fmt(p.stagesMs(Pass.INFERENCE)));
        m.put("convolution_stages", "a stage whose class name starts with Conv; the criterion takes every one after the first");
        m.put("criterion", "conv_after_first.flop_weighted_peak_share: Σ F·share / Σ F over the convolution stages after the first, F a pass's "
                + "FLOPs per sample, share its GFLOP/s over the peak; training: their forward and backward passes in training; inference: their "
                + "inference forward pass");
        m.put("criterion.conv_after_first.flop_weighted_peak_share.training", fmt(p.criterion()));
        m.put("criterion.conv_after_first.flop_weighted_peak_share.inference", fmt(p.inferenceCriterion()));
        return m;
    }

    private static String fmt(double v) { return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v); }

    /**
     * Builds {@code sub}'s network, trains and infers {@code batches} batches of {@code batch} seeded random samples
     * once as a warm-up, then {@code repeats} times with a stage clock; the medians are over every batch of every
     * repeat.
     */
    static Profile measure(TrainingBenchmark.Subject sub, String model, String act, int batch, int batches, int repeats, long seed, int threads,
                           GemmBenchmark.Peak peak) {
        if (batch < 1 || batches < 1 || repeats < 1) throw new IllegalArgumentException("batch, batches and repeats must be at least 1");
        int c = sub.channels(), t = sub.length(), k = sub.classes();
        Nd4j.getRandom().setSeed(seed);
        MultiLayerNetwork net = ModelFactory.build(sub.config(), c, t, k, 1e-3, seed);
        FusedNetwork fused = FusedNetwork.compile(net, c, t, batch, seed);
        boolean connected = TrainingBenchmark.setEngineThreads(fused, threads);
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] x = new float[batches][batch * c * t];
        int[][] y = new int[batches][batch];
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < x[b].length; i++) x[b][i] = (float) rnd.nextGaussian();
            for (int i = 0; i < batch; i++) y[b][i] = rnd.nextInt(k);
        }
        for (int b = 0; b < batches; b++) fused.fit(x[b], y[b], batch);   // warm-up: JIT, native primitives, Adam's state
        for (int b = 0; b < batches; b++) fused.output(x[b], batch);
        List<FusedNetwork.StageInfo> info = fused.stageInfo();
        int n = info.size(), samples = repeats * batches;
        double[][][] ms = new double[Pass.values().length][n][samples];
        double[] fit = new double[samples], output = new double[samples];
        BatchClock clock = new BatchClock(n);
        fused.setStageClock(clock);
        try {
            for (int r = 0, i = 0; r < repeats; r++) {
                for (int b = 0; b < batches; b++) {
                    clock.reset();
                    long t0 = System.nanoTime();
                    fused.fit(x[b], y[b], batch);
                    fit[i + b] = (System.nanoTime() - t0) / 1e6;
                    clock.copy(false, ms[Pass.TRAIN_FORWARD.ordinal()], i + b);
                    clock.copy(true, ms[Pass.BACKWARD.ordinal()], i + b);
                }
                for (int b = 0; b < batches; b++) {
                    clock.reset();
                    long t0 = System.nanoTime();
                    fused.output(x[b], batch);
                    output[i + b] = (System.nanoTime() - t0) / 1e6;
                    clock.copy(false, ms[Pass.INFERENCE.ordinal()], i + b);
                }
                i += batches;
            }
        } finally {
            fused.setStageClock(null);
        }
        List<Stage> stages = new ArrayList<>();
        for (FusedNetwork.StageInfo s : info) {
            double[] med = new double[Pass.values().length];
            for (Pass p : Pass.values()) med[p.ordinal()] = median(ms[p.ordinal()][s.index()]);
            stages.add(new Stage(s.index(), s.description(), s.forwardFlops(), s.backwardFlops(), med));
        }
        return new Profile(model, act, batch, batches, repeats, stages, peak, median(fit), median(output), threads, connected);
    }

    /** Per-stage nanoseconds of one batch's passes (summed if the engine reports a stage more than once). */
    static final class BatchClock implements FusedNetwork.StageClock {
        private final long[] forward, backward;

        BatchClock(int stages) {
            forward = new long[stages];
            backward = new long[stages];
        }

        @Override
        public synchronized void add(int stage, boolean isBackward, long nanos) { (isBackward ? backward : forward)[stage] += nanos; }

        synchronized void reset() {
            java.util.Arrays.fill(forward, 0);
            java.util.Arrays.fill(backward, 0);
        }

        /** Writes this batch's milliseconds per stage into {@code into[stage][at]}. */
        synchronized void copy(boolean isBackward, double[][] into, int at) {
            long[] v = isBackward ? backward : forward;
            for (int s = 0; s < v.length; s++) into[s][at] = v[s] / 1e6;
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int m = s.length;
        return m == 0 ? Double.NaN : m % 2 == 1 ? s[m / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
    }

    /**
     * The peak to divide by: {@code dir/gemm-peak.csv}'s unless {@code measure} or the file is absent, then measured
     * here (the default shapes, 3 repeats); a stored peak from another machine or other kernels is named as such.
     */
    static GemmBenchmark.Peak peak(Path dir, boolean measure, PrintStream out) throws IOException {
        Map<String, String> here = BenchEnvironment.current();
        if (!measure) {
            var stored = GemmBenchmark.read(dir, here);
            if (stored.isPresent()) {
                GemmBenchmark.Peak p = stored.get();
                out.printf(Locale.ROOT, "GEMM peak %.1f GFLOP/s, %s%n", p.gflops(), p.source());
                if (!p.differences().isEmpty())
                    out.println("WARNING: that peak was measured on another machine or under other kernels (" + String.join("; ", p.differences())
                            + "): run bench gemm here, or pass --measure-peak");
                return p;
            }
        }
        out.println(measure ? "GEMM peak: measured now (--measure-peak)" : "GEMM peak: no " + dir.resolve(GemmBenchmark.TAG + ".csv") + ", measured now");
        var results = GemmBenchmark.measure(GemmBenchmark.SHAPES, 3, GemmBenchmark.MIN_SECONDS, out);
        return new GemmBenchmark.Peak(GemmBenchmark.peak(results), "measured on the spot by this command (" + GemmBenchmark.peakShape(results).label()
                + ", " + (measure ? "--measure-peak" : "no gemm-peak.csv in " + dir) + ")", List.of());
    }

    /** Prints the profile: a line per stage, the totals, the criterion. */
    static void print(Profile p, PrintStream out) {
        out.printf(Locale.ROOT, "%nprofile %s (%s), batch %d, %d batches x %d repeats, engine threads %d%s: median ms per batch; GFLOP/s and %% of the "
                + "one-thread GEMM peak (%.1f GFLOP/s, %s)%n", p.model(), p.act(), p.batch(), p.batches(), p.repeats(), p.threads(),
                p.threadsConnected() || p.threads() == 1 ? "" : " (NOT CONNECTED: FusedNetwork has no setThreads(int) yet)", p.peakGflops(), p.peak().source());
        out.printf(Locale.ROOT, "%-3s %-38s %9s %9s | %8s %8s %8s | %7s %7s %7s | %6s %6s %6s%n", "#", "stage", "MFLOP fwd", "MFLOP bwd", "ms inf",
                "ms fwd", "ms bwd", "GF/s i", "GF/s f", "GF/s b", "% i", "% f", "% b");
        Table t = table(p);
        for (int r = 0; r < t.rowCount(); r++) {
            String d = t.stringColumn("description").get(r);
            if (d.length() > 38) d = d.substring(0, 37) + "…";
            String label = t.stringColumn("stage").get(r);
            boolean summary = label.equals(TOTAL) || label.equals(CONV_AFTER_FIRST);
            out.printf(Locale.ROOT, "%-3s %-38s %9.2f %9.2f | %8.3f %8.3f %8.3f | %7s %7s %7s | %6s %6s %6s%n", summary ? "" : label,
                    summary ? label : d, t.longColumn("forward_flops_per_sample").get(r) / 1e6, t.longColumn("backward_flops_per_sample").get(r) / 1e6,
                    t.doubleColumn("infer_forward_ms").getDouble(r), t.doubleColumn("train_forward_ms").getDouble(r), t.doubleColumn("backward_ms").getDouble(r),
                    num(t, "infer_forward_gflops", r, 1), num(t, "train_forward_gflops", r, 1), num(t, "backward_gflops", r, 1),
                    pct(t, "infer_forward_peak_share", r), pct(t, "train_forward_peak_share", r), pct(t, "backward_peak_share", r));
        }
        out.printf(Locale.ROOT, "whole batch: fit %.3f ms (stages %.3f), output %.3f ms (stages %.3f); the rest is the loss, Adam and parameter copies%n",
                p.fitMs(), p.stagesMs(Pass.TRAIN_FORWARD) + p.stagesMs(Pass.BACKWARD), p.outputMs(), p.stagesMs(Pass.INFERENCE));
        out.printf(Locale.ROOT, "CRITERION model=%s conv_after_first_flop_weighted_peak_share training=%s inference=%s (the issue's target: >= 60 %% in "
                + "training)%n", p.model(), pctOrNa(p.criterion()), pctOrNa(p.inferenceCriterion()));
    }

    private static String num(Table t, String col, int r, int decimals) {
        double v = t.doubleColumn(col).getDouble(r);
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String pct(Table t, String col, int r) {
        double v = t.doubleColumn(col).getDouble(r);
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", 100 * v);
    }

    private static String pctOrNa(double v) { return Double.isNaN(v) ? "n/a (fewer than two convolution stages)" : String.format(Locale.ROOT, "%.1f %%", 100 * v); }

    /** Writes {@code dir/profile-<model>-<act>.csv} and its environment file; returns the table's path. */
    static Path write(Profile p, Map<String, String> environment, Path dir) throws IOException {
        Files.createDirectories(dir);
        Table t = table(p);
        Path csv = dir.resolve(t.name() + ".csv");
        Tables.saveCsv(t, csv);
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(summary(p));
        BenchEnvironment.write(dir, t.name(), env);
        return csv;
    }
}
