package org.emoaugnet.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.emoaugnet.util.ConfigurationException;
import org.emoaugnet.util.Sha256;

/**
 * A fold set read from a file of actor lists, so that a reviewer can run any recipe on a speaker partition of their
 * own. The file is CSV: lines starting with {@code #} and blank lines are comments; the first other line is the
 * header {@value #HEADER}; then one line per fold, in order: its name, its test speakers and its validation speakers,
 * speakers separated by spaces or {@code ;}, each written as the corpus names it ({@code Actor_03} on RAVDESS):
 * <pre>
 * # 6 gender-balanced RAVDESS folds (how they were made: ...)
 * fold,test,validation
 * gb-fold-1,Actor_01 Actor_03 Actor_02 Actor_04,Actor_05 Actor_06
 * </pre>
 * Every speaker not named in a fold trains there. A fourth column, {@code excluded} (header {@value #HEADER_EXCLUDED}),
 * names speakers a fold leaves out altogether: an inner fold of nested cross-validation leaves out its outer fold's
 * test speakers, so that nothing of them trains, validates or is scored ({@code InnerFolds} writes such files). A
 * fold may leave no one out there (an empty field).
 *
 * <p>Checked when read, before any work ({@link ConfigurationException} naming the file, the line and the fold): at
 * least one fold; unique fold names of letters, digits, {@code .}, {@code _} and {@code -} that are none of the names
 * the built-in fold sets give their folds ({@code fold-N}, {@code emobox-fold-N}, {@code session-*}), so that run
 * folders never collide (name them {@code <file stem>-fold-N}); every fold with test and validation speakers, none
 * listed twice, none both; test speakers disjoint across folds (each speaker is tested at most once). Checked when
 * the folds are made on a corpus ({@link #folds}, at planning, before features are extracted): every speaker is one
 * of the corpus's and every fold's test side holds every class.
 *
 * <p>Its {@link #key} is {@code file:} and the SHA-256 of its canonical text ({@link #canonical}: the header and each
 * fold's line with its speakers sorted), so two files with the same folds are the same fold set and an edited file is
 * another; a run specification records the key and the canonical lines ({@code split.fold_set.<k>}), so the fold set
 * is read back from a record without the file ({@link #of}). Equality is the canonical text's.
 */
public final class FoldFile implements FoldSet {
    /** The first line of a fold file that is not a comment. */
    public static final String HEADER = "fold,test,validation";

    /** The header of a fold file whose folds may leave speakers out ({@link FoldSet.Members#excluded}). */
    public static final String HEADER_EXCLUDED = HEADER + ",excluded";

    /** How a fold file's {@link #key} starts. */
    public static final String KEY_PREFIX = "file:";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Fold names the built-in fold sets give (published sets, seeded speaker folds, IEMOCAP's sessions). */
    private static final Pattern BUILT_IN = Pattern.compile("(emobox-)?fold-[0-9]+|session-.*");

    private final String source;
    private final List<Members> folds;
    private final List<String> lines;

    private FoldFile(String source, List<Members> folds) {
        this.source = source;
        this.folds = List.copyOf(folds);
        this.lines = canonicalLines(folds);
    }

    /**
     * The fold set of {@code file}.
     *
     * @throws ConfigurationException when the file does not exist, cannot be read or breaks a rule of the class
     *         comment (naming the file, the line and the fold)
     */
    public static FoldFile read(Path file) {
        if (!Files.isRegularFile(file)) throw new ConfigurationException(file + ": no such fold file");
        List<String> text;
        try {
            text = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ConfigurationException(file + ": cannot be read as a fold file: " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /**
     * The fold set of a fold file's text ({@code text}: its lines, comments and header included), read from
     * {@code source} (what messages name: the file, or a copy of it in the library's jar). The same checks as
     * {@link #read}.
     */
    public static FoldFile parse(String source, List<String> text) {
        List<String> rows = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        boolean header = false;
        int fields = 3;
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (!header) {
                String h = line.replace(" ", "");
                if (!h.equals(HEADER) && !h.equals(HEADER_EXCLUDED))
                    throw new ConfigurationException(source + ":" + (i + 1) + ": the first line that is not a comment must be the header " + HEADER
                            + " (or " + HEADER_EXCLUDED + "), got '" + line + "'");
                header = true;
                fields = h.equals(HEADER) ? 3 : 4;
                continue;
            }
            rows.add(line);
            at.add(i + 1);
        }
        if (!header) throw new ConfigurationException(source + ": an empty fold file (no header " + HEADER + " and no folds)");
        return parse(source, rows, at, fields);
    }

    /**
     * The fold set of canonical lines ({@link #lines}) as a run specification records them, for {@code source} (what
     * messages name, e.g. the record). The same checks as {@link #read}.
     */
    public static FoldFile of(String source, List<String> lines) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) at.add(i + 1);
        return parse(source, lines, at, lines.isEmpty() ? 3 : lines.get(0).split(",", -1).length);
    }

    private static FoldFile parse(String source, List<String> rows, List<Integer> at, int fields) {
        if (rows.isEmpty()) throw new ConfigurationException(source + ": no folds (one line per fold after the header " + HEADER + ")");
        List<Members> folds = new ArrayList<>();
        Map<String, String> testedIn = new HashMap<>();
        String expected = fields == 3 ? HEADER + " (three fields)" : HEADER_EXCLUDED + " (four fields)";
        for (int r = 0; r < rows.size(); r++) {
            String where = source + ":" + at.get(r);
            String[] f = rows.get(r).split(",", -1);
            if (f.length != fields)
                throw new ConfigurationException(where + ": expected " + expected + ", got '" + rows.get(r) + "'");
            String name = f[0].strip();
            if (!NAME.matcher(name).matches())
                throw new ConfigurationException(where + ": fold name '" + name + "' must be letters, digits, '.', '_' and '-', starting with a letter or digit");
            String in = where + ": fold " + name;
            if (BUILT_IN.matcher(name).matches())
                throw new ConfigurationException(in + ": the name is one the built-in fold sets give their folds, so run folders would collide; "
                        + "name the folds of a file apart, e.g. <file stem>-fold-" + (r + 1));
            if (folds.stream().anyMatch(m -> m.name().equals(name))) throw new ConfigurationException(in + ": a second fold of that name");
            List<String> test = sideOrNone(in, "test", f[1]), validation = sideOrNone(in, "validation", f[2]);
            for (String s : validation)
                if (test.contains(s)) throw new ConfigurationException(in + ": speaker " + s + " is both a test and a validation speaker");
            List<String> excluded = fields == 4 ? optionalSpeakers(in, f[3]) : List.of();
            for (String s : excluded)
                if (test.contains(s) || validation.contains(s))
                    throw new ConfigurationException(in + ": speaker " + s + " is excluded and also a " + (test.contains(s) ? "test" : "validation") + " speaker");
            for (String s : test) {
                String other = testedIn.putIfAbsent(s, name);
                if (other != null)
                    throw new ConfigurationException(in + ": speaker " + s + " is a test speaker of fold " + other + " too (test speakers must be "
                            + "disjoint across folds: each speaker is tested at most once)");
            }
            folds.add(new Members(name, test, validation, excluded));
        }
        return new FoldFile(source, folds);
    }

    /**
     * The fold set of {@code folds} (made by code, e.g. {@link InnerFolds}), for {@code source} (what messages name);
     * the same checks as {@link #read}.
     */
    public static FoldFile ofMembers(String source, List<Members> folds) { return of(source, canonicalLines(folds)); }

    /** One canonical line per fold: speakers sorted, the excluded column only when some fold has excluded speakers. */
    private static List<String> canonicalLines(List<Members> folds) {
        boolean excludes = excludes(folds);
        List<String> l = new ArrayList<>();
        for (Members m : folds)
            l.add(m.name() + "," + side(m.test()) + "," + side(m.validation())
                    + (excludes ? "," + String.join(" ", new TreeSet<>(m.excluded())) : ""));
        return List.copyOf(l);
    }

    private static String side(List<String> speakers) { return speakers.isEmpty() ? NONE : String.join(" ", new TreeSet<>(speakers)); }

    /** Whether any fold leaves speakers out (then the canonical text has the fourth column). */
    private static boolean excludes(List<Members> folds) { return folds.stream().anyMatch(m -> !m.excluded().isEmpty()); }

    /**
     * The word a fold file writes for a side with no speakers: a fold that tests no speaker (or validates on none)
     * trains on every speaker it does not exclude, as a model made to be taken away is ({@code emoaug model train
     * --plan}); an empty field stays an error, so a side left blank by mistake is still caught.
     */
    public static final String NONE = "none";

    /** A test or validation side: {@link #NONE} (no speakers), or {@link #speakers}. */
    private static List<String> sideOrNone(String where, String side, String field) {
        return field.strip().equals(NONE) ? List.of() : speakers(where, side, field);
    }

    /** The excluded speakers of one fold: none, or distinct speakers separated by spaces or ';'. */
    private static List<String> optionalSpeakers(String where, String field) {
        return field.isBlank() ? List.of() : speakers(where, "excluded", field);
    }

    /** The speakers of one side, separated by spaces or ';': at least one, none twice. */
    private static List<String> speakers(String where, String side, String field) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : field.strip().split("[;\\s]+")) {
            if (s.isEmpty()) continue;
            if (!out.add(s)) throw new ConfigurationException(where + ": " + side + " speaker " + s + " is listed twice");
        }
        if (out.isEmpty()) throw new ConfigurationException(where + ": no " + side + " speakers");
        return List.copyOf(out);
    }

    /** {@code file:} and the SHA-256 of {@link #canonical}. */
    @Override
    public String key() { return KEY_PREFIX + Sha256.of(canonical()); }

    /**
     * The header and one line per fold, in order, each fold's speakers sorted: what the {@link #key} hashes. The
     * fourth column only when a fold leaves speakers out, so a file without it keeps its key.
     */
    public String canonical() { return (excludes(folds) ? HEADER_EXCLUDED : HEADER) + "\n" + String.join("\n", lines) + "\n"; }

    /**
     * One canonical line per fold, in order ({@code name,test speakers,validation speakers}, then the excluded speakers
     * when any fold has some; speakers sorted, separated by spaces).
     */
    public List<String> lines() { return lines; }

    /** What messages name: the file, or where the fold set was read back from. */
    public String source() { return source; }

    /** Says which fold file, by its key's first 12 hex digits (the same for every copy of the file, wherever it lies). */
    @Override
    public String protocol() { return "speaker folds of a fold file (" + key().substring(0, KEY_PREFIX.length() + 12) + ")"; }

    @Override
    public List<Members> folds() { return folds; }

    @Override
    public int size() { return folds.size(); }

    @Override
    public String foldName(int k) {
        if (k < 1 || k > size()) throw new IllegalArgumentException(source + " has folds 1.." + size() + ", not " + k);
        return folds.get(k - 1).name();
    }

    /**
     * The folds of this set on {@code kept} (a corpus with the recordings of {@code classes}), checked there: every
     * speaker named is one of the corpus's, and every fold's test side holds a recording of every class (a fold that
     * tests no speaker, {@link #NONE}, has none to check).
     *
     * @throws ConfigurationException naming this file, the fold and the speaker or class
     */
    public List<Fold> folds(Corpus kept, ClassSet classes) {
        Set<String> known = new TreeSet<>(kept.speakers());
        for (Members m : folds) {
            List<String> named = new ArrayList<>(m.test());
            named.addAll(m.validation());
            named.addAll(m.excluded());
            for (String s : named)
                if (!known.contains(s))
                    throw new ConfigurationException(source + ": fold " + m.name() + ": speaker " + s + " is not a speaker of " + kept.name()
                            + " with class set " + classes.name() + " (its " + known.size() + " speakers: " + shown(known) + ")");
        }
        List<Fold> out = Splits.ofFoldSet(kept.utterances(), this);
        for (Fold f : out) {
            if (f.test().isEmpty()) continue;   // a fold that tests no speaker ({@link #NONE}) trains a model to take away
            Set<String> tested = new TreeSet<>();
            for (Utterance u : f.test()) tested.add(classes.classOf(u));
            List<String> missing = classes.classes().stream().filter(c -> !tested.contains(c)).toList();
            if (!missing.isEmpty())
                throw new ConfigurationException(source + ": fold " + f.name() + ": its test speakers have no recording of class "
                        + String.join(", ", missing) + " in " + kept.name() + " (every class must be tested in every fold)");
        }
        return out;
    }

    private static String shown(Set<String> xs) {
        List<String> l = new ArrayList<>(xs);
        return l.size() <= 30 ? String.join(", ", l) : String.join(", ", l.subList(0, 30)) + ", …";
    }

    @Override
    public boolean equals(Object o) { return o instanceof FoldFile f && f.lines.equals(lines); }

    @Override
    public int hashCode() { return lines.hashCode(); }

    @Override
    public String toString() { return key(); }
}
