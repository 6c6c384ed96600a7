package org.emoaugnet.publish;

import org.emoaugnet.evidence.Consistency;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.publish.Findings;
import org.emoaugnet.publish.Ledger;
import org.emoaugnet.publish.Manifest;
import org.emoaugnet.publish.ReadmeTables;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.Provenance;
import org.emoaugnet.run.RecordMigration;
import org.emoaugnet.run.RunRecord;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/** The committed ledger and manifest against the committed run records: no hand-edited numbers, no missing files. */
public class LedgerTest {
    public static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("results/runs"))) p = p.getParent();
        assertNotNull(p, "no results/runs above " + Path.of("").toAbsolutePath());
        return p;
    }

    /** A constructed cell: mean with its seed interval [lo, hi] (NaN: one seed), runs of planned, converged. */
    static Ledger.Cell cell(double mean, double lo, double hi, int runs, int planned, int converged) {
        return new Ledger.Cell("x", runs, planned, converged, Double.isNaN(lo) ? 1 : 3, mean, 1.0, lo, hi, mean, mean - 2, mean + 2, false);
    }

    @Test
    void verdictCategoriesFollowFromCompleteConvergedRunsAndSeedIntervals() {
        Map<Protocol, Ledger.Cell> c = new java.util.LinkedHashMap<>();
        c.put(Protocol.PAPER_STYLE, cell(90, 88, 92, 5, 5, 5));
        c.put(Protocol.AUGMENT_AFTER_RANDOM_SPLIT, cell(75, 70, 80, 3, 3, 3));
        c.put(Protocol.SPEAKER_INDEPENDENT, cell(50, 45, 55, 15, 15, 15));
        var v = Ledger.verdict(95, c, "ravdess");
        assertEquals(Ledger.Category.NOT_REACHED_EVEN_UNDER_LEAK, v.category(), v.text());
        assertTrue(v.text().contains("3.0 points above") && v.text().contains("speaker-independent 50.0"), v.text());
        assertEquals(Ledger.Category.REACHED_UNDER_LEAK, Ledger.verdict(90.5, c, "ravdess").category());
        assertEquals(Ledger.Category.REACHED_UNDER_LEAK, Ledger.verdict(92, c, "ravdess").category(), "the upper end itself reaches");
        assertEquals(Ledger.Category.REACHED_WITH_SHARED_SPEAKERS, Ledger.verdict(78, c, "ravdess").category());
        assertEquals(Ledger.Category.REACHED_WITHOUT_LEAK, Ledger.verdict(52, c, "ravdess").category());

        c.put(Protocol.PAPER_STYLE, cell(90, 88, 92, 5, 5, 2));
        v = Ledger.verdict(95, c, "ravdess");
        assertEquals(Ledger.Category.NOT_CONVERGED, v.category());
        assertTrue(v.text().contains("paper-style (leaks) 3 of 5"), v.text());
        assertTrue(c.get(Protocol.PAPER_STYLE).text().contains("3 not converged"), c.get(Protocol.PAPER_STYLE).text());

        c.put(Protocol.PAPER_STYLE, cell(90, 88, 92, 5, 5, 5));
        c.put(Protocol.SPEAKER_INDEPENDENT, cell(50, 45, 55, 10, 15, 10));
        v = Ledger.verdict(95, c, "ravdess");
        assertEquals(Ledger.Category.INCOMPLETE, v.category(), "an incomplete set never carries a verdict as if complete");
        assertTrue(v.text().contains("speaker-independent 10 of 15"), v.text());

        c.put(Protocol.SPEAKER_INDEPENDENT, cell(50, Double.NaN, Double.NaN, 5, 5, 5));
        assertEquals(Ledger.Category.INCONCLUSIVE, Ledger.verdict(95, c, "ravdess").category(), "one seed: no interval over training runs");

        Map<Protocol, Ledger.Cell> none = new java.util.LinkedHashMap<>();
        for (Protocol p : Ledger.COLUMNS) none.put(p, Ledger.Cell.none("y", 5));
        assertEquals(Ledger.Category.NEEDS_LICENSED_DATA, Ledger.verdict(95, none, "iemocap").category());
        assertEquals(Ledger.Category.NOT_RUN, Ledger.verdict(95, none, "ravdess").category());
    }

    @Test
    void widestGapsMatchThePaperNotesTable() {
        double[] iemocap = Ledger.IEMOCAP_4_COUNTS;
        assertEquals(1.62, Consistency.check(95.78, 92.52, iemocap).largestFeasibleGap(), 0.005);
        assertFalse(Consistency.check(95.78, 92.52, iemocap).feasible());
        assertEquals(1.88, Consistency.check(96.75, 91.28, iemocap).largestFeasibleGap(), 0.005);
        double[] natural8 = {96, 192, 192, 192, 192, 192, 192, 192}, merged7 = {288, 192, 192, 192, 192, 192, 192},
                dropped7 = {96, 192, 192, 192, 192, 192, 192};
        assertEquals(0.33, Consistency.check(94.53, 94.98, natural8).largestFeasibleGap(), 0.005);
        assertEquals(0.36, Consistency.check(93.72, 94.64, natural8).largestFeasibleGap(), 0.005);
        assertEquals(2.01, Consistency.check(94.53, 94.98, merged7).largestFeasibleGap(), 0.005);
        assertTrue(Consistency.check(94.53, 94.98, merged7).feasible());
        assertEquals(0.39, Consistency.check(94.53, 94.98, dropped7).largestFeasibleGap(), 0.005);
        assertEquals(0.41, Consistency.check(93.72, 94.64, dropped7).largestFeasibleGap(), 0.005);
        assertFalse(Consistency.check(90, 80, new double[] {1, 1, 1}).feasible(), "balanced classes force WA = UA");
    }

    @Test
    void committedLedgerIsTheOneTheRunRecordsGive(@TempDir Path tmp) throws Exception {
        Path root = projectRoot();
        Path committed = root.resolve("results");
        assertTrue(Files.isRegularFile(committed.resolve("LEDGER.md")), "results/LEDGER.md is missing: run environment/emoaug ledger");
        var rows = Ledger.write(root, committed.resolve("runs"), tmp);
        assertEquals(Files.readString(tmp.resolve("ledger.csv")), Files.readString(committed.resolve("ledger.csv")),
                "results/ledger.csv differs from what the run records give: run environment/emoaug ledger");
        assertEquals(Files.readString(tmp.resolve("LEDGER.md")), Files.readString(committed.resolve("LEDGER.md")),
                "results/LEDGER.md differs from what the run records give: run environment/emoaug ledger");
        assertTrue(Files.readString(committed.resolve("LEDGER.md")).contains("RAVDESS ReLU WA"));
        assertTrue(Files.isRegularFile(tmp.resolve("ledger.png")) && Files.isRegularFile(committed.resolve("ledger.png")),
                "the RAVDESS claims figure (ledger.png) is written with the ledger");
        String readme = Files.readString(root.resolve("README.md"));
        for (String line : Files.readAllLines(committed.resolve("LEDGER.md")))
            if (line.startsWith("| RAVDESS ") || line.startsWith("| IEMOCAP "))
                assertTrue(readme.contains(line), "README.md does not show this ledger row as generated:\n" + line);
        Path copy = tmp.resolve("README.md");
        Files.writeString(copy, readme);
        assertTrue(Ledger.updateReadme(copy, rows), "README.md lacks the ledger markers");
        assertEquals(readme, Files.readString(copy), "README.md's ledger block is not exactly the generated claims table: run environment/emoaug ledger");
        assertEquals(readme, ReadmeTables.render(readme, root), "a README table differs from the CSV its marker names: run environment/emoaug ledger");
        for (String page : ReadmeTables.PAGES) {
            String text = Files.readString(root.resolve(page));
            assertEquals(text, ReadmeTables.render(text, root), "a table of " + page + " differs from the CSV its marker names: run environment/emoaug ledger");
        }
        assertTrue(readme.contains("<!-- csv:results/ravdess/02-ablation-si.csv -->"), "the ablation table is rendered from its CSV");
        assertTrue(readme.contains(Findings.block(root)), "README.md's findings are not the sentences the committed results give: run environment/emoaug ledger");
        assertTrue(readme.contains(Findings.headline(root)), "README.md's first screen is not what the committed results give: run environment/emoaug ledger");
        assertTrue(readme.indexOf(Findings.HEADLINE_END) < readme.indexOf("## The two commands"), "the headline comes before the two commands");
    }

    @Test
    void committedRecordsAreCurrentAndKeepEveryMigratedValue() throws Exception {
        Path runs = projectRoot().resolve("results/runs");
        int migrated = 0, all = 0;
        try (var exps = Files.list(runs)) {
            for (Path e : exps.filter(Files::isDirectory).sorted().toList()) {
                assertFalse(Files.exists(e.resolve("experiment.txt")), "hand-written experiment descriptions are gone: " + e);
                for (Path run : StudyReport.runs(e)) {
                    all++;
                    RunRecord r = RunRecord.read(run);   // current format, spec hash checked
                    Path v1 = run.resolve(RecordMigration.OLD_FILE);
                    assertEquals(Files.isRegularFile(v1), r.provenance().origin().startsWith("migrated"), run + ": a migrated record keeps its original");
                    if (!Files.isRegularFile(v1)) {
                        assertEquals("written by the runner", r.provenance().origin(), run.toString());
                        continue;
                    }
                    migrated++;
                    java.util.Properties o = new java.util.Properties();
                    try (var in = Files.newBufferedReader(v1)) {
                        o.load(in);
                    }
                    String where = run.toString();
                    assertEquals(Double.parseDouble(o.getProperty("test_wa")), r.test().wa(), where);
                    assertEquals(Double.parseDouble(o.getProperty("test_ua")), r.test().ua(), where);
                    assertEquals(Double.parseDouble(o.getProperty("test_macro_f1")), r.test().macroF1(), where);
                    assertEquals(o.getProperty("test_ua_ci95"), r.test().uaLow() + "," + r.test().uaHigh(), where);
                    assertEquals(o.getProperty("test_wa_ci95"), r.test().waLow() + "," + r.test().waHigh(), where);
                    assertEquals(Integer.parseInt(o.getProperty("best_epoch")), r.training().bestEpoch(), where);
                    assertEquals(Integer.parseInt(o.getProperty("epochs_run")), r.training().epochsRun(), where);
                    assertEquals(Double.parseDouble(o.getProperty("val_ua_best")), r.training().bestValidationScore(), where);
                    assertEquals(Long.parseLong(o.getProperty("seed")), r.spec().seed(), where);
                    assertEquals(o.getProperty("fold"), r.spec().fold(), where);
                    assertEquals(o.getProperty("split"), r.split().summary(), where);
                    assertEquals(Integer.parseInt(o.getProperty("rows_train")), r.split().rowsTrain(), where);
                    assertEquals(Integer.parseInt(o.getProperty("rows_test")), r.split().rowsTest(), where);
                    assertEquals(o.getProperty("finished_utc"), r.finishedUtc(), where);
                    assertEquals(Double.parseDouble(o.getProperty("wall_seconds")), r.wallSeconds(), 1e-9, where);
                    assertEquals(o.getProperty("classes"), String.join(",", r.classes()), where);
                    assertEquals(o.getProperty("code_commit", Provenance.UNKNOWN), r.provenance().gitCommit(), where);
                    for (int c = 0; c < r.classes().size(); c++) {
                        String k = "recall_" + r.classes().get(c);
                        if (o.containsKey(k)) assertEquals(Double.parseDouble(o.getProperty(k)), r.test().recall().get(c), where);
                    }
                    assertEquals(Manifest.sha256(run.resolve("predictions.csv")), r.predictionsSha256(), where);
                }
            }
        }
        // every record is either a migrated run-spec/1 record checked value by value above, or one the runner wrote
        // (experiments re-run since the migration replace their migrated records; RunnerTest covers the migration)
        assertTrue(all >= 132, all + " runs, " + migrated + " migrated (the rest re-run by the runner)");
    }

    @Test
    void runRecordsNameTheCodeThatRan() {
        // under surefire the classes come from target/classes; from the packaged jar the value is its SHA-256
        assertEquals("not a jar (classes directory)", Provenance.detectCodeJarSha256());
        assertEquals("not a jar (classes directory)", Provenance.current().codeJarSha256());
        assertFalse(Provenance.current().dependencies().get("deeplearning4j-nn").equals(Provenance.UNKNOWN), "DL4J's version is read from its jar");
        assertTrue(Provenance.current().dependencies().get("deeplearning4j-nn").startsWith("1.0.0"), Provenance.current().dependencies().toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCommittedFigureAndTableHasItsProvenanceEntry() throws Exception {
        Path root = projectRoot();
        Map<String, Object> m = new ObjectMapper().readValue(root.resolve("results/MANIFEST.json").toFile(), Map.class);
        List<Map<String, Object>> files = (List<Map<String, Object>>) m.get("files");
        Map<String, Object> experiments = (Map<String, Object>) m.get("experiments");
        Map<String, Map<String, Object>> byPath = new java.util.HashMap<>();
        for (Map<String, Object> f : files) {
            Path p = root.resolve((String) f.get("path"));
            assertTrue(Files.isRegularFile(p), "listed in MANIFEST.json but missing: " + f.get("path"));
            assertEquals(f.get("sha256"), Manifest.sha256(p), f.get("path") + " differs from the file its producer logged: re-run " + f.get("producer"));
            assertFalse(String.valueOf(f.get("producer")).startsWith("unknown"), f.get("path") + " has no producer");
            for (String r : (List<String>) f.get("runs")) {
                String name = r.substring(0, r.indexOf('#')), exp = name.substring(0, name.lastIndexOf('/'));
                Path run = root.resolve("results/runs").resolve(name);
                assertTrue(RunRecord.finished(run), f.get("path") + " names a run that does not exist: " + r);
                assertEquals(r.substring(r.indexOf('#') + 1), RunRecord.read(run).specSha256(), f.get("path") + " was made from another spec of " + name);
                assertTrue(experiments.containsKey(exp), f.get("path") + " names an experiment the manifest does not describe: " + exp);
            }
            byPath.put((String) f.get("path"), f);
        }
        for (Path f : Manifest.listed(root.resolve("results"))) {
            String rel = "results/" + root.resolve("results").relativize(f).toString().replace('\\', '/');
            assertTrue(byPath.containsKey(rel), rel + " is committed without a provenance entry in results/MANIFEST.json");
        }
        assertFalse(((List<String>) byPath.get("results/ledger.csv").get("runs")).isEmpty(), "the ledger names its runs");
        assertTrue(byPath.get("results/ravdess/04-relu-vs-elu.csv").get("producer").toString().startsWith("notebooks/04-"));
    }
}
