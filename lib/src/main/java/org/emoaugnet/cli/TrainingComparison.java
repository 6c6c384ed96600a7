package org.emoaugnet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.util.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code emoaug bench compare}: the fused DL4J trainer and the PyTorch twin ({@code environment/bench/torch_twin.py})
 * on the same reference network, batch, sample count, epochs and threads, interleaved (the order alternates per
 * repeat) so that both see the same machine state, then the medians over repeats and their ratio. DL4J's own
 * {@code fit} can join as a third side. Writes every repeat and the environment it ran in (OpenBLAS and OpenMP
 * variables, processor, natives, PyTorch build) next to each other; the PyTorch side is skipped with a message where
 * {@code python3-torch} is not installed.
 */
final class TrainingComparison {
    private TrainingComparison() {}

    record Row(String side, int repeat, double train, double infer) {}

    /**
     * The networks both sides build ({@code environment/bench/torch_twin.py}): the two reference networks, the strong
     * presets and the 2-D convolution reference {@code cnn2d-ref}.
     */
    static final List<String> MODELS = List.of("A", "B", "strong-cnn-pool", "strong-cnn-bilstm", TrainingBenchmark.CNN2D_REF);

    /** The side of the fused trainer asked to run {@code threads} threads ({@code dl4j-fused} is the one-thread side). */
    static String fusedSide(int threads) { return threads == 1 ? "dl4j-fused" : "dl4j-fused-threads-" + threads; }

    /**
     * Runs the comparison. {@code threads} above 1 adds a fused side asked to run that many threads (in every repeat,
     * interleaved with the others), whose ratio to the one-thread side is the scaling figure; {@code profile} adds one
     * stage profile of the fused side ({@link TrainingProfile}: its criterion figure).
     */
    static int run(String model, String act, int n, int batch, int epochs, int repeats, boolean withDl4j, int threads, boolean profile, Path outDir, Path twin,
                   PrintStream out) throws IOException, InterruptedException {
        String python = python();
        String torch = python == null ? null : torchVersion(python);
        if (torch == null)
            out.println("PyTorch side skipped: no python3 with torch (Debian: apt-get install python3-torch libopenblas0-pthread; or set EMOAUG_PYTHON)");
        BenchLoad load = BenchLoad.start("bench compare", out);
        List<Row> rows = new ArrayList<>();
        String nativeThreads = System.getenv().getOrDefault("OMP_NUM_THREADS", "unset");
        TrainingBenchmark.Measurement fused1 = null;
        boolean connected = true;
        for (int r = 1; r <= repeats; r++) {
            List<String> order = new ArrayList<>(List.of("fused", "fused-threads", "pytorch"));
            if (threads == 1) order.remove("fused-threads");
            if (r % 2 == 0) java.util.Collections.reverse(order);
            for (String side : order) {
                switch (side) {
                    case "fused" -> {
                        out.printf("[repeat %d/%d] fused DL4J%n", r, repeats);
                        var m = TrainingBenchmark.run(model, act, n, batch, epochs, TrainingBenchmark.SEED, TrainingBenchmark.Engine.FUSED, 1, out);
                        rows.add(new Row(fusedSide(1), r, m.trainSps(), m.inferSps()));
                        fused1 = m;
                    }
                    case "fused-threads" -> {
                        out.printf("[repeat %d/%d] fused DL4J, %d threads%n", r, repeats, threads);
                        var m = TrainingBenchmark.run(model, act, n, batch, epochs, TrainingBenchmark.SEED, TrainingBenchmark.Engine.FUSED, threads, out);
                        rows.add(new Row(fusedSide(threads), r, m.trainSps(), m.inferSps()));
                        connected = m.threadsConnected();
                    }
                    default -> {
                        if (torch == null) continue;
                        out.printf("[repeat %d/%d] PyTorch twin%n", r, repeats);
                        double[] t = twin(python, twin, model, act, n, batch, epochs, nativeThreads, out);
                        rows.add(new Row("pytorch", r, t[0], t[1]));
                    }
                }
            }
            if (withDl4j && r == 1) {
                out.println("[once] DL4J fit/output");
                var m = TrainingBenchmark.run(model, act, n, batch, epochs, TrainingBenchmark.SEED, TrainingBenchmark.Engine.DL4J, out);
                rows.add(new Row("dl4j-fit", r, m.trainSps(), m.inferSps()));
            }
        }
        TrainingProfile.Profile prof = null;
        GemmBenchmark.Peak peak;
        if (profile) {
            out.println("[once] stage profile of the fused side (as bench profile measures it, one thread)");
            peak = TrainingProfile.peak(outDir, false, out);
            prof = TrainingProfile.measure(TrainingBenchmark.subject(model, act), model, act, batch, Math.max(1, Math.min(8, n / batch)), 3,
                    TrainingBenchmark.SEED, 1, peak);
        } else {
            peak = GemmBenchmark.read(outDir, BenchEnvironment.current()).orElse(null);
        }
        load.finish(out);
        Map<String, String> env = environment(torch, python);
        env.putAll(load.record());
        String tag = org.emoaugnet.publish.StudyOutputs.benchCompare(model.toLowerCase(Locale.ROOT), act);
        Table t = Table.create(tag, StringColumn.create(ResultColumns.SIDE), IntColumn.create("repeat"), DoubleColumn.create(ResultColumns.TRAIN_SAMPLES_PER_S),
                DoubleColumn.create(ResultColumns.INFER_SAMPLES_PER_S));
        for (Row row : rows) {
            t.stringColumn(0).append(row.side());
            t.intColumn(1).append(row.repeat());
            t.doubleColumn(2).append(row.train());
            t.doubleColumn(3).append(row.infer());
        }
        env.put("model", model);
        env.put("activation", act);
        env.put("samples", String.valueOf(n));
        env.put("batch", String.valueOf(batch));
        env.put("epochs", String.valueOf(epochs) + " (first is warm-up)");
        env.put("repeats", String.valueOf(repeats) + " (sides interleaved, order alternating)");
        double[] fused = medians(rows, fusedSide(1)), py = medians(rows, "pytorch"), fit = medians(rows, "dl4j-fit"), many = medians(rows, fusedSide(threads));
        Figures fig = figures(fused1, fused, many, threads, connected, peak, prof);
        env.putAll(fig.environment());
        Files.createDirectories(outDir);
        Tables.saveCsv(t, outDir.resolve(tag + ".csv"));
        BenchEnvironment.write(outDir, tag, env);
        if (prof != null) TrainingProfile.print(prof, out);
        out.println();
        out.printf("model %s (%s), %d samples, batch %d, %d epochs, OMP_NUM_THREADS %s, %d repeats: medians over repeats%n", model, act, n, batch, epochs,
                nativeThreads, repeats);
        out.printf("  %-12s train %8.1f  infer %8.1f samples/s%n", "DL4J fused", fused[0], fused[1]);
        if (threads > 1) out.printf("  %-12s train %8.1f  infer %8.1f samples/s (fused, %d threads asked)%n", "DL4J fused " + threads + "t", many[0], many[1], threads);
        if (withDl4j) out.printf("  %-12s train %8.1f  infer %8.1f samples/s (one repeat)%n", "DL4J fit", fit[0], fit[1]);
        if (torch != null) out.printf("  %-12s train %8.1f  infer %8.1f samples/s%n", "PyTorch", py[0], py[1]);
        fig.lines().forEach(out::println);
        if (torch != null) out.printf("RATIO model=%s train=%.2f infer=%.2f (DL4J fused / PyTorch)%n", model, fused[0] / py[0], fused[1] / py[1]);
        out.println("written: " + outDir.resolve(tag + ".csv") + ", " + outDir.resolve(org.emoaugnet.publish.StudyOutputs.benchEnvironment(tag)));
        return 0;
    }

    /** The fused side's derived figures: printed lines and environment keys. */
    record Figures(List<String> lines, Map<String, String> environment) {}

    /**
     * The fused side's achieved GFLOP/s (FLOPs per sample × median samples per second) and their share of the GEMM
     * peak, the stage profile's criterion, and the scaling from one thread to {@code threads} (medians' ratio).
     */
    static Figures figures(TrainingBenchmark.Measurement fused1, double[] fused, double[] many, int threads, boolean connected, GemmBenchmark.Peak peak,
                           TrainingProfile.Profile prof) {
        List<String> lines = new ArrayList<>();
        Map<String, String> env = new java.util.LinkedHashMap<>();
        if (fused1 != null) {
            double train = GemmBenchmark.gflops(fused1.trainFlopsPerSample() * fused[0], 1), infer = GemmBenchmark.gflops(fused1.inferFlopsPerSample() * fused[1], 1);
            env.put("fused.train_flops_per_sample", String.valueOf(fused1.trainFlopsPerSample()));
            env.put("fused.infer_flops_per_sample", String.valueOf(fused1.inferFlopsPerSample()));
            env.put("fused.train_gflops", String.format(Locale.ROOT, "%.2f", train) + " (FLOPs per training sample × median samples/s)");
            env.put("fused.infer_gflops", String.format(Locale.ROOT, "%.2f", infer));
            String shares = "";
            if (peak != null) {
                env.put("peak_gflops", String.format(Locale.ROOT, "%.2f", peak.gflops()));
                env.put("peak_source", peak.source());
                if (!peak.differences().isEmpty()) env.put("peak_measured_elsewhere", String.join("; ", peak.differences()));
                env.put("fused.train_peak_share", String.format(Locale.ROOT, "%.4f", train / peak.gflops()));
                env.put("fused.infer_peak_share", String.format(Locale.ROOT, "%.4f", infer / peak.gflops()));
                shares = String.format(Locale.ROOT, " (%.1f %% and %.1f %% of the one-thread GEMM peak, %.1f GFLOP/s)", 100 * train / peak.gflops(),
                        100 * infer / peak.gflops(), peak.gflops());
            }
            lines.add(String.format(Locale.ROOT, "GFLOPS fused train=%.1f infer=%.1f (%.2f and %.2f MFLOP per sample × median samples/s)%s", train, infer,
                    fused1.trainFlopsPerSample() / 1e6, fused1.inferFlopsPerSample() / 1e6, shares));
        }
        if (prof != null) {
            env.put("profile.criterion.conv_after_first.flop_weighted_peak_share.training", String.format(Locale.ROOT, "%.4f", prof.criterion()));
            env.put("profile.criterion.conv_after_first.flop_weighted_peak_share.inference", String.format(Locale.ROOT, "%.4f", prof.inferenceCriterion()));
            env.put("profile", prof.batches() + " batches x " + prof.repeats() + " repeats, one thread (bench profile writes the stages)");
            lines.add(String.format(Locale.ROOT, "PROFILE conv_after_first_flop_weighted_peak_share training=%s inference=%s (the issue's target: >= 60 %% "
                    + "in training)", pct(prof.criterion()), pct(prof.inferenceCriterion())));
        }
        if (threads > 1) {
            double train = many[0] / fused[0], infer = many[1] / fused[1];
            env.put("engine_threads", threads + (connected ? " (taken by FusedNetwork.setThreads)" : " asked; NOT CONNECTED: FusedNetwork has no "
                    + "setThreads(int) yet, both fused sides ran the same engine"));
            env.put("scaling.train", String.format(Locale.ROOT, "%.3f", train) + " (fused at " + threads + " threads / at 1, medians)");
            env.put("scaling.infer", String.format(Locale.ROOT, "%.3f", infer));
            lines.add(String.format(Locale.ROOT, "SCALING threads=%d train=%.2f infer=%.2f (fused at %d threads / at 1 thread; the issue's target for one "
                    + "run alone on 2 cores: >= 1.8)%s", threads, train, infer, threads,
                    connected ? "" : " NOT CONNECTED: FusedNetwork has no setThreads(int) yet, both ran the same engine"));
        }
        return new Figures(lines, env);
    }

    private static String pct(double v) { return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * v); }

    private static double[] medians(List<Row> rows, String side) {
        List<Double> tr = new ArrayList<>(), in = new ArrayList<>();
        for (Row r : rows) if (r.side().equals(side)) { tr.add(r.train()); in.add(r.infer()); }
        return new double[] {TrainingBenchmark.median(tr), TrainingBenchmark.median(in)};
    }

    /** The interpreter that has torch: EMOAUG_PYTHON, else Debian's /usr/bin/python3, else python3 on the path. */
    static String python() {
        String p = System.getenv("EMOAUG_PYTHON");
        if (p != null && !p.isBlank()) return p;
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    static String torchVersion(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch; print(torch.__version__)").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? s : null;
        } catch (IOException | InterruptedException e) {
            // no such Python, or interrupted: PyTorch counts as absent, which the comparison reports (Java side only)
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            return null;
        }
    }

    private static final Pattern RESULT = Pattern.compile("RESULT (train|infer)_sps_median=([0-9.]+)");

    private static double[] twin(String python, Path script, String model, String act, int n, int batch, int epochs, String threads, PrintStream out)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(script)) throw new IOException("PyTorch twin not found: " + script);
        int t = threads.equals("unset") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
        Process p = new ProcessBuilder(python, script.toString(), "model=" + model, "act=" + act, "n=" + n, "batch=" + batch, "epochs=" + epochs,
                "threads=" + t).redirectErrorStream(true).start();
        double[] r = {Double.NaN, Double.NaN};
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println("  | " + line);
                Matcher m = RESULT.matcher(line);
                if (m.find()) r[m.group(1).equals("train") ? 0 : 1] = Double.parseDouble(m.group(2));
            }
        }
        if (p.waitFor() != 0 || Double.isNaN(r[0])) throw new IOException("the PyTorch twin failed (exit " + p.exitValue() + "): " + script);
        return r;
    }

    /** What changes speed ({@link BenchEnvironment#current}) and the PyTorch build with the system BLAS it links. */
    static Map<String, String> environment(String torch, String python) {
        Map<String, String> m = BenchEnvironment.current();
        m.put("pytorch", torch == null ? "absent" : torch + " (" + python + ")");
        try {
            m.put("system_libblas", Path.of("/etc/alternatives/libblas.so.3-x86_64-linux-gnu").toRealPath().toString());
        } catch (IOException e) {
            m.put("system_libblas", "unknown");   // no Debian BLAS alternative on this system: reported as unknown
        }
        return m;
    }
}
