package org.emoaugnet.eval;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A confusion matrix: {@code counts[true][predicted]} over {@code K} classes. */
public record Confusion(List<String> classes, int[][] counts) {
    public static Confusion of(List<String> classes, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) throw new IllegalArgumentException("truth and predictions differ in length: " + truth.length + " vs " + predicted.length);
        int k = classes.size();
        int[][] c = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= k || predicted[i] < 0 || predicted[i] >= k)
                throw new IllegalArgumentException("label out of range at item " + i + ": " + truth[i] + " / " + predicted[i]);
            c[truth[i]][predicted[i]]++;
        }
        return new Confusion(List.copyOf(classes), c);
    }

    public int k() { return classes.size(); }

    public int total() {
        int n = 0;
        for (int[] r : counts) for (int v : r) n += v;
        return n;
    }

    public int support(int c) {
        int n = 0;
        for (int v : counts[c]) n += v;
        return n;
    }

    public int predictedCount(int c) {
        int n = 0;
        for (int[] r : counts) n += r[c];
        return n;
    }

    /** Counts as a table: one row per true class, one column per predicted class. */
    public Table table() {
        Table t = Table.create("confusion (rows: true, columns: predicted)", StringColumn.create("true", classes));
        for (int p = 0; p < k(); p++) {
            int[] col = new int[k()];
            for (int r = 0; r < k(); r++) col[r] = counts[r][p];
            t.addColumns(IntColumn.create(classes.get(p), col));
        }
        return t;
    }

    /** Row-normalised (each true class sums to 1; a class without support stays 0). */
    public Table normalisedTable() {
        Table t = Table.create("confusion, row-normalised", StringColumn.create("true", classes));
        for (int p = 0; p < k(); p++) {
            double[] col = new double[k()];
            for (int r = 0; r < k(); r++) col[r] = support(r) == 0 ? 0 : (double) counts[r][p] / support(r);
            t.addColumns(DoubleColumn.create(classes.get(p), col));
        }
        return t;
    }

    /** Element-wise sum (pooling folds). */
    public Confusion plus(Confusion o) {
        if (!classes.equals(o.classes)) throw new IllegalArgumentException("different class lists");
        int[][] c = new int[k()][k()];
        for (int i = 0; i < k(); i++) for (int j = 0; j < k(); j++) c[i][j] = counts[i][j] + o.counts[i][j];
        return new Confusion(classes, c);
    }
}
