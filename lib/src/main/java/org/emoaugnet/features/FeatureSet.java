package org.emoaugnet.features;

import java.util.List;
import org.emoaugnet.data.Utterance;

/**
 * Extracted rows: one per (utterance, augmentation copy), in the order of the input utterances, copy-major
 * within an utterance. Every row remembers its source utterance, so that a split can be checked for augmented
 * copies of one recording on both sides.
 */
public record FeatureSet(FeatureSpec spec, List<Row> rows) {
    /** One row: its source, which copy of the recipe made it, and its features. */
    public record Row(Utterance source, int copy, String copyName, Features features) {}

    public FeatureSet {
        rows = List.copyOf(rows);
        for (Row r : rows)
            if (r.features().representation() != spec.representation())
                throw new IllegalArgumentException(r.source().key() + " has " + r.features().representation() + " features, the spec " + spec.representation());
    }

    public int size() { return rows.size(); }

    /** Frame sequences {@code [n][T][C]} (T varies unless the window has a fixed length). */
    public float[][][] sequences() {
        float[][][] out = new float[rows.size()][][];
        for (int i = 0; i < out.length; i++) out[i] = rows.get(i).features().sequence();
        return out;
    }

    /**
     * The flat vectors of the public pipeline. With an aligned fixed window all rows have the same length; with
     * {@link ClipWindow.Fit#LEGACY_END_OF_VECTOR} short rows are zero-filled at their end to the longest row (the
     * public pipeline's misalignment); variable-length rows under an aligned fit are an error. Defined for the
     * paper's features ({@link FeatureConfig.Representation#MFCC_RMS_ZCR}) only.
     */
    public float[][] flat() {
        if (spec.representation() != FeatureConfig.Representation.MFCC_RMS_ZCR)
            throw new UnsupportedOperationException("the flat layout is defined for MFCC/RMS/ZCR only; this set holds "
                    + spec.representation() + " (use the sequence layout)");
        float[][] out = new float[rows.size()][];
        int max = 0;
        for (int i = 0; i < out.length; i++) { out[i] = rows.get(i).features().flat(); max = Math.max(max, out[i].length); }
        for (int i = 0; i < out.length; i++) {
            if (out[i].length == max) continue;
            if (spec.window().fit() != ClipWindow.Fit.LEGACY_END_OF_VECTOR)
                throw new IllegalStateException(rows.get(i).source().key() + " (copy " + rows.get(i).copyName() + ") gives "
                        + out[i].length + " values, others " + max + ": use a fixed aligned window for flat vectors");
            out[i] = java.util.Arrays.copyOf(out[i], max);
        }
        return out;
    }

    /** Per-row mean and s.d. of every channel ({@link UtteranceStats}). */
    public float[][] stats() {
        float[][] out = new float[rows.size()][];
        for (int i = 0; i < out.length; i++) out[i] = UtteranceStats.meanStd(rows.get(i).features().sequence());
        return out;
    }
}
