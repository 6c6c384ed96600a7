package org.emoaugnet.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.run.Defaults;
import org.emoaugnet.util.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emoaug bench features|compare|train|gemm|profile}: throughput benchmarks (figures printed, not tests). */
@Command(name = "bench", description = "throughput benchmarks: features, compare, train, gemm, profile",
        subcommands = {BenchCommands.FeatureThroughput.class, BenchCommands.Compare.class, BenchCommands.Train.class, BenchCommands.Gemm.class,
                BenchCommands.Profile.class})
final class BenchCommands {
    @Command(name = "features", description = "feature-extraction throughput (real-time factor, 1 thread and all cores) and peak memory")
    static final class FeatureThroughput implements CommandAction {
        @Mixin SettingsOptions settings;

        @Option(names = "--files", paramLabel = "N", description = "files drawn from the corpora (default: ${DEFAULT-VALUE})")
        int files = 200;

        @Option(names = "--repeats", paramLabel = "R", description = "repeats, the best one reported (default: ${DEFAULT-VALUE})")
        int repeats = 3;

        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Settings s = settings.settings();
            List<Utterance> all = new ArrayList<>();
            for (var r : Corpora.open(s)) all.addAll(r.corpus().utterances());
            if (all.size() > files) {
                Collections.shuffle(all, new Random(s.seed()));
                all = all.subList(0, files);
            }
            BenchLoad load = BenchLoad.start("bench features", Main.out(spec));
            FeatureBenchmark.run(all, repeats, Main.out(spec));
            load.finish(Main.out(spec));
            return ExitCode.OK;
        }
    }

    @Command(name = "compare", description = "the fused DL4J trainer against the PyTorch twin (environment/bench/torch_twin.py, needs python3-torch), "
            + "interleaved, medians over repeats, their ratio; writes DIR/compare-<model>-<act>*.csv")
    static final class Compare implements CommandAction {
        @Mixin SettingsOptions settings;

        @Option(names = "--model", paramLabel = "NAME", description = "one of the networks the PyTorch twin builds: A, B, strong-cnn-pool, strong-cnn-bilstm, cnn2d-ref (default: "
                + "${DEFAULT-VALUE})")
        String model = TrainingBenchmark.MODEL;

        @Option(names = "--act", paramLabel = "relu|elu", description = "activation (default: ${DEFAULT-VALUE})")
        String act = Defaults.ACTIVATION;

        @Option(names = "--n", paramLabel = "N", description = "samples (default: ${DEFAULT-VALUE})")
        int n = 2048;

        @Option(names = "--batch", paramLabel = "B", description = "batch size (default: ${DEFAULT-VALUE})")
        int batch = TrainingBenchmark.BATCH;

        @Option(names = "--epochs", paramLabel = "E", description = "epochs, the first a warm-up (default: ${DEFAULT-VALUE})")
        int epochs = 3;

        @Option(names = "--repeats", paramLabel = "R", description = "repeats, interleaved (default: ${DEFAULT-VALUE})")
        int repeats = 3;

        @Option(names = "--with-dl4j", arity = "1", paramLabel = "true|false", description = "also time DL4J's own fit once (default: ${DEFAULT-VALUE})")
        boolean withDl4j = false;

        @Option(names = "--threads", paramLabel = "N|all", description = "also time the fused trainer asked to run N threads (all: every core) in "
                + "every repeat, and print its speed over the one-thread side (SCALING); 1: one thread only (default: ${DEFAULT-VALUE})")
        String threads = "1";

        @Option(names = "--profile", arity = "1", paramLabel = "true|false", description = "also profile the fused side once, stage by stage (bench "
                + "profile's criterion: the FLOP-weighted share of the GEMM peak over the convolutions after the first) (default: ${DEFAULT-VALUE})")
        boolean profile = true;

        @Option(names = "--out", paramLabel = "DIR", description = "where the CSV files go (default: <project>/results/bench)")
        Path out;

        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            if (!TrainingComparison.MODELS.contains(model))
                throw new UsageException("bench compare --model must be one of " + TrainingComparison.MODELS + " (the networks the PyTorch twin builds), got '" + model + "'");
            int engineThreads;
            try {
                engineThreads = TrainingBenchmark.threads(threads);
                TrainingBenchmark.subject(model, act);   // the preset exists in this build (cnn2d-ref needs ModelConfig's preset)
            } catch (IllegalArgumentException e) {
                throw new UsageException("bench compare: " + e.getMessage());
            }
            Settings s = settings.settings();
            TrainingComparison.run(model, act, n, batch, epochs, repeats, withDl4j, engineThreads, profile, out != null ? out : s.projectRoot().resolve("results/bench"),
                    s.projectRoot().resolve("environment/bench/torch_twin.py"), Main.out(spec));
            return ExitCode.OK;
        }
    }

    @Command(name = "train", description = "training/inference throughput and peak memory of the reference networks A and B (compare: "
            + "environment/bench/torch_twin.py) or of a model preset (compact-cnn-lstm, paper-cnn-lstm, public-conv1d, "
            + "strong-cnn-pool, strong-cnn-bilstm, cnn2d-ref)")
    static final class Train implements CommandAction {
        @Option(names = "--model", paramLabel = "A|B|PRESET", description = "the network (default: ${DEFAULT-VALUE})")
        String model = TrainingBenchmark.MODEL;

        @Option(names = "--act", paramLabel = "relu|elu", description = "activation (default: ${DEFAULT-VALUE})")
        String act = Defaults.ACTIVATION;

        @Option(names = "--n", paramLabel = "N", description = "samples (default: ${DEFAULT-VALUE})")
        int n = 5760;

        @Option(names = "--batch", paramLabel = "B", description = "batch size (default: ${DEFAULT-VALUE})")
        int batch = TrainingBenchmark.BATCH;

        @Option(names = "--epochs", paramLabel = "E", description = "epochs, the first a warm-up (default: ${DEFAULT-VALUE})")
        int epochs = 4;

        @Option(names = "--seed", paramLabel = "S", description = "seed of the weights and the random data (default: ${DEFAULT-VALUE})")
        long seed = TrainingBenchmark.SEED;

        @Option(names = "--engine", paramLabel = "fused|dl4j", description = "the fused trainer the experiments use, or DL4J's own fit, in any case: ${COMPLETION-CANDIDATES} (default: "
                + "${DEFAULT-VALUE})")
        TrainingBenchmark.Engine engine = TrainingBenchmark.Engine.FUSED;

        @Option(names = "--threads", paramLabel = "N|all", description = "threads the fused engine is asked to use (see bench compare --threads; "
                + "default: ${DEFAULT-VALUE})")
        String threads = "1";

        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() {
            int engineThreads;
            try {
                engineThreads = TrainingBenchmark.threads(threads);
            } catch (IllegalArgumentException e) {
                throw new UsageException("bench train " + e.getMessage());
            }
            BenchLoad load = BenchLoad.start("bench train", Main.out(spec));
            TrainingBenchmark.run(model, act, n, batch, epochs, seed, engine, engineThreads, Main.out(spec));
            load.finish(Main.out(spec));
            return ExitCode.OK;
        }
    }

    @Command(name = "gemm", description = "the one-thread single-precision matrix-product (GEMM) peak through the BLAS the fused trainer uses (OpenBLAS "
            + "cblas_sgemm), per shape, best of repeats; writes DIR/gemm-peak.csv and its environment file (bench profile reads the peak from it)")
    static final class Gemm implements CommandAction {
        @Option(names = "--shape", paramLabel = "[LABEL=]MxKxN", split = ",", description = "shapes to time instead of the defaults, C[M×N] = A[M×K]·B[K×N] "
                + "row-major, comma-separated (default: square 1024 and 2048, strong-cnn-pool's first convolution on 16 samples forward and both "
                + "gradients, one LSTM step of network A)")
        List<String> shapes;

        @Option(names = "--repeats", paramLabel = "R", description = "repeats per shape, the best one reported (default: ${DEFAULT-VALUE})")
        int repeats = 5;

        @Option(names = "--min-seconds", paramLabel = "S", description = "each repeat runs the product back to back for at least this long (default: "
                + "${DEFAULT-VALUE})")
        double minSeconds = GemmBenchmark.MIN_SECONDS;

        @Option(names = "--out", paramLabel = "DIR", description = "where the CSV files go (default: <project>/results/bench)")
        Path out;

        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            List<GemmBenchmark.Shape> list = new ArrayList<>();
            try {
                if (shapes == null || shapes.isEmpty()) list.addAll(GemmBenchmark.SHAPES);
                else for (String x : shapes) list.add(GemmBenchmark.Shape.parse(x));
            } catch (IllegalArgumentException e) {
                throw new UsageException("bench gemm --shape: " + e.getMessage());
            }
            if (repeats < 1 || !(minSeconds > 0)) throw new UsageException("bench gemm needs --repeats of at least 1 and a positive --min-seconds");
            var o = Main.out(spec);
            BenchLoad load = BenchLoad.start("bench gemm", o);
            List<GemmBenchmark.Result> results = GemmBenchmark.measure(list, repeats, minSeconds, o);
            load.finish(o);
            Map<String, String> env = BenchEnvironment.current();
            env.putAll(load.record());
            env.putAll(GemmBenchmark.summary(results, repeats, minSeconds));
            Path dir = out != null ? out : Settings.fromEnv().projectRoot().resolve("results/bench");
            Path csv = GemmBenchmark.write(results, env, dir);
            o.printf(java.util.Locale.ROOT, "PEAK %.1f GFLOP/s one thread (%s), kernels %s, OPENBLAS_CORETYPE=%s%n", GemmBenchmark.peak(results),
                    env.get("peak_shape"), env.get("kernels"), env.get("env.OPENBLAS_CORETYPE"));
            o.println("written: " + csv + ", " + dir.resolve(org.emoaugnet.publish.StudyOutputs.benchEnvironment(GemmBenchmark.TAG)));
            return ExitCode.OK;
        }
    }

    @Command(name = "profile", description = "where the fused trainer's time goes, stage by stage: FLOPs per sample, median ms per batch (inference "
            + "forward, training forward, backward), achieved GFLOP/s and share of the one-thread GEMM peak (bench gemm's gemm-peak.csv, else measured "
            + "now), totals, and the FLOP-weighted share over the convolution stages after the first; writes DIR/profile-<model>-<act>.csv and its "
            + "environment file")
    static final class Profile implements CommandAction {
        @Option(names = "--model", paramLabel = "A|B|PRESET", description = "the network, as bench train names it (default: ${DEFAULT-VALUE})")
        String model = TrainingBenchmark.MODEL;

        @Option(names = "--act", paramLabel = "relu|elu", description = "activation (default: ${DEFAULT-VALUE})")
        String act = Defaults.ACTIVATION;

        @Option(names = "--n", paramLabel = "N", description = "samples: N / B batches, trained and inferred once as a warm-up, then timed in every "
                + "repeat (default: ${DEFAULT-VALUE})")
        int n = 320;

        @Option(names = "--batch", paramLabel = "B", description = "batch size (default: ${DEFAULT-VALUE})")
        int batch = TrainingBenchmark.BATCH;

        @Option(names = "--repeats", paramLabel = "R", description = "repeats over the batches; medians over every batch of every repeat (default: "
                + "${DEFAULT-VALUE})")
        int repeats = 5;

        @Option(names = "--seed", paramLabel = "S", description = "seed of the weights and the random data (default: ${DEFAULT-VALUE})")
        long seed = TrainingBenchmark.SEED;

        @Option(names = "--threads", paramLabel = "N|all", description = "threads the fused engine is asked to use (see bench compare --threads; "
                + "default: ${DEFAULT-VALUE})")
        String threads = "1";

        @Option(names = "--measure-peak", description = "measure the GEMM peak now instead of reading DIR/gemm-peak.csv")
        boolean measurePeak;

        @Option(names = "--out", paramLabel = "DIR", description = "where gemm-peak.csv is read and the CSV files go (default: <project>/results/bench)")
        Path out;

        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            if (batch < 1 || n < batch || repeats < 1)
                throw new UsageException("bench profile needs --batch of at least 1, --n of at least one batch and --repeats of at least 1");
            TrainingBenchmark.Subject sub;
            int engineThreads;
            try {
                sub = TrainingBenchmark.subject(model, act);
                engineThreads = TrainingBenchmark.threads(threads);
            } catch (IllegalArgumentException e) {
                throw new UsageException("bench profile: " + e.getMessage());
            }
            var o = Main.out(spec);
            Path dir = out != null ? out : Settings.fromEnv().projectRoot().resolve("results/bench");
            BenchLoad load = BenchLoad.start("bench profile", o);
            GemmBenchmark.Peak peak = TrainingProfile.peak(dir, measurePeak, o);
            TrainingProfile.Profile p = TrainingProfile.measure(sub, model, act, batch, n / batch, repeats, seed, engineThreads, peak);
            load.finish(o);
            TrainingProfile.print(p, o);
            Map<String, String> env = BenchEnvironment.current();
            env.putAll(load.record());
            Path csv = TrainingProfile.write(p, env, dir);
            o.println("written: " + csv + ", " + dir.resolve(org.emoaugnet.publish.StudyOutputs.benchEnvironment(
                    org.emoaugnet.publish.StudyOutputs.benchProfile(model.toLowerCase(java.util.Locale.ROOT), act))));
            return ExitCode.OK;
        }
    }
}
