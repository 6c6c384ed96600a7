package org.emoaugnet.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emoaugnet.util.Sha256;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The committed robustness evaluations, migrated into evaluation records ({@link EvaluationMigration}), and evaluation specs. */
class MigratedEvaluationsTest {
    private static double r2(double v) { return Math.round(v * 100) / 100.0; }

    @Test
    void everyMigratedEvaluationEqualsItsRowOfTheCommittedTable() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("results/runs"))) root = root.getParent();
        assertNotNull(root, "no results/runs");
        List<Path> tables;
        try (var all = Files.walk(root.resolve("results/runs"), 3)) {
            tables = all.filter(p -> p.getFileName().toString().equals(EvaluationMigration.TABLE)).sorted().toList();
        }
        int n = 0;
        for (Path csv : tables) {
            Path run = csv.getParent();
            RunRecord source = RunRecord.read(run);
            Table t = EvaluationMigration.table(csv);
            for (int i = 0; i < t.rowCount(); i++) {
                String c = t.stringColumn("condition").get(i);
                Path dir = run.resolve("eval-" + c);
                RunRecord e = RunRecord.read(dir);
                String where = dir.toString();
                assertTrue(e.spec().evaluates(), where);
                assertNull(e.training(), where + ": an evaluation trains nothing");
                assertEquals(source.specSha256(), e.spec().source().sha256(), where + ": evaluates its run");
                assertEquals(source.specSha256(), e.spec().fields().get("evaluation.source_sha256"), where);
                assertEquals(c, e.spec().evaluation().condition(), where);
                assertEquals(t.stringColumn("degradation").get(i), e.spec().evaluation().degradation(), where);
                assertEquals(Degradation.SEED, e.spec().evaluation().degradationSeed(), where);
                assertEquals(Double.parseDouble(t.stringColumn("WA (%)").get(i)), r2(100 * e.test().wa()), 1e-9, where + " WA");
                assertEquals(Double.parseDouble(t.stringColumn("UA (%)").get(i)), r2(100 * e.test().ua()), 1e-9, where + " UA");
                assertEquals(Double.parseDouble(t.stringColumn("UA 95% CI low").get(i)), r2(100 * e.test().uaLow()), 1e-9, where + " UA CI low");
                assertEquals(Double.parseDouble(t.stringColumn("UA 95% CI high").get(i)), r2(100 * e.test().uaHigh()), 1e-9, where + " UA CI high");
                assertEquals(Sha256.of(dir.resolve(Predictions.FILE)), e.predictionsSha256(), where + ": its predictions");
                assertEquals(source.split().rowsTest(), e.split().rowsTest(), where + ": every test recording, once");
                assertTrue(e.note().startsWith("migrated"), where + ": says how it was made");
                assertFalse(Files.exists(run.resolve("predictions-" + c + ".csv")), where + ": the predictions have one home");
                if (c.equals("clean")) assertEquals(source.predictionsSha256(), e.predictionsSha256(), where + ": clean speech is the run's own test");
                n++;
            }
            try (var s = Files.list(run)) {
                assertEquals(t.rowCount(), s.filter(p -> p.getFileName().toString().startsWith("eval-")).count(), run + ": one evaluation per row");
            }
        }
        assertTrue(n >= 13 * 8, "the committed evaluations: " + n);
    }

    @Test
    void anEvaluationSpecNamesItsRunAndReadsBack() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("results/runs"))) root = root.getParent();
        assertNotNull(root, "no results/runs");
        RunSpec run = RunRecord.read(root.resolve("results/runs/robustness-ravdess-relu-aug-none/fold-1-seed1")).spec();
        RunSpec e = RunSpec.evaluation(run, new RunSpec.Evaluation("white-10dB", "noise(snr_db=10.0,colour=WHITE)", Degradation.SEED));
        assertEquals(run, e.source());
        assertEquals(e, RunSpec.fromFields(e.fields()));
        assertFalse(run.fields().keySet().stream().anyMatch(k -> k.startsWith("evaluation.")), "a run's fields have no evaluation");
        RunSpec other = RunSpec.evaluation(run, new RunSpec.Evaluation("white-10dB", "noise(snr_db=5.0,colour=WHITE)", Degradation.SEED));
        assertFalse(e.sha256().equals(other.sha256()), "another degradation is another evaluation");
        assertFalse(e.sha256().equals(RunSpec.evaluation(run.withEngine(RunSpec.Engine.current()), e.evaluation()).sha256()),
                "another evaluated run (this one's spec as run-spec/3) is another evaluation");
        var tampered = new java.util.TreeMap<>(e.fields());
        tampered.put("evaluation.source_sha256", "0".repeat(64));
        assertThrows(IllegalArgumentException.class, () -> RunSpec.fromFields(tampered), "the source hash is the evaluated run's");
        assertThrows(IllegalArgumentException.class, () -> RunSpec.evaluation(e, e.evaluation()), "an evaluation of an evaluation");
    }
}
