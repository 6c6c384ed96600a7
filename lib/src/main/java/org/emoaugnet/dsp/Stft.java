package org.emoaugnet.dsp;

/**
 * librosa's STFT: periodic Hann window, centred frames padded by {@code n_fft/2} on each side,
 * {@code T = 1 + n / hop} frames, frames float32 × window float64, FFT in double, result rounded to float32
 * (complex64). One instance per thread: it holds its FFT and frame buffers, so that extraction allocates nothing
 * per frame.
 */
public final class Stft {
    private final int nFft, hop;
    private final PadMode pad;
    private final boolean center;
    private final double[] window, frame, re, im;
    private final Fft fft;

    public Stft(int nFft, int hop, PadMode pad) {
        this(nFft, hop, pad, true);
    }

    /** {@code center=false}: frame t starts at sample {@code t·hop}, {@code 1 + (n − nFft) / hop} frames. */
    public Stft(int nFft, int hop, PadMode pad, boolean center) {
        this.center = center;
        this.nFft = nFft;
        this.hop = hop;
        this.pad = pad;
        this.window = hann(nFft);
        this.frame = new double[nFft];
        this.re = new double[nFft / 2 + 1];
        this.im = new double[nFft / 2 + 1];
        this.fft = new Fft(nFft);
    }

    /** Periodic Hann window ({@code scipy.signal.get_window('hann', n, fftbins=True)}). */
    public static double[] hann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        return w;
    }

    /** Number of centred frames for {@code samples} samples. */
    public static int frames(int samples, int hop) { return 1 + samples / hop; }

    public int nFft() { return nFft; }

    public int bins() { return nFft / 2 + 1; }

    /** Power spectrogram {@code [T][bins]}, {@code |X|²} in float32. */
    public float[][] power(float[] y) {
        int t = frameCount(y.length);
        float[][] out = new float[t][bins()];
        for (int f = 0; f < t; f++) power(y, f, out[f]);
        return out;
    }

    /** Power spectrum of frame {@code f} into {@code out} (length bins). */
    public void power(float[] y, int f, float[] out) {
        transform(y, f);
        for (int k = 0; k < out.length; k++) {
            float r = (float) re[k], m = (float) im[k];
            out[k] = r * r + m * m;
        }
    }

    /** Complex spectrum {@code [T][bins]} as separate float32 real and imaginary parts. */
    public float[][][] complex(float[] y) {
        int t = frameCount(y.length), b = bins();
        float[][] r = new float[t][b], i = new float[t][b];
        for (int f = 0; f < t; f++) {
            transform(y, f);
            for (int k = 0; k < b; k++) { r[f][k] = (float) re[k]; i[f][k] = (float) im[k]; }
        }
        return new float[][][] {r, i};
    }

    /** Frames this instance produces for {@code samples} samples. */
    public int frameCount(int samples) {
        return center ? frames(samples, hop) : Math.max(0, 1 + (samples - nFft) / hop);
    }

    private void transform(float[] y, int f) {
        int start = f * hop - (center ? nFft / 2 : 0);
        if (start >= 0 && start + nFft <= y.length) {
            for (int i = 0; i < nFft; i++) frame[i] = y[start + i] * window[i];
        } else {
            for (int i = 0; i < nFft; i++) frame[i] = pad.at(y, start + i) * window[i];
        }
        fft.realForward(frame, re, im);
    }
}
