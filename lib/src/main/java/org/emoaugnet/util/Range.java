package org.emoaugnet.util;

import java.util.Locale;

/**
 * The values a numeric setting accepts: finite numbers (or integers) between two bounds, each included or not, and
 * the words that say so ({@link #describe}: "a finite number &gt; 0 and ≤ 1", "an integer ≥ 1 and ≤ 10000"). Each
 * range is defined once, where its setting is declared (e.g. {@code TrainConfig.LEARNING_RATE}), and used both by the
 * readers of configuration files, whose errors name the key and the value, and by the typed record's constructor.
 *
 * @param min         the lower bound ({@link Double#NEGATIVE_INFINITY}: none)
 * @param includesMin whether {@code min} itself is allowed
 * @param max         the upper bound ({@link Double#POSITIVE_INFINITY}: none)
 * @param includesMax whether {@code max} itself is allowed
 * @param integral    whether only integers are allowed
 */
public record Range(double min, boolean includesMin, double max, boolean includesMax, boolean integral) {
    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) throw new IllegalArgumentException("no range from " + min + " to " + max);
    }

    /** Integers from {@code min} to {@code max}, both included. */
    public static Range integers(long min, long max) { return new Range(min, true, max, true, true); }

    /** Integers of at least {@code min}. */
    public static Range integersFrom(long min) { return new Range(min, true, Double.POSITIVE_INFINITY, false, true); }

    /** Finite numbers between {@code min} and {@code max}, each bound included where said. */
    public static Range numbers(double min, boolean includesMin, double max, boolean includesMax) {
        return new Range(min, includesMin, max, includesMax, false);
    }

    /** Finite numbers of at least {@code min}. */
    public static Range numbersFrom(double min) { return new Range(min, true, Double.POSITIVE_INFINITY, false, false); }

    /** Whether {@code v} is in the range (NaN and infinities never are). */
    public boolean contains(double v) {
        if (!Double.isFinite(v)) return false;
        if (integral && v != Math.rint(v)) return false;
        return (includesMin ? v >= min : v > min) && (includesMax ? v <= max : v < max);
    }

    /** The range in words: "a finite number &gt; 0 and ≤ 1", "an integer ≥ 0", "an integer ≥ 1 and ≤ 10000". */
    public String describe() {
        StringBuilder sb = new StringBuilder(integral ? "an integer" : "a finite number");
        boolean lower = min != Double.NEGATIVE_INFINITY, upper = max != Double.POSITIVE_INFINITY;
        if (lower) sb.append(includesMin ? " ≥ " : " > ").append(text(min));
        if (lower && upper) sb.append(" and");
        if (upper) sb.append(includesMax ? " ≤ " : " < ").append(text(max));
        return sb.toString();
    }

    /**
     * {@code v} when it is in the range.
     *
     * @param what what the value is, for the message ("learning rate")
     * @throws IllegalArgumentException naming {@code what}, the value and the range
     */
    public double require(String what, double v) {
        if (!contains(v)) throw new IllegalArgumentException(what + " " + text(v) + ": must be " + describe());
        return v;
    }

    /** A bound or value as written: integers without a decimal point ("1", "10000"), others as Java writes them ("0.001", "NaN"). */
    static String text(double v) {
        return Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%d", (long) v) : Double.toString(v);
    }
}
