package org.emoaugnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.emoaugnet.publish.StudyOutputs;
import org.emoaugnet.util.Tables;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code emoaug bench gemm}: the one-thread single-precision matrix-product peak of this machine through the BLAS the
 * fused trainer uses ({@code cblas_sgemm} of the OpenBLAS build ND4J loads, called on ND4J-allocated float arrays as
 * {@code model.fused.NativeArray} calls it), under whatever kernels the process runs (the launcher pins them:
 * {@code OPENBLAS_CORETYPE} in {@code environment/kernels.env}). OpenBLAS runs one thread while it measures
 * ({@code blas_set_num_threads(1)}, the call ND4J itself makes from {@code OMP_NUM_THREADS}; checked, then restored).
 * Every shape is timed as the best of several repeats, each of at least {@link #MIN_SECONDS} of back-to-back calls
 * after a warm-up call; the peak is the best rate over the shapes. {@code bench profile} divides each stage's
 * achieved rate by it.
 */
final class GemmBenchmark {
    private GemmBenchmark() {}

    /** Row-major {@code C[m×n] = A[m×k] · B[k×n]}, no transposes. */
    record Shape(String label, int m, int k, int n) {
        Shape {
            if (m < 1 || k < 1 || n < 1) throw new IllegalArgumentException("a GEMM shape needs positive sizes, got " + m + "x" + k + "x" + n);
        }

        /** Floating-point operations of one product: a multiply and an add per term. */
        long flops() { return 2L * m * k * n; }

        String dims() { return m + "x" + k + "x" + n; }

        /** {@code MxKxN} or {@code LABEL=MxKxN}. */
        static Shape parse(String s) {
            String label = null, dims = s.trim();
            int eq = dims.indexOf('=');
            if (eq >= 0) {
                label = dims.substring(0, eq).trim();
                dims = dims.substring(eq + 1).trim();
            }
            String[] f = dims.toLowerCase(Locale.ROOT).split("x");
            if (f.length != 3) throw new IllegalArgumentException("a GEMM shape is MxKxN (e.g. 128x320x4816), got '" + s + "'");
            try {
                int m = Integer.parseInt(f[0]), k = Integer.parseInt(f[1]), n = Integer.parseInt(f[2]);
                return new Shape(label == null || label.isEmpty() ? m + "x" + k + "x" + n : label, m, k, n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a GEMM shape is MxKxN with integer sizes (e.g. 128x320x4816), got '" + s + "'");
            }
        }
    }

    /**
     * The shapes measured unless others are named: large square products (where OpenBLAS comes closest to the
     * processor's peak) and those a convolution of {@code strong-cnn-pool}'s first layer gives on 16 samples (half a
     * batch of 32: one of two threads' share): 128 filters × (64 channels · 5 taps) by (64 · 5) × (16 · 301 frames)
     * forward, and the weight and input gradients of the same; and one LSTM step of network A (32 × 128 by 128 × 512).
     */
    static final List<Shape> SHAPES = List.of(
            new Shape("square-1024", 1024, 1024, 1024),
            new Shape("square-2048", 2048, 2048, 2048),
            new Shape("conv-forward", 128, 320, 4816),
            new Shape("conv-weight-gradient", 128, 4816, 320),
            new Shape("conv-input-gradient", 320, 128, 4816),
            new Shape("lstm-step", 32, 128, 512));

    /** Each repeat runs the product back to back for at least this long. */
    static final double MIN_SECONDS = 0.2;

    /** The file {@code bench gemm} writes and {@code bench profile} reads. */
    static final String TAG = StudyOutputs.BENCH_GEMM_PEAK;

    /** One shape's best time per product over the repeats. */
    record Result(Shape shape, int callsPerRepeat, double bestSecondsPerCall) {
        double gflops() { return GemmBenchmark.gflops(shape.flops(), bestSecondsPerCall); }
    }

    /** GFLOP/s of {@code flops} operations done in {@code seconds}. */
    static double gflops(double flops, double seconds) { return flops / seconds / 1e9; }

    /** The peak of a measurement: its best rate. */
    static double peak(List<Result> results) { return results.stream().mapToDouble(Result::gflops).max().orElse(Double.NaN); }

    /** The shape of {@link #peak}. */
    static Shape peakShape(List<Result> results) {
        Result best = null;
        for (Result r : results) if (best == null || r.gflops() > best.gflops()) best = r;
        return best == null ? null : best.shape();
    }

    /** Measures every shape on one OpenBLAS thread; prints one line per shape. */
    static List<Result> measure(List<Shape> shapes, int repeats, double minSeconds, PrintStream out) {
        if (repeats < 1) throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
        int before = BenchEnvironment.setBlasThreads(1);
        List<Result> results = new ArrayList<>();
        try {
            out.printf(Locale.ROOT, "GEMM, one OpenBLAS thread (was %d), best of %d repeats of at least %.2f s each:%n", before, repeats, minSeconds);
            for (Shape s : shapes) {
                Result r = measure(s, repeats, minSeconds);
                results.add(r);
                out.printf(Locale.ROOT, "  %-22s %5d x %5d x %5d  %9.3f ms per product  %7.1f GFLOP/s%n", s.label(), s.m(), s.k(), s.n(),
                        r.bestSecondsPerCall() * 1e3, r.gflops());
            }
        } finally {
            openblas_nolapack.blas_set_num_threads(before);
        }
        return results;
    }

    private static Result measure(Shape s, int repeats, double minSeconds) {
        Nd4j.getRandom().setSeed(42);
        INDArray a = Nd4j.rand(DataType.FLOAT, s.m(), s.k()), b = Nd4j.rand(DataType.FLOAT, s.k(), s.n()),
                c = Nd4j.create(DataType.FLOAT, new long[] {s.m(), s.n()}, 'c');
        FloatPointer pa = pointer(a), pb = pointer(b), pc = pointer(c);
        try {
            long t0 = System.nanoTime();
            product(s, pa, pb, pc);   // warm-up: OpenBLAS's buffers, page faults
            double one = Math.max(1e-7, (System.nanoTime() - t0) / 1e9);
            int calls = (int) Math.max(1, Math.min(1_000_000, Math.ceil(minSeconds / one)));
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                for (int i = 0; i < calls; i++) product(s, pa, pb, pc);
                best = Math.min(best, (System.nanoTime() - start) / 1e9 / calls);
            }
            return new Result(s, calls, best);
        } finally {
            Reference.reachabilityFence(a);
            Reference.reachabilityFence(b);
            Reference.reachabilityFence(c);
        }
    }

    /** {@code c = a · b} as the fused trainer calls OpenBLAS (row-major, leading dimensions the row lengths). */
    static void product(Shape s, FloatPointer a, FloatPointer b, FloatPointer c) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans, openblas_nolapack.CblasNoTrans, s.m(), s.n(), s.k(),
                1f, a, s.k(), b, s.n(), 0f, c, s.n());
    }

    /** The first element of a contiguous c-order float array. */
    static FloatPointer pointer(INDArray x) {
        if (x.dataType() != DataType.FLOAT || x.ordering() != 'c') throw new IllegalArgumentException("a c-order float array is needed");
        FloatPointer p = (FloatPointer) x.data().addressPointer();
        return new FloatPointer(p).position(p.position() + x.offset());
    }

    /** The table of a measurement: one row per shape. */
    static Table table(List<Result> results) {
        Table t = Table.create(TAG, StringColumn.create("shape"), IntColumn.create("m"), IntColumn.create("k"), IntColumn.create("n"),
                LongColumn.create("flop_per_product"), IntColumn.create("products_per_repeat"), DoubleColumn.create("best_ms_per_product"),
                DoubleColumn.create("gflops"));
        for (Result r : results) {
            t.stringColumn(0).append(r.shape().label());
            t.intColumn(1).append(r.shape().m());
            t.intColumn(2).append(r.shape().k());
            t.intColumn(3).append(r.shape().n());
            t.longColumn(4).append(r.shape().flops());
            t.intColumn(5).append(r.callsPerRepeat());
            t.doubleColumn(6).append(r.bestSecondsPerCall() * 1e3);
            t.doubleColumn(7).append(r.gflops());
        }
        return t;
    }

    /** The keys a measurement adds to its environment. */
    static Map<String, String> summary(List<Result> results, int repeats, double minSeconds) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("peak_gflops", String.format(Locale.ROOT, "%.2f", peak(results)));
        m.put("peak_shape", peakShape(results).label() + " (" + peakShape(results).dims() + ")");
        m.put("measured_with", String.format(Locale.ROOT, "cblas_sgemm row-major without transposes on ND4J float arrays, one OpenBLAS thread, best of %d "
                + "repeats of at least %.2f s", repeats, minSeconds));
        return m;
    }

    /** Writes {@code dir/gemm-peak.csv} and its environment file; returns the table's path. */
    static Path write(List<Result> results, Map<String, String> environment, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path csv = dir.resolve(TAG + ".csv");
        Tables.saveCsv(table(results), csv);
        BenchEnvironment.write(dir, TAG, environment);
        return csv;
    }

    /** A peak rate and where it came from. */
    record Peak(double gflops, String source, List<String> differences) {}

    /** The keys of an environment that must agree for a stored peak to apply here. */
    static final List<String> SAME_MACHINE = List.of("cpu", "cpu_simd", "kernels", "env.OPENBLAS_CORETYPE", "env.OPENBLAS_L2_SIZE", "nd4j.natives");

    /**
     * The peak stored in {@code dir/gemm-peak.csv}, with what differs between its environment and {@code here} (keys
     * of {@link #SAME_MACHINE}); empty when there is no such file.
     */
    static Optional<Peak> read(Path dir, Map<String, String> here) throws IOException {
        Path csv = dir.resolve(TAG + ".csv");
        if (!Files.isRegularFile(csv)) return Optional.empty();
        double best = Double.NaN;
        for (Map<String, String> row : BenchEnvironment.readCsv(csv)) {
            double g = Double.parseDouble(row.get("gflops"));
            if (Double.isNaN(best) || g > best) best = g;
        }
        if (Double.isNaN(best)) throw new IOException(csv + " has no measured shape");
        Map<String, String> env = BenchEnvironment.read(dir.resolve(StudyOutputs.benchEnvironment(TAG)));
        List<String> diff = new ArrayList<>();
        for (String k : SAME_MACHINE)
            if (!String.valueOf(env.get(k)).equals(String.valueOf(here.get(k)))) diff.add(k + ": " + env.get(k) + " there, " + here.get(k) + " here");
        return Optional.of(new Peak(best, "read from " + csv + " (measured " + env.getOrDefault("date", "on an unrecorded date") + ")", diff));
    }
}
