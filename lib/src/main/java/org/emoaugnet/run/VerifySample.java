package org.emoaugnet.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.emoaugnet.util.OutputLog;

/**
 * The seeded draw of {@code records verify --sample N --sample-seed S}: {@code N} recorded runs, at least one of every
 * notebook (and of the ledger) that has a run this checkout can re-make, so that a spot check of the evidence covers
 * each part of it. Only records of this checkout's engine are eligible ({@link RunSpec.Engine#isCurrent}); the others
 * are re-made at the tag {@link EngineTags} names, never here. The same records, manifest, {@code N} and seed give
 * the same draw ({@link Random} with the seed, over sorted lists).
 *
 * <p><b>Which notebook a run belongs to</b> is read from the results' provenance log, {@code MANIFEST.json} beside
 * the runs folder ({@link OutputLog}): every figure and table is entered there when it is saved, with its producer (the
 * notebook, {@code notebooks/NN-….ipynb}, set by the notebook runner; {@code environment/emoaug ledger} for the
 * ledger, README's headline and findings, which the main job's results feed) and the runs it was computed from
 * ({@code <experiment>/<run>#<spec hash>}); {@code LedgerTest} checks it against the files. A run belongs to every
 * producer that used a run of its experiment (the first folder of its path: an evaluation's is its evaluated run's
 * experiment), so a run re-made under a new spec hash still belongs where its experiment's runs were used. That link
 * is taken over the alternatives because it is what the outputs were actually computed from: experiment names do not
 * say it (the paper-style ReLU runs feed notebooks 02 and 04 and the ledger), the experiment files under
 * {@code experiments/} are read by several notebooks and do not cover the cross-corpus, robustness and search
 * designs, and re-planning each notebook's designs needs the corpora and the notebook's settings. Runs of experiments
 * no published file uses (search candidates dropped early) belong to no notebook: they are drawn only to fill
 * {@code N}.
 *
 * <p><b>The draw.</b> Notebooks in name order: one run drawn among a notebook's eligible runs unless a run drawn
 * before already belongs to it; a notebook without an eligible run is named, with what its records are. Then the rest
 * of {@code N} from the eligible runs not drawn yet. {@code N} below the number of notebooks with eligible runs is
 * refused.
 */
public final class VerifySample {
    private VerifySample() {}

    /** A run folder under the runs root, as {@code records verify} names it ({@code <experiment>/<run>[/eval-<c>]}), and its experiment. */
    record Candidate(String run, String experiment, boolean eligible, String engine) {}

    /**
     * A notebook's share of the draw: its records, how many this checkout can re-make, the runs drawn for it (first the
     * one drawn to cover it, or one drawn before that belongs to it), and the engines of its records when none is eligible.
     */
    public record Notebook(String producer, int records, int eligible, List<String> drawn, Set<String> otherEngines) {}

    /**
     * What was drawn: the seed, {@code N}, the runs in draw order, each notebook's share, and the counts of records and
     * eligible records.
     */
    public record Draw(long seed, int size, List<String> runs, List<Notebook> notebooks, int records, int eligible, String engine, int outsideNotebooks) {
        public Draw {
            runs = List.copyOf(runs);
            notebooks = List.copyOf(notebooks);
        }

        /** Notebooks with records of which none is eligible. */
        public List<Notebook> uncovered() { return notebooks.stream().filter(n -> n.eligible() == 0).toList(); }

        /** The draw as {@code records verify --sample} prints it before verifying: the seed, the run folders, every notebook's share. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "records verify --sample %d --sample-seed %d: %d run(s) drawn of %d eligible (records of this checkout's engine, %s) "
                    + "among %d record(s)%n", size, seed, runs.size(), eligible, engine, records));
            for (Notebook n : notebooks) {
                sb.append("  ").append(n.producer()).append(": ");
                if (n.records() == 0) sb.append("no records under the runs folder");
                else if (n.eligible() == 0)
                    sb.append(String.format(Locale.ROOT, "NO ELIGIBLE RECORD: none of its %d record(s) is of this checkout's engine (theirs: %s); "
                            + "re-make them, or verify them at the tag records verify names for them", n.records(), String.join("; ", n.otherEngines())));
                else sb.append(String.format(Locale.ROOT, "%s (%d of %d record(s) eligible)", n.drawn().isEmpty() ? "-" : String.join(", ", n.drawn()),
                            n.eligible(), n.records()));
                sb.append('\n');
            }
            if (outsideNotebooks > 0)
                sb.append(String.format(Locale.ROOT, "  (%d record(s) of experiments no published file uses: drawn only to fill the sample)%n", outsideNotebooks));
            sb.append("drawn:").append(runs.isEmpty() ? " none" : "").append('\n');
            for (String r : runs) sb.append("  ").append(r).append('\n');
            return sb.toString();
        }
    }

    /**
     * Draws {@code n} runs among the records under {@code runsRoot}, the notebooks read from the manifest of
     * {@code resultsDir} ({@link OutputLog#read}; an {@link IOException} naming it when there is none).
     *
     * @throws IllegalArgumentException when {@code n} is below 1 or below the number of notebooks with eligible runs
     */
    public static Draw draw(Path runsRoot, Path resultsDir, int n, long seed) throws IOException {
        if (n < 1) throw new IllegalArgumentException("--sample " + n + ": draw at least one run");
        Path manifest = resultsDir.resolve(OutputLog.FILE);
        if (!Files.isRegularFile(manifest))
            throw new IOException(manifest + ": no manifest there; the notebooks' runs are read from it (written with the results, refreshed by environment/emoaug ledger)");
        Map<String, Set<String>> notebooks = notebooks(OutputLog.read(resultsDir));
        List<Candidate> all = new ArrayList<>();
        for (Path d : RunRecord.folders(runsRoot)) {
            String run = runsRoot.relativize(d).toString().replace('\\', '/');
            Path file = d.resolve(RunRecord.FILE);
            RunSpec.Engine e = RunRecord.Recorded.of(file, RunRecord.load(d)).spec().engine();
            all.add(new Candidate(run, run.substring(0, run.indexOf('/')), e.isCurrent(), EngineTags.describe(e)));
        }
        return draw(all, notebooks, n, seed);
    }

    /** The draw over {@code all} (sorted by run), with the experiments of every notebook. */
    static Draw draw(List<Candidate> all, Map<String, Set<String>> notebooks, int n, long seed) {
        List<Candidate> sorted = new ArrayList<>(all);
        sorted.sort(java.util.Comparator.comparing(Candidate::run));
        List<Candidate> eligible = sorted.stream().filter(Candidate::eligible).toList();
        long covering = notebooks.values().stream().filter(exps -> eligible.stream().anyMatch(c -> exps.contains(c.experiment()))).count();
        if (n < covering)
            throw new IllegalArgumentException("--sample " + n + " is fewer runs than the " + covering + " notebooks with eligible runs; draw at least " + covering);
        Random rnd = new Random(seed);
        LinkedHashSet<String> drawn = new LinkedHashSet<>();
        Map<String, String> covers = new LinkedHashMap<>();
        for (var nb : new TreeMap<>(notebooks).entrySet()) {
            List<Candidate> mine = eligible.stream().filter(c -> nb.getValue().contains(c.experiment())).toList();
            if (mine.isEmpty()) continue;
            String before = mine.stream().map(Candidate::run).filter(drawn::contains).findFirst().orElse(null);
            if (before != null) { covers.put(nb.getKey(), before); continue; }
            String pick = mine.get(rnd.nextInt(mine.size())).run();
            drawn.add(pick);
            covers.put(nb.getKey(), pick);
        }
        List<String> rest = new ArrayList<>(eligible.stream().map(Candidate::run).filter(r -> !drawn.contains(r)).toList());
        Collections.shuffle(rest, rnd);
        for (String r : rest) {
            if (drawn.size() >= n) break;
            drawn.add(r);
        }
        List<Notebook> shares = new ArrayList<>();
        Set<String> inNotebooks = new TreeSet<>();
        for (var nb : new TreeMap<>(notebooks).entrySet()) {
            List<Candidate> mine = sorted.stream().filter(c -> nb.getValue().contains(c.experiment())).toList();
            mine.forEach(c -> inNotebooks.add(c.run()));
            List<String> share = new ArrayList<>();
            if (covers.containsKey(nb.getKey())) share.add(covers.get(nb.getKey()));
            for (String r : drawn) if (!share.contains(r) && mine.stream().anyMatch(c -> c.run().equals(r))) share.add(r);
            Set<String> engines = new TreeSet<>();
            mine.stream().filter(c -> !c.eligible()).forEach(c -> engines.add(c.engine()));
            shares.add(new Notebook(nb.getKey(), mine.size(), (int) mine.stream().filter(Candidate::eligible).count(), share, engines));
        }
        return new Draw(seed, n, new ArrayList<>(drawn), shares, sorted.size(), eligible.size(), EngineTags.describe(RunSpec.Engine.current()),
                (int) sorted.stream().filter(c -> !inNotebooks.contains(c.run())).count());
    }

    /**
     * Every producer of the manifest's files with the experiments of the runs it used (a run named
     * {@code <experiment>/<run>[/eval-<c>]#<hash>}); producers that used no run (hand-written notes) are left out.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Set<String>> notebooks(Map<String, Object> manifest) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) manifest.getOrDefault("files", List.of())) {
            List<String> runs = (List<String>) f.getOrDefault("runs", List.of());
            if (runs.isEmpty() || !f.containsKey("producer")) continue;
            Set<String> exps = out.computeIfAbsent(String.valueOf(f.get("producer")), k -> new TreeSet<>());
            for (String r : runs) exps.add(r.substring(0, r.indexOf('/')));
        }
        return out;
    }
}
