package org.emoaugnet.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Evaluation specs, on a committed robustness model. (The evaluations migrated into records by {@link
 * EvaluationMigration} were checked against their tables here until the RAVDESS robustness study was re-made by the
 * current engine, issue 36, and those records left the committed tree; the migration stays for checkouts that hold them.)
 */
class MigratedEvaluationsTest {
    private static double r2(double v) { return Math.round(v * 100) / 100.0; }

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
        assertFalse(e.sha256().equals(RunSpec.evaluation(run.withEngine(new RunSpec.Engine("1", "2", "fused-1/loop-2")), e.evaluation()).sha256()),
                "another evaluated run (this one's spec on the earlier engine) is another evaluation");
        var tampered = new java.util.TreeMap<>(e.fields());
        tampered.put("evaluation.source_sha256", "0".repeat(64));
        assertThrows(IllegalArgumentException.class, () -> RunSpec.fromFields(tampered), "the source hash is the evaluated run's");
        assertThrows(IllegalArgumentException.class, () -> RunSpec.evaluation(e, e.evaluation()), "an evaluation of an evaluation");
    }
}
