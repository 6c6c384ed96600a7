package org.emoaugnet.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The values of one configuration file (an experiment, an ablation design, a settings file), read by type and
 * checked against what each key accepts before anything runs: a number against its {@link Range}, a name against the
 * registry that will use it. A value that is malformed, out of range or unknown is a {@link ConfigurationException}
 * naming the file, the key, the value and what is allowed ({@code experiments/x.properties: lr=NaN: must be a finite
 * number > 0 and ≤ 1}); an absent key gives the caller's default, which is defined where the key is (never here).
 */
public final class ConfigValues {
    private final String where;
    private final Properties values;

    /**
     * @param where  what holds the values, as messages name it (the file, or "experiment" for properties without one)
     * @param values the values as read
     */
    public ConfigValues(String where, Properties values) {
        this.where = where;
        this.values = values;
    }

    /** What holds the values, as messages name it. */
    public String where() { return where; }

    /** Whether {@code key} is given. */
    public boolean has(String key) { return values.getProperty(key) != null; }

    /** The value of {@code key} as written (trimmed), or null when absent. */
    public String raw(String key) {
        String v = values.getProperty(key);
        return v == null ? null : v.trim();
    }

    /** The error for {@code key}'s value: it must be {@code allowed}. */
    public ConfigurationException error(String key, String allowed) {
        return ConfigurationException.value(where, key, raw(key), allowed);
    }

    /**
     * The value of {@code key}, which must be given and not blank.
     *
     * @param what what the key names, for the message ("the experiment's name")
     */
    public String required(String key, String what) {
        String v = raw(key);
        if (v == null || v.isEmpty()) throw new ConfigurationException(where + ": missing '" + key + "' (" + what + ")");
        return v;
    }

    /** The text of {@code key}, {@code def} when absent. */
    public String text(String key, String def) {
        String v = raw(key);
        return v == null ? def : v;
    }

    /** The integer of {@code key} in {@code range}, {@code def} when absent. */
    public int integer(String key, Range range, int def) { return (int) longInteger(key, range, def); }

    /** The integer of {@code key} in {@code range}, {@code def} when absent. */
    public long longInteger(String key, Range range, long def) {
        String v = raw(key);
        if (v == null) return def;
        long x;
        try {
            x = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw error(key, range.describe());
        }
        if (!range.contains(x)) throw error(key, range.describe());
        return x;
    }

    /** The number of {@code key} in {@code range}, {@code def} when absent. */
    public double decimal(String key, Range range, double def) {
        String v = raw(key);
        if (v == null) return def;
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw error(key, range.describe());
        }
        if (!range.contains(x)) throw error(key, range.describe());
        return x;
    }

    /** The value of {@code key}, one of {@code allowed} (exactly as written there), {@code def} when absent. */
    public String choice(String key, Collection<String> allowed, String def) {
        String v = raw(key);
        if (v == null) return def;
        if (!allowed.contains(v)) throw error(key, oneOf(v, allowed));
        return v;
    }

    /** The constant of {@code key} among {@code allowed} (by its name, exactly), {@code def} when absent. */
    public <E extends Enum<E>> E constant(String key, Collection<E> allowed, E def) {
        String v = raw(key);
        if (v == null) return def;
        for (E e : allowed) if (e.name().equals(v)) return e;
        throw error(key, oneOf(v, allowed.stream().map(Enum::name).toList()));
    }

    /** A comma-separated list of distinct integers in {@code each} under {@code key} (at least one), {@code def} when absent. */
    public List<Long> integers(String key, Range each, List<Long> def) {
        String v = raw(key);
        if (v == null) return def;
        String allowed = "a comma-separated list of distinct integers, each " + each.describe().replaceFirst("^an integer ", "");
        Set<Long> out = new LinkedHashSet<>();
        for (String s : v.split(",", -1)) {
            long x;
            try {
                x = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw error(key, allowed);
            }
            if (!each.contains(x) || !out.add(x)) throw error(key, allowed);
        }
        return List.copyOf(out);
    }

    /** A comma-separated list of distinct names of {@code allowed} under {@code key} (at least one), {@code def} when absent. */
    public List<String> choices(String key, Collection<String> allowed, List<String> def) {
        String v = raw(key);
        if (v == null) return def;
        List<String> out = new ArrayList<>();
        for (String s : v.split(",", -1)) {
            String n = s.trim();
            if (!allowed.contains(n)) throw error(key, "a comma-separated list of " + oneOf(n, allowed).replaceFirst("^one of ", "")
                    + " ('" + n + "' is none of them)");
            if (out.contains(n)) throw error(key, "a list of distinct names ('" + n + "' is listed twice)");
            out.add(n);
        }
        return List.copyOf(out);
    }

    /** A strict boolean of {@code key} (true, false, 1, 0, yes, no, on, off, any case), {@code def} when absent or blank. */
    public boolean bool(String key, boolean def) {
        String v = raw(key);
        if (v == null || v.isEmpty()) return def;
        Boolean b = parseBoolean(v);
        if (b == null) throw error(key, BOOLEANS);
        return b;
    }

    /** What a boolean setting accepts, in words. */
    public static final String BOOLEANS = "true or false (also 1/0, yes/no, on/off)";

    /** {@code v} as a boolean (true, false, 1, 0, yes, no, on, off, any case), or null when it is none of these. */
    public static Boolean parseBoolean(String v) {
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes", "on" -> Boolean.TRUE;
            case "0", "false", "no", "off" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** "one of a, b, c", with the nearest when {@code given} is close to one ({@link KnownKeys#nearest}). */
    public static String oneOf(String given, Collection<String> allowed) {
        return "one of " + String.join(", ", allowed) + KnownKeys.nearest(given, allowed).map(n -> " (did you mean '" + n + "'?)").orElse("");
    }
}
