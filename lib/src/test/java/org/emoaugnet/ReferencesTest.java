package org.emoaugnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /** A relative Markdown link: {@code [text](path)}, {@code [text](path#anchor)} or {@code [text](#anchor)}; web links are not followed. */
    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    /** GitHub's anchor of a heading: lower case, punctuation other than '-' and '_' dropped, spaces as '-'. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    static java.util.Set<String> anchors(String markdown) {
        java.util.Set<String> out = new java.util.HashSet<>();
        Matcher h = Pattern.compile("(?m)^#{1,6} (.+)$").matcher(markdown);
        while (h.find()) out.add(slug(h.group(1)));
        return out;
    }

    /** The Markdown a file shows a reader: the file itself, or a notebook's markdown cells. */
    static String markdown(Path f) throws Exception {
        String text = Files.readString(f);
        if (!f.toString().endsWith(".ipynb")) return text;
        StringBuilder b = new StringBuilder();
        for (var c : CommittedNotebooksTest.cells(text)) if (c.type().equals("markdown")) b.append(c.source()).append('\n');
        return b.toString();
    }

    /** Every relative link of {@code f} that does not resolve: a missing file, or an anchor that is no heading of its target. */
    static List<String> brokenLinks(Path f, String text) throws Exception {
        List<String> problems = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String link = m.group(1);
            if (link.matches("^[a-z]+:.*")) continue;   // http:, https:, mailto:
            int hash = link.indexOf('#');
            String file = hash < 0 ? link : link.substring(0, hash), anchor = hash < 0 ? null : link.substring(hash + 1);
            Path target = file.isEmpty() ? f : f.getParent().resolve(file).normalize();
            if (!Files.exists(target)) { problems.add(f.getFileName() + ": link to " + link + ": no such file"); continue; }
            if (anchor != null && Files.isRegularFile(target) && target.toString().matches(".*\\.(md|ipynb)$")
                    && !anchors(target.equals(f) ? text : markdown(target)).contains(anchor))
                problems.add(f.getFileName() + ": link to " + link + ": no heading with that anchor");
        }
        return problems;
    }

    @Test
    void everyMarkdownLinkResolves() throws Exception {
        Path root = root();
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("results/LEDGER.md")));
        for (String dir : List.of("docs", "notebooks"))
            try (Stream<Path> s = Files.list(root.resolve(dir))) { s.filter(f -> f.toString().matches(".*\\.(md|ipynb)$")).sorted().forEach(files::add); }
        List<String> problems = new ArrayList<>();
        int links = 0;
        for (Path f : files) {
            String text = markdown(f);
            Matcher m = LINK.matcher(text);
            while (m.find()) links++;
            problems.addAll(brokenLinks(f, text));
        }
        assertTrue(links > 20, "found only " + links + " links: the scan is looking in the wrong place");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theLinkCheckFindsMissingFilesAndAnchors(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("other.md"), "# Other page\n## What the RAVDESS evidence cost to train\n");
        Path f = dir.resolve("page.md");
        String text = "# Page\n## Reproducibility across machines\n[a](other.md) [b](other.md#what-the-ravdess-evidence-cost-to-train) "
                + "[c](#reproducibility-across-machines) [d](https://example.org/x) [e](missing.md) [f](other.md#nowhere) [g](#nowhere)\n";
        Files.writeString(f, text);
        List<String> problems = brokenLinks(f, text);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("missing.md") && problems.get(1).contains("other.md#nowhere") && problems.get(2).contains("#nowhere"), problems.toString());
    }
}
