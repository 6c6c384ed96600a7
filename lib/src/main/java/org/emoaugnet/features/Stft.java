package org.emoaugnet.features;

/**
 * librosa's default STFT power: periodic Hann window, centred frames with {@code n_fft/2} zeros of padding on
 * each side, {@code T = 1 + n / hop} frames, {@code |rfft|²}. Result {@code [frame][bin]}.
 */
public final class Stft {
    private Stft() {}

    /** Periodic Hann window ({@code scipy.signal.get_window('hann', n, fftbins=True)}). */
    public static double[] hann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        return w;
    }

    /** Number of centred frames. */
    public static int frames(int samples, int hop) { return 1 + samples / hop; }

    /** Power spectrogram {@code [T][nFft/2+1]}. */
    public static float[][] power(float[] y, int nFft, int hop) {
        int t = frames(y.length, hop), bins = nFft / 2 + 1, pad = nFft / 2;
        double[] w = hann(nFft), frame = new double[nFft], re = new double[bins], im = new double[bins];
        Fft fft = new Fft(nFft);
        float[][] out = new float[t][bins];
        for (int f = 0; f < t; f++) {
            int start = f * hop - pad;
            for (int i = 0; i < nFft; i++) {
                int j = start + i;
                frame[i] = (j >= 0 && j < y.length ? y[j] : 0) * w[i];
            }
            fft.realForward(frame, re, im);
            for (int k = 0; k < bins; k++) {
                float r = (float) re[k], m = (float) im[k];
                out[f][k] = r * r + m * m;
            }
        }
        return out;
    }
}
