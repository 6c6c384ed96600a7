package org.emoaugnet.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The experiments whose committed records stay on an older engine: {@value #FILE}, one line per experiment (or prefix)
 * with the pinned trainer and network revisions and the thread count of its run-spec/2 specs, why, and what will
 * re-make it. Read once, from the copy the build puts into the library jar, and used in one place:
 * {@link RunSpec.Engine#forExperiment}, the engine every design gives the specs it plans. A pinned experiment's runs
 * are planned with the pinned engine, so their spec hashes are those of the committed records, which are read back
 * (and selected by the reports) as before; the {@link Runner} never trains them ({@link Runner#refusal}: the message
 * names the git tag whose checkout does, {@link EngineTags}).
 *
 * <p>Format: CSV with the header {@link #HEADER}; lines starting with {@code #} and blank lines are skipped; a field
 * holding a comma is quoted ({@code "..."}, a quote inside doubled). {@code experiment} is an exact experiment name,
 * which also pins its evaluations ({@code <experiment>/<run>}, whose specs are their evaluated run's), or a prefix
 * ending in {@code *}. {@code threads} is empty for a run-spec/3 engine. Every error names the file and line.
 */
public final class EnginePins {
    private EnginePins() {}

    /** The file, relative to the project root. */
    public static final String FILE = "experiments/engine-pins.csv";

    /** Its copy on the class path, beside this class. */
    static final String RESOURCE = "engine-pins.csv";

    /** The header line, exactly. */
    public static final String HEADER = "experiment,trainer,network,threads,notebook,reason,remade_by";

    /**
     * One pinned experiment (or prefix).
     *
     * @param experiment an experiment name, or a prefix ending in {@code *}
     * @param engine     the engine its runs are planned with
     * @param notebook   the notebook whose runs they are
     * @param reason     why its records stay on that engine
     * @param remadeBy   what will re-make them
     * @param line       the line of {@link #FILE} (1-based)
     */
    public record Pin(String experiment, RunSpec.Engine engine, String notebook, String reason, String remadeBy, int line) {
        /** Whether this pin is a prefix ({@code name*}). */
        public boolean prefix() { return experiment.endsWith("*"); }

        /** Whether it pins {@code name}: the name itself or one of its evaluations ({@code name/<run>}), or a name with its prefix. */
        public boolean matches(String name) {
            if (prefix()) return name.startsWith(experiment.substring(0, experiment.length() - 1));
            return name.equals(experiment) || name.startsWith(experiment + "/");
        }

        /** Where it is written: {@code experiments/engine-pins.csv, line N}. */
        public String where() { return FILE + ", line " + line; }
    }

    /**
     * Parses the file's lines ({@code source} names it in errors).
     *
     * @throws IllegalArgumentException naming {@code source} and the line: a missing or other header, a line with
     *         another number of fields or an unclosed quote, an empty field (threads aside), a thread count that is
     *         not a positive integer, a pin of the current engine (nothing to pin), a trainer no git tag is defined
     *         for ({@link EngineTags#of}: the runner could not say where to re-make the runs), an experiment pinned twice
     *         or covered by a prefix pinned elsewhere
     */
    public static List<Pin> parse(List<String> lines, String source) {
        List<Pin> out = new ArrayList<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            int n = i + 1;
            if (l.isEmpty() || l.startsWith("#")) continue;
            String at = source + ", line " + n + ": ";
            if (!header) {
                if (!l.equals(HEADER)) throw new IllegalArgumentException(at + "the header must be exactly '" + HEADER + "', not '" + l + "'");
                header = true;
                continue;
            }
            List<String> f = fields(l, at);
            if (f.size() != 7) throw new IllegalArgumentException(at + f.size() + " field(s); a pin has 7 (" + HEADER + "): " + l);
            String[] names = HEADER.split(",");
            for (int k = 0; k < f.size(); k++)
                if (k != 3 && f.get(k).isBlank()) throw new IllegalArgumentException(at + "empty " + names[k] + ": " + l);
            String experiment = f.get(0), threads = f.get(3).isBlank() ? null : f.get(3);
            if (experiment.chars().anyMatch(Character::isWhitespace) || experiment.indexOf('*') >= 0 && experiment.indexOf('*') != experiment.length() - 1)
                throw new IllegalArgumentException(at + "experiment '" + experiment + "' is not an experiment name or a prefix ending in '*'");
            if (threads != null && !threads.matches("[1-9][0-9]*"))
                throw new IllegalArgumentException(at + "threads '" + threads + "' is not a positive integer (empty for a " + RunSpec.VERSION + " engine)");
            RunSpec.Engine engine;
            try {
                engine = new RunSpec.Engine(threads, f.get(2), f.get(1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + e.getMessage(), e);
            }
            if (engine.isCurrent())
                throw new IllegalArgumentException(at + experiment + " is pinned to this checkout's own engine (" + EngineTags.describe(engine) + "): remove the line");
            if (EngineTags.of(engine).isEmpty())
                throw new IllegalArgumentException(at + "no git tag is defined for " + EngineTags.describe(engine) + " (run.EngineTags), so its runs could not be re-made anywhere named");
            Pin p = new Pin(experiment, engine, f.get(4), f.get(5), f.get(6), n);
            for (Pin q : out)
                if (q.experiment().equals(p.experiment()) || q.prefix() && q.matches(stem(p)) || p.prefix() && p.matches(stem(q)))
                    throw new IllegalArgumentException(at + experiment + " is already pinned by line " + q.line() + " (" + q.experiment() + ")");
            out.add(p);
        }
        if (!header) throw new IllegalArgumentException(source + ": no header line ('" + HEADER + "')");
        return List.copyOf(out);
    }

    /** A pin's name without its prefix mark, for overlap checks. */
    private static String stem(Pin p) { return p.prefix() ? p.experiment().substring(0, p.experiment().length() - 1) : p.experiment(); }

    /** The comma-separated fields of a line, quotes removed ({@code ""} inside quotes is one quote). */
    private static List<String> fields(String l, String at) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < l.length() && l.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"' && cur.length() == 0) quoted = true;
            else if (c == ',') { out.add(cur.toString().strip()); cur.setLength(0); }
            else cur.append(c);
        }
        if (quoted) throw new IllegalArgumentException(at + "a quote is not closed: " + l);
        out.add(cur.toString().strip());
        return out;
    }

    private static volatile List<Pin> all;

    /** Every pin, read once from the copy of {@value #FILE} in the jar. */
    public static List<Pin> all() {
        List<Pin> p = all;
        if (p == null) {
            try (InputStream in = EnginePins.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("org/emoaugnet/run/" + RESOURCE + " is missing from the library's class path "
                        + "(the build copies it from " + FILE + ": rebuild with mvn package)");
                p = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList(), FILE + " (in the jar)");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + FILE + ": " + e.getMessage(), e);
            }
            all = p;
        }
        return p;
    }

    /** The pin of experiment {@code name} (or of the run {@code <experiment>/<run>} an evaluation's experiment names), if any. */
    public static Optional<Pin> of(String name) { return of(name, all()); }

    /** The pin of {@code name} among {@code pins}. */
    public static Optional<Pin> of(String name, List<Pin> pins) {
        for (Pin p : pins) if (p.matches(name)) return Optional.of(p);
        return Optional.empty();
    }
}
