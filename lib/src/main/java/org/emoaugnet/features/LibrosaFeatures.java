package org.emoaugnet.features;

import org.emoaugnet.dsp.Stft;
import org.emoaugnet.dsp.PadMode;
/**
 * librosa's feature functions as pure static functions with librosa's defaults; arrays are frame-major
 * ({@code [T][n]}), the transpose of librosa's {@code (n, T)}.
 */
public final class LibrosaFeatures {
    private LibrosaFeatures() {}

    /** {@code power_to_db(M, ref=1.0, amin=1e-10, top_db)} in place, with the maximum over the whole matrix. */
    public static float[][] powerToDb(float[][] m, double amin, Double topDb) {
        float max = -Float.MAX_VALUE;
        final double tenOverLn10 = 10.0 / Math.log(10.0);
        for (float[] row : m) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) (tenOverLn10 * Math.log(Math.max(amin, row[i])));
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
        int nk = basis.length, nm = basis[0].length;
        double[] bt = new double[nm * nk]; // transposed basis: coefficient-contiguous, so the inner loop is independent sums
        for (int k = 0; k < nk; k++) for (int m = 0; m < nm; m++) bt[m * nk + k] = basis[k][m];
        double[] acc = new double[nk];
        float[][] out = new float[db.length][nk];
        for (int t = 0; t < db.length; t++) {
            float[] row = db[t];
            java.util.Arrays.fill(acc, 0);
            for (int m = 0; m < nm; m++) {
                double v = row[m];
                int o = m * nk;
                for (int k = 0; k < nk; k++) acc[k] += bt[o + k] * v;
            }
            for (int k = 0; k < nk; k++) out[t][k] = (float) acc[k];
        }
        return out;
    }

    /**
     * {@code feature.rms(y, frame_length, hop_length, center=True, pad_mode)}: {@code sqrt(mean(x²))} per frame, no
     * window. Sums of squares are taken once per block of {@code gcd(frame_length, hop)} padded samples and frames
     * add up their blocks, so no sample is squared twice.
     */
    public static float[] rms(float[] y, int frameLength, int hop, PadMode pad) {
        int t = Stft.frames(y.length, hop), half = frameLength / 2, g = gcd(frameLength, hop);
        int blocks = (y.length + 2 * half + g - 1) / g;
        double[] sum = new double[blocks];
        for (int bl = 0; bl < blocks; bl++) {
            double e = 0;
            for (int i = bl * g, end = i + g; i < end; i++) {
                int j = i - half;
                float v = j >= 0 && j < y.length ? y[j] : pad.at(y, j);
                e += v * v;
            }
            sum[bl] = e;
        }
        int per = frameLength / g, step = hop / g;
        float[] out = new float[t];
        for (int f = 0; f < t; f++) {
            double e = 0;
            for (int k = 0; k < per; k++) e += sum[f * step + k];
            out[f] = (float) Math.sqrt(e / frameLength);
        }
        return out;
    }

    /**
     * {@code feature.zero_crossing_rate(y, frame_length, hop_length, center=True)}: edge padding, |x| ≤ 1e-10 set to
     * 0, a crossing where the sign bit changes (zero counts as positive), the first element of a frame never a
     * crossing, divided by the frame length. Crossings are counted once per block of {@code gcd(frame_length, hop)}
     * padded samples; a frame adds its blocks' counts and the crossings between adjacent blocks inside it.
     */
    public static float[] zeroCrossingRate(float[] y, int frameLength, int hop) {
        int t = Stft.frames(y.length, hop), half = frameLength / 2, g = gcd(frameLength, hop);
        int total = y.length + 2 * half, blocks = (total + g - 1) / g;
        int[] inside = new int[blocks];      // crossings between samples within block bl
        boolean[] first = new boolean[blocks], last = new boolean[blocks];
        for (int bl = 0; bl < blocks; bl++) {
            int start = bl * g, end = Math.min(start + g, total), c = 0;
            boolean prev = negative(edge(y, start - half));
            first[bl] = prev;
            for (int i = start + 1; i < end; i++) {
                boolean cur = negative(edge(y, i - half));
                if (cur != prev) c++;
                prev = cur;
            }
            inside[bl] = c;
            last[bl] = prev;
        }
        int per = frameLength / g, step = hop / g;
        float[] out = new float[t];
        for (int f = 0; f < t; f++) {
            int b0 = f * step, c = inside[b0];
            for (int k = 1; k < per; k++) c += inside[b0 + k] + (last[b0 + k - 1] != first[b0 + k] ? 1 : 0);
            out[f] = (float) c / frameLength;
        }
        return out;
    }

    private static float edge(float[] y, int j) {
        return j >= 0 && j < y.length ? y[j] : PadMode.EDGE.at(y, j);
    }

    private static int gcd(int a, int b) {
        while (b != 0) { int r = a % b; a = b; b = r; }
        return a;
    }

    private static boolean negative(float x) {
        return x < 0 && -(double) x > 1e-10; // thresholded values (incl. -0.0) become +0
    }
}
