package org.emoaugnet.run;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.emoaugnet.util.OutputLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code records verify --sample}'s draw: the same for a seed, at least one run of every notebook that has a record of
 * this checkout's engine, only such records, and a notebook without one named; the notebooks are those of the
 * committed manifest. Nothing is trained: the draw is tested on its own and through {@code --draw-only}, and a sample
 * with nothing eligible stops before anything is computed.
 */
class VerifySampleTest {
    static final Path RESULTS = RunSpecRoundTripTest.RUNS.getParent();
    static final String NB02 = "notebooks/02-augmentation-ablations.ipynb", NB04 = "notebooks/04-relu-vs-elu.ipynb", NB05 = "notebooks/05-cross-corpus.ipynb",
            NB06 = "notebooks/06-strongest-honest-model.ipynb", LEDGER = "environment/emoaug ledger";

    /** The committed manifest links the four notebooks that train and the ledger (the main job's headline) to experiments. */
    @Test
    void theCommittedManifestNamesTheExperimentsOfEveryNotebookAndTheLedger() throws Exception {
        Map<String, Set<String>> nb = VerifySample.notebooks(OutputLog.read(RESULTS));
        assertEquals(Set.of(NB02, NB04, NB05, NB06, LEDGER), nb.keySet());
        assertTrue(nb.get(NB05).contains("robustness-ravdess-relu-aug-none") && nb.get(NB05).stream().anyMatch(e -> e.startsWith("cross-")), nb.get(NB05).toString());
        assertTrue(nb.get(NB02).contains("ravdess-si-compact-relu-steps4-aug-noise"), nb.get(NB02).toString());
        assertTrue(nb.get(NB06).stream().anyMatch(e -> e.contains("-search-")), nb.get(NB06).toString());
        for (String shared : List.of(NB02, NB04, LEDGER)) assertTrue(nb.get(shared).contains("ravdess-paper-style-compact-relu"), "one experiment feeds several: " + shared);
        Set<String> experiments = new TreeSet<>();
        try (var s = Files.list(RunSpecRoundTripTest.RUNS)) {
            s.forEach(p -> experiments.add(p.getFileName().toString()));
        }
        nb.values().forEach(e -> assertTrue(experiments.containsAll(e), "every experiment the manifest names has records: " + e));
    }

    /** Five notebooks; notebook 06 has only records of another engine; one experiment feeds 02 and 04. */
    static List<VerifySample.Candidate> candidates() {
        List<VerifySample.Candidate> out = new ArrayList<>();
        String[][] exps = {{"a-1", "true"}, {"a-2", "true"}, {"b-1", "true"}, {"shared", "true"}, {"c-1", "true"}, {"c-2", "false"}, {"d-1", "false"},
                {"e-1", "true"}, {"loose", "true"}};
        for (String[] e : exps)
            for (int fold = 1; fold <= 3; fold++)
                for (int seed = 1; seed <= 2; seed++)
                    out.add(new VerifySample.Candidate(e[0] + "/fold-" + fold + "-seed" + seed, e[0], Boolean.parseBoolean(e[1]),
                            Boolean.parseBoolean(e[1]) ? "this" : "trainer fused-1/loop-2, network 2"));
        return out;
    }

    static Map<String, Set<String>> notebooks() {
        Map<String, Set<String>> nb = new LinkedHashMap<>();
        nb.put(NB02, Set.of("a-1", "a-2", "shared"));
        nb.put(NB04, Set.of("b-1", "shared"));
        nb.put(NB05, Set.of("c-1", "c-2"));
        nb.put(NB06, Set.of("d-1"));
        nb.put(LEDGER, Set.of("e-1"));
        return nb;
    }

    @Test
    void theDrawIsTheSameForASeedCoversEveryNotebookWithAnEligibleRunAndNamesTheOthers() {
        List<VerifySample.Candidate> all = candidates();
        Map<String, Set<String>> nb = notebooks();
        Map<String, String> experimentOf = new LinkedHashMap<>();
        Set<String> eligible = new TreeSet<>();
        for (var c : all) {
            experimentOf.put(c.run(), c.experiment());
            if (c.eligible()) eligible.add(c.run());
        }
        Set<List<String>> draws = new java.util.HashSet<>();
        for (long seed = 1; seed <= 40; seed++) {
            VerifySample.Draw d = VerifySample.draw(all, nb, 6, seed);
            List<VerifySample.Candidate> shuffled = new ArrayList<>(all);
            java.util.Collections.shuffle(shuffled, new java.util.Random(seed + 1000));
            assertEquals(d, VerifySample.draw(shuffled, nb, 6, seed), "the same seed, the same draw, whatever order the records are listed in");
            draws.add(d.runs());
            assertEquals(6, d.runs().size());
            assertEquals(6, new TreeSet<>(d.runs()).size(), "no run twice");
            assertTrue(eligible.containsAll(d.runs()), "only records of this engine: " + d.runs());
            for (String notebook : List.of(NB02, NB04, NB05, LEDGER))
                assertTrue(d.runs().stream().anyMatch(r -> nb.get(notebook).contains(experimentOf.get(r))), seed + ": " + notebook + " has a run: " + d.runs());
            assertEquals(List.of(NB06), d.uncovered().stream().map(VerifySample.Notebook::producer).toList());
            String text = d.text();
            assertTrue(text.contains("--sample 6 --sample-seed " + seed), text);
            for (String r : d.runs()) assertTrue(text.contains("  " + r + "\n"), "the draw names every run folder: " + text);
            assertTrue(text.contains(NB06 + ": NO ELIGIBLE RECORD: none of its 6 record(s) is of this checkout's engine (theirs: trainer fused-1/loop-2, network 2)"), text);
            assertTrue(text.contains("(6 record(s) of experiments no published file uses"), text);
        }
        assertTrue(draws.size() > 20, "seeds draw differently: " + draws.size() + " distinct draws of 40");
        // a notebook already covered by a run drawn for another (the shared experiment) takes no second run
        VerifySample.Draw four = VerifySample.draw(all, nb, 4, 3);
        assertEquals(4, four.runs().size());
        assertTrue(four.notebooks().stream().filter(n -> n.eligible() > 0).allMatch(n -> !n.drawn().isEmpty()), four.text());
        // fewer runs than notebooks to cover is refused; more than there are eligible gives them all
        var e = assertThrows(IllegalArgumentException.class, () -> VerifySample.draw(all, nb, 3, 1));
        assertTrue(e.getMessage().contains("at least 4"), e.getMessage());
        assertEquals(eligible, new TreeSet<>(VerifySample.draw(all, nb, 1000, 1).runs()));
    }

    /**
     * End to end on copied committed records (one per notebook, re-written as made by this checkout's engine, and two
     * of another engine) and a manifest naming them: {@code --draw-only} prints the same draw for a seed, with every
     * notebook's run; with only other engines' records nothing is verified (exit code 4) and nothing is computed.
     */
    @Test
    void recordsVerifySamplePrintsItsDrawAndVerifiesOnlyThisEnginesRecords(@TempDir Path tmp) throws Exception {
        Path results = tmp.resolve("results"), runs = results.resolve("runs");
        Map<String, String> byNotebook = new LinkedHashMap<>();
        byNotebook.put(NB02, "ravdess-si-compact-relu-steps4-aug-noise/fold-1-seed1");
        byNotebook.put(NB04, "ravdess-si-compact-elu/fold-2-seed1");
        byNotebook.put(NB05, "robustness-synthetic-relu-aug-none/fold-1-seed1");
        byNotebook.put(NB06, "ravdess-search-b-pool-logmel/emobox-fold-1-seed1");
        byNotebook.put(LEDGER, "ravdess-paper-style-compact-relu/paper-style-seed1");
        List<Map<String, Object>> files = new ArrayList<>();
        for (var e : byNotebook.entrySet()) {
            RunSpec s = RecordFixtures.withEngine(RecordFixtures.copy(RunSpecRoundTripTest.RUNS.resolve(e.getValue()), runs.resolve(e.getValue())),
                    RunSpec.Engine.current());
            files.add(Map.of("path", "results/x-" + files.size() + ".csv", "producer", e.getKey(), "runs", List.of(e.getValue() + "#" + s.sha256())));
        }
        String old1 = "ravdess-si-compact-elu/fold-3-seed1", old2 = "ravdess-search-b-pool-logmel/emobox-fold-2-seed1";
        RecordFixtures.withEngine(RecordFixtures.copy(RunSpecRoundTripTest.RUNS.resolve(old1), runs.resolve(old1)), RecordFixtures.oldFused1());
        RecordFixtures.withEngine(RecordFixtures.copy(RunSpecRoundTripTest.RUNS.resolve(old2), runs.resolve(old2)), new RunSpec.Engine("1", null, null));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("files", files);
        OutputLog.write(results, manifest);

        String[] args = {"records", "verify", "--sample", "5", "--sample-seed", "17", "--draw-only", "--runs", runs.toString()};
        var a = cli(args);
        assertEquals(0, a.code(), a.out() + a.err());
        assertEquals(a.out(), cli(args).out(), "the same draw for the same seed");
        assertTrue(a.out().contains("--sample 5 --sample-seed 17: 5 run(s) drawn of 5 eligible"), a.out());
        for (var e : byNotebook.entrySet()) {
            assertTrue(a.out().contains("  " + e.getKey() + ": " + e.getValue() + " (1 of "), e.getKey() + ": " + a.out());
            assertTrue(a.out().contains("\n  " + e.getValue() + "\n"), a.out());
        }
        assertFalse(a.out().contains(old1 + "\n") || a.out().contains(old2 + "\n"), "records of other engines are never drawn: " + a.out());
        var fewer = cli("records", "verify", "--sample", "4", "--sample-seed", "17", "--draw-only", "--runs", runs.toString());
        assertEquals(1, fewer.code(), "fewer runs than notebooks: " + fewer.err());
        var fresh = cli("records", "verify", "--sample", "5", "--draw-only", "--runs", runs.toString());
        assertTrue(fresh.out().contains("(a new seed: --sample-seed "), "a new seed is printed: " + fresh.out());

        // only records of another engine: the draw says so for each notebook and nothing is verified or computed
        for (String run : byNotebook.values()) RecordFixtures.withEngine(runs.resolve(run), RecordFixtures.oldFused1());
        var none = cli("records", "verify", "--sample", "5", "--sample-seed", "17", "--runs", runs.toString(), "--scratch", tmp.resolve("scratch").toString());
        assertEquals(4, none.code(), none.out() + none.err());
        for (String nb : byNotebook.keySet()) assertTrue(none.out().contains(nb + ": NO ELIGIBLE RECORD"), none.out());
        assertTrue(none.out().contains("nothing verified: no record under"), none.out());
        assertFalse(Files.exists(tmp.resolve("scratch")), "nothing computed");
    }

    record Cli(int code, String out, String err) {}

    static Cli cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = org.emoaugnet.cli.Main.run(args, new PrintStream(out, true), new PrintStream(err, true));
        return new Cli(code, out.toString(), err.toString());
    }
}
