package org.emoaugnet.eval;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The metrics of speech-emotion recognition, from a confusion matrix.
 * <ul>
 *   <li>WA, weighted accuracy = overall accuracy, {@code Σ correct / N} (each class weighted by its frequency);</li>
 *   <li>UA, unweighted accuracy = mean per-class recall over classes with support (sklearn's
 *       {@code balanced_accuracy_score});</li>
 *   <li>macro F1 = mean per-class F1 over classes with support (F1 of a class never predicted is 0).</li>
 * </ul>
 */
public record Metrics(double wa, double ua, double macroF1, double[] precision, double[] recall, double[] f1, int[] support) {
    public static Metrics of(Confusion c) {
        int k = c.k(), n = c.total(), correct = 0, present = 0;
        double[] p = new double[k], r = new double[k], f = new double[k];
        int[] s = new int[k];
        double sumR = 0, sumF = 0;
        for (int i = 0; i < k; i++) {
            int tp = c.counts()[i][i];
            correct += tp;
            s[i] = c.support(i);
            int pred = c.predictedCount(i);
            p[i] = pred == 0 ? 0 : (double) tp / pred;
            r[i] = s[i] == 0 ? 0 : (double) tp / s[i];
            f[i] = p[i] + r[i] == 0 ? 0 : 2 * p[i] * r[i] / (p[i] + r[i]);
            if (s[i] > 0) { present++; sumR += r[i]; sumF += f[i]; }
        }
        return new Metrics(n == 0 ? Double.NaN : (double) correct / n, present == 0 ? Double.NaN : sumR / present,
                present == 0 ? Double.NaN : sumF / present, p, r, f, s);
    }

    public static Metrics of(java.util.List<String> classes, int[] truth, int[] predicted) {
        return of(Confusion.of(classes, truth, predicted));
    }

    /** Per-class precision, recall, F1 and support. */
    public Table perClass(java.util.List<String> classes) {
        return Table.create("per-class metrics", StringColumn.create("class", classes), DoubleColumn.create("precision", precision),
                DoubleColumn.create("recall", recall), DoubleColumn.create("f1", f1), IntColumn.create("support", support));
    }
}
