package org.emoaugnet.util;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which training runs a value (a table, a chart, a confusion matrix, a map of curves) was computed from, attached to
 * the value itself so that saving it ({@link Tables#saveCsv}, {@code Plots.save}) can record its sources in the
 * output log without the caller repeating them. A run is named {@code <experiment>/<run folder>#<spec SHA-256>}.
 * Values are held weakly and matched by identity; a value made from several tagged values carries their union
 * ({@link #tag(Object, Object...)}).
 */
public final class Lineage {
    private record Entry(WeakReference<Object> ref, Set<String> runs) {}

    private static final Map<Integer, List<Entry>> TAGS = new HashMap<>();

    private Lineage() {}

    /** Attaches {@code runs} to {@code value} (added to what it already carries) and returns the value. */
    public static synchronized <T> T tag(T value, Collection<String> runs) {
        if (value == null || runs.isEmpty()) return value;
        List<Entry> list = TAGS.computeIfAbsent(System.identityHashCode(value), k -> new ArrayList<>());
        for (Iterator<Entry> it = list.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            Object o = e.ref().get();
            if (o == null) it.remove();
            else if (o == value) { e.runs().addAll(runs); return value; }
        }
        list.add(new Entry(new WeakReference<>(value), new TreeSet<>(runs)));
        return value;
    }

    /** Attaches to {@code value} the runs every one of {@code sources} carries; returns the value. */
    public static <T> T tag(T value, Object... sources) { return tag(value, of(sources)); }

    /** The runs the given values were computed from (their union; empty when none is tagged). */
    public static synchronized Set<String> of(Object... values) {
        Set<String> out = new TreeSet<>();
        for (Object v : values) {
            if (v == null) continue;
            List<Entry> list = TAGS.get(System.identityHashCode(v));
            if (list == null) continue;
            for (Entry e : list) if (e.ref().get() == v) out.addAll(e.runs());
        }
        return out;
    }

    /** A run's name in lineage sets. */
    public static String run(String experiment, String runFolder, String specSha256) { return experiment + "/" + runFolder + "#" + specSha256; }
}
