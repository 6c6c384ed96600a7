package org.emoaugnet.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.util.Tables;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A run's test predictions, one per test item, and their file {@code predictions.csv} ({@code utterance,true,predicted}):
 * the one home of the format, written by the runs and read by the evidence.
 *
 * @param classes   class names in index order
 * @param items     test item keys (tagged with the run folder's name where several runs are read together)
 * @param truth     true class index per item
 * @param predicted predicted class index per item
 */
public record Predictions(List<String> classes, List<String> items, int[] truth, int[] predicted) {
    /** The file name of a run's predictions. */
    public static final String FILE = "predictions.csv";
    static final String ITEM = "utterance", TRUE = "true", PREDICTED = "predicted";

    /** Writes one prediction per test row. */
    public static void write(Path csv, Dataset test, int[] predicted, List<String> classes) throws IOException {
        Tables.saveCsv(Table.create("predictions", StringColumn.create(ITEM, test.keys()),
                StringColumn.create(TRUE, java.util.Arrays.stream(test.y()).mapToObj(classes::get).toList()),
                StringColumn.create(PREDICTED, java.util.Arrays.stream(predicted).mapToObj(classes::get).toList())), csv);
    }

    /** One predictions file, its items untagged; checked against its run's record ({@link RunFiles#checkOne}). */
    public static Predictions read(Path csv, List<String> classes) throws IOException {
        return read(List.of(csv), List.of(""), classes);
    }

    /** One predictions file, unchecked: for the record's own reader, which has checked the file already. */
    static Predictions parse(Path csv, List<String> classes) throws IOException {
        return parse(List.of(csv), List.of(""), classes);
    }

    /**
     * Several predictions files one after another, the items of file {@code i} prefixed with {@code tags.get(i)}; each
     * file in a run folder is checked against its record first ({@link RunFiles#checkOne}).
     */
    public static Predictions read(List<Path> csvs, List<String> tags, List<String> classes) throws IOException {
        for (Path csv : csvs) RunFiles.checkOne(csv);
        return parse(csvs, tags, classes);
    }

    private static Predictions parse(List<Path> csvs, List<String> tags, List<String> classes) throws IOException {
        List<String> items = new java.util.ArrayList<>(), t = new java.util.ArrayList<>(), p = new java.util.ArrayList<>();
        for (int k = 0; k < csvs.size(); k++) {
            Path csv = csvs.get(k);
            List<String> lines = java.nio.file.Files.readAllLines(csv);
            if (lines.isEmpty() || !fields(lines.get(0)).equals(List.of(ITEM, TRUE, PREDICTED)))
                throw new IOException(csv + ": not a predictions file (its header is not " + ITEM + "," + TRUE + "," + PREDICTED + ")");
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isEmpty()) continue;
                List<String> f = fields(lines.get(i));
                if (f.size() != 3) throw new IOException(csv + ": row " + i + " has " + f.size() + " fields, not 3");
                items.add(tags.get(k) + f.get(0));
                t.add(known(csv, i - 1, f.get(1), classes));
                p.add(known(csv, i - 1, f.get(2), classes));
            }
        }
        return new Predictions(classes, items, t.stream().mapToInt(classes::indexOf).toArray(), p.stream().mapToInt(classes::indexOf).toArray());
    }

    /** The fields of one CSV line as {@link Tables#saveCsv} writes them (a field with a comma or quote is quoted, quotes doubled). */
    static List<String> fields(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { f.append('"'); i++; }
                else if (c == '"') quoted = false;
                else f.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { out.add(f.toString()); f.setLength(0); }
            else f.append(c);
        }
        out.add(f.toString());
        return out;
    }

    /** {@code label} when it is one of {@code classes}; otherwise an error naming the file and the row. */
    private static String known(Path csv, int row, String label, List<String> classes) throws IOException {
        if (!classes.contains(label)) throw new IOException(csv + ": row " + (row + 1) + " has class '" + label + "', not one of the run's classes " + classes);
        return label;
    }

    /** The class list of a run, from its record. */
    public static List<String> classesOf(Path run) throws IOException { return RunRecord.read(run).classes(); }
}
