package org.emoaugnet.features;

/** Per-utterance statistics of a frame sequence: mean and standard deviation of every channel over frames. */
public final class UtteranceStats {
    private UtteranceStats() {}

    /** {@code [mean_0..mean_{C-1}, std_0..std_{C-1}]} over the frames of {@code x [T][C]} (population s.d.). */
    public static float[] meanStd(float[][] x) {
        int t = x.length, c = x[0].length;
        float[] out = new float[2 * c];
        for (int j = 0; j < c; j++) {
            double s = 0, s2 = 0;
            for (float[] row : x) s += row[j];
            double mean = s / t;
            for (float[] row : x) s2 += (row[j] - mean) * (row[j] - mean);
            out[j] = (float) mean;
            out[c + j] = (float) Math.sqrt(s2 / t);
        }
        return out;
    }

    /** Column names matching {@link #meanStd} for the sequence layout of {@code nMfcc} MFCCs. */
    public static java.util.List<String> names(int nMfcc) {
        java.util.List<String> base = new java.util.ArrayList<>();
        for (int k = 1; k <= nMfcc; k++) base.add("mfcc_" + k);
        base.add("rms");
        base.add("zcr");
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String b : base) out.add(b + "_mean");
        for (String b : base) out.add(b + "_std");
        return out;
    }
}
