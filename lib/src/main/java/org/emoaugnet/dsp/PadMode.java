package org.emoaugnet.dsp;

/**
 * How centred frames are padded at the clip edges. librosa ≥ 0.9 pads the STFT and RMS with zeros
 * ({@link #CONSTANT}); 0.7/0.8 (the versions the public Kaggle pipeline ran on) reflect ({@link #REFLECT}).
 * ZCR always repeats the edge values ({@link #EDGE}).
 */
public enum PadMode {
    CONSTANT, REFLECT, EDGE;

    /** The sample at index {@code j} of {@code y} extended by this padding. */
    public float at(float[] y, int j) {
        int n = y.length;
        if (j >= 0 && j < n) return y[j];
        switch (this) {
            case CONSTANT: return 0f;
            case EDGE: return j < 0 ? y[0] : y[n - 1];
            default: {
                if (n == 1) return y[0];
                int period = 2 * (n - 1);
                int k = Math.floorMod(j, period);
                return y[k < n ? k : period - k];
            }
        }
    }
}
