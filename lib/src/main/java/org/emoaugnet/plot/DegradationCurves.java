package org.emoaugnet.plot;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A metric in % (e.g. UA) of several models over the levels of one degradation (e.g. SNR in dB), each model with its
 * value on undegraded speech kept apart from the levels (clean speech has no SNR), and the chance level of the task.
 * What {@link ResultFigures#degradation} draws.
 *
 * @param curves per model (in drawing order)
 * @param chance the chance level in %, 100 / number of classes
 */
public record DegradationCurves(Map<String, Curve> curves, double chance) {
    public DegradationCurves {
        if (!(chance > 0 && chance < 100)) throw new IllegalArgumentException("chance level must lie in (0, 100) %, got " + chance);
        curves = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(curves));
    }

    /** The chance level of a task with {@code classes} balanced classes, in %. */
    public static double chance(int classes) {
        if (classes < 2) throw new IllegalArgumentException("a classification task needs at least 2 classes, got " + classes);
        return 100.0 / classes;
    }

    /**
     * One model: {@code value[i]} measured at {@code level[i]} (ascending), and {@code clean}, the value on undegraded
     * speech (NaN when not measured).
     */
    public record Curve(double[] level, double[] value, double clean) {
        public Curve {
            if (level.length != value.length)
                throw new IllegalArgumentException("a curve needs one value per level: " + level.length + " levels, " + value.length + " values");
            for (int i = 1; i < level.length; i++)
                if (!(level[i] > level[i - 1])) throw new IllegalArgumentException("levels must ascend: " + Arrays.toString(level));
            level = level.clone();
            value = value.clone();
        }

        @Override public double[] level() { return level.clone(); }
        @Override public double[] value() { return value.clone(); }

        @Override public boolean equals(Object o) {
            return o instanceof Curve c && Arrays.equals(level, c.level) && Arrays.equals(value, c.value)
                    && Double.compare(clean, c.clean) == 0;
        }

        @Override public int hashCode() { return 31 * (31 * Arrays.hashCode(level) + Arrays.hashCode(value)) + Double.hashCode(clean); }

        @Override public String toString() { return "Curve[level=" + Arrays.toString(level) + ", value=" + Arrays.toString(value) + ", clean=" + clean + "]"; }
    }
}
