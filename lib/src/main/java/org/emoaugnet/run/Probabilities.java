package org.emoaugnet.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emoaugnet.util.AtomicFiles;

/**
 * A run's class probabilities on its test items and their file {@code probabilities.csv} ({@code utterance} then one
 * column per class in class order, each value a float written in its shortest exact form): the one home of the
 * format. The runner writes it beside {@code predictions.csv}, whose predicted class is each row's argmax (the first
 * of equal values); {@link RecordCheck#full} checks that agreement. Runs recorded before the file existed have none.
 *
 * @param classes class names in index order
 * @param items   test item keys, in the order of {@code predictions.csv}
 * @param values  per item, one probability per class
 */
public record Probabilities(List<String> classes, List<String> items, float[][] values) {
    /** The file name of a run's class probabilities. */
    public static final String FILE = "probabilities.csv";

    public Probabilities {
        classes = List.copyOf(classes);
        items = List.copyOf(items);
        if (items.size() != values.length) throw new IllegalArgumentException(items.size() + " items but " + values.length + " rows of probabilities");
    }

    /** Writes one row per item (atomically). */
    public static void write(Path csv, List<String> items, float[][] values, List<String> classes) throws IOException {
        StringBuilder b = new StringBuilder(Predictions.ITEM);
        for (String c : classes) b.append(',').append(c);
        b.append('\n');
        for (int i = 0; i < items.size(); i++) {
            if (values[i].length != classes.size())
                throw new IllegalArgumentException("item " + items.get(i) + ": " + values[i].length + " probabilities for " + classes.size() + " classes");
            b.append(org.emoaugnet.util.Tables.csvField(items.get(i)));
            for (float v : values[i]) b.append(',').append(Float.toString(v));
            b.append('\n');
        }
        AtomicFiles.writeString(csv, b.toString());
    }

    /** One run's file, checked against its record first ({@link RunFiles#checkOne}). */
    public static Probabilities read(Path csv, List<String> classes) throws IOException {
        RunFiles.checkOne(csv);
        return parse(csv, classes);
    }

    /** One run's file, unchecked. */
    static Probabilities parse(Path csv, List<String> classes) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> head = new ArrayList<>(List.of(Predictions.ITEM));
        head.addAll(classes);
        if (lines.isEmpty() || !Predictions.fields(lines.get(0)).equals(head))
            throw new IOException(csv + ": not a probabilities file for the classes " + classes + " (its header is not " + String.join(",", head) + ")");
        List<String> items = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) continue;
            List<String> f = Predictions.fields(lines.get(i));
            if (f.size() != head.size()) throw new IOException(csv + ": row " + i + " has " + f.size() + " fields, not " + head.size());
            float[] p = new float[classes.size()];
            for (int k = 0; k < p.length; k++) {
                try {
                    p[k] = Float.parseFloat(f.get(k + 1));
                } catch (NumberFormatException e) {
                    throw new IOException(csv + ": row " + i + ", class " + classes.get(k) + ": '" + f.get(k + 1) + "' is not a number", e);
                }
                if (!(p[k] >= 0 && p[k] <= 1)) throw new IOException(csv + ": row " + i + ", class " + classes.get(k) + ": " + p[k] + " is not a probability");
            }
            items.add(f.get(0));
            rows.add(p);
        }
        return new Probabilities(classes, items, rows.toArray(float[][]::new));
    }

    /** The class of each item's largest probability (the first of equal ones), as the runner predicts. */
    public int[] argmax() { return org.emoaugnet.model.fused.FusedNetwork.argmax(values); }

    /** How this file disagrees with the run's predictions (other items, or an argmax that is not the predicted class), one sentence each. */
    List<String> disagreements(Predictions p, Path csv) {
        List<String> out = new ArrayList<>();
        if (!items.equals(p.items())) {
            out.add(csv + ": its items are not those of " + Predictions.FILE + " in the same order");
            return out;
        }
        int[] a = argmax();
        for (int i = 0; i < a.length; i++)
            if (a[i] != p.predicted()[i]) {
                out.add(String.format(Locale.ROOT, "%s: item %s: the largest probability is %s's, but %s predicts %s", csv, items.get(i), classes.get(a[i]),
                        Predictions.FILE, classes.get(p.predicted()[i])));
                break;
            }
        return out;
    }
}
