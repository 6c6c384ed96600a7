package org.emoaugnet.cli;

import org.emoaugnet.design.StudyTables;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.data.CorpusException;
import org.emoaugnet.data.CorpusScan;
import org.emoaugnet.data.CorpusTables;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.audio.AudioLoader;
import org.emoaugnet.audio.WavWriter;
import org.emoaugnet.augment.Augmentation;
import org.emoaugnet.augment.AugmentationSpec;
import org.emoaugnet.augment.PitchShift;
import org.emoaugnet.data.synth.SyntheticCorpus;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureConfig;
import org.emoaugnet.features.FeatureExtractor;
import org.emoaugnet.features.Features;
import org.emoaugnet.util.AtomicFiles;
import org.emoaugnet.util.Settings;
import org.emoaugnet.util.Tables;

/**
 * Command-line entry point ({@code environment/emoaug}). Exit codes: 0 success, 1 bad usage, 2 bad data.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: emoaug <command> [options]",
            "",
            "commands:",
            "  corpus list [--data DIR] [--corpus NAMES] [--skip-bad]",
            "        find the corpora under DIR (default: EMOAUG_DATA, else the synthetic corpus), read every file,",
            "        print counts by emotion, speaker and class, and every bad file",
            "  corpus find [--data DIR]        list the corpus layouts recognised under DIR without reading audio",
            "  corpus prepare [--ravdess ZIP|DIR] [--emodb ZIP|DIR] [--savee DIR|ZIP] [--urdu DIR|ZIP] [--emodb-original DIR|ZIP] --data DIR",
            "        rebuild the corpora from their public sources (docs/corpora.md): RAVDESS's 48 kHz originals checked against",
            "        their committed SHA-256, converted with SoX into DIR/ravdess and checked against the committed runs' 16 kHz",
            "        files (exit code 3 when any differs); EmoDB's download.zip cut to the 2-second derivative in DIR/emodb-2s",
            "        (not byte-identical to the committed third-party one: its resampler is unknown); SAVEE and URDU (folder, zip",
            "        or tar as their GitHub repositories hold them) likewise checked and converted into DIR/savee and DIR/urdu,",
            "        EmoDB's original wav/ files checked and copied into DIR/emodb",
            "  synth generate --out DIR [--speakers N] [--seed S] [--rate HZ]",
            "        generate the synthetic corpus (RAVDESS layout) into DIR",
            "  augment --in IN.wav --out OUT.wav --aug SPEC [--impl pv|wsola] [--seed S] [--rate HZ]",
            "        apply an augmentation (e.g. noise, pitch:0.7, stretch:0.8, shift, snr:10:pink, pitch:0.7+noise)",
            "        to a file loaded at HZ (default 22050) and write a 16-bit WAV",
            "  features --in IN.wav --out OUT.csv [--offset S] [--duration S]",
            "        librosa-default features, one row per frame: frame,time_s,rms,zcr,mfcc_1..mfcc_20",
            "  cache info|clear                feature cache size, or delete it",
            "  bench compare [--model A|B|strong-cnn-pool|strong-cnn-bilstm] [--act relu|elu] [--n 2048] [--batch 32] [--epochs 3] [--repeats 3] [--with-dl4j true] [--out DIR]",
            "        the fused DL4J trainer against the PyTorch twin (environment/bench/torch_twin.py, needs python3-torch),",
            "        interleaved, medians over repeats, their ratio; writes DIR (default results/bench)/compare-<model>-<act>*.csv",
            "  bench train [--model A|B|PRESET] [--act relu|elu] [--n 5760] [--batch 32] [--epochs 4] [--seed 42] [--engine fused|dl4j]",
            "        training/inference throughput and peak memory of the reference networks A and B (compare:",
            "        environment/bench/torch_twin.py) or of a model preset (compact-cnn-lstm, paper-cnn-lstm, public-conv1d, strong-cnn-pool, strong-cnn-bilstm)",
            "  model train --config FILE --out DIR [--fold NAME] [--train-seed S] [--data DIR] [--runs DIR]",
            "        train one run of an experiment file (its first fold and seed unless named) with its network kept and",
            "        export it to DIR: network.zip (DL4J), scaler.csv, model.properties (classes, model, features) and the run's record",
            "  predict --model DIR FILE.wav [FILE.wav ...]",
            "        class probabilities of an exported model for audio files, one line each (file, best class, class=probability ...)",
            "  experiment run --config FILE [--data DIR] [--runs DIR]",
            "        run (or resume) an experiment; records under DIR (default results/runs/<name>/); prints the result table",
            "  experiment search --candidates DIR [--name NAME] [--search-seeds 1] [--final-seeds 1,2,3,4,5] [--data DIR] [--runs DIR]",
            "        run (or resume) a model search (design.ModelSearch): every candidate configuration of DIR on every fold with",
            "        the search seeds, each fold's winner on its validation speakers with the final seeds; prints the search log",
            "  experiment strongest [--data DIR] [--corpus NAME]",
            "        run (or resume) notebook 06's study on the primary corpus (design.StrongestModel): every search of",
            "        experiments/<corpus>/search/*/ with its final runs and baseline, then the paper's questions at the first search's",
            "        pooled choice; records under results/runs/; prints what it cost and the results",
            "  experiment study [--data DIR] [--corpus NAME] [--runs DIR]",
            "        run (or resume) notebook 04's ReLU-vs-ELU study on the primary corpus (experiments/<corpus>/*.properties,",
            "        else the built-in defaults), all runs together; prints the result table and the wall time",
            "  experiment ablation --design FILE [--only RECIPE,...] [--data DIR] [--runs DIR]",
            "        run (or resume) an augmentation ablation (experiments/<corpus>/ablation/*.properties), one experiment",
            "        per recipe (--only: just these), then print the table against no augmentation",
            "  experiment cross [--variants LABEL,...] [--data DIR] [--runs DIR]",
            "        run (or resume) the cross-corpus grid of notebook 05 over every configured corpus plus the synthetic",
            "        one (--variants: only these, e.g. 'main,no augmentation'); prints the grid",
            "  sweep study|ablation|experiment|cross|robustness|strongest [--master local[N]|spark://host:7077] ...",
            "        the same runs as Apache Spark tasks (module lib/sweep): environment/emoaug sweep help",
            "  experiment robustness [--activations relu,elu] [--data DIR] [--runs DIR]",
            "        train (or load) the robustness models of notebook 05 on the primary corpus and evaluate them on",
            "        degraded test speech; prints the table",
            "  ledger [--results DIR]           rebuild results/LEDGER.md, results/ledger.csv and results/MANIFEST.json",
            "        from the run records (every paper claim beside our numbers, with a computed verdict) and the",
            "        README's generated blocks (the ledger table and the tables rendered from result CSVs); the only",
            "        command that edits README.md",
            "  results compare --regenerated DIR [--committed DIR]",
            "        compare regenerated tables (cell by cell) and figures (pixel by pixel) with the committed ones",
            "        (default results/), e.g. after bash environment/main.sh wrote build/main/results; lists every",
            "        difference; exit code 3 when any file differs",
            "  records verify RUN... [--data DIR] [--runs DIR] [--scratch DIR]",
            "        re-run recorded runs (<experiment>/<run> under the runs folder) from their specs with the current code",
            "        into DIR (default build/verify) and compare spec hash and predictions; exit code 3 when any differs;",
            "        each under the record's own numeric-kernel settings (in a child JVM where this one's differ)",
            "  records check [--runs DIR]",
            "        check every run record under the runs folder without training: the record's checksum, the SHA-256 of",
            "        every file of the run, every test.* value and interval recomputed from predictions.csv, confusion.csv,",
            "        the test row count and history.csv; lists every problem naming the file; exit code 3 when any",
            "  records migrate [--data DIR] [--runs DIR] [--redo]",
            "        convert run records of older formats to the current one, keeping every recorded value: format 1 to",
            "        the typed format (the old file stays as record-v1.properties; the data manifest is verified against the",
            "        corpora under DIR by recording names, then content-hashed, or marked unknown, always for generated",
            "        corpora; --redo converts earlier migrated records again from record-v1.properties); format 2 gains",
            "        every file's SHA-256 and the split's fold set and speakers, re-derived from the corpora under DIR and",
            "        checked against the run's predictions (a record that does not check out is left as it is, exit code 2)",
            "  bench features [--data DIR] [--files N] [--repeats R]",
            "        feature-extraction throughput (real-time factor, 1 thread and all cores) and peak memory",
            "  help                            this text",
            "",
            "options accepted by every command that reads settings: --data DIR, --corpus NAMES, --seed S, --cache DIR,",
            "  --quick (CI sizes), --skip-bad; runs execute EMOAUG_PARALLEL at a time (default: one per core)",
            "settings come from flags, then EMOAUG_* environment variables, then emoaug.properties (see docs/configuration.md)",
            "exit codes: 0 success, 1 bad usage (unknown command, option, value or configuration key), 2 bad data (the message",
            "  names the file), 3 results compare found differences");

    /** The first words of two-word commands. */
    private static final java.util.Set<String> GROUPS = java.util.Set.of("corpus", "synth", "cache", "bench", "experiment", "records", "results", "model");

    /** The options of every command that reads settings ({@link #settings}), as {@link #USAGE} lists them. */
    private static final List<String> SETTINGS_OPTIONS = List.of("data", "corpus", "seed", "cache", "quick", "skip-bad");

    /** Options that take no value. */
    private static final java.util.Set<String> SWITCHES = java.util.Set.of("skip-bad", "quick", "redo");

    /** What a command accepts: its own options, and the {@link #SETTINGS_OPTIONS} when it reads settings. */
    private record Options(boolean readsSettings, List<String> own) {
        List<String> all() {
            List<String> a = new ArrayList<>(own);
            if (readsSettings) a.addAll(SETTINGS_OPTIONS);
            return a;
        }
    }

    /** Every command and the only options it accepts (any other is an error naming it, before the command starts). */
    private static final Map<String, Options> COMMANDS = Map.ofEntries(
            Map.entry("corpus list", new Options(true, List.of())),
            Map.entry("corpus find", new Options(true, List.of())),
            Map.entry("corpus prepare", new Options(false, List.of("ravdess", "emodb", "savee", "urdu", "emodb-original", "data"))),
            Map.entry("synth generate", new Options(false, List.of("out", "speakers", "seed", "rate"))),
            Map.entry("augment", new Options(false, List.of("in", "out", "aug", "impl", "seed", "rate"))),
            Map.entry("features", new Options(false, List.of("in", "out", "offset", "duration"))),
            Map.entry("cache info", new Options(true, List.of())),
            Map.entry("cache clear", new Options(true, List.of())),
            Map.entry("bench features", new Options(true, List.of("files", "repeats"))),
            Map.entry("bench compare", new Options(true, List.of("model", "act", "n", "batch", "epochs", "repeats", "with-dl4j", "out"))),
            Map.entry("bench train", new Options(false, List.of("model", "act", "n", "batch", "epochs", "seed", "engine"))),
            Map.entry("experiment run", new Options(true, List.of("config", "runs"))),
            Map.entry("experiment study", new Options(true, List.of("runs"))),
            Map.entry("experiment strongest", new Options(true, List.of())),
            Map.entry("experiment ablation", new Options(true, List.of("design", "only", "runs"))),
            Map.entry("experiment cross", new Options(true, List.of("variants", "runs"))),
            Map.entry("experiment robustness", new Options(true, List.of("activations", "runs"))),
            Map.entry("ledger", new Options(true, List.of("results"))),
            Map.entry("results compare", new Options(true, List.of("regenerated", "committed"))),
            Map.entry("records verify", new Options(true, List.of("runs", "scratch"))),
            Map.entry("experiment search", new Options(true, List.of("candidates", "name", "search-seeds", "final-seeds", "runs"))),
            Map.entry("model train", new Options(true, List.of("config", "out", "fold", "train-seed", "runs"))),
            Map.entry("predict", new Options(false, List.of("model"))),
            Map.entry("records check", new Options(true, List.of("runs"))),
            Map.entry("records migrate", new Options(true, List.of("runs", "redo"))));

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
                out.println(USAGE);
                return args.length == 0 ? 1 : 0;
            }
            Map<String, String> flags = new HashMap<>();
            List<String> words = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("--")) {
                    String key = a.substring(2);
                    if (SWITCHES.contains(key)) { flags.put(key, "true"); continue; }
                    // no value (the end, or another option next): reported after the unknown options, since a mistyped switch has none
                    flags.put(key, i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : null);
                } else words.add(a);
            }
            // a command is one word, or two where the first names a group ("corpus list"); what follows are arguments,
            // which only "records verify" takes
            int n = words.size() >= 2 && GROUPS.contains(words.get(0)) ? 2 : 1;
            String cmd = String.join(" ", words.subList(0, Math.min(n, words.size())));
            List<String> rest = words.subList(Math.min(n, words.size()), words.size());
            Options accepted = COMMANDS.get(cmd);
            if (accepted == null)
                throw new UsageException(org.emoaugnet.util.KnownKeys.describe(cmd, COMMANDS.keySet().stream().sorted().toList(), "command", ""));
            // every option given, checked before the command starts: a typo (--sead) is an error, never silently ignored
            org.emoaugnet.util.KnownKeys.check("emoaug " + cmd, flags.keySet().stream().sorted().toList(), accepted.all(), "option", "--");
            for (String k : flags.keySet().stream().sorted().toList())
                if (flags.get(k) == null) throw new UsageException("option --" + k + " needs a value");
            if (!rest.isEmpty() && !cmd.equals("records verify") && !cmd.equals("predict"))
                throw new UsageException("'" + cmd + "' takes no argument '" + rest.get(0) + "'");
            org.emoaugnet.util.OutputLog.setProducer("environment/emoaug " + String.join(" ", args));
            if (flags.containsKey("results")) org.emoaugnet.util.OutputLog.setResults(Path.of(flags.get("results")));
            switch (cmd) {
                case "corpus list": return corpusList(settings(flags), out);
                case "corpus find": return corpusFind(settings(flags), out);
                case "corpus prepare": return CorpusPrepare.run(flags, settings(flags), out);
                case "synth generate": return synth(flags, out);
                case "augment": return augment(flags, out);
                case "features": return features(flags, out);
                case "cache info": case "cache clear": return cache(words.get(1), settings(flags), out);
                case "bench features": return bench(flags, out);
                case "experiment run": return experiment(flags, out);
                case "experiment ablation": return ablation(flags, out);
                case "experiment study": return study(flags, out);
                case "experiment strongest": return strongest(flags, out);
                case "experiment cross": return cross(flags, out);
                case "experiment robustness": return robustness(flags, out);
                case "ledger": return ledger(flags, out);
                case "records migrate": return migrate(flags, out);
                case "records check": return check(flags, out);
                case "records verify": return verify(flags, rest, out);
                case "predict": return ModelCommands.predict(Path.of(need(flags, "model")), rest.stream().map(Path::of).toList(), out);
                case "experiment search": {
                    Path dir = Path.of(need(flags, "candidates"));
                    var folder = org.emoaugnet.design.ModelSearch.CandidateFolder.read(dir);
                    Settings s = settingsFor(folder.candidates().get(0).corpus(), flags);
                    Path runs = runsRoot(flags, s);
                    var search = new org.emoaugnet.design.ModelSearch(flags.getOrDefault("name", dir.getFileName().toString()), folder.candidates(), folder.rounds(), folder.designedAfter(),
                            seeds(flags.getOrDefault("search-seeds", "1")), seeds(flags.getOrDefault("final-seeds", "1,2,3,4,5")), runs);
                    var corpora = org.emoaugnet.run.CorpusSource.of(s);
                    out.println(search.describe());
                    search.run(corpora, cache(s), runs);
                    search.run(corpora, cache(s), runs);   // the folds whose search just finished now plan their final runs
                    out.println(Tables.show(search.log(corpora), 1));
                    return 0;
                }
                case "model train": {
                    var cfg = org.emoaugnet.design.ExperimentConfigs.load(Path.of(need(flags, "config")));
                    Settings s = settingsFor(cfg.corpus(), flags);
                    return ModelCommands.train(cfg, org.emoaugnet.run.CorpusSource.of(s), cache(s),
                            flags.containsKey("runs") ? Path.of(flags.get("runs")) : s.projectRoot().resolve("build/model-runs"),
                            flags.getOrDefault("fold", ""), flags.containsKey("train-seed") ? (long) number(flags, "train-seed", 0) : null, Path.of(need(flags, "out")), out);
                }
                case "results compare": {
                    Path committed = Path.of(flags.getOrDefault("committed", settings(flags).projectRoot().resolve("results").toString()));
                    var report = org.emoaugnet.publish.Regeneration.compare(committed, Path.of(need(flags, "regenerated")));
                    out.print(report.text(20));
                    return report.differing().isEmpty() ? 0 : 3;
                }
                case "bench compare":
                    if (!TrainingComparison.MODELS.contains(flags.getOrDefault("model", "A")))
                        throw new UsageException("bench compare --model must be one of " + TrainingComparison.MODELS + " (the networks the PyTorch twin builds), got '" + flags.get("model") + "'");
                    return TrainingComparison.run(flags.getOrDefault("model", "A"), flags.getOrDefault("act", "relu"), (int) number(flags, "n", 2048),
                            (int) number(flags, "batch", 32), (int) number(flags, "epochs", 3), (int) number(flags, "repeats", 3),
                            Boolean.parseBoolean(flags.getOrDefault("with-dl4j", "false")),
                            Path.of(flags.getOrDefault("out", settings(flags).projectRoot().resolve("results/bench").toString())),
                            settings(flags).projectRoot().resolve("environment/bench/torch_twin.py"), out);
                case "bench train":
                    TrainingBenchmark.run(flags.getOrDefault("model", "A"), flags.getOrDefault("act", "relu"), (int) number(flags, "n", 5760),
                            (int) number(flags, "batch", 32), (int) number(flags, "epochs", 4), (long) number(flags, "seed", 42),
                            TrainingBenchmark.Engine.valueOf(flags.getOrDefault("engine", "fused").toUpperCase(java.util.Locale.ROOT)), out);
                    return 0;
                default: throw new UsageException("unknown command '" + cmd + "'");
            }
        } catch (org.emoaugnet.util.KnownKeys.UnknownKeyException e) {   // an unknown option, or an unknown key in an experiment or design file
            err.println("emoaug: " + e.getMessage());
            return 1;
        } catch (UsageException e) {
            err.println("emoaug: " + e.getMessage());
            err.println(USAGE);
            return 1;
        } catch (CorpusException e) {
            err.println("emoaug: " + e.getMessage());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("emoaug: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("emoaug: " + e);
            if (System.getenv("EMOAUG_DEBUG") != null) e.printStackTrace(err);
            return 2;
        }
    }

    private static Settings settings(Map<String, String> flags) {
        Map<String, String> o = new HashMap<>();
        if (flags.containsKey("data")) o.put("data", flags.get("data"));
        if (flags.containsKey("corpus")) o.put("corpus", flags.get("corpus"));
        if (flags.containsKey("skip-bad")) o.put("skip_bad", "true");
        if (flags.containsKey("seed")) o.put("seed", flags.get("seed"));
        if (flags.containsKey("cache")) o.put("cache", flags.get("cache"));
        if (flags.containsKey("quick")) o.put("quick", "true");
        return Settings.resolve(System.getenv(), o);
    }

    private static int corpusFind(Settings s, PrintStream out) throws IOException {
        if (s.data().isEmpty()) {
            out.println("no data folder configured (EMOAUG_DATA / --data): the synthetic corpus would be used");
            return 0;
        }
        var found = Corpora.find(s.data().get());
        if (found.isEmpty()) {
            out.println("no known corpus layout under " + s.data().get());
            return 2;
        }
        for (var f : found) out.println(f.loader() + "\t" + f.root());
        return 0;
    }

    private static int corpusList(Settings s, PrintStream out) throws IOException {
        out.println("settings: " + s);
        for (CorpusScan.Report r : Corpora.open(s)) {
            out.println();
            out.println(Tables.show(CorpusTables.summary(r), 2));
            out.println(Tables.show(CorpusTables.byEmotion(r), 2));
            out.println(Tables.show(CorpusTables.bySpeaker(r), 2));
            out.println(Tables.show(CorpusTables.byClass(r, Corpora.defaultClassSet(r.corpus().name())), 2));
            if (!r.bad().isEmpty()) {
                out.println(r.bad().size() + " bad file(s) skipped:");
                r.bad().forEach(b -> out.println("  " + b));
            }
        }
        return 0;
    }

    private static int synth(Map<String, String> flags, PrintStream out) throws IOException {
        String dir = flags.get("out");
        if (dir == null) throw new UsageException("synth generate needs --out DIR");
        SyntheticCorpus.Config d = SyntheticCorpus.Config.defaults();
        SyntheticCorpus.Config cfg;
        try {
            cfg = new SyntheticCorpus.Config(Integer.parseInt(flags.getOrDefault("speakers", "" + d.speakers())),
                    Long.parseLong(flags.getOrDefault("seed", "" + d.seed())), Integer.parseInt(flags.getOrDefault("rate", "" + d.sampleRate())));
        } catch (NumberFormatException e) {
            throw new UsageException("--speakers, --seed and --rate take integers: " + e.getMessage());
        }
        Path p = Path.of(dir);
        SyntheticCorpus.generate(p, cfg);
        out.println("synthetic corpus (" + SyntheticCorpus.items(cfg).size() + " files) in " + p.toAbsolutePath());
        return 0;
    }

    private static String need(Map<String, String> flags, String name) {
        String v = flags.get(name);
        if (v == null) throw new UsageException("missing --" + name);
        return v;
    }

    private static double number(Map<String, String> flags, String name, double def) {
        try {
            return flags.containsKey(name) ? Double.parseDouble(flags.get(name)) : def;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " takes a number, got '" + flags.get(name) + "'");
        }
    }

    private static int augment(Map<String, String> flags, PrintStream out) throws IOException {
        Path in = Path.of(need(flags, "in")), dst = Path.of(need(flags, "out"));
        String impl = flags.getOrDefault("impl", "pv");
        PitchShift.Impl i = impl.equals("wsola") ? PitchShift.Impl.WSOLA : impl.equals("pv") ? PitchShift.Impl.PHASE_VOCODER : null;
        if (i == null) throw new UsageException("--impl is pv or wsola, got '" + impl + "'");
        Augmentation a;
        try {
            a = AugmentationSpec.parse(need(flags, "aug"), i);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int sr = (int) number(flags, "rate", AudioLoader.DEFAULT_RATE);
        float[] y = AudioLoader.load(in, sr);
        float[] z = a.apply(y, sr, (long) number(flags, "seed", 42));
        WavWriter.writePcm16(dst, z, sr);
        out.printf("%s -> %s: %s, %d -> %d samples at %d Hz%n", in, dst, a.key(), y.length, z.length, sr);
        return 0;
    }

    private static int features(Map<String, String> flags, PrintStream out) throws IOException {
        Path in = Path.of(need(flags, "in")), dst = Path.of(need(flags, "out"));
        FeatureConfig cfg = FeatureConfig.librosa();
        float[] y = AudioLoader.load(in, cfg.sampleRate(), number(flags, "offset", 0), number(flags, "duration", -1));
        Features.MfccRmsZcr f = new FeatureExtractor(cfg).mfccRmsZcr(y);
        StringBuilder sb = new StringBuilder("frame,time_s,rms,zcr");
        for (int k = 1; k <= cfg.nMfcc(); k++) sb.append(",mfcc_").append(k);
        sb.append('\n');
        for (int t = 0; t < f.frames(); t++) {
            sb.append(t).append(',').append(String.format(java.util.Locale.ROOT, "%.6f", (double) t * cfg.hop() / cfg.sampleRate()))
                    .append(',').append(f.rms()[t]).append(',').append(f.zcr()[t]);
            for (float v : f.mfcc()[t]) sb.append(',').append(v);
            sb.append('\n');
        }
        AtomicFiles.writeString(dst, sb.toString());
        out.printf("%s -> %s: %d frames x %d features%n", in, dst, f.frames(), cfg.nMfcc() + 2);
        return 0;
    }

    private static int cache(String verb, Settings s, PrintStream out) throws IOException {
        FeatureCache c = new FeatureCache(s.cache().resolve("features"));
        long[] size = c.size();
        if (verb.equals("clear")) {
            c.clear();
            out.printf("cleared %s (%d entries, %.1f MiB)%n", c.dir(), size[0], size[1] / 1048576.0);
        } else {
            out.printf("%s: %d entries, %.1f MiB (code version %s)%n", c.dir(), size[0], size[1] / 1048576.0, FeatureCache.CODE_VERSION);
        }
        return 0;
    }

    private static int bench(Map<String, String> flags, PrintStream out) throws Exception {
        Settings s = settings(flags);
        List<org.emoaugnet.data.Utterance> files = new ArrayList<>();
        for (var r : Corpora.open(s)) files.addAll(r.corpus().utterances());
        int n = (int) number(flags, "files", 200);
        if (files.size() > n) {
            java.util.Collections.shuffle(files, new java.util.Random(s.seed()));
            files = files.subList(0, n);
        }
        FeatureBenchmark.run(files, (int) number(flags, "repeats", 3), out);
        return 0;
    }

    /** A comma-separated list of seeds ("1,2,3"); a bad number is bad usage. */
    private static List<Long> seeds(String v) {
        try {
            return java.util.Arrays.stream(v.split(",")).map(String::trim).map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            throw new UsageException("seeds must be comma-separated integers, got '" + v + "'");
        }
    }

    private static FeatureCache cache(Settings s) { return new FeatureCache(s.cache().resolve("features")); }

    private static int experiment(Map<String, String> flags, PrintStream out) throws IOException {
        var cfg = org.emoaugnet.design.ExperimentConfigs.load(Path.of(need(flags, "config")));
        Settings s = settingsFor(cfg.corpus(), flags);
        Path runs = runsRoot(flags, s);
        cfg.run(org.emoaugnet.run.CorpusSource.of(s), cache(s), runs);
        var t = StudyTables.summary(cfg, runs);
        out.println(Tables.show(t, 2));
        if (t.rowCount() > 0) {
            out.println("WA (%) " + org.emoaugnet.eval.Statistics.meanSd(t.doubleColumn(org.emoaugnet.evidence.ResultColumns.TEST_WA).asDoubleArray())
                    + "   UA (%) " + org.emoaugnet.eval.Statistics.meanSd(t.doubleColumn(org.emoaugnet.evidence.ResultColumns.TEST_UA).asDoubleArray()));
        }
        return 0;
    }

    private static int study(Map<String, String> flags, PrintStream out) throws IOException {
        Settings s = settings(flags);
        Path runs = runsRoot(flags, s);
        long t0 = System.nanoTime();
        var corpora = org.emoaugnet.run.CorpusSource.of(s);
        var study = org.emoaugnet.design.Study.of(corpora.primary().name(), s);
        var records = study.run(corpora, cache(s), runs);
        double wall = (System.nanoTime() - t0) / 1e9;
        out.println(Tables.show(org.emoaugnet.design.StudyTables.table(study.experiments(), runs, study.corpus()), 1));
        out.printf(java.util.Locale.ROOT, "%d runs of %d experiments; wall time %.1f s with %d run(s) at a time (EMOAUG_PARALLEL), OMP_NUM_THREADS=%s%n",
                records.size(), study.experiments().size(), wall, org.emoaugnet.run.Runner.defaultParallelism(), System.getenv("OMP_NUM_THREADS"));
        return 0;
    }

    private static int strongest(Map<String, String> flags, PrintStream out) throws IOException {
        Settings s = settings(flags);
        var corpora = org.emoaugnet.run.CorpusSource.of(s);
        var study = org.emoaugnet.design.StrongestModel.of(corpora.primary().name(), s);
        out.println(study.describe());
        long t0 = System.nanoTime();
        study.run(corpora, cache(s), s.results().resolve("runs"));
        out.println(Tables.show(study.cost(corpora), 2));
        out.println(Tables.show(study.results(corpora), 1));
        out.printf(java.util.Locale.ROOT, "wall time %.1f s with %d run(s) at a time (EMOAUG_PARALLEL)%n", (System.nanoTime() - t0) / 1e9,
                org.emoaugnet.run.Runner.defaultParallelism());
        return 0;
    }

    private static int ablation(Map<String, String> flags, PrintStream out) throws IOException {
        var design = org.emoaugnet.design.Ablation.load(Path.of(need(flags, "design")));
        String corpusName = design.conditions().get(0).config().corpus();
        Settings s = settingsFor(corpusName, flags);
        Path runs = runsRoot(flags, s);
        List<String> only = flags.containsKey("only") ? List.of(flags.get("only").split(",")) : List.of();
        List<String> recipes = design.conditions().stream().map(c -> c.recipe()).toList();
        for (String o : only) if (!recipes.contains(o)) throw new UsageException("unknown recipe '" + o + "' for this design; its recipes are " + recipes);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (var c : design.conditions()) {
            if (!only.isEmpty() && !only.contains(c.recipe())) continue;
            out.println("== " + c.recipe() + " (" + c.config().name() + ")");
            names.add(c.config().name());
        }
        // the design's plan (seed-major: whole seeds first), restricted to the chosen recipes
        var planned = design.plan(org.emoaugnet.run.CorpusSource.of(s)).stream().filter(p -> names.contains(p.experiment())).toList();
        org.emoaugnet.run.Runner.runAll(new org.emoaugnet.run.SpecJobs(cache(s), runs).jobs(planned));
        out.println(Tables.show(StudyTables.ablation(design, runs), 2));
        return 0;
    }

    private static int cross(Map<String, String> flags, PrintStream out) throws IOException {
        Settings s = settings(flags);
        List<String> only = flags.containsKey("variants") ? List.of(flags.get("variants").split(",")) : List.of();
        List<String> labels = org.emoaugnet.design.CrossCorpusStudy.variants(s.quick()).stream().map(v -> v.label()).toList();
        for (String o : only)
            if (!labels.contains(o)) throw new UsageException("unknown variant '" + o + "'; the variants are " + labels);
        var corpora = org.emoaugnet.design.CrossCorpusStudy.corpora(s);
        var grid = org.emoaugnet.design.CrossCorpusStudy.run(corpora, s, cache(s), runsRoot(flags, s), only);
        out.println(Tables.show(grid.rejectColumns(org.emoaugnet.evidence.ResultColumns.EXPERIMENT), 1));
        return 0;
    }

    private static int robustness(Map<String, String> flags, PrintStream out) throws IOException {
        Settings s = settings(flags);
        List<String> acts = flags.containsKey("activations") ? List.of(flags.get("activations").split(",")) : List.of();
        for (String a : acts) if (!a.equals("relu") && !a.equals("elu")) throw new UsageException("--activations takes relu and/or elu, got '" + a + "'");
        var primary = org.emoaugnet.run.CorpusSource.of(s).primary();
        var study = org.emoaugnet.design.Robustness.study(primary, s, cache(s), runsRoot(flags, s), acts);
        out.println(Tables.show(org.emoaugnet.design.Robustness.combined(study), 2));
        return 0;
    }

    private static int ledger(Map<String, String> flags, PrintStream out) throws IOException {
        Settings s = settings(flags);
        Path results = flags.containsKey("results") ? Path.of(flags.get("results")) : s.results();
        boolean pages = results.toAbsolutePath().normalize().equals(s.projectRoot().resolve("results").toAbsolutePath().normalize());
        var published = org.emoaugnet.publish.Publication.ledger(s.projectRoot(), results, pages, System.err);
        if (pages) out.println("rendered the generated blocks of " + s.projectRoot().resolve("README.md"));
        out.println(published.changed().isEmpty() ? "nothing changed" : published.changed().size() + " file(s) changed: "
                + String.join(", ", published.changed().stream().map(Path::toString).toList()));
        out.println(java.nio.file.Files.readString(results.resolve("LEDGER.md")));
        return 0;
    }

    /** The configured corpora and the synthetic ones (as the cross-corpus study makes them), by name. */
    private static Map<String, org.emoaugnet.data.Corpus> corporaByName(Settings s) throws IOException {
        Map<String, org.emoaugnet.data.Corpus> found = new HashMap<>();
        if (s.data().isPresent()) for (var r : Corpora.open(s)) found.put(r.corpus().name(), r.corpus());
        for (var c : org.emoaugnet.design.CrossCorpusStudy.corpora(Settings.resolve(Map.of("EMOAUG_HOME", s.projectRoot().toString(),
                "EMOAUG_CACHE", s.cache().toString()), Map.of()))) found.putIfAbsent(c.name(), c);
        return found;
    }

    private static int verify(Map<String, String> flags, List<String> runs, PrintStream out) throws IOException {
        if (runs.isEmpty()) throw new UsageException("records verify needs one or more runs (<experiment>/<run> under the runs folder)");
        Settings s = settings(flags);
        Path root = runsRoot(flags, s), scratch = Path.of(flags.getOrDefault("scratch", s.projectRoot().resolve("build/verify").toString()));
        for (String r : runs)
            if (!org.emoaugnet.run.RunRecord.finished(root.resolve(r))) throw new UsageException(root.resolve(r) + " is not a finished run");
        // each record is verified under its own numeric-kernel settings: here when this process has them, else in a
        // child JVM that has them (OpenBLAS and oneDNN read them from the environment when they load)
        var machine = org.emoaugnet.run.NumericKernels.Machine.current();
        Map<String, org.emoaugnet.run.NumericKernels.Plan> plans = new java.util.LinkedHashMap<>();
        for (String r : runs) {
            var prov = org.emoaugnet.run.RunRecord.read(root.resolve(r)).provenance();
            var plan = org.emoaugnet.run.NumericKernels.plan(prov.environment(), prov.kernels(), System.getenv(), machine);
            if (!plan.inProcess() && plan.refusal().isEmpty() && System.getenv(ChildVerification.CHILD) != null)
                throw new IllegalStateException("records verify: the child JVM for " + r + " still lacks the record's numeric-kernel settings ("
                        + plan.describe() + ")");
            plans.put(r, plan);
        }
        var corpora = org.emoaugnet.run.CorpusSource.of(s);   // opened as the runs need them
        // expected: runs with the same spec and other predictions whose records' convolutions ran on another instruction set
        int differ = 0, refused = 0, expected = 0, specDiffers = 0;
        for (String r : runs) {
            var plan = plans.get(r);
            plan.notes().forEach(n -> out.println(r + ": note: " + n));
            if (plan.refusal().isPresent()) {
                out.println(r + ": not verifiable on this machine: " + plan.refusal().get());
                refused++;
            } else if (!plan.inProcess()) {
                out.println(r + ": verifying in a child JVM with the record's numeric-kernel settings (" + plan.describe() + ")");
                int rc;
                try {
                    rc = ChildVerification.run(r, root, scratch, s, plan, out);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while verifying " + r + " in a child JVM", e);
                }
                if (rc == 3 || rc == ChildVerification.PREDICTIONS_DIFFER) {
                    differ++;
                    if (rc == ChildVerification.PREDICTIONS_DIFFER && plan.otherConvolutionKernels()) expected++;
                } else if (rc != 0) throw new IOException("the child JVM verifying " + r + " failed with exit code " + rc + " (its errors are above)");
            } else {
                var v = org.emoaugnet.run.SpecJobs.verify(root.resolve(r), corpora, cache(s), scratch);
                out.println(v.text());
                if (!v.sameSpec() || !v.samePredictions()) {
                    differ++;
                    if (!v.sameSpec()) specDiffers++;
                    if (v.sameSpec() && plan.otherConvolutionKernels()) expected++;
                }
            }
        }
        if (System.getenv(ChildVerification.CHILD) != null)   // the parent prints the summary
            return differ == 0 ? 0 : specDiffers == 0 ? ChildVerification.PREDICTIONS_DIFFER : 3;
        out.println(differ == 0 && refused == 0 ? "every run reproduced exactly"
                : differ + " of " + runs.size() + " run(s) not reproduced"
                        + (expected > 0 ? " (" + expected + " of them expected on this CPU: their records' convolutions ran oneDNN on another "
                                + "instruction set, see the notes above)" : "")
                        + (refused > 0 ? ", " + refused + " not verifiable on this machine" : ""));
        return differ == 0 && refused == 0 ? 0 : 3;
    }

    private static int migrate(Map<String, String> flags, PrintStream out) throws IOException {
        Settings s = settings(flags);
        Map<String, org.emoaugnet.data.Corpus> found = corporaByName(s);
        var sum = org.emoaugnet.run.RecordMigration.migrate(runsRoot(flags, s), found::get, java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), out,
                flags.containsKey("redo"));
        out.printf("%d record(s) migrated (data manifest verified for %d, unknown for %d), %d already current%n", sum.migrated(), sum.dataVerified(),
                sum.dataUnknown(), sum.alreadyCurrent());
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        var up = org.emoaugnet.run.RecordUpgrade.upgrade(runsRoot(flags, s), org.emoaugnet.run.SplitDerivation.of(found::get), today, out);
        var ev = org.emoaugnet.run.EvaluationMigration.migrate(runsRoot(flags, s), today, out);
        out.printf("%d robustness evaluation(s) migrated into evaluation records, %d there already%n", ev.migrated(), ev.alreadyThere());
        out.printf("%d record(s) upgraded to %s (every file's SHA-256, the split's fold set and speakers), %d already current%n", up.upgraded(),
                org.emoaugnet.run.RunRecord.FORMAT, up.alreadyCurrent());
        up.problems().forEach(p -> out.println("not upgraded: " + p));
        return up.problems().isEmpty() ? 0 : 2;
    }

    /** {@code records check}: every record under the runs folder against its files, nothing trained (exit code 3 on any problem). */
    private static int check(Map<String, String> flags, PrintStream out) throws IOException {
        Path root = runsRoot(flags, settings(flags));
        List<Path> runs = org.emoaugnet.run.RunRecord.folders(root);
        if (runs.isEmpty()) throw new java.io.FileNotFoundException(root + ": no run records there");
        int bad = 0;
        for (Path r : runs) {
            List<String> problems = org.emoaugnet.run.RecordCheck.full(r);
            if (!problems.isEmpty()) bad++;
            problems.forEach(out::println);
        }
        out.println(bad == 0 ? runs.size() + " run record(s) checked under " + root + ": every file hashes to its record and every test metric is what its "
                + "predictions give" : bad + " of " + runs.size() + " run record(s) under " + root + " do not check out (above)");
        return bad == 0 ? 0 : 3;
    }

    private static Settings settingsFor(String corpus, Map<String, String> flags) {
        Map<String, String> f = new HashMap<>(flags);
        f.put("corpus", corpus);
        return settings(f);
    }

    private static Path runsRoot(Map<String, String> flags, Settings s) {
        return flags.containsKey("runs") ? Path.of(flags.get("runs")) : s.results().resolve("runs");
    }

    static final class UsageException extends RuntimeException {
        UsageException(String m) { super(m); }
    }
}
