package org.emoaugnet.features;

/**
 * librosa's feature functions as pure static functions with librosa's defaults; arrays are frame-major
 * ({@code [T][n]}), the transpose of librosa's {@code (n, T)}.
 */
public final class LibrosaFeatures {
    private LibrosaFeatures() {}

    /** {@code power_to_db(M, ref=1.0, amin=1e-10, top_db)} in place, with the maximum over the whole matrix. */
    public static float[][] powerToDb(float[][] m, double amin, Double topDb) {
        float max = -Float.MAX_VALUE;
        for (float[] row : m) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) (10.0 * Math.log10(Math.max(amin, row[i])));
                if (row[i] > max) max = row[i];
            }
        }
        if (topDb != null) {
            float floor = (float) (max - topDb);
            for (float[] row : m) for (int i = 0; i < row.length; i++) if (row[i] < floor) row[i] = floor;
        }
        return m;
    }

    /** Orthonormal DCT-II basis {@code [k][m]} for {@code nMfcc} coefficients of {@code nMels} bands. */
    public static double[][] dctBasis(int nMfcc, int nMels) {
        double[][] b = new double[nMfcc][nMels];
        for (int k = 0; k < nMfcc; k++) {
            double s = k == 0 ? Math.sqrt(1.0 / nMels) : Math.sqrt(2.0 / nMels);
            for (int m = 0; m < nMels; m++) b[k][m] = s * Math.cos(Math.PI * k * (2 * m + 1) / (2.0 * nMels));
        }
        return b;
    }

    /** MFCC {@code [T][nMfcc]} from a dB mel spectrogram {@code [T][nMels]}. */
    public static float[][] mfccFromDb(float[][] db, double[][] basis) {
        float[][] out = new float[db.length][basis.length];
        for (int t = 0; t < db.length; t++) {
            float[] row = db[t];
            for (int k = 0; k < basis.length; k++) {
                double[] bk = basis[k];
                double acc = 0;
                for (int m = 0; m < row.length; m++) acc += bk[m] * row[m];
                out[t][k] = (float) acc;
            }
        }
        return out;
    }

    /** {@code feature.rms(y, frame_length, hop_length, center=True, pad_mode)}: {@code sqrt(mean(x²))} per frame, no window. */
    public static float[] rms(float[] y, int frameLength, int hop, PadMode pad) {
        int t = Stft.frames(y.length, hop), half = frameLength / 2;
        float[] out = new float[t];
        for (int f = 0; f < t; f++) {
            int start = f * hop - half;
            double acc = 0;
            if (start >= 0 && start + frameLength <= y.length) {
                for (int i = start; i < start + frameLength; i++) acc += y[i] * y[i];
            } else {
                for (int i = 0; i < frameLength; i++) { float v = pad.at(y, start + i); acc += v * v; }
            }
            out[f] = (float) Math.sqrt(acc / frameLength);
        }
        return out;
    }

    /**
     * {@code feature.zero_crossing_rate(y, frame_length, hop_length, center=True)}: edge padding, |x| ≤ 1e-10 set to
     * 0, a crossing where the sign bit changes (zero counts as positive), the first element of a frame never a
     * crossing, divided by the frame length.
     */
    public static float[] zeroCrossingRate(float[] y, int frameLength, int hop) {
        int t = Stft.frames(y.length, hop), half = frameLength / 2;
        float[] out = new float[t];
        for (int f = 0; f < t; f++) {
            int start = f * hop - half, count = 0;
            boolean interior = start >= 0 && start + frameLength <= y.length;
            boolean prev = negative(interior ? y[start] : PadMode.EDGE.at(y, start));
            for (int i = 1; i < frameLength; i++) {
                boolean cur = negative(interior ? y[start + i] : PadMode.EDGE.at(y, start + i));
                if (cur != prev) count++;
                prev = cur;
            }
            out[f] = (float) count / frameLength;
        }
        return out;
    }

    private static boolean negative(float x) {
        return x < 0 && -(double) x > 1e-10; // thresholded values (incl. -0.0) become +0
    }
}
