package org.emoaugnet.augment;

import java.nio.charset.StandardCharsets;

/** Derives independent seeds from a master seed and names (SplitMix64 mixing of an FNV hash), deterministically. */
public final class Seeds {
    private Seeds() {}

    public static long derive(long master, Object... parts) {
        long h = master ^ 0x9E3779B97F4A7C15L;
        for (Object p : parts) {
            long f = 0xcbf29ce484222325L;
            for (byte b : String.valueOf(p).getBytes(StandardCharsets.UTF_8)) { f ^= b; f *= 0x100000001b3L; }
            h = mix(h ^ f);
        }
        return h;
    }

    /** A number in its shortest plain form (0.7, 2, -3.5), for names. */
    public static String num(double x) {
        return java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
