package org.emoaugnet.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emoaugnet.util.AtomicFiles;
import org.emoaugnet.util.Settings;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;

/**
 * {@code results/MANIFEST.json}: for every committed figure and table under {@code results/} (run folders aside),
 * its size, SHA-256, the notebook or command that made it, and the training runs it was computed from, each with
 * configuration, seed, fold, data manifest hash, code version (and commit where recorded), library versions,
 * backend, threads and wall time, read from the run records. Files that no training run feeds (corpus and feature
 * figures) list no runs.
 */
public final class Manifest {
    public static final String FILE = "MANIFEST.json";

    private Manifest() {}

    public static Map<String, Object> build(Path projectRoot, Path resultsDir) throws IOException {
        Path runsRoot = resultsDir.resolve("runs");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", "environment/emoaug ledger");
        m.put("code_commit", gitCommit(projectRoot));
        List<Map<String, Object>> files = new ArrayList<>();
        Map<String, Object> experiments = new LinkedHashMap<>();
        for (Path f : listed(resultsDir)) {
            String rel = resultsDir.relativize(f).toString().replace('\\', '/');
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("path", "results/" + rel);
            e.put("bytes", Files.size(f));
            e.put("sha256", sha256(f));
            e.put("made_by", producer(projectRoot, rel));
            List<String> exps = experimentsFor(projectRoot, runsRoot, rel);
            e.put("experiments", exps);
            for (String x : exps) if (!experiments.containsKey(x)) experiments.put(x, experiment(runsRoot.resolve(x)));
            files.add(e);
        }
        m.put("files", files);
        m.put("experiments", experiments);
        return m;
    }

    public static void write(Path projectRoot, Path resultsDir) throws IOException {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.writeString(resultsDir.resolve(FILE), om.writeValueAsString(build(projectRoot, resultsDir)) + "\n");
    }

    /** The figures and tables a manifest lists: PNG, CSV, Markdown and text files outside {@code runs/}. */
    public static List<Path> listed(Path resultsDir) throws IOException {
        try (var s = Files.walk(resultsDir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !resultsDir.relativize(p).startsWith("runs"))
                    .filter(p -> p.toString().matches(".*\\.(png|csv|md|txt)$"))
                    .sorted().toList();
        }
    }

    static String producer(Path projectRoot, String rel) throws IOException {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        if (name.equals("LEDGER.md") || name.equals("ledger.csv") || name.equals("ledger.png")) return "environment/emoaug ledger";
        if (rel.startsWith("bench/")) return "environment/emoaug bench train (dl4j-*) / shared/bench/torch_twin.py (torch-*); commands in results/bench/README.txt";
        if (name.matches("\\d\\d-.*")) {
            String prefix = name.substring(0, 3);
            try (var s = Files.list(projectRoot.resolve("notebooks"))) {
                var nb = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && n.endsWith(".ipynb")).sorted().findFirst();
                if (nb.isPresent()) return "notebooks/" + nb.get();
            }
        }
        return "unknown";
    }

    /** The experiments (run folders) a result file was computed from. */
    static List<String> experimentsFor(Path projectRoot, Path runsRoot, String rel) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String corpus = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : "";
        List<String> all = new ArrayList<>();
        if (Files.isDirectory(runsRoot)) try (var s = Files.list(runsRoot)) {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(all::add);
        }
        if (name.equals("LEDGER.md") || name.equals("ledger.csv") || name.equals("ledger.png")) {
            out.addAll(Ledger.experiments(projectRoot, runsRoot));
        } else if (name.startsWith("02-ablation-")) {
            Settings s = Settings.resolve(Map.of("EMOAUG_HOME", projectRoot.toString()), Map.of());
            for (Ablation.Design d : Ablation.designs(corpus, s))
                if (name.startsWith("02-ablation-" + d.name() + ".") || name.startsWith("02-ablation-" + d.name() + "-"))
                    for (Ablation.Condition c : d.conditions()) if (all.contains(c.config().name())) out.add(c.config().name());
        } else if (name.startsWith("05-robustness")) {
            for (String x : all) if (x.startsWith("robustness-" + corpus + "-")) out.add(x);
        } else if (name.startsWith("05-")) {
            for (String x : all) if (x.startsWith("cross-") || x.contains("-si-common-")) out.add(x);
        } else if (name.startsWith("04-")) {
            for (String x : all) if (name.contains(x + ".")) out.add(x);
            if (out.isEmpty()) {
                Settings s = Settings.resolve(Map.of("EMOAUG_HOME", projectRoot.toString()), Map.of());
                for (ExperimentConfig c : Study.configs(corpus, s)) if (all.contains(c.name())) out.add(c.name());
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * One experiment as its run records give it: the spec fields its runs share ({@code design}), then per run the
     * fields that vary (fold, seed, data), the spec hash, provenance, timing, convergence and test metrics. Nothing
     * is read from a hand-written description.
     */
    static Map<String, Object> experiment(Path dir) throws IOException {
        Map<String, Object> e = new LinkedHashMap<>();
        List<RunRecord> recs = new ArrayList<>();
        for (Path r : StudyReport.runs(dir)) recs.add(RunRecord.read(r));
        Map<String, String> shared = recs.isEmpty() ? Map.of() : new java.util.TreeMap<>(recs.get(0).spec().fields());
        for (RunRecord r : recs) {
            Map<String, String> f = r.spec().fields();
            shared.keySet().removeIf(k -> !f.get(k).equals(shared.get(k)));
        }
        e.put("design", shared);
        List<Map<String, String>> runs = new ArrayList<>();
        for (RunRecord r : recs) {
            Map<String, String> keep = new LinkedHashMap<>();
            keep.put("run", r.spec().fold() + "-seed" + r.spec().seed());
            r.spec().fields().forEach((k, v) -> { if (!shared.containsKey(k)) keep.put(k, v); });
            keep.put("spec_sha256", r.specSha256());
            r.provenance().fields().forEach((k, v) -> keep.put("provenance." + k, v));
            keep.put("wall_seconds", String.format(java.util.Locale.ROOT, "%.1f", r.wallSeconds()));
            keep.put("finished_utc", r.finishedUtc());
            keep.put("stop_reason", r.training().stopReason().name());
            keep.put("converged", String.valueOf(r.training().converged()));
            keep.put("test_wa", String.valueOf(r.test().wa()));
            keep.put("test_ua", String.valueOf(r.test().ua()));
            keep.put("predictions_sha256", r.predictionsSha256());
            runs.add(keep);
        }
        e.put("runs", runs);
        return e;
    }

    static String sha256(Path f) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * SHA-256 of the library jar these classes were loaded from, or "not a jar (classes directory)". The build is
     * reproducible ({@code project.build.outputTimestamp}), so rebuilding a commit tells whether it is the code that ran.
     */
    public static String codeJarSha256() {
        try {
            var src = Manifest.class.getProtectionDomain().getCodeSource();
            if (src == null) return "unknown";
            Path p = Path.of(src.getLocation().toURI());
            if (!Files.isRegularFile(p)) return "not a jar (classes directory)";
            var md = java.security.MessageDigest.getInstance("SHA-256");
            try (var in = Files.newInputStream(p)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The checked-out commit, read from {@code .git} without a git binary; "unknown" outside a repository. */
    public static String gitCommit(Path projectRoot) {
        try {
            Path git = projectRoot.resolve(".git");
            if (Files.isRegularFile(git)) {   // worktree: "gitdir: <path>"
                git = projectRoot.resolve(Files.readString(git).trim().substring("gitdir:".length()).trim());
            }
            String head = Files.readString(git.resolve("HEAD")).trim();
            if (!head.startsWith("ref:")) return head;
            String ref = head.substring(4).trim();
            Path loose = git.resolve(ref);
            if (Files.isRegularFile(loose)) return Files.readString(loose).trim();
            Path common = Files.isRegularFile(git.resolve("commondir")) ? git.resolve(Files.readString(git.resolve("commondir")).trim()) : git;
            if (Files.isRegularFile(common.resolve(ref))) return Files.readString(common.resolve(ref)).trim();
            Path packed = common.resolve("packed-refs");
            if (Files.isRegularFile(packed))
                for (String l : Files.readAllLines(packed)) if (l.endsWith(" " + ref)) return l.substring(0, l.indexOf(' '));
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "unknown";
    }
}
