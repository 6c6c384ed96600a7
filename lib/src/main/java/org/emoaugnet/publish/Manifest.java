package org.emoaugnet.publish;

import org.emoaugnet.run.RunRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code results/MANIFEST.json}: the provenance log of every figure and table under {@code results/} (run folders
 * aside). Entries are written when a file is saved ({@link org.emoaugnet.util.OutputLog}: path, size, SHA-256,
 * producer, the runs it was computed from); {@link #write} (run by {@code emoaug ledger}) drops entries whose file is
 * gone, enters the hand-made text files (benchmark logs, READMEs) as such, and describes every run the entries name
 * from its record ({@code experiments}). Nothing is inferred from file names.
 */
public final class Manifest {
    public static final String FILE = org.emoaugnet.util.OutputLog.FILE;

    /** Producer recorded for text files written outside the library (benchmark logs and their README). */
    public static final String BY_HAND = "written outside the library (see the README in its folder)";

    private Manifest() {}

    /** The manifest as {@link #write} would write it: the log's entries checked against the files, plus the experiments they name. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> build(Path projectRoot, Path resultsDir, java.io.PrintStream log) throws IOException {
        Map<String, Object> logged = org.emoaugnet.util.OutputLog.read(resultsDir);
        List<Map<String, Object>> files = new ArrayList<>();
        Set<String> paths = new java.util.HashSet<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) logged.getOrDefault("files", List.of())) {
            if (!e.containsKey("producer") || !e.containsKey("runs")) continue;   // an entry of the manifest before the log: not provenance
            Path actual = resultsDir.resolve(e.get("path").toString().substring("results/".length()));
            if (!Files.isRegularFile(actual)) { log.println("manifest: " + e.get("path") + " is gone; entry dropped"); continue; }
            if (!sha256(actual).equals(e.get("sha256"))) {
                if (BY_HAND.equals(e.get("producer"))) {   // a hand-written note: it has no producer to re-run, its entry follows it
                    e = new LinkedHashMap<>(e);
                    e.put("bytes", Files.size(actual));
                    e.put("sha256", sha256(actual));
                } else {
                    log.println("manifest: " + e.get("path") + " changed after it was logged (re-run its producer: " + e.get("producer") + ")");
                }
            }
            files.add(e);
            paths.add((String) e.get("path"));
        }
        for (Path f : listed(resultsDir)) {
            String rel = "results/" + resultsDir.relativize(f).toString().replace('\\', '/');
            if (paths.contains(rel)) continue;
            if (rel.endsWith(".txt") || (rel.endsWith(".md") && !rel.equals("results/LEDGER.md"))) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("path", rel);
                e.put("bytes", Files.size(f));
                e.put("sha256", sha256(f));
                e.put("producer", BY_HAND);
                e.put("runs", List.of());
                files.add(e);
            } else {
                log.println("manifest: " + rel + " has no provenance entry (written before the log existed, or not through Tables.saveCsv/Plots.save)");
            }
        }
        files.sort(java.util.Comparator.comparing(x -> (String) x.get("path")));
        Map<String, Object> experiments = new java.util.TreeMap<>();
        Map<String, List<Path>> runsByExperiment = new java.util.TreeMap<>();
        for (Map<String, Object> e : files)
            for (String r : (List<String>) e.getOrDefault("runs", List.of())) {
                String name = r.substring(0, r.indexOf('#'));
                String exp = name.substring(0, name.lastIndexOf('/'));
                Path dir = resultsDir.resolve("runs").resolve(name);
                List<Path> l = runsByExperiment.computeIfAbsent(exp, k -> new ArrayList<>());
                if (!l.contains(dir)) l.add(dir);
            }
        for (var x : runsByExperiment.entrySet()) experiments.put(x.getKey(), experiment(x.getValue().stream().sorted().toList()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("about", "Provenance of every figure and table under results/: written when each file is saved (producer, SHA-256, the runs it "
                + "was computed from as <experiment>/<run>#<spec SHA-256>); experiments describes those runs from their records. "
                + "Checked by LedgerTest; refreshed by environment/emoaug ledger.");
        m.put("files", files);
        m.put("experiments", experiments);
        return m;
    }

    /** The folder under results/ where finished runs of a study in progress wait until its experiments are complete (outside every report; results/pending/README.md). */
    public static final String PENDING = "pending";

    public static void write(Path projectRoot, Path resultsDir) throws IOException { write(projectRoot, resultsDir, System.err); }

    public static void write(Path projectRoot, Path resultsDir, java.io.PrintStream log) throws IOException {
        org.emoaugnet.util.OutputLog.write(resultsDir, build(projectRoot, resultsDir, log));
    }

    /**
     * The files a manifest covers: PNG, CSV, Markdown and text files outside {@code runs/} and {@code pending/} (runs of a
     * study in progress, waiting until their experiments are complete: results/pending/README.md), the manifest itself
     * aside.
     */
    public static List<Path> listed(Path resultsDir) throws IOException {
        try (var s = Files.walk(resultsDir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !resultsDir.relativize(p).startsWith("runs") && !resultsDir.relativize(p).startsWith(PENDING))
                    .filter(p -> p.toString().matches(".*\\.(png|csv|md|txt)$"))
                    .sorted().toList();
        }
    }

    /**
     * One experiment as its run records give it: the spec fields its runs share ({@code design}), then per run the
     * fields that vary (fold, seed, data), the spec hash, provenance, timing, convergence and test metrics. Nothing
     * is read from a hand-written description.
     */
    static Map<String, Object> experiment(List<Path> runDirs) throws IOException {
        Map<String, Object> e = new LinkedHashMap<>();
        List<RunRecord> recs = new ArrayList<>();
        for (Path r : runDirs) {
            if (!RunRecord.finished(r)) throw new IOException(r + ": named in the manifest but not a finished run");
            recs.add(RunRecord.read(r));
        }
        Map<String, String> shared = recs.isEmpty() ? Map.of() : new java.util.TreeMap<>(recs.get(0).spec().fields());
        for (RunRecord r : recs) {
            Map<String, String> f = r.spec().fields();
            shared.keySet().removeIf(k -> !f.get(k).equals(shared.get(k)));
        }
        e.put("design", shared);
        List<Map<String, String>> runs = new ArrayList<>();
        for (RunRecord r : recs) {
            Map<String, String> keep = new LinkedHashMap<>();
            keep.put("run", r.spec().fold() + "-seed" + r.spec().seed() + (r.spec().evaluates() ? "/eval-" + r.spec().evaluation().condition() : ""));
            r.spec().fields().forEach((k, v) -> { if (!shared.containsKey(k)) keep.put(k, v); });
            keep.put("spec_sha256", r.specSha256());
            r.provenance().fields().forEach((k, v) -> keep.put("provenance." + k, v));
            keep.put("wall_seconds", String.format(java.util.Locale.ROOT, "%.1f", r.wallSeconds()));
            keep.put("finished_utc", r.finishedUtc());
            if (r.trained()) {   // an evaluation trained nothing: its model's training is in the evaluated run's record
                keep.put("stop_reason", r.training().stopReason().name());
                keep.put("converged", String.valueOf(r.training().converged()));
            }
            keep.put("test_wa", String.valueOf(r.test().wa()));
            keep.put("test_ua", String.valueOf(r.test().ua()));
            keep.put("predictions_sha256", r.predictionsSha256());
            runs.add(keep);
        }
        e.put("runs", runs);
        return e;
    }

    public static String sha256(Path f) throws IOException { return org.emoaugnet.util.Sha256.of(f); }
}
