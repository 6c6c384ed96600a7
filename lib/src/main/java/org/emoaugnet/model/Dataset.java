package org.emoaugnet.model;

import org.emoaugnet.features.SequenceNormalisation;

import java.util.List;
import org.emoaugnet.features.FeatureSet;
import org.emoaugnet.features.Scaler;

/**
 * Model inputs in NCW order, kept as Java arrays ({@code x[i]} is one sample's {@code channels × length} values,
 * channel-major) so that batches are assembled without extra copies of the whole set.
 *
 * @param x        samples
 * @param y        class indices
 * @param channels C
 * @param length   T
 * @param keys     source utterance key of each sample (for reports and leak checks)
 */
public record Dataset(float[][] x, int[] y, int channels, int length, List<String> keys) {
    /** How rows become model inputs. */
    public enum Layout {
        /** Frame sequence: C = MFCC 1–n, RMS, ZCR; T = frames (needs a fixed-length window). */
        SEQUENCE,
        /** The public pipeline's flat vector as T values of one channel. */
        FLAT
    }

    public int size() { return y.length; }

    /**
     * Builds a dataset from some rows of a feature set. The scaler standardises every value: per channel for
     * {@link Layout#SEQUENCE}, per position for {@link Layout#FLAT}; fit it on training rows only
     * ({@link #fitScaler}).
     */
    public static Dataset of(FeatureSet set, List<Integer> rows, Layout layout, Scaler scaler, java.util.function.ToIntFunction<FeatureSet.Row> label) {
        return of(set, rows, layout, SequenceNormalisation.TRAIN_SCALER, scaler, label);
    }

    /**
     * {@link #of(FeatureSet, List, Layout, Scaler, java.util.function.ToIntFunction)} with each recording's sequence
     * first prepared by {@code normalisation} ({@link SequenceNormalisation#apply}); only the sequence layout has one
     * other than {@link SequenceNormalisation#TRAIN_SCALER}.
     */
    public static Dataset of(FeatureSet set, List<Integer> rows, Layout layout, SequenceNormalisation normalisation, Scaler scaler,
                             java.util.function.ToIntFunction<FeatureSet.Row> label) {
        requireSequenceFor(normalisation, layout);
        int n = rows.size();
        float[][] x = new float[n][];
        int[] y = new int[n];
        String[] keys = new String[n];
        int c = -1, t = -1;
        for (int i = 0; i < n; i++) {
            FeatureSet.Row r = set.rows().get(rows.get(i));
            y[i] = label.applyAsInt(r);
            keys[i] = r.source().key();
            if (layout == Layout.FLAT) {
                float[] v = scaler.transform(r.features().flat());
                x[i] = v;
                if (t >= 0 && v.length != t) throw new IllegalArgumentException("flat vectors differ in length: " + v.length + " vs " + t);
                c = 1;
                t = v.length;
            } else {
                float[][] seq = normalisation.apply(r.features().sequence());
                if (t >= 0 && seq.length != t)
                    throw new IllegalArgumentException(keys[i] + ": " + seq.length + " frames, others " + t + " (use a fixed-length clip window)");
                t = seq.length;
                c = seq[0].length;
                x[i] = channelsFirst(seq, scaler);
            }
        }
        return new Dataset(x, y, c, t, List.of(keys));
    }

    /** One recording's frame sequence ({@code [T][C]}) scaled frame by frame and laid out channel-major ({@code c * T + t}), as the network reads it. */
    public static float[] channelsFirst(float[][] seq, Scaler scaler) {
        int t = seq.length, c = seq[0].length;
        float[] v = new float[c * t];
        for (int f = 0; f < t; f++) {
            float[] z = scaler.transform(seq[f]);
            for (int k = 0; k < c; k++) v[k * t + f] = z[k];
        }
        return v;
    }

    /** Fits the scaler of a layout on the given (training) rows only. */
    public static Scaler fitScaler(FeatureSet set, List<Integer> trainRows, Layout layout) {
        return fitScaler(set, trainRows, layout, SequenceNormalisation.TRAIN_SCALER);
    }

    /** The scaler of a layout and normalisation, fitted on the given (training) rows only ({@link SequenceNormalisation#fit}). */
    public static Scaler fitScaler(FeatureSet set, List<Integer> trainRows, Layout layout, SequenceNormalisation normalisation) {
        requireSequenceFor(normalisation, layout);
        if (layout == Layout.FLAT) {
            float[][] v = new float[trainRows.size()][];
            for (int i = 0; i < v.length; i++) v[i] = set.rows().get(trainRows.get(i)).features().flat();
            return Scaler.fit(v);
        }
        float[][][] s = new float[trainRows.size()][][];
        for (int i = 0; i < s.length; i++) s[i] = normalisation.apply(set.rows().get(trainRows.get(i)).features().sequence());
        return normalisation.fit(s);
    }

    private static void requireSequenceFor(SequenceNormalisation normalisation, Layout layout) {
        if (layout == Layout.FLAT && normalisation != SequenceNormalisation.TRAIN_SCALER)
            throw new IllegalArgumentException("normalisation " + normalisation + " standardises frame sequences: it needs layout SEQUENCE, not FLAT");
    }
}
