package org.emoaugnet.sweep;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.run.Runner;
import org.emoaugnet.design.Sweep;
import org.emoaugnet.util.KnownKeys;
import org.emoaugnet.util.Settings;

/** {@code environment/emoaug sweep ...}: a study, ablation, experiment, the cross-corpus grid or the robustness models as a Spark job (see {@link SparkSweep}). */
public final class SweepCli {
    private SweepCli() {}

    static final String USAGE = String.join("\n",
            "usage: environment/emoaug sweep study|ablation|experiment|cross|robustness|strongest [options]",
            "  study                       notebook 04's ReLU-vs-ELU study on the primary corpus",
            "  ablation --design FILE      an augmentation ablation (experiments/<corpus>/ablation/*.properties)",
            "  experiment --config FILE    one experiment configuration",
            "  cross [--variants L,...]    notebook 05's cross-corpus grid over every configured corpus plus the synthetic",
            "                              one (--variants: only these, e.g. 'main,no augmentation')",
            "  robustness [--activations relu,elu]",
            "                              the trained models of notebook 05's robustness study on the primary corpus",
            "                              (their networks kept beside the records) and the evaluations of those",
            "                              already finished when it plans (run it again to evaluate the models it trained)",
            "  strongest                   notebook 06's searches, their final runs, baselines and the questions at the",
            "                              strong model (final runs are planned once a fold's search is complete: run it again)",
            "options:",
            "  --master URL                local[N] (embedded, default local[<cores>]) or spark://host:7077",
            "  --threads N                 native threads per run on cluster executors (default 1; one task per core)",
            "  --executor-memory SIZE      heap per executor on a cluster (default 2g)",
            "  --max-failures N            attempts per run before the sweep gives up on it (default 4)",
            "  --executor-classpath CP     class path of cluster executors (default: this command's jar folder, which",
            "                              every worker must see at the same path)",
            "  --runs DIR                  record folder every worker sees (default results/runs)",
            "  --features                  only extract the sweep's features into the cache, as Spark tasks over slices of",
            "                              recordings (--chunk N recordings per task, default 64); the runs then find them",
            "  --data DIR  --corpus NAMES  --quick  --seed N  --cache DIR   as for the other commands",
            "Every run is the local runner's unit of work: finished runs are skipped, a re-run sweep resumes.",
            "Exit codes: 0 every run finished, 1 bad usage, 4 some runs failed (listed; the others are kept).");

    /**
     * The options of every sweep (USAGE); {@code ablation} adds {@code design}, {@code experiment} {@code config},
     * {@code cross} {@code variants} and {@code robustness} {@code activations} ({@link #OWN}).
     */
    static final List<String> OPTIONS = List.of("master", "threads", "executor-memory", "max-failures", "executor-classpath", "runs", "features",
            "chunk", "data", "corpus", "quick", "seed", "cache");

    /** Each kind of sweep and the options only it takes. */
    static final Map<String, List<String>> OWN = Map.of("study", List.of(), "ablation", List.of("design"), "experiment", List.of("config"),
            "cross", List.of("variants"), "robustness", List.of("activations"), "strongest", List.of());

    public static void main(String[] args) throws Exception {
        int code;
        try {
            code = run(args);
        } catch (KnownKeys.UnknownKeyException e) {   // an unknown key in the experiment file or design: bad usage
            System.err.println("emoaug sweep: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            System.out.println(USAGE);
            return args.length == 0 ? 1 : 0;
        }
        Map<String, String> f = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) return usage("unexpected argument '" + a + "'");
            String k = a.substring(2);
            if (k.equals("quick") || k.equals("features")) f.put(k, "true");
            else if (i + 1 < args.length) f.put(k, args[++i]);
            else return usage("--" + k + " needs a value");
        }
        if (!OWN.containsKey(args[0]))
            return usage(KnownKeys.describe(args[0], OWN.keySet().stream().sorted().toList(), "sweep", ""));
        List<String> known = new java.util.ArrayList<>(OPTIONS);
        known.addAll(OWN.get(args[0]));
        List<String> unknown = KnownKeys.unknown(f.keySet().stream().sorted().toList(), known);
        if (!unknown.isEmpty()) {   // every option given is checked before the sweep starts: a typo is an error, never ignored
            List<String> parts = unknown.stream().map(k -> KnownKeys.describe(k, known, "option", "--")).toList();
            return usage(String.join("; ", parts));
        }
        Map<String, String> o = new HashMap<>();
        for (String k : new String[] {"data", "corpus", "seed", "cache"}) if (f.containsKey(k)) o.put(k, f.get(k));
        if (f.containsKey("quick")) o.put("quick", "true");
        Settings s = Settings.resolve(System.getenv(), o);
        Path runs = f.containsKey("runs") ? Path.of(f.get("runs")) : s.results().resolve("runs");
        Sweep sweep;
        try {
            sweep = switch (args[0]) {
                case "study" -> Sweep.study(s, runs);
                case "ablation" -> Sweep.ablation(Path.of(need(f, "design")), s, runs);
                case "experiment" -> Sweep.experiment(Path.of(need(f, "config")), s, runs);
                case "cross" -> Sweep.cross(s, runs, list(f, "variants"));
                case "robustness" -> Sweep.robustness(s, runs, list(f, "activations"));
                case "strongest" -> Sweep.strongest(s, runs);
                default -> throw new IllegalArgumentException("unknown sweep '" + args[0] + "'");   // OWN names every kind
            };
        } catch (IllegalArgumentException e) {   // a missing --design/--config, an unknown variant or activation: bad usage (printed), before anything is planned
            return usage(e.getMessage());
        }
        var opts = new SparkSweep.Options(f.getOrDefault("master", "local[" + Runner.defaultParallelism() + "]"),
                Integer.parseInt(f.getOrDefault("threads", "1")), f.getOrDefault("executor-memory", "2g"),
                Integer.parseInt(f.getOrDefault("max-failures", "4")), f.getOrDefault("executor-classpath", ""));
        if (f.containsKey("features")) {
            SparkFeatures.Report fr = SparkFeatures.run(sweep, opts, Integer.parseInt(f.getOrDefault("chunk", "64")), System.err);
            return fr.failures().isEmpty() ? 0 : 4;
        }
        SparkSweep.Report r = SparkSweep.run(sweep, opts, System.err);
        return r.failures().isEmpty() ? 0 : 4;
    }

    /** A comma-separated option's values; empty when it is not given. */
    private static List<String> list(Map<String, String> f, String k) {
        return f.containsKey(k) ? List.of(f.get(k).split(",")) : List.of();
    }

    private static String need(Map<String, String> f, String k) {
        String v = f.get(k);
        if (v == null) throw new IllegalArgumentException("--" + k + " is required");
        return v;
    }

    private static int usage(String msg) {
        System.err.println("emoaug sweep: " + msg + "\n" + USAGE);
        return 1;
    }
}
