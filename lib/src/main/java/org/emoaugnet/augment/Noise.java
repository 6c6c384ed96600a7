package org.emoaugnet.augment;

import java.util.Locale;
import java.util.SplittableRandom;
import org.emoaugnet.util.Gaussian;

/**
 * Additive noise.
 * <ul>
 *   <li>{@link #publicRule}: the public pipeline's rule, {@code amp = 0.035 · U(0,1) · max(y)} (the signed maximum,
 *       {@code np.amax}, not the absolute one), {@code y + amp · N(0,1)} per sample; seeded here, unseeded there.</li>
 *   <li>{@link #snr}: noise of a colour scaled to a signal-to-noise ratio (signal power over the whole clip).</li>
 * </ul>
 */
public record Noise(Kind kind, double amount, Colour colour) implements Augmentation {
    public enum Kind { PUBLIC_RULE, SNR }

    /** Noise colours: white (flat), pink (1/f), brown (1/f²). */
    public enum Colour { WHITE, PINK, BROWN }

    public static Noise publicRule() { return new Noise(Kind.PUBLIC_RULE, 0.035, Colour.WHITE); }

    public static Noise publicRule(double rate) { return new Noise(Kind.PUBLIC_RULE, rate, Colour.WHITE); }

    public static Noise snr(double snrDb, Colour colour) { return new Noise(Kind.SNR, snrDb, colour); }

    @Override
    public float[] apply(float[] y, int sr, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] out = new float[y.length];
        if (kind == Kind.PUBLIC_RULE) {
            float max = -Float.MAX_VALUE;
            for (float v : y) max = Math.max(max, v);
            double amp = amount * r.nextDouble() * max;
            for (int i = 0; i < y.length; i++) out[i] = (float) (y[i] + amp * Gaussian.next(r));
            return out;
        }
        double[] n = coloured(y.length, colour, r);
        double ps = 0, pn = 0;
        for (int i = 0; i < y.length; i++) { ps += y[i] * (double) y[i]; pn += n[i] * n[i]; }
        if (pn == 0 || ps == 0) return y.clone();
        double g = Math.sqrt(ps / pn / Math.pow(10, amount / 10));
        for (int i = 0; i < y.length; i++) out[i] = (float) (y[i] + g * n[i]);
        return out;
    }

    /** Unit-less noise of a colour (Voss-McCartney-free: filtered white noise, Kellett's pink filter). */
    static double[] coloured(int n, Colour c, SplittableRandom r) {
        double[] x = new double[n];
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0, brown = 0;
        for (int i = 0; i < n; i++) {
            double w = Gaussian.next(r);
            switch (c) {
                case WHITE: x[i] = w; break;
                case PINK:
                    b0 = 0.99886 * b0 + w * 0.0555179; b1 = 0.99332 * b1 + w * 0.0750759;
                    b2 = 0.96900 * b2 + w * 0.1538520; b3 = 0.86650 * b3 + w * 0.3104856;
                    b4 = 0.55000 * b4 + w * 0.5329522; b5 = -0.7616 * b5 - w * 0.0168980;
                    x[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
                    b6 = w * 0.115926;
                    break;
                default:
                    brown = 0.998 * brown + w;
                    x[i] = brown;
            }
        }
        return x;
    }

    @Override
    public String name() {
        return kind == Kind.PUBLIC_RULE ? "noise" : "noise-" + colour.name().toLowerCase(Locale.ROOT) + "-" + Seeds.num(amount) + "dB";
    }

    @Override
    public String key() {
        return kind == Kind.PUBLIC_RULE ? "noise(rule=0.035*U*max,rate=" + amount + ")"
                : "noise(snr_db=" + amount + ",colour=" + colour + ")";
    }
}
