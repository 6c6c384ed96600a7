package org.emoaugnet.dsp;

/**
 * In-place iterative radix-2 complex FFT with precomputed twiddles and bit reversal, for one power-of-two size.
 * {@link #realForward} gives the {@code n/2 + 1} bins of a real signal (numpy's {@code rfft}, kernel
 * {@code exp(-2πi kn/N)}, no normalisation). Instances hold scratch buffers: use one per thread.
 */
public final class Fft {
    private final int n;
    private final int[] rev;
    private final double[] cos, sin;
    private final double[][] stageCos, stageSin; // contiguous twiddles per stage of length 8, 16, ..., n
    private final double[] re, im;
    private Fft half;
    private double[] hr, hi, wr, wi;

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
        int stages = Math.max(0, bits - 2);
        stageCos = new double[stages][];
        stageSin = new double[stages][];
        for (int s = 0, len = 8; s < stages; s++, len <<= 1) {
            stageCos[s] = new double[len / 2];
            stageSin[s] = new double[len / 2];
            for (int k = 0; k < len / 2; k++) {
                stageCos[s][k] = cos[k * (n / len)];
                stageSin[s][k] = sin[k * (n / len)];
            }
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
        // stage of length 2: twiddle 1
        for (int i = 0; i + 1 < n; i += 2) {
            double xr = re[i + 1], xi = im[i + 1];
            re[i + 1] = re[i] - xr; im[i + 1] = im[i] - xi;
            re[i] += xr; im[i] += xi;
        }
        // stage of length 4: twiddles 1 and -i
        if (n >= 4) {
            for (int i = 0; i < n; i += 4) {
                double xr = re[i + 2], xi = im[i + 2];
                re[i + 2] = re[i] - xr; im[i + 2] = im[i] - xi;
                re[i] += xr; im[i] += xi;
                xr = im[i + 3]; xi = -re[i + 3]; // (re + i im) · (-i)
                re[i + 3] = re[i + 1] - xr; im[i + 3] = im[i + 1] - xi;
                re[i + 1] += xr; im[i + 1] += xi;
            }
        }
        for (int len = 8, s = 0; len <= n; len <<= 1, s++) {
            int half = len >> 1;
            double[] wr = stageCos[s], wi = stageSin[s];
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < half; k++) {
                    double c = wr[k], d = wi[k];
                    int a = i + k, b = a + half;
                    double br = re[b], bi = im[b];
                    double xr = br * c - bi * d, xi = br * d + bi * c;
                    re[b] = re[a] - xr; im[b] = im[a] - xi;
                    re[a] += xr; im[a] += xi;
                }
            }
        }
    }

    /**
     * rfft of {@code x} (length n) into {@code outRe}, {@code outIm} (length n/2+1), computed with one complex FFT of
     * size n/2 on the even/odd samples packed as real/imaginary parts.
     */
    public void realForward(double[] x, double[] outRe, double[] outIm) {
        if (n < 4) {
            System.arraycopy(x, 0, re, 0, n);
            java.util.Arrays.fill(im, 0);
            forward(re, im);
            System.arraycopy(re, 0, outRe, 0, n / 2 + 1);
            System.arraycopy(im, 0, outIm, 0, n / 2 + 1);
            return;
        }
        int h = n / 2;
        if (half == null) {
            half = new Fft(h);
            hr = new double[h];
            hi = new double[h];
            wr = new double[h];
            wi = new double[h];
            for (int k = 0; k < h; k++) {
                wr[k] = Math.cos(2 * Math.PI * k / n);
                wi[k] = -Math.sin(2 * Math.PI * k / n);
            }
        }
        for (int k = 0; k < h; k++) {
            hr[k] = x[2 * k];
            hi[k] = x[2 * k + 1];
        }
        half.forward(hr, hi);
        for (int k = 0; k <= h; k++) {
            int a = k % h, b = (h - k) % h;
            double zr = hr[a], zi = hi[a], cr = hr[b], ci = -hi[b]; // Z[k], conj(Z[h-k])
            double er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci);       // even part
            double or = 0.5 * (zi - ci), oi = -0.5 * (zr - cr);      // odd part: (Z - conj)/(2i)
            double tr = k < h ? wr[k] : -1, ti = k < h ? wi[k] : 0;  // e^{-2πik/n}
            outRe[k] = er + tr * or - ti * oi;
            outIm[k] = ei + tr * oi + ti * or;
        }
    }
}
