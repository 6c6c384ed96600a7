package org.emoaugnet.model.fused;

/**
 * Element-wise functions written with multiplications, additions, one division and clamps only, so that HotSpot
 * vectorises loops over them (java.lang.Math's exp and tanh are scalar calls). {@link #tanh} is the 13/6 rational
 * minimax approximation Eigen uses for float tanh (absolute error below 3e-7 over the whole line); the sigmoid and
 * exp follow from it exactly: σ(x) = ½ + ½·tanh(x/2), eˣ = (1 + tanh(x/2)) / (1 − tanh(x/2)).
 */
final class VecMath {
    private VecMath() {}

    private static final float CLAMP = 7.90531110763549805f;

    static float tanh(float v) {
        float x = Math.max(-CLAMP, Math.min(CLAMP, v));
        float x2 = x * x;
        float p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
        p = x2 * p + -8.60467152213735e-11f;
        p = x2 * p + 5.12229709037114e-08f;
        p = x2 * p + 1.48572235717979e-05f;
        p = x2 * p + 6.37261928875436e-04f;
        p = x2 * p + 4.89352455891786e-03f;
        p = x * p;
        float q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
        q = x2 * q + 2.26843463243900e-03f;
        q = x2 * q + 4.89352518554385e-03f;
        return p / q;
    }

    static float sigmoid(float x) {
        return 0.5f + 0.5f * tanh(0.5f * x);
    }

    /** 1 where x > 0, else 0 (also for −0 and NaN), without a branch. */
    static float positive(float x) {
        return (float) ((-Math.max(Float.floatToRawIntBits(x), 0)) >>> 31);
    }

    /** eˣ for x ≤ 0 (what ELU needs), absolute error below 1e-6; larger x is clamped to 0. */
    static float expNonPositive(float x) {
        float t = tanh(0.5f * Math.min(0f, x));
        return (1f + t) / (1f - t);
    }

    /** Σ a[from..from+n) in double, four independent accumulators (a dependency chain of one is latency-bound). */
    static double sum(float[] a, int from, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from, end = from + n;
        for (; i + 4 <= end; i += 4) { s0 += a[i]; s1 += a[i + 1]; s2 += a[i + 2]; s3 += a[i + 3]; }
        for (; i < end; i++) s0 += a[i];
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ (a[i] − m)² over a[from..from+n). */
    static double squaredDeviation(float[] a, int from, int n, double m) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from, end = from + n;
        for (; i + 4 <= end; i += 4) {
            double d0 = a[i] - m, d1 = a[i + 1] - m, d2 = a[i + 2] - m, d3 = a[i + 3] - m;
            s0 += d0 * d0; s1 += d1 * d1; s2 += d2 * d2; s3 += d3 * d3;
        }
        for (; i < end; i++) { double d = a[i] - m; s0 += d * d; }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ a[i]·b[i] over [from, from+n). */
    static double dot(float[] a, float[] b, int from, int n) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from, end = from + n;
        for (; i + 4 <= end; i += 4) {
            s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]; s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3];
        }
        for (; i < end; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }
}
