package org.emoaugnet.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.emoaugnet.design.Sweep;

/**
 * What this JVM has planned from each sweep (its jobs, its feature sets), so that planning, which scans the corpus,
 * happens once per JVM: once per executor on a cluster, and not again in the tasks of an embedded ({@code local[N]})
 * sweep, whose driver planned already.
 */
final class Plans {
    private Plans() {}

    interface Planner<T> {
        T plan(Sweep sweep) throws IOException;
    }

    private static final Map<List<Object>, Object> PLANNED = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    static <T> T get(Sweep sweep, String what, Planner<T> planner) {
        return (T) PLANNED.computeIfAbsent(List.of(sweep, what), k -> {
            try {
                return planner.plan(sweep);
            } catch (IOException e) {
                throw new UncheckedIOException("planning " + sweep.describe() + " failed on " + org.emoaugnet.run.Runner.HOST + ": " + e.getMessage(), e);
            }
        });
    }

    /** Records what the driver planned, for tasks that run in its own JVM. */
    static void put(Sweep sweep, String what, Object plan) {
        PLANNED.put(List.of(sweep, what), plan);
    }
}
