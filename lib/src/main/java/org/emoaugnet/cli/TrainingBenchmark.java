package org.emoaugnet.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.emoaugnet.model.ConvBlock;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.ModelFactory;
import org.emoaugnet.model.fused.FusedNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training and inference throughput of the two reference networks of the project's benchmark (environment/bench/torch_twin.py:
 * A = compact CNN-LSTM on 108 × 42 NCW frames, B = the flat 2,376-value network), built layer for layer like the
 * PyTorch twin, and of the model presets on their own inputs, on seeded random data: the first epoch is a warm-up, the median of the others is reported, with
 * the backend, natives and threads. The native libraries' threads are fixed at JVM start by {@code OMP_NUM_THREADS} (the
 * launcher's default is 1); the fused engine's own thread count is handed over in one place, {@link #setEngineThreads}.
 */
final class TrainingBenchmark {
    private TrainingBenchmark() {}

    /** The network benchmarked unless one is named: reference network A (the compact CNN-LSTM as the PyTorch twin builds it). */
    static final String MODEL = "A";

    /** Batch size of both benchmarks. */
    static final int BATCH = 32;

    /** The seed of the networks' weights and the random data. */
    static final long SEED = 42;

    static ModelConfig modelB(String act) {
        return new ModelConfig("reference-B",
                List.of(new ConvBlock(256, 5, 1, true, 5, 2, 0), new ConvBlock(256, 5, 1, true, 5, 2, 0), new ConvBlock(128, 5, 1, false, 5, 2, 0.3)),
                List.of(64), 0, List.of(32), 0, false, act, List.of("reference network B of the project's benchmark"));
    }

    /** A network with the input it is benchmarked on: channels × time, classes. */
    record Subject(ModelConfig config, int channels, int length, int classes) {}

    /** The 2-D convolution reference preset (a 1 × 64 × 301 log-mel image: the 64 × 301 frames the strong presets take). */
    static final String CNN2D_REF = "cnn2d-ref";

    /**
     * {@code A} and {@code B}: the reference networks as the PyTorch twin builds them (8 classes); a preset name:
     * that preset on the input it trains on (compact: 22 × 108 frames, 7 classes; strong-* and cnn2d-ref: 64 × 301
     * log-mel frames, 8 classes, as the PyTorch twin builds them, cnn2d-ref reading them as a 1 × 64 × 301 image;
     * flat presets: 1 × 2,376, 7 classes).
     */
    static Subject subject(String model, String act) {
        switch (model) {
            case "A": return new Subject(ModelConfig.compactCnnLstm(act), 42, 108, 8);
            case "B": return new Subject(modelB(act), 1, 2376, 8);
            case "compact-cnn-lstm": return new Subject(ModelConfig.compactCnnLstm(act), 22, 108, 7);
            case "strong-cnn-bilstm", "strong-cnn-pool", CNN2D_REF: return new Subject(ModelConfig.preset(model, act), 64, 301, 8);
            default: return new Subject(ModelConfig.preset(model, act), 1, 2376, 7);
        }
    }

    /** Which code trains: the fused path the experiments use, or DL4J's own {@code fit}/{@code output}. */
    enum Engine { FUSED, DL4J }

    /**
     * Median samples per second of one measurement, the trainable parameter count, the fused network's floating-point
     * operations per sample of a training step (forward and backward) and of inference (0 for DL4J's own fit), and
     * whether the fused engine took the thread count it was given ({@link #setEngineThreads}).
     */
    record Measurement(double trainSps, double inferSps, long trainableParams, long trainFlopsPerSample, long inferFlopsPerSample, boolean threadsConnected) {}

    /** {@code --threads}: a count of at least 1, or {@code all} (this machine's processors). */
    static int threads(String value) {
        if (value.equalsIgnoreCase("all")) return Runtime.getRuntime().availableProcessors();
        try {
            int t = Integer.parseInt(value.trim());
            if (t >= 1) return t;
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--threads is a count of at least 1 or 'all', got '" + value + "'");
    }

    /**
     * THE one place where a benchmark hands the fused engine its thread count (bench train, compare and profile all
     * come here). CONNECT (fused-engine author): at this commit FusedNetwork has no {@code setThreads(int)}; the method
     * is looked up by name so that this code builds before and after it lands. Once it exists, replace the body by
     * {@code fused.setThreads(threads); return true;}. Returns whether the engine took the count; where it did not,
     * the engine runs as it always has (one thread for its own work, natives as OMP_NUM_THREADS says) and the
     * benchmarks say so.
     */
    static boolean setEngineThreads(FusedNetwork fused, int threads) {
        fused.setThreads(threads);
        return true;
    }

    /** Floating-point operations per sample of a training step (every stage forward and backward) and of inference (forward). */
    static long[] flopsPerSample(FusedNetwork fused) {
        long train = 0, infer = 0;
        for (FusedNetwork.StageInfo s : fused.stageInfo()) {
            train += s.forwardFlops() + s.backwardFlops();
            infer += s.forwardFlops();
        }
        return new long[] {train, infer};
    }

    static Measurement run(String model, String act, int n, int batch, int epochs, long seed, Engine engine, PrintStream out) {
        return run(model, act, n, batch, epochs, seed, engine, 1, out);
    }

    /** Trains and infers; {@code threads} goes to the fused engine ({@link #setEngineThreads}; ignored by DL4J's fit). */
    static Measurement run(String model, String act, int n, int batch, int epochs, long seed, Engine engine, int threads, PrintStream out) {
        Subject sub = subject(model, act);
        int c = sub.channels(), t = sub.length(), k = sub.classes();
        ModelConfig cfg = sub.config();
        Nd4j.getRandom().setSeed(seed);
        MultiLayerNetwork net = ModelFactory.build(cfg, c, t, k, 1e-3, seed);
        FusedNetwork fused = engine == Engine.FUSED ? FusedNetwork.compile(net, c, t, batch, seed) : null;
        boolean connected = fused != null && setEngineThreads(fused, threads);
        long[] flops = fused == null ? new long[2] : flopsPerSample(fused);
        out.printf("model %s (%s, input %d x %d, batch %d, n %d, engine %s): trainable params %d (DL4J numParams %d); backend %s; OMP_NUM_THREADS=%s; natives %s%n",
                model, act, c, t, batch, n, engine.name().toLowerCase(java.util.Locale.ROOT),
                ModelFactory.trainableParams(net), net.numParams(), Nd4j.getBackend().getClass().getSimpleName(), System.getenv("OMP_NUM_THREADS"),
                org.emoaugnet.run.Provenance.detectNd4jClassifier());
        if (fused != null)
            out.printf("  fused engine: %d thread(s) asked, %s; %.2f MFLOP per training sample, %.2f per inferred sample%n", threads,
                    connected ? "taken (FusedNetwork.setThreads)" : threads == 1 ? "its own count (FusedNetwork has no setThreads(int) yet)"
                            : "NOT CONNECTED (FusedNetwork has no setThreads(int) yet: it runs as before)",
                    flops[0] / 1e6, flops[1] / 1e6);
        Random r = new Random(seed);
        List<DataSet> batches = new ArrayList<>();
        List<int[]> labels = new ArrayList<>();
        List<float[][]> rows = new ArrayList<>();
        for (int s = 0; s < n; s += batch) {
            int mb = Math.min(batch, n - s);
            INDArray x = Nd4j.randn(org.nd4j.linalg.api.buffer.DataType.FLOAT, mb, c, t);
            INDArray y = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, mb, k);
            int[] yi = new int[mb];
            for (int i = 0; i < mb; i++) { yi[i] = r.nextInt(k); y.putScalar(i, yi[i], 1f); }
            batches.add(new DataSet(ModelFactory.networkInput(net, x), y));   // a 2-D network's [mb, 1, c, t] view of the same memory
            labels.add(yi);
            float[] flat = x.data().asFloat();
            float[][] per = new float[mb][];
            for (int i = 0; i < mb; i++) per[i] = java.util.Arrays.copyOfRange(flat, i * c * t, (i + 1) * c * t);
            rows.add(per);
        }
        List<Double> sps = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            long t0 = System.nanoTime();
            double loss = 0;
            for (int b = 0; b < batches.size(); b++) {
                if (fused != null) loss = fused.fit(batches.get(b).getFeatures().data().asFloat(), labels.get(b), labels.get(b).length);
                else { net.fit(batches.get(b)); loss = net.score(); }
            }
            double sec = (System.nanoTime() - t0) / 1e9, rate = n / sec;
            if (e > 0) sps.add(rate);
            out.printf("  epoch %d%s: %.2f s, %.1f samples/s, loss %.4f%n", e, e == 0 ? " (warm-up)" : "", sec, rate, loss);
        }
        List<Double> inf = new ArrayList<>();
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            for (int b = 0; b < batches.size(); b++) {
                if (fused != null) fused.predict(rows.get(b));
                else net.output(batches.get(b).getFeatures(), false);
            }
            inf.add(n / ((System.nanoTime() - t0) / 1e9));
        }
        out.printf("RESULT model=%s train_sps_median=%.1f infer_sps_median=%.1f peak_rss=%s%n", model, median(sps), median(inf), FeatureBenchmark.peakRss());
        return new Measurement(median(sps), median(inf), ModelFactory.trainableParams(net), flops[0], flops[1], connected);
    }

    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        java.util.Collections.sort(s);
        int m = s.size();
        return m == 0 ? Double.NaN : m % 2 == 1 ? s.get(m / 2) : (s.get(m / 2 - 1) + s.get(m / 2)) / 2;
    }
}
