package org.emoaugnet;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No swallowed exceptions (DEVELOPERS.md): every catch block in the main sources of the library and the sweep module
 * rethrows (wrapped or not), logs (an SLF4J logger, or a print to the error or log stream), or recovers with a
 * comment inside it that says why (three words at least, not a placeholder such as "ignore" or "fall through").
 * Whether a stated recovery is right stays a reviewer's judgement; a silent one fails here.
 */
class CatchBlocksTest {
    static final List<String> MAIN_SOURCES = List.of("lib/src/main/java", "lib/sweep/src/main/java");
    static final Pattern CATCH = Pattern.compile("\\bcatch\\s*\\(");
    static final Pattern THROWS = Pattern.compile("\\bthrow\\b");
    static final Pattern LOGS = Pattern.compile("\\b(?:LOG|LOGGER|log|logger|getLogger\\([^)]*\\))\\s*\\.\\s*(?:warn|error|info|debug|trace)\\s*\\("
            + "|\\b(?:System\\.err|err|log)\\s*\\.\\s*(?:println|printf|print|format)\\s*\\(|\\bprintStackTrace\\s*\\(");
    static final Pattern PLACEHOLDER = Pattern.compile("(?i)\\b(?:todo|fixme|xxx)\\b|^\\W*(?:ignored?|fall(?:s|ing)? ?through|nothing|empty|"
            + "swallow(?:ed)?|expected|not needed|does not matter|can(?:'|no)t happen|never happens)\\W*$");
    static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'-]*");

    @Test
    void everyCatchBlockInTheMainSourcesRethrowsLogsOrSaysWhyItRecovers() throws Exception {
        Path root = CommittedNotebooksTest.notebooks().getParent();
        List<String> problems = new ArrayList<>();
        int blocks = 0;
        for (String dir : MAIN_SOURCES) {
            assertTrue(Files.isDirectory(root.resolve(dir)), root.resolve(dir) + " is missing");
            List<Path> files;
            try (Stream<Path> s = Files.walk(root.resolve(dir))) {
                files = s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            }
            for (Path f : files) {
                String src = Files.readString(f);
                blocks += catchBlocks(src).size();
                problems.addAll(problems(root.relativize(f).toString(), src));
            }
        }
        assertTrue(blocks > 50, "the scan found the catch blocks (" + blocks + ")");
        assertEquals(List.of(), problems, "catch blocks that swallow their exception: rethrow it with context, log it, or say in a comment why recovering is right");
    }

    @Test
    void theScanCatchesASilentOrPlaceholderCatchAndAcceptsTheThreeHonestKinds() {
        String bad = """
                class A {
                    String a(java.nio.file.Path p) {
                        try { return java.nio.file.Files.readString(p); } catch (java.io.IOException e) { return null; }
                    }
                    void b() {
                        try { c(); } catch (RuntimeException e) {
                            // fall through
                        }
                    }
                    void c() {
                        try { c(); } catch (IllegalStateException e) { String s = "throw e; // a reason in a string"; }
                        try { c(); } catch (IllegalArgumentException e) { } // a comment after the block is no reason
                    }
                }
                """;
        List<String> found = problems("A.java", bad);
        assertEquals(4, found.size(), String.join("\n", found));
        assertTrue(found.get(0).startsWith("A.java:3: catch (java.io.IOException e)"), found.get(0));
        assertTrue(found.get(1).startsWith("A.java:6: catch (RuntimeException e)"), found.get(1));
        assertTrue(found.get(2).startsWith("A.java:11:") && found.get(3).startsWith("A.java:12:"), found.toString());

        String good = """
                class B {
                    String a(java.nio.file.Path p) throws java.io.IOException {
                        try { return java.nio.file.Files.readString(p); }
                        catch (java.nio.file.NoSuchFileException e) { throw new java.io.IOException(p + ": missing", e); }
                        catch (java.io.IOException e) {
                            org.slf4j.LoggerFactory.getLogger(B.class).warn("{}: unreadable", p, e);
                            return "";
                        }
                    }
                    long b(String s) {
                        try { return Long.parseLong(s); } catch (NumberFormatException e) {
                            return 0;   // an empty field means no limit, which the format allows
                        }
                    }
                    void c(java.io.PrintStream err) {
                        try { b("x"); } catch (RuntimeException e) { err.println("failed: " + e); }
                        try { b("x"); } catch (RuntimeException e) { if (e.getCause() != null) throw e; /* a cause-less failure is a missing value here */ }
                    }
                }
                """;
        assertEquals(List.of(), problems("B.java", good));
    }

    /** The catch blocks of {@code source} that neither rethrow, log, nor carry a comment saying why they recover. */
    static List<String> problems(String file, String source) {
        List<String> out = new ArrayList<>();
        for (Block b : catchBlocks(source)) {
            if (THROWS.matcher(b.code()).find() || LOGS.matcher(b.code()).find()) continue;
            if (b.comments().stream().anyMatch(CatchBlocksTest::statesAReason)) continue;
            out.add(file + ":" + b.line() + ": catch (" + b.caught() + ") neither rethrows, logs, nor says why it recovers");
        }
        return out;
    }

    static boolean statesAReason(String comment) {
        String t = comment.strip();
        int words = 0;
        for (Matcher m = WORD.matcher(t); m.find(); ) words++;
        return words >= 3 && !PLACEHOLDER.matcher(t).find();
    }

    /** A catch block: its line, what it catches, its body's code (literals blanked, comments removed) and the comments inside it. */
    record Block(int line, String caught, String code, List<String> comments) {}

    static List<Block> catchBlocks(String source) {
        Lexed lx = lex(source);
        String code = lx.code();
        List<Block> out = new ArrayList<>();
        Matcher m = CATCH.matcher(code);
        while (m.find()) {
            int open = m.end() - 1, close = match(code, open, '(', ')');
            int brace = code.indexOf('{', close);
            int end = match(code, brace, '{', '}');
            if (close < 0 || brace < 0 || end < 0) throw new IllegalArgumentException("unbalanced catch at offset " + m.start());
            List<String> comments = new ArrayList<>();
            for (int[] c : lx.comments()) if (c[0] > brace && c[1] <= end) comments.add(source.substring(c[0], c[1]).replaceFirst("^(//|/\\*+)", "").replaceFirst("\\*+/$", ""));
            int line = 1;
            for (int i = 0; i < m.start(); i++) if (source.charAt(i) == '\n') line++;
            out.add(new Block(line, code.substring(open + 1, close).strip().replaceAll("\\s+", " "), code.substring(brace + 1, end), comments));
        }
        return out;
    }

    private static int match(String code, int at, char open, char close) {
        if (at < 0 || code.charAt(at) != open) return -1;
        int depth = 0;
        for (int i = at; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == open) depth++;
            else if (c == close && --depth == 0) return i;
        }
        return -1;
    }

    /** The source with comments and the contents of string, text-block and char literals blanked (offsets kept), and where the comments are. */
    record Lexed(String code, List<int[]> comments) {}

    static Lexed lex(String s) {
        StringBuilder code = new StringBuilder(s);
        List<int[]> comments = new ArrayList<>();
        int i = 0, n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int from = i;
            if (s.startsWith("//", i)) {
                while (i < n && s.charAt(i) != '\n') i++;
                comments.add(new int[] {from, i});
            } else if (s.startsWith("/*", i)) {
                int e = s.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
                comments.add(new int[] {from, i});
            } else if (s.startsWith("\"\"\"", i)) {
                int e = i + 3;
                while (e < n && !s.startsWith("\"\"\"", e)) e += s.charAt(e) == '\\' ? 2 : 1;
                for (int k = i + 3; k < Math.min(e, n); k++) if (s.charAt(k) != '\n') code.setCharAt(k, ' ');
                i = Math.min(n, e + 3);
                continue;
            } else if (c == '"' || c == '\'') {
                int e = i + 1;
                while (e < n && s.charAt(e) != c && s.charAt(e) != '\n') e += s.charAt(e) == '\\' ? 2 : 1;
                for (int k = i + 1; k < Math.min(e, n); k++) code.setCharAt(k, ' ');
                i = Math.min(n, e + 1);
                continue;
            } else {
                i++;
                continue;
            }
            for (int k = from; k < i; k++) if (s.charAt(k) != '\n') code.setCharAt(k, ' ');
        }
        return new Lexed(code.toString(), comments);
    }
}
