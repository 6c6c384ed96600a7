package org.emoaugnet.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaugnet.util.Sha256;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/**
 * Converts the robustness evaluations of the earlier study, which wrote {@code robustness.csv} (one row per condition)
 * and {@code predictions-<condition>.csv} into the trained run's folder, into evaluation records
 * ({@link RunSpec#EVALUATION}; {@link Evaluations}): for every row, {@code <run>/eval-<condition>/} with the
 * predictions (moved there as {@code predictions.csv}, byte for byte) and a record whose spec is the evaluated run's
 * recorded spec with the row's degradation key, whose test metrics are recomputed from the predictions as the
 * evaluation job computes them, and whose note says how it was made. Nothing is retrained; {@code robustness.csv}
 * stays as the reference the migrated records are checked against. Idempotent: a condition with an evaluation record
 * of the same spec is left alone.
 */
public final class EvaluationMigration {
    private EvaluationMigration() {}

    /** The earlier study's table in a run folder. */
    public static final String TABLE = "robustness.csv";

    /** How many evaluations were converted and how many were there already. */
    public record Summary(int migrated, int alreadyThere) {}

    /** Migrates every {@code <runsRoot>/<experiment>/<run>/robustness.csv}. */
    public static Summary migrate(Path runsRoot, String today, PrintStream log) throws IOException {
        List<Path> runs = new ArrayList<>();
        if (Files.isDirectory(runsRoot))
            try (var exps = Files.list(runsRoot)) {
                for (Path e : exps.filter(Files::isDirectory).sorted().toList())
                    try (var rs = Files.list(e)) {
                        rs.filter(r -> Files.isRegularFile(r.resolve(TABLE)) && RunRecord.finished(r)).sorted().forEach(runs::add);
                    }
            }
        int migrated = 0, there = 0;
        for (Path run : runs) {
            RunRecord source = RunRecord.read(run);
            Table t = table(run.resolve(TABLE));
            for (int i = 0; i < t.rowCount(); i++) {
                String condition = t.stringColumn("condition").get(i), key = t.stringColumn("degradation").get(i);
                RunSpec spec = RunSpec.evaluation(source.spec(), new RunSpec.Evaluation(condition, key, Degradation.SEED));
                Path dir = run.resolve(SpecJobs.runName(spec)), old = run.resolve("predictions-" + condition + ".csv");
                if (RunRecord.finished(dir) && RunRecord.read(dir).specSha256().equals(spec.sha256())) { there++; continue; }
                if (!Files.isRegularFile(old)) throw new IOException(run.resolve(TABLE) + " has condition " + condition + " but " + old + " is missing");
                Path tmp = run.resolve(".tmp-" + dir.getFileName() + "-migration");
                Runner.deleteTree(tmp);
                Files.createDirectories(tmp);
                Files.copy(old, tmp.resolve(Predictions.FILE));
                Predictions p = Predictions.read(tmp.resolve(Predictions.FILE), source.classes());
                String label = source.experiment() + "/" + run.getFileName();
                Provenance v = source.provenance();
                Provenance prov = new Provenance(v.gitCommit(), v.gitDirty(), v.codeJarSha256(), v.codeVersion(), v.dependencies(), v.jvm(), v.os(),
                        v.nd4jBackend(), v.nd4jClassifier(), v.threads(), v.environment(), v.kernels(),
                        "migrated: the evaluated run's provenance (the earlier study evaluated a model in the process that trained it, unless resumed)");
                RunRecord rec = new RunRecord(label, spec, spec.sha256(), prov, Evaluations.split(spec, label, p.items().size(), source.split().sides()), null,
                        Evaluations.test(source.classes(), p.truth(), p.predicted(), spec.seed()), source.classes(), List.of(),
                        RunFiles.hash(tmp), today, Double.NaN,
                        "migrated on " + today + " from " + TABLE + " and predictions-" + condition + ".csv of the evaluated run, written by the earlier "
                                + "robustness study, which evaluated outside the runner; the predictions are those files' bytes; test metrics and intervals "
                                + "recomputed from them as an evaluation computes them (they round to the table's cells); finish time and wall time of "
                                + "the evaluation were not recorded (finished_utc is the migration's date, wall_seconds NaN)");
                rec.write(tmp);
                Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                RunRecord.read(dir);   // reads back
                Files.delete(old);
                migrated++;
            }
            log.println(run + ": " + t.rowCount() + " evaluation(s)");
        }
        return new Summary(migrated, there);
    }

    /** The earlier study's table, every column as text. */
    public static Table table(Path csv) throws IOException {
        ColumnType[] types = new ColumnType[8];
        java.util.Arrays.fill(types, ColumnType.STRING);
        return Table.read().usingOptions(tech.tablesaw.io.csv.CsvReadOptions.builder(csv.toFile()).columnTypes(types));
    }
}
