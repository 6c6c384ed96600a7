package org.emoaugnet.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Strict key sets, the one check behind experiment files, ablation designs and command-line options: a key that is
 * not known is an error (never silently ignored), and the error names every unknown key with the nearest known one
 * when one is close, e.g. {@code unknown key 'acitvation' — did you mean 'activation'?}.
 *
 * <p>"Close" is an edit distance (insertions, deletions, substitutions and transpositions of adjacent characters,
 * ignoring case) of at most a third of the unknown key's length, and at least 1: {@code epoch → epochs},
 * {@code acitvation → activation}, {@code sead → seed}, while {@code xyz} suggests nothing.
 */
public final class KnownKeys {
    private KnownKeys() {}

    /**
     * Unknown keys in a file or on a command line: a {@link ConfigurationException} (not an {@link
     * IllegalArgumentException}, so that no handler of bad values rewraps it), which the command line reports as bad
     * usage (exit code 1).
     */
    public static final class UnknownKeyException extends ConfigurationException {
        private final List<String> unknown;

        UnknownKeyException(String message, List<String> unknown) {
            super(message);
            this.unknown = List.copyOf(unknown);
        }

        /** The unknown keys, in the order they were given. */
        public List<String> unknown() { return unknown; }
    }

    /**
     * Fails when {@code given} holds a key outside {@code known}.
     *
     * @param where  what holds the keys, for the message (a file, "emoaug experiment run")
     * @param given  the keys found
     * @param known  the keys accepted there
     * @param noun   what a key is called there ("key", "option")
     * @param prefix how keys are written there ("" in files, "--" on the command line)
     * @throws UnknownKeyException naming every unknown key, each with its suggestion, and the known keys
     */
    public static void check(String where, Collection<String> given, Collection<String> known, String noun, String prefix) {
        List<String> unknown = unknown(given, known);
        if (unknown.isEmpty()) return;
        List<String> parts = new ArrayList<>();
        for (String k : unknown) parts.add(describe(k, known, noun, prefix));
        List<String> shown = known.stream().sorted().map(k -> prefix + k).toList();
        throw new UnknownKeyException(where + ": " + String.join("; ", parts) + " (known " + noun + "s: " + String.join(", ", shown) + ")", unknown);
    }

    /** The keys of {@code given} that {@code known} lacks, in the order given. */
    public static List<String> unknown(Collection<String> given, Collection<String> known) {
        List<String> out = new ArrayList<>();
        for (String k : given) if (!known.contains(k) && !out.contains(k)) out.add(k);
        return out;
    }

    /** {@code unknown key 'k'}, with {@code — did you mean 'x'?} when a known key is close. */
    public static String describe(String key, Collection<String> known, String noun, String prefix) {
        return "unknown " + noun + " '" + prefix + key + "'" + nearest(key, known).map(n -> " — did you mean '" + prefix + n + "'?").orElse("");
    }

    /** The known key nearest to {@code key} when it is close (see the class comment); the first of equally near ones. */
    public static Optional<String> nearest(String key, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE, limit = Math.max(1, key.length() / 3);
        for (String k : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** Edit distance with adjacent transpositions (optimal string alignment): {@code distance("acitvation", "activation") == 1}. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
        return d[a.length()][b.length()];
    }
}
