package org.emoaugnet.augment;

import org.emoaugnet.audio.ArbitraryResampler;
import org.emoaugnet.dsp.Fft;
import org.emoaugnet.dsp.PadMode;
import org.emoaugnet.dsp.Stft;

/**
 * librosa's {@code effects.time_stretch} and {@code effects.pitch_shift} (0.10/0.11): STFT (2048/512, periodic
 * Hann, centred, zero padding), phase vocoder without phase locking, inverse STFT with window-square
 * normalisation; pitch shift = stretch by {@code 2^(-n/12)} then resample from {@code sr / rate} to {@code sr} and
 * fix the length. docs/librosa-features.md §2.10.
 */
public final class PhaseVocoder {
    static final int N_FFT = 2048, HOP = 512;

    private PhaseVocoder() {}

    /** {@code time_stretch(y, rate)}: length {@code round(n / rate)} (half to even); rate &gt; 1 is faster. */
    public static float[] timeStretch(float[] y, double rate) {
        if (rate <= 0) throw new IllegalArgumentException("rate must be positive: " + rate);
        float[][][] d = new Stft(N_FFT, HOP, PadMode.CONSTANT).complex(y); // [re|im][T][K]
        float[][][] ds = vocode(d[0], d[1], rate);
        int len = (int) Math.rint(y.length / rate);
        return istft(ds[0], ds[1], len);
    }

    /** {@code pitch_shift(y, sr, n_steps)}: same length as the input. */
    public static float[] pitchShift(float[] y, int sr, double nSteps) {
        double rate = Math.pow(2, -nSteps / 12.0);
        float[] ys = timeStretch(y, rate);
        float[] yr = ArbitraryResampler.resample(ys, sr / rate, sr);
        return java.util.Arrays.copyOf(yr, y.length);
    }

    /** The phase vocoder of §2.10 on frame-major spectra {@code [T][K]}. */
    static float[][][] vocode(float[][] re, float[][] im, double rate) {
        int t = re.length, k = re[0].length;
        int cols = (int) Math.ceil(t / rate);
        // numpy arange(0, T, rate): count the steps exactly as arange does
        int steps = 0;
        while (steps * rate < t) steps++;
        cols = steps;
        float[][] outRe = new float[cols][k], outIm = new float[cols][k];
        double[] omega = new double[k], phase = new double[k];
        for (int b = 0; b < k; b++) {
            omega[b] = 2 * Math.PI * b * HOP / N_FFT;
            phase[b] = Math.atan2(im[0][b], re[0][b]);
        }
        for (int c = 0; c < cols; c++) {
            double s = c * rate;
            int i = (int) Math.floor(s);
            double a = s - i;
            for (int b = 0; b < k; b++) {
                double r0 = i < t ? re[i][b] : 0, i0 = i < t ? im[i][b] : 0;
                double r1 = i + 1 < t ? re[i + 1][b] : 0, i1 = i + 1 < t ? im[i + 1][b] : 0;
                double mag = (1 - a) * Math.hypot(r0, i0) + a * Math.hypot(r1, i1);
                outRe[c][b] = (float) (mag * Math.cos(phase[b]));
                outIm[c][b] = (float) (mag * Math.sin(phase[b]));
                double dphi = Math.atan2(i1, r1) - Math.atan2(i0, r0) - omega[b];
                dphi = dphi - 2 * Math.PI * Math.rint(dphi / (2 * Math.PI));
                phase[b] += omega[b] + dphi;
            }
        }
        return new float[][][] {outRe, outIm};
    }

    /** {@code istft(S, length)} with n_fft 2048, hop 512, periodic Hann, centre. */
    static float[] istft(float[][] re, float[][] im, int length) {
        int frames = Math.min(re.length, (int) Math.ceil((length + (double) N_FFT) / HOP));
        double[] w = Stft.hann(N_FFT);
        int bufLen = N_FFT + HOP * (frames - 1);
        double[] ola = new double[bufLen], wss = new double[bufLen];
        double[] xr = new double[N_FFT], xi = new double[N_FFT];
        Fft fft = new Fft(N_FFT);
        int k = N_FFT / 2 + 1;
        for (int t = 0; t < frames; t++) {
            // inverse real FFT via the forward transform of the conjugate (Hermitian-completed) spectrum
            for (int b = 0; b < k; b++) {
                xr[b] = re[t][b];
                xi[b] = (b == 0 || b == N_FFT / 2) ? 0 : -im[t][b];
            }
            for (int b = k; b < N_FFT; b++) {
                xr[b] = re[t][N_FFT - b];
                xi[b] = im[t][N_FFT - b];
            }
            fft.forward(xr, xi);
            int off = t * HOP;
            for (int j = 0; j < N_FFT; j++) {
                ola[off + j] += xr[j] / N_FFT * w[j];
                wss[off + j] += w[j] * w[j];
            }
        }
        float[] y = new float[length];
        for (int i = 0; i < length; i++) {
            int p = i + N_FFT / 2;
            if (p >= bufLen) break;
            y[i] = (float) (wss[p] > 1.1754944e-38 ? ola[p] / wss[p] : ola[p]);
        }
        return y;
    }
}
