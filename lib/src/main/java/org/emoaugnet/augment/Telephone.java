package org.emoaugnet.augment;

import org.emoaugnet.audio.ArbitraryResampler;

/**
 * Codec-like degradation of a narrow-band telephone channel: band-limited to 300–3,400 Hz (resampled to 8 kHz and
 * back, which removes everything above 4 kHz, then a second-order Butterworth high-pass at 300 Hz and low-pass at
 * 3,400 Hz) and, when {@code muLaw}, quantised with 8-bit μ-law companding (G.711's curve, μ = 255). Deterministic:
 * the seed is not used.
 */
public record Telephone(boolean muLaw) implements Augmentation {
    @Override
    public float[] apply(float[] y, int sr, long seed) {
        float[] x = ArbitraryResampler.resample(y, sr, 8000);
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) d[i] = x[i];
        biquad(d, 8000, 300, true);
        biquad(d, 8000, 3400, false);
        if (muLaw) {
            double peak = 0;
            for (double v : d) peak = Math.max(peak, Math.abs(v));
            if (peak > 0) for (int i = 0; i < d.length; i++) d[i] = peak * muLawRoundTrip(d[i] / peak);
        }
        float[] n = new float[d.length];
        for (int i = 0; i < d.length; i++) n[i] = (float) d[i];
        float[] back = ArbitraryResampler.resample(n, 8000, sr);
        float[] out = new float[y.length];
        System.arraycopy(back, 0, out, 0, Math.min(back.length, out.length));
        return out;
    }

    /** 8-bit μ-law: compress, quantise to 256 levels, expand. Input and output in [−1, 1]. */
    static double muLawRoundTrip(double v) {
        double mu = 255;
        double c = Math.signum(v) * Math.log1p(mu * Math.abs(v)) / Math.log1p(mu);
        double q = Math.round((c + 1) / 2 * 255) / 255.0 * 2 - 1;
        return Math.signum(q) * (Math.pow(1 + mu, Math.abs(q)) - 1) / mu;
    }

    /** In-place second-order Butterworth (RBJ cookbook, Q = 1/√2) high- or low-pass at {@code f0}. */
    static void biquad(double[] x, double sr, double f0, boolean highPass) {
        double w = 2 * Math.PI * f0 / sr, cw = Math.cos(w), alpha = Math.sin(w) / (2 / Math.sqrt(2));
        double b0 = highPass ? (1 + cw) / 2 : (1 - cw) / 2, b1 = highPass ? -(1 + cw) : 1 - cw, b2 = b0;
        double a0 = 1 + alpha, a1 = -2 * cw, a2 = 1 - alpha;
        double x1 = 0, x2 = 0, y1 = 0, y2 = 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i], yv = (b0 * v + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2) / a0;
            x2 = x1; x1 = v; y2 = y1; y1 = yv;
            x[i] = yv;
        }
    }

    @Override
    public String name() { return muLaw ? "telephone-mulaw" : "telephone-band"; }

    @Override
    public String key() { return "telephone(band=300-3400Hz,resample=8000,butterworth=2,mulaw=" + muLaw + ")"; }
}
