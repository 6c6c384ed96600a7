package org.emoaugnet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every citation of the reference notes in code, notebooks, README and results resolves inside the repository: a cited
 * {@code docs/NAME.md} exists, and a cited section ("paper-notes §4", "librosa-features.md §2.10") is a heading of
 * that file. Nothing cites the team's reference folder outside the checkout as a source to read.
 */
class ReferencesTest {
    static final Pattern DOC = Pattern.compile("docs/([a-z0-9-]+)\\.md");
    static final Pattern SECTION = Pattern.compile("(paper-notes|librosa-features|dl4j-notes)(?:\\.md)?`? ?§ ?(\\d+(?:\\.\\d+)?)");
    static final Pattern OUTSIDE = Pattern.compile("shared/(docs|bench|feature-golden)\\b|shared/data/PROVENANCE");

    static Path root() { return CommittedNotebooksTest.notebooks().getParent(); }

    static List<Path> citingFiles(Path root) throws Exception {
        List<Path> out = new ArrayList<>();
        for (String dir : List.of("lib/src/main", "notebooks", "docs", "environment", "experiments"))
            try (Stream<Path> s = Files.walk(root.resolve(dir))) {
                s.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(java|ipynb|md|py|sh|properties)$")
                        || !f.getFileName().toString().contains(".")).filter(f -> !f.toString().contains("/.state/")).forEach(out::add);
            }
        for (String f : List.of("README.md", "results/LEDGER.md")) out.add(root.resolve(f));
        return out;
    }

    /** Whether {@code notes} has a heading numbered {@code n} ("## 4.", "### 5.1", or a range such as "### 2.5–2.7"). */
    static boolean hasSection(String notes, String n) {
        Matcher h = Pattern.compile("(?m)^#+ (\\d+(?:\\.\\d+)?)(?:[–-](\\d+(?:\\.\\d+)?))?[. ]").matcher(notes);
        while (h.find()) {
            if (h.group(1).equals(n)) return true;
            if (h.group(2) != null) {
                String[] a = h.group(1).split("\\."), b = h.group(2).split("\\."), x = n.split("\\.");
                if (a.length == 2 && b.length == 2 && x.length == 2 && a[0].equals(x[0]) && b[0].equals(x[0])
                        && Integer.parseInt(x[1]) >= Integer.parseInt(a[1]) && Integer.parseInt(x[1]) <= Integer.parseInt(b[1])) return true;
            }
        }
        return false;
    }

    @Test
    void everyCitationResolvesInsideTheRepository() throws Exception {
        Path root = root();
        List<String> problems = new ArrayList<>();
        int citations = 0;
        for (Path f : citingFiles(root)) {
            String text = Files.readString(f);
            String rel = root.relativize(f).toString();
            Matcher d = DOC.matcher(text);
            while (d.find()) {
                citations++;
                if (!Files.isRegularFile(root.resolve("docs").resolve(d.group(1) + ".md"))) problems.add(rel + ": cites " + d.group() + ", which does not exist");
            }
            Matcher s = SECTION.matcher(text);
            while (s.find()) {
                citations++;
                Path notes = root.resolve("docs").resolve(s.group(1) + ".md");
                if (!Files.isRegularFile(notes) || !hasSection(Files.readString(notes), s.group(2)))
                    problems.add(rel + ": cites " + s.group() + ", but docs/" + s.group(1) + ".md has no section " + s.group(2));
            }
            Matcher o = OUTSIDE.matcher(text);
            if (o.find()) problems.add(rel + ": cites reference material outside the repository (" + o.group() + ")");
        }
        assertTrue(citations > 10, "found only " + citations + " citations: the scan is looking in the wrong place");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theSectionMatcherReadsNumbersAndRanges() {
        String notes = "# Title\n## 4. Feasibility\n### 5.1 Pipeline\n### 2.5–2.7 Mel, dB, MFCC\n";
        assertTrue(hasSection(notes, "4") && hasSection(notes, "5.1") && hasSection(notes, "2.6"));
        assertFalse(hasSection(notes, "5") || hasSection(notes, "2.8") || hasSection(notes, "3"));
    }
}
