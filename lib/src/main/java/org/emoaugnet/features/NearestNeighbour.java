package org.emoaugnet.features;

import java.util.List;

/**
 * Leave-one-out 1-nearest-neighbour accuracy (Euclidean) of predicting a label from rows. Used as a plain
 * diagnostic: if utterance statistics identify the <em>speaker</em> far better than the <em>emotion</em>, a split
 * that shares speakers lets a model lean on who is speaking.
 */
public final class NearestNeighbour {
    private NearestNeighbour() {}

    public static double leaveOneOutAccuracy(float[][] rows, List<String> labels) {
        int n = rows.length, correct = 0;
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bd = Double.MAX_VALUE;
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                double d = distance2(rows[i], rows[j]);
                if (d < bd) { bd = d; best = j; }
            }
            if (best >= 0 && labels.get(best).equals(labels.get(i))) correct++;
        }
        return (double) correct / n;
    }

    /** Chance level: the share of the most frequent label. */
    public static double majorityShare(List<String> labels) {
        java.util.Map<String, Long> c = new java.util.HashMap<>();
        for (String l : labels) c.merge(l, 1L, Long::sum);
        return c.values().stream().mapToLong(Long::longValue).max().orElse(0) / (double) labels.size();
    }

    public static double distance2(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) { double d = a[k] - b[k]; s += d * d; }
        return s;
    }
}
