package org.emoaugnet.it;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes every notebook headless in quick mode on the synthetic corpus, as CI does, through the same runner
 * that the README's main command uses. Needs {@code environment/setup.sh} to have run (the test command does).
 * Set {@code EMOAUG_SKIP_NOTEBOOKS=1} to skip on a machine without Jupyter.
 */
class NotebooksIT {
    @TempDir Path tmp;

    static Path root() { return Path.of(System.getProperty("emoaug.projectRoot", "..")).toAbsolutePath().normalize(); }

    @Test
    void everyNotebookRunsHeadlessInQuickMode() throws Exception {
        assumeFalse("1".equals(System.getenv("EMOAUG_SKIP_NOTEBOOKS")), "EMOAUG_SKIP_NOTEBOOKS=1");
        Path root = root();
        assertTrue(Files.isRegularFile(root.resolve("environment/.state/python")),
                "Jupyter is not set up: run environment/setup.sh (the README's test command does), or set EMOAUG_SKIP_NOTEBOOKS=1");
        Path out = tmp.resolve("executed"), results = tmp.resolve("results"), log = tmp.resolve("run.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(root.resolve("environment/run-notebooks").toString(), "--quick",
                "--output-dir", out.toString(), "--results", results.toString()))
                .directory(root.toFile());
        pb.environment().remove("EMOAUG_DATA"); // the synthetic corpus, whatever the caller has configured
        pb.environment().remove("EMOAUG_CORPUS");
        pb.environment().put("EMOAUG_CACHE", root.resolve(".cache").toString());
        LoggedProcess r = LoggedProcess.run(pb, log, 30);
        String text = r.log();
        System.out.println(text.lines().filter(l -> l.startsWith("[notebooks]")).reduce("", (a, b) -> a + b + "\n"));
        assertTrue(r.done(), "notebooks did not finish in 30 minutes:\n" + tail(text));
        assertEquals(0, r.exit(), "notebook run failed:\n" + tail(text));
        assertTrue(text.lines().anyMatch(l -> l.matches("\\[notebooks\\] runs: [1-9][0-9]* trained, 0 read back .*")),
                "into an empty results folder the job trains every run it resolves and says so:\n" + tail(text));

        List<Path> notebooks;
        try (var s = Files.list(root.resolve("notebooks"))) {
            notebooks = s.filter(f -> f.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty());
        for (Path nb : notebooks) {
            String executed = Files.readString(out.resolve(nb.getFileName()));
            assertTrue(executed.contains("\"output_type\""), nb + " has no outputs");
            assertFalse(executed.contains("\"output_type\": \"error\""), nb + " has an error output");
            assertEquals(List.of(), org.emoaugnet.CommittedNotebooksTest.problems(out.resolve(nb.getFileName())),
                    nb + ": the executed notebook is what a reader may see (clean outputs, tidy tables)");
        }
        String nb01 = Files.readString(out.resolve("01-data-loading.ipynb"));
        assertTrue(nb01.contains("image/png"), "notebook 01 displays figures");
        for (String f : List.of("01-summary.csv", "01-by-emotion.csv", "01-split-diagnostics.csv", "01-durations.png", "01-examples.png"))
            assertTrue(Files.size(results.resolve("synthetic").resolve(f)) > 0, f);
        for (String f : List.of("synthetic/02-ablation-speaker-independent.csv", "synthetic/02-ablation-speaker-independent-delta.png",
                "cross-synthetic-synthetic-b/05-cross-corpus.csv", "cross-synthetic-synthetic-b/05-cross-corpus-main.png",
                "synthetic/05-robustness.csv", "synthetic/06-search-log.csv", "synthetic/06-cost.csv", "synthetic/06-results.csv",
                "synthetic/06-anchors.csv", "synthetic/06-seed-votes.csv", "synthetic/06-relu-vs-elu.csv", "synthetic/06-augmentation.csv",
                "synthetic/06-vs-baseline.csv", "LEDGER.md", "ledger.csv", "MANIFEST.json"))
            assertTrue(Files.size(results.resolve(f)) > 0, f);
        String diag = Files.readString(results.resolve("synthetic/01-split-diagnostics.csv"));
        assertTrue(diag.lines().skip(1).anyMatch(l -> l.contains("random") && l.contains(",yes,")), "the random split is flagged:\n" + diag);

        // provenance at write time: every figure and table the notebooks saved is in the manifest, with its notebook and hash
        String manifest = Files.readString(results.resolve("MANIFEST.json"));
        for (Path f : org.emoaugnet.publish.Manifest.listed(results)) {
            String rel = "results/" + results.relativize(f).toString().replace('\\', '/');
            if (rel.endsWith(".md") || rel.endsWith(".txt")) continue;
            assertTrue(manifest.contains("\"path\" : \"" + rel + "\""), rel + " has no provenance entry");
        }
        assertTrue(manifest.contains("\"producer\" : \"notebooks/04-relu-vs-elu.ipynb\""), "notebooks name themselves as producers");
        assertTrue(manifest.contains("synthetic-speaker-independent-compact-relu-quick/fold-1-seed42#"), "tables name the runs they were computed from");

        // regeneration check: the quick-mode tables of the stages that run without training (01 data, 02 augmentation and
        // feature distances, 03 features; plain Java arithmetic) equal the committed references cell by cell (numbers to a
        // relative 1e-6)
        Path reference = root.resolve("lib/src/test/resources/regeneration/quick");
        if (Boolean.getBoolean("emoaug.updateReference")) {
            for (String t : REFERENCE_TABLES) {
                Files.createDirectories(reference.resolve(t).getParent());
                Files.copy(results.resolve(t), reference.resolve(t), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        var report = org.emoaugnet.publish.Regeneration.compare(reference, results, 1e-6);
        assertEquals(REFERENCE_TABLES.size(), report.compared().size(), "every reference table was regenerated:\n" + report.text(5));
        assertTrue(report.differing().isEmpty() && report.onlyCommitted().isEmpty(),
                "regenerated tables differ from lib/src/test/resources/regeneration/quick (if the change is intended, refresh them with "
                        + "mvn verify -Demoaug.updateReference=true):\n" + report.text(10));
    }

    /** The quick-mode tables checked against their committed references. */
    static final List<String> REFERENCE_TABLES = List.of("synthetic/01-summary.csv", "synthetic/01-by-emotion.csv", "synthetic/01-by-speaker.csv",
            "synthetic/01-class-balance.csv", "synthetic/01-files.csv", "synthetic/01-label-map.csv", "synthetic/01-split-diagnostics.csv",
            "synthetic/02-augmentation-effects.csv", "synthetic/02-tone-check.csv", "synthetic/02-augmentation-distances.csv",
            "synthetic/03-utterance-summaries.csv", "synthetic/03-nearest-neighbour.csv", "fidelity/03-fidelity.csv");

    static String tail(String s) {
        return s.length() > 6000 ? s.substring(s.length() - 6000) : s;
    }
}
