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

    /** One predictions file, its items untagged. */
    public static Predictions read(Path csv, List<String> classes) throws IOException {
        return read(List.of(csv), List.of(""), classes);
    }

    /** Several predictions files one after another, the items of file {@code i} prefixed with {@code tags.get(i)}. */
    public static Predictions read(List<Path> csvs, List<String> tags, List<String> classes) throws IOException {
        List<String> items = new java.util.ArrayList<>(), t = new java.util.ArrayList<>(), p = new java.util.ArrayList<>();
        for (int k = 0; k < csvs.size(); k++) {
            Table pr = Table.read().csv(csvs.get(k).toFile());
            for (int i = 0; i < pr.rowCount(); i++) {
                items.add(tags.get(k) + pr.stringColumn(ITEM).get(i));
                t.add(pr.stringColumn(TRUE).get(i));
                p.add(pr.stringColumn(PREDICTED).get(i));
            }
        }
        return new Predictions(classes, items, t.stream().mapToInt(classes::indexOf).toArray(), p.stream().mapToInt(classes::indexOf).toArray());
    }

    /** The class list of a run, from its record. */
    public static List<String> classesOf(Path run) throws IOException { return RunRecord.read(run).classes(); }
}
