package org.emoaugnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.CorpusException;
import org.emoaugnet.data.CorpusScan;
import org.emoaugnet.data.CorpusTables;
import org.emoaugnet.data.Corpora;
import org.emoaugnet.data.synth.SyntheticCorpus;
import org.emoaugnet.util.Settings;

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
            "  synth generate --out DIR [--speakers N] [--seed S] [--rate HZ]",
            "        generate the synthetic corpus (RAVDESS layout) into DIR",
            "  help                            this text",
            "",
            "settings come from flags, then EMOAUG_* environment variables, then emoaug.properties (see README)");

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
                    if (key.equals("skip-bad") || key.equals("quick")) { flags.put(key, "true"); continue; }
                    if (i + 1 >= args.length) throw new UsageException("option " + a + " needs a value");
                    flags.put(key, args[++i]);
                } else words.add(a);
            }
            String cmd = String.join(" ", words);
            switch (cmd) {
                case "corpus list": return corpusList(settings(flags), out);
                case "corpus find": return corpusFind(settings(flags), out);
                case "synth generate": return synth(flags, out);
                default: throw new UsageException("unknown command '" + cmd + "'");
            }
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
        }
    }

    private static Settings settings(Map<String, String> flags) {
        Map<String, String> o = new HashMap<>();
        if (flags.containsKey("data")) o.put("data", flags.get("data"));
        if (flags.containsKey("corpus")) o.put("corpus", flags.get("corpus"));
        if (flags.containsKey("skip-bad")) o.put("skip_bad", "true");
        if (flags.containsKey("seed")) o.put("seed", flags.get("seed"));
        if (flags.containsKey("cache")) o.put("cache", flags.get("cache"));
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
            out.println(CorpusTables.summary(r).printAll());
            out.println(CorpusTables.byEmotion(r).printAll());
            out.println(CorpusTables.bySpeaker(r).printAll());
            out.println(CorpusTables.byClass(r, ClassSet.defaultFor(r.corpus().name())).printAll());
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

    static final class UsageException extends RuntimeException {
        UsageException(String m) { super(m); }
    }
}
