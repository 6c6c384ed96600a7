package org.emoaugnet.evidence;

import org.emoaugnet.publish.LedgerTest;

import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.TestColumns;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The column names of the result and test tables are spelled once, in {@link ResultColumns} and {@link TestColumns}:
 * every other main-source file names them through those constants. A name with a space or a symbol in it ("UA (%)",
 * "p Holm (speakers→recordings)") may not appear as a string literal anywhere else; a one-word name ("runs",
 * "condition") may not appear as a column (created, read, removed or looked up by that literal), since the same word
 * is also a configuration key or a JSON field elsewhere.
 */
class ColumnRegistryTest {
    /** One-word names that other tables use for another concept, by file: a reason each. */
    static final Map<String, Set<String>> OTHER_CONCEPTS = Map.of(
            // the split diagnostics (data package, below the experiments): recordings per side, and the protocol's name
            "SplitReport.java", Set.of(ResultColumns.TRAIN, ResultColumns.TEST, ResultColumns.PROTOCOL),
            // the ledger's verdict: a sentence (ledger.csv) or a category (overview), not a test table's TestVerdict name
            "Ledger.java", Set.of(TestColumns.VERDICT),
            // the header of the earlier robustness study's robustness.csv, a legacy file the migration reads (run package,
            // below the evidence layer that holds the registry)
            "EvaluationMigration.java", Set.of(ResultColumns.CONDITION, ResultColumns.DEGRADATION));

    private static final Set<String> REGISTRY_FILES = Set.of("ResultColumns.java", "TestColumns.java");

    /** Code before a string literal that makes it a column name: a column's constructor or accessor, or a lookup of names. */
    private static final Pattern COLUMN_CONTEXT = Pattern.compile(
            "(?:Column\\.create|[a-z]+Column|\\.column|columnNames\\(\\)\\.contains|rejectColumns|removeColumns|selectColumns)\\(\\s*$");

    private static final Pattern WORD = Pattern.compile("[a-z_]+");

    /** The registry: every public static final String of {@link ResultColumns} and {@link TestColumns}, name → constant. */
    static Map<String, String> registry() throws IllegalAccessException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Class<?> c : List.of(ResultColumns.class, TestColumns.class))
            for (Field f : c.getDeclaredFields())
                if (f.getType() == String.class && Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()))
                    out.putIfAbsent((String) f.get(null), c.getSimpleName() + "." + f.getName());
        return out;
    }

    /** A string literal of the code (comments left out) with its line and the code before it on that line. */
    record Literal(String value, int line, String before) {}

    /** The string literals of Java source code, comments, character literals and text blocks skipped. */
    static List<Literal> literals(String src) {
        List<Literal> out = new ArrayList<>();
        int line = 1, lineStart = 0;
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\n') { line++; lineStart = i + 1; continue; }
            if (src.startsWith("//", i)) { while (i < src.length() && src.charAt(i) != '\n') i++; i--; continue; }
            if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                for (int k = i; k < end; k++) if (src.charAt(k) == '\n') { line++; lineStart = k + 1; }
                i = end + 1;
                continue;
            }
            if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                for (int k = i; k < end; k++) if (src.charAt(k) == '\n') { line++; lineStart = k + 1; }
                i = end + 2;
                continue;
            }
            if (c == '\'') { i += src.charAt(i + 1) == '\\' ? 3 : 2; while (src.charAt(i) != '\'') i++; continue; }
            if (c == '"') {
                StringBuilder v = new StringBuilder();
                int k = i + 1;
                for (; src.charAt(k) != '"'; k++) {
                    if (src.charAt(k) == '\\') v.append(src.charAt(k++));
                    v.append(src.charAt(k));
                }
                out.add(new Literal(v.toString(), line, src.substring(lineStart, i)));
                i = k;
            }
        }
        return out;
    }

    /** The places in one file's source that spell a registry name again (as "file:line: name → constant"). */
    static List<String> respellings(String file, String src, Map<String, String> registry) {
        List<String> out = new ArrayList<>();
        Set<String> allowed = OTHER_CONCEPTS.getOrDefault(file, Set.of());
        for (Literal l : literals(src)) {
            String constant = registry.get(l.value());
            if (constant == null) continue;
            boolean word = WORD.matcher(l.value()).matches();
            if (!word || (COLUMN_CONTEXT.matcher(l.before()).find() && !allowed.contains(l.value())))
                out.add(file + ":" + l.line() + ": \"" + l.value() + "\" is " + constant);
        }
        return out;
    }

    @Test
    void noMainSourceSpellsARegisteredColumnAgain() throws IOException, IllegalAccessException {
        Map<String, String> registry = registry();
        assertTrue(registry.size() > 50, "the registry has the result and test tables' columns");
        List<String> found = new ArrayList<>();
        Path root = LedgerTest.projectRoot();
        int files = 0;
        for (String dir : List.of("lib/src/main/java", "lib/sweep/src/main/java")) {
            if (!Files.isDirectory(root.resolve(dir))) continue;
            try (Stream<Path> s = Files.walk(root.resolve(dir))) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    files++;
                    if (REGISTRY_FILES.contains(f.getFileName().toString())) continue;
                    found.addAll(respellings(f.getFileName().toString(), Files.readString(f), registry));
                }
            }
        }
        assertTrue(files > 100, "the main sources were found under " + root);
        assertEquals(List.of(), found, "column names spelled outside ResultColumns/TestColumns: use the constants");
    }

    @Test
    void theScanFindsAColumnSpelledAgainAndNothingElse() throws IllegalAccessException {
        Map<String, String> registry = registry();
        String src = """
                class X {
                    // t.doubleColumn("UA (%)") in a comment is no code
                    /* nor "p Holm (speakers→recordings)" in a block */
                    String a = "UA (%)";
                    Object b = t.intColumn( "runs");
                    String c = cfg.get("runs") + 'x' + '"';
                    Object d = StringColumn.create("condition"), e = t.stringColumn("verdict");
                }
                """;
        List<String> found = respellings("X.java", src, registry);
        assertEquals(List.of("X.java:4: \"UA (%)\" is ResultColumns.UA", "X.java:5: \"runs\" is ResultColumns.RUNS",
                "X.java:7: \"condition\" is ResultColumns.CONDITION", "X.java:7: \"verdict\" is TestColumns.VERDICT"), found);
        assertEquals(List.of("X.java:4: \"UA (%)\" is ResultColumns.UA", "X.java:5: \"runs\" is ResultColumns.RUNS",
                "X.java:7: \"condition\" is ResultColumns.CONDITION"), respellings("Ledger.java", src, registry).stream()
                .map(s -> s.replace("Ledger.java", "X.java")).toList(), "a word another table uses for another concept is allowed where listed");
    }
}
