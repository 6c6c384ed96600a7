package org.emoaugnet.features;

/**
 * In-place iterative radix-2 complex FFT with precomputed twiddles and bit reversal, for one power-of-two size.
 * {@link #realForward} gives the {@code n/2 + 1} bins of a real signal (numpy's {@code rfft}, kernel
 * {@code exp(-2πi kn/N)}, no normalisation). Instances hold scratch buffers: use one per thread.
 */
public final class Fft {
    private final int n;
    private final int[] rev;
    private final double[] cos, sin;
    private final double[] re, im;

    public Fft(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) throw new IllegalArgumentException("FFT size must be a power of two >= 2: " + n);
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        rev = new int[n];
        for (int i = 0; i < n; i++) rev[i] = Integer.reverse(i) >>> (32 - bits);
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int i = 0; i < n / 2; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / n);
            sin[i] = -Math.sin(2 * Math.PI * i / n);
        }
        re = new double[n];
        im = new double[n];
    }

    public int size() { return n; }

    /** In-place forward transform of {@code (re, im)}. */
    public void forward(double[] re, double[] im) {
        for (int i = 0; i < n; i++) {
            int j = rev[i];
            if (j > i) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len >> 1, step = n / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0, t = 0; k < half; k++, t += step) {
                    double wr = cos[t], wi = sin[t];
                    int a = i + k, b = a + half;
                    double xr = re[b] * wr - im[b] * wi, xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                }
            }
        }
    }

    /** rfft of {@code x} (length n) into {@code outRe}, {@code outIm} (length n/2+1). */
    public void realForward(double[] x, double[] outRe, double[] outIm) {
        System.arraycopy(x, 0, re, 0, n);
        java.util.Arrays.fill(im, 0);
        forward(re, im);
        System.arraycopy(re, 0, outRe, 0, n / 2 + 1);
        System.arraycopy(im, 0, outIm, 0, n / 2 + 1);
    }
}
