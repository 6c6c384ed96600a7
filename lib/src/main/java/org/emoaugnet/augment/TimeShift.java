package org.emoaugnet.augment;

import java.util.SplittableRandom;

/**
 * Time shift. {@link #publicRule}: {@code np.roll(y, int(U(-5, 5) · 1000))}, a circular roll of up to ±5000
 * samples (±227 ms at 22,050 Hz, not ±5 ms as often described). {@link #fixedMs} shifts by a fixed amount; the
 * zero-fill variant shifts in silence instead of wrapping the end around.
 *
 * @param maxShift   largest shift magnitude (samples or ms, see {@code inMs}); the shift is uniform in ±maxShift
 * @param random     draw the shift from the seed; otherwise shift by exactly {@code maxShift}
 * @param inMs       {@code maxShift} counts milliseconds rather than samples
 * @param circular   wrap around ({@code np.roll}) or fill with zeros
 */
public record TimeShift(double maxShift, boolean random, boolean inMs, boolean circular) implements Augmentation {
    public static TimeShift publicRule() { return new TimeShift(5000, true, false, true); }

    public static TimeShift fixedMs(double ms, boolean circular) { return new TimeShift(ms, false, true, circular); }

    public static TimeShift fixedSamples(int samples, boolean circular) { return new TimeShift(samples, false, false, circular); }

    @Override
    public float[] apply(float[] y, int sr, long seed) {
        double amount = random ? (new SplittableRandom(seed).nextDouble() * 2 - 1) * maxShift : maxShift;
        int s = (int) (inMs ? amount * sr / 1000.0 : amount); // int() truncates toward zero, as in the public code
        return shift(y, s, circular);
    }

    /** {@code out[i] = y[i - s]}: positive {@code s} moves the signal later. */
    public static float[] shift(float[] y, int s, boolean circular) {
        int n = y.length;
        float[] out = new float[n];
        if (n == 0) return out;
        for (int i = 0; i < n; i++) {
            int j = i - s;
            if (circular) out[i] = y[Math.floorMod(j, n)];
            else out[i] = j >= 0 && j < n ? y[j] : 0f;
        }
        return out;
    }

    @Override
    public String name() { return "shift"; }

    @Override
    public String key() {
        return "shift(max=" + maxShift + (inMs ? "ms" : "samples") + ",random=" + random + ",circular=" + circular + ")";
    }
}
