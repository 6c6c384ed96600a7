package org.emoaugnet.features;

/**
 * The per-frame features of one clip: MFCC {@code [T][nMfcc]}, RMS {@code [T]}, ZCR {@code [T]}, and the two
 * layouts that models consume.
 */
public record Features(float[][] mfcc, float[] rms, float[] zcr) {
    public int frames() { return rms.length; }

    /** Frame sequence {@code [T][nMfcc + 2]}: MFCC 1..n, RMS, ZCR per frame (for sequence models). */
    public float[][] sequence() {
        int t = frames(), n = mfcc.length == 0 ? 0 : mfcc[0].length;
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
    public float[] flat() {
        int t = frames(), n = mfcc.length == 0 ? 0 : mfcc[0].length;
        float[] out = new float[t * (n + 2)];
        System.arraycopy(zcr, 0, out, 0, t);
        System.arraycopy(rms, 0, out, t, t);
        for (int f = 0; f < t; f++) System.arraycopy(mfcc[f], 0, out, 2 * t + f * n, n);
        return out;
    }
}
