package org.emoaugnet.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts run records of format {@value RunRecord#FORMAT_2} to {@value RunRecord#FORMAT} ({@code emoaug records
 * migrate}): every recorded value is kept verbatim (so no spec hash changes), {@code predictions_sha256} becomes the
 * list of every file's SHA-256 ({@link RunFiles}), the split's sides are added ({@link SplitSides}, re-derived by
 * {@link SplitDerivation}) and the record gets its checksum ({@link RecordCheck}). Nothing unchecked is blessed:
 * before a record is converted, its {@code predictions.csv} must still hash to the recorded value, its test metrics
 * and intervals must be what those predictions give, {@code confusion.csv} their confusion matrix, {@code history.csv}
 * as long as the epochs run, and the derived test speakers exactly those of the predictions' items; otherwise the
 * record is left as it is and the problem is reported naming the file.
 */
public final class RecordUpgrade {
    private RecordUpgrade() {}

    /** What the upgrade did; {@code problems} name the records left unconverted and why. */
    public record Summary(int upgraded, int alreadyCurrent, List<String> problems) {
        public Summary {
            problems = List.copyOf(problems);
        }
    }

    /** Upgrades every record of format 2 under {@code runsRoot}. */
    public static Summary upgrade(Path runsRoot, SplitDerivation splits, String today, PrintStream log) throws IOException {
        int upgraded = 0, current = 0;
        List<String> problems = new ArrayList<>();
        for (Path dir : RunRecord.folders(runsRoot)) {
            Map<String, String> m = RunRecord.load(dir);
            if (RunRecord.FORMAT.equals(m.get("format"))) { current++; continue; }
            if (!RunRecord.FORMAT_2.equals(m.get("format"))) continue;   // format 1: RecordMigration first
            try {
                upgrade(dir, m, splits, today);
                upgraded++;
                log.println("upgraded " + runsRoot.relativize(dir));
            } catch (IOException | RuntimeException e) {
                // the record stays as it was; the problem is reported with the others so that one bad run does not hide the rest
                problems.add(runsRoot.relativize(dir) + ": " + e.getMessage());
            }
        }
        return new Summary(upgraded, current, problems);
    }

    /** Upgrades the format-2 record {@code m} of {@code dir} (see the class comment); fails naming the file on any disagreement. */
    static void upgrade(Path dir, Map<String, String> m, SplitDerivation splits, String today) throws IOException {
        Path record = dir.resolve(RunRecord.FILE), predictions = dir.resolve(Predictions.FILE);
        RunFiles.same(predictions, m.get("predictions_sha256"));
        Map<String, String> spec = new TreeMap<>();
        m.forEach((k, v) -> { if (k.startsWith("spec.")) spec.put(k.substring(5), v); });
        RunSpec s = RunSpec.fromFields(spec);
        if (!s.sha256().equals(m.get("spec_sha256"))) throw new IOException(record + ": the spec does not hash to the recorded spec_sha256 (the record was edited)");
        Map<String, String> v3 = new TreeMap<>(m);
        v3.remove("predictions_sha256");
        v3.put("format", RunRecord.FORMAT);
        SplitSides sides = splits.sides(s);
        v3.putAll(sides.fields());
        RunFiles.hash(dir).forEach((k, v) -> v3.put(RunFiles.PREFIX + k, v));
        String note = "file hashes and split sides added on " + today + " by environment/emoaug records migrate (sides re-derived from the spec's folds "
                + "and checked against the test items of predictions.csv; predictions.csv checked against the recorded predictions_sha256, test metrics, "
                + "intervals, confusion.csv and history.csv against it)";
        v3.put("note", m.containsKey("note") ? m.get("note") + "; " + note : note);
        v3.put(RecordCheck.CHECKSUM, RecordCheck.checksum(v3));
        Path tmp = Files.createTempDirectory(dir.getParent(), ".upgrade-");
        try {   // the upgraded record is checked in full beside the run before it replaces the old one
            for (Path f : RunFiles.files(dir)) Files.copy(f, tmp.resolve(f.getFileName()));
            RunRecord.store(tmp, v3);
            List<String> bad = RecordCheck.full(tmp);
            if (!bad.isEmpty()) throw new IOException(bad.get(0).replace(tmp.toString(), dir.toString()));
            String disagreement = splits.agreesWith(sides, s, Predictions.parse(predictions, List.of(m.get("classes").split(","))));
            if (disagreement != null) throw new IOException(record + ": " + disagreement);
        } finally {
            Runner.deleteTree(tmp);
        }
        RunRecord.store(dir, v3);
        RunRecord.read(dir);   // reads back
    }
}
