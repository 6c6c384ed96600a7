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

    /** The networks both sides build ({@code environment/bench/torch_twin.py}): the two reference networks and the strong presets. */
    static final List<String> MODELS = List.of("A", "B", "strong-cnn-pool", "strong-cnn-bilstm");

    static int run(String model, String act, int n, int batch, int epochs, int repeats, boolean withDl4j, Path outDir, Path twin, PrintStream out)
            throws IOException, InterruptedException {
        String python = python();
        String torch = python == null ? null : torchVersion(python);
        if (torch == null)
            out.println("PyTorch side skipped: no python3 with torch (Debian: apt-get install python3-torch libopenblas0-pthread; or set EMOAUG_PYTHON)");
        BenchLoad load = BenchLoad.start("bench compare", out);
        List<Row> rows = new ArrayList<>();
        String threads = System.getenv().getOrDefault("OMP_NUM_THREADS", "unset");
        for (int r = 1; r <= repeats; r++) {
            boolean javaFirst = r % 2 == 1;
            for (int k = 0; k < 2; k++) {
                if ((k == 0) == javaFirst) {
                    out.printf("[repeat %d/%d] fused DL4J%n", r, repeats);
                    var m = TrainingBenchmark.run(model, act, n, batch, epochs, TrainingBenchmark.SEED, TrainingBenchmark.Engine.FUSED, out);
                    rows.add(new Row("dl4j-fused", r, m.trainSps(), m.inferSps()));
                } else if (torch != null) {
                    out.printf("[repeat %d/%d] PyTorch twin%n", r, repeats);
                    double[] t = twin(python, twin, model, act, n, batch, epochs, threads, out);
                    rows.add(new Row("pytorch", r, t[0], t[1]));
                }
            }
            if (withDl4j && r == 1) {
                out.println("[once] DL4J fit/output");
                var m = TrainingBenchmark.run(model, act, n, batch, epochs, TrainingBenchmark.SEED, TrainingBenchmark.Engine.DL4J, out);
                rows.add(new Row("dl4j-fit", r, m.trainSps(), m.inferSps()));
            }
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
        Files.createDirectories(outDir);
        Tables.saveCsv(t, outDir.resolve(tag + ".csv"));
        BenchEnvironment.write(outDir, tag, env);
        out.println();
        out.printf("model %s (%s), %d samples, batch %d, %d epochs, threads %s, %d repeats: medians over repeats%n", model, act, n, batch, epochs, threads, repeats);
        double[] fused = medians(rows, "dl4j-fused"), py = medians(rows, "pytorch"), fit = medians(rows, "dl4j-fit");
        out.printf("  %-12s train %8.1f  infer %8.1f samples/s%n", "DL4J fused", fused[0], fused[1]);
        if (withDl4j) out.printf("  %-12s train %8.1f  infer %8.1f samples/s (one repeat)%n", "DL4J fit", fit[0], fit[1]);
        if (torch != null) {
            out.printf("  %-12s train %8.1f  infer %8.1f samples/s%n", "PyTorch", py[0], py[1]);
            out.printf("RATIO model=%s train=%.2f infer=%.2f (DL4J fused / PyTorch)%n", model, fused[0] / py[0], fused[1] / py[1]);
        }
        out.println("written: " + outDir.resolve(tag + ".csv") + ", " + outDir.resolve(org.emoaugnet.publish.StudyOutputs.benchEnvironment(tag)));
        return 0;
    }

    private static double[] medians(List<Row> rows, String side) {
        List<Double> tr = new ArrayList<>(), in = new ArrayList<>();
        for (Row r : rows) if (r.side().equals(side)) { tr.add(r.train()); in.add(r.infer()); }
        return new double[] {TrainingBenchmark.median(tr), TrainingBenchmark.median(in)};
    }

    /** The interpreter that has torch: EMOAUG_PYTHON, else Debian's /usr/bin/python3, else python3 on the path. */
    private static String python() {
        String p = System.getenv("EMOAUG_PYTHON");
        if (p != null && !p.isBlank()) return p;
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static String torchVersion(String python) {
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
