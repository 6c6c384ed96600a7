package org.emoaugnet.features;

import org.emoaugnet.features.FeatureConfig.Representation;

/**
 * The per-frame features of one clip in one {@link Representation}, and the layouts that models consume: the frame
 * sequence {@code [T][C]} for every representation, the public pipeline's flat vector for the paper's features only.
 */
public sealed interface Features permits Features.MfccRmsZcr, Features.LogMel, Features.LogMelDeltas {
    Representation representation();

    /** Frames T. */
    int frames();

    /** Channels C per frame of {@link #sequence()}. */
    int channels();

    /** Frame sequence {@code [T][C]} (a fresh array; for sequence models). */
    float[][] sequence();

    /**
     * The public pipeline's flat vector; defined for {@link Representation#MFCC_RMS_ZCR} only.
     *
     * @throws UnsupportedOperationException for other representations
     */
    default float[] flat() {
        throw new UnsupportedOperationException("the flat layout is the public pipeline's MFCC/RMS/ZCR vector; "
                + representation() + " features have the sequence layout only");
    }

    /** Whether two feature sets hold the same representation and bit-identical values. */
    default boolean sameValues(Features other) {
        return representation() == other.representation() && java.util.Arrays.deepEquals(sequence(), other.sequence());
    }

    /** The paper's features: MFCC {@code [T][nMfcc]}, RMS {@code [T]}, ZCR {@code [T]}. */
    record MfccRmsZcr(float[][] mfcc, float[] rms, float[] zcr) implements Features {
        public MfccRmsZcr {
            if (mfcc.length != rms.length || zcr.length != rms.length)
                throw new IllegalArgumentException("MFCC, RMS and ZCR frames differ: " + mfcc.length + ", " + rms.length + ", " + zcr.length);
        }

        @Override public Representation representation() { return Representation.MFCC_RMS_ZCR; }

        @Override public int frames() { return rms.length; }

        /** MFCC coefficients per frame (0 for a clip without frames). */
        public int nMfcc() { return mfcc.length == 0 ? 0 : mfcc[0].length; }

        @Override public int channels() { return nMfcc() + 2; }

        /** Frame sequence {@code [T][nMfcc + 2]}: MFCC 1..n, RMS, ZCR per frame. */
        @Override public float[][] sequence() {
            int t = frames(), n = nMfcc();
            float[][] out = new float[t][n + 2];
            for (int f = 0; f < t; f++) {
                System.arraycopy(mfcc[f], 0, out[f], 0, n);
                out[f][n] = rms[f];
                out[f][n + 1] = zcr[f];
            }
            return out;
        }

        /**
         * The public pipeline's flat vector: ZCR block (T), RMS block (T), then MFCC frame-major (frame 0 c0..c(n-1),
         * frame 1 ...), i.e. {@code np.hstack([zcr, rms, np.ravel(mfcc.T)])}; 2376 values for 108 frames × 20 MFCC.
         */
        @Override public float[] flat() {
            int t = frames(), n = nMfcc();
            float[] out = new float[t * (n + 2)];
            System.arraycopy(zcr, 0, out, 0, t);
            System.arraycopy(rms, 0, out, t, t);
            for (int f = 0; f < t; f++) System.arraycopy(mfcc[f], 0, out, 2 * t + f * n, n);
            return out;
        }
    }

    /** The log-mel spectrogram in dB, {@code [T][nMels]}. */
    record LogMel(float[][] bands) implements Features {
        public LogMel {
            requireRectangular(bands, "log-mel");
        }

        @Override public Representation representation() { return Representation.LOG_MEL; }

        @Override public int frames() { return bands.length; }

        @Override public int channels() { return bands.length == 0 ? 0 : bands[0].length; }

        @Override public float[][] sequence() {
            float[][] out = new float[bands.length][];
            for (int f = 0; f < out.length; f++) out[f] = bands[f].clone();
            return out;
        }
    }

    /** Log-mel {@code [T][nMels]} with its first and second deltas along time (same shape). */
    record LogMelDeltas(float[][] bands, float[][] delta, float[][] delta2) implements Features {
        public LogMelDeltas {
            requireRectangular(bands, "log-mel");
            requireRectangular(delta, "delta");
            requireRectangular(delta2, "delta-delta");
            if (delta.length != bands.length || delta2.length != bands.length
                    || bands.length > 0 && (delta[0].length != bands[0].length || delta2[0].length != bands[0].length))
                throw new IllegalArgumentException("log-mel, delta and delta-delta differ in shape");
        }

        @Override public Representation representation() { return Representation.LOG_MEL_DELTAS; }

        @Override public int frames() { return bands.length; }

        /** Mel bands per frame. */
        public int nMels() { return bands.length == 0 ? 0 : bands[0].length; }

        @Override public int channels() { return 3 * nMels(); }

        /** Frame sequence {@code [T][3 · nMels]}: bands, then Δ, then ΔΔ per frame. */
        @Override public float[][] sequence() {
            int t = frames(), n = nMels();
            float[][] out = new float[t][3 * n];
            for (int f = 0; f < t; f++) {
                System.arraycopy(bands[f], 0, out[f], 0, n);
                System.arraycopy(delta[f], 0, out[f], n, n);
                System.arraycopy(delta2[f], 0, out[f], 2 * n, n);
            }
            return out;
        }
    }

    private static void requireRectangular(float[][] m, String what) {
        for (float[] row : m)
            if (row.length != m[0].length) throw new IllegalArgumentException(what + " frames differ in width: " + row.length + " vs " + m[0].length);
    }
}
