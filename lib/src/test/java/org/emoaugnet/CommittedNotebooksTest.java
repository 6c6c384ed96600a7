package org.emoaugnet;


import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a reader of the committed notebooks sees: no terminal escapes, no paths of the machine that ran them, no
 * library log records, no per-jar classpath lines, no standard-error output (progress lines, warnings), no display
 * ids or empty results (environment/run_notebooks.py cleans executed notebooks; this test fails when a committed
 * notebook was written another way); and every notebook's frame: a title, an "at a glance" header (the question it
 * answers, the corpora it needs, its run time quick and full, links to the previous and next notebook) and a closing
 * "Reading the results" section whose sentences the library computes ({@link #frameProblems}).
 */
public class CommittedNotebooksTest {
    static final Pattern MACHINE_PATH = Pattern.compile("(?<![\\w.~$])/(work|tmp|home|root|mnt|opt|var|usr|srv)/[\\w.-]");
    static final Pattern LOG_RECORD = Pattern.compile("\\] (INFO|DEBUG|TRACE) [\\w.$]+ - ");
    /** A Java record's or map's toString: {@code McNemar[onlyA=29, ...} or {@code {items=286, ...}. */
    static final Pattern RAW_TO_STRING = Pattern.compile("\\b[A-Z]\\w*\\[[a-z]\\w*=|\\{[a-z]\\w*=");
    /** Tablesaw's own printout (columns padded around "|"), instead of the library's TextTable. */
    static final Pattern RAW_TABLESAW = Pattern.compile("(\\S +\\| {2}.*){3}");
    /** A UUID on its own as a cell's result. */
    static final Pattern STRAY_UUID = Pattern.compile("\"text/plain\": \\[?\\s*\"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\"");
    /** Output on standard error: progress lines or warnings that a headless run must not commit. */
    static final Pattern STDERR = Pattern.compile("\"name\": \"stderr\"");
    /** A cell result with nothing to read (what is left of a display id once cleaned). */
    static final Pattern EMPTY_RESULT = Pattern.compile("\"text/plain\": (\\[\\s*)?\"\"(\\s*\\])?\\s*\\}");
    /** The header's fields, in this order, each in bold followed by a full stop. */
    static final List<String> HEADER_FIELDS = List.of("**Question.**", "**Corpora.**", "**Run time.**");

    static Path notebooks() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("notebooks"))) p = p.getParent();
        assertTrue(p != null, "no notebooks/ folder above the working directory");
        return p.resolve("notebooks");
    }

    /** The text of every output of a notebook file, as stored (JSON-escaped). */
    static String outputs(String ipynb) {
        StringBuilder b = new StringBuilder();
        Matcher m = Pattern.compile("\"outputs\": \\[(.*?)\\n   \\]", Pattern.DOTALL).matcher(ipynb);
        while (m.find()) b.append(IMAGE_DATA.matcher(m.group(1)).replaceAll("\"image/$1\": \"\"")).append('\n');
        return b.toString();
    }

    /** An image's base64 payload: not text a reader sees, and random enough to look like a path ("/srv/IrZ5..."). */
    static final Pattern IMAGE_DATA = Pattern.compile("\"image/([a-z+]+)\": \"[A-Za-z0-9+/=\\\\n]*\"");

    /** What a reader should not meet in a notebook's outputs, one line per problem (empty when clean). */
    public static List<String> problems(Path notebook) throws java.io.IOException {
        List<String> problems = new ArrayList<>();
        String name = notebook.getFileName().toString();
        String out = outputs(Files.readString(notebook));
        if (out.contains("\\u001b[")) problems.add(name + ": terminal escape codes");
        Matcher p = MACHINE_PATH.matcher(out);
        if (p.find()) problems.add(name + ": a machine path (" + out.substring(p.start(), Math.min(out.length(), p.start() + 60)) + ")");
        Matcher l = LOG_RECORD.matcher(out);
        if (l.find()) problems.add(name + ": a library log record (" + out.substring(Math.max(0, l.start() - 20), Math.min(out.length(), l.end() + 40)) + ")");
        if (out.contains(" to classpath")) problems.add(name + ": the kernel's per-jar classpath lines");
        Matcher t = RAW_TO_STRING.matcher(out);
        if (t.find()) problems.add(name + ": a raw toString (" + out.substring(Math.max(0, t.start() - 20), Math.min(out.length(), t.end() + 40)) + ")");
        Matcher w = RAW_TABLESAW.matcher(out);
        if (w.find()) problems.add(name + ": a table printed by Tablesaw instead of Tables.show (" + out.substring(w.start(), Math.min(out.length(), w.start() + 80)) + ")");
        if (STRAY_UUID.matcher(out).find()) problems.add(name + ": a UUID shown as a cell's result");
        if (STDERR.matcher(out).find()) problems.add(name + ": output on standard error (progress lines or warnings)");
        if (EMPTY_RESULT.matcher(out).find()) problems.add(name + ": an empty cell result (a display id)");
        return problems;
    }

    /** A notebook's cells as (type, source) pairs, from its JSON. */
    record Cell(String type, String source) {}

    static List<Cell> cells(String ipynb) {
        List<Cell> out = new ArrayList<>();
        for (var c : new com.google.gson.JsonParser().parse(ipynb).getAsJsonObject().getAsJsonArray("cells")) {
            var o = c.getAsJsonObject();
            var src = o.get("source");
            StringBuilder b = new StringBuilder();
            if (src.isJsonArray()) src.getAsJsonArray().forEach(x -> b.append(x.getAsString()));
            else b.append(src.getAsString());
            out.add(new Cell(o.get("cell_type").getAsString(), b.toString()));
        }
        return out;
    }

    /**
     * The frame every notebook has, one line per problem: the first cell a markdown title ({@code # NN · ...}); the
     * second the header with {@link #HEADER_FIELDS} and navigation ({@code Previous:} linking the notebook before it,
     * except for the first; {@code Next:} linking the one after it, except for the last); the last section
     * {@code ## Reading the results}, holding at least one code cell (the sentences the library computes from this
     * notebook's tables).
     */
    static List<String> frameProblems(String name, String ipynb, String previous, String next) {
        List<String> problems = new ArrayList<>();
        List<Cell> cells = cells(ipynb);
        if (cells.size() < 2 || !cells.get(0).type().equals("markdown") || !cells.get(0).source().matches("(?s)# \\d\\d · .*"))
            problems.add(name + ": the first cell is not a markdown title '# NN · ...'");
        String header = cells.size() < 2 || !cells.get(1).type().equals("markdown") ? "" : cells.get(1).source();
        int at = -1;
        for (String f : HEADER_FIELDS) {
            int i = header.indexOf(f);
            if (i < at) problems.add(name + ": the header (second cell) lacks " + f + (i >= 0 ? " in its place" : ""));
            at = Math.max(at, i);
        }
        if (previous != null && !header.contains("Previous: [") ) problems.add(name + ": the header does not link the previous notebook");
        if (previous != null && !header.contains("(" + previous + ")")) problems.add(name + ": the header does not link " + previous);
        if (next != null && !header.contains("(" + next + ")")) problems.add(name + ": the header does not link the next notebook, " + next);
        int closing = -1;
        for (int i = 0; i < cells.size(); i++)
            if (cells.get(i).type().equals("markdown") && cells.get(i).source().matches("(?s)\\s*#{1,2} .*")) closing = i;
        if (closing < 0 || !cells.get(closing).source().strip().startsWith("## Reading the results"))
            problems.add(name + ": the last section is not '## Reading the results'");
        else if (cells.subList(closing + 1, cells.size()).stream().noneMatch(c -> c.type().equals("code")))
            problems.add(name + ": its 'Reading the results' section has no code cell (the library's computed sentences)");
        return problems;
    }

    @Test
    void everyNotebookHasItsFrame() throws Exception {
        List<Path> files;
        try (var s = Files.list(notebooks())) {
            files = s.filter(f -> f.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < files.size(); i++)
            problems.addAll(frameProblems(files.get(i).getFileName().toString(), Files.readString(files.get(i)),
                    i == 0 ? null : files.get(i - 1).getFileName().toString(), i == files.size() - 1 ? null : files.get(i + 1).getFileName().toString()));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theFrameCheckCatchesWhatItLooksFor() {
        String good = nb("# 02 · Title", "**Question.** q? **Corpora.** c. **Run time.** t.\n\nPrevious: [01](01-a.ipynb) · Next: [03](03-c.ipynb)",
                "## 1. Work", "code:x", "## Reading the results", "code:StudyReport.sentences(t)");
        assertTrue(frameProblems("02", good, "01-a.ipynb", "03-c.ipynb").isEmpty(), frameProblems("02", good, "01-a.ipynb", "03-c.ipynb").toString());
        String noHeader = nb("# 02 · Title", "code:x", "## Reading the results", "code:y");
        assertFalse(frameProblems("02", noHeader, "01-a.ipynb", null).isEmpty());
        String noClosing = nb("# 02 · Title", "**Question.** q **Corpora.** c **Run time.** t Previous: [01](01-a.ipynb)", "## Reading the results", "code:y", "## 8. More");
        assertTrue(frameProblems("02", noClosing, "01-a.ipynb", null).stream().anyMatch(p -> p.contains("last section")));
        String prose = nb("# 02 · Title", "**Question.** q **Corpora.** c **Run time.** t Previous: [01](01-a.ipynb)", "## Reading the results", "prose only");
        assertTrue(frameProblems("02", prose, "01-a.ipynb", null).stream().anyMatch(p -> p.contains("no code cell")));
        assertTrue(frameProblems("02", good, "01-a.ipynb", "04-d.ipynb").stream().anyMatch(p -> p.contains("04-d.ipynb")));
        assertTrue(STDERR.matcher("{\"name\": \"stderr\", \"output_type\": \"stream\"}").find());
        String png = outputs("\"outputs\": [\n    {\"data\": {\"image/png\": \"iVBOR/srv/IrZ5xxx+9vT0vP5Tr2t79+6NzwSY+\\n\"}}\n   ]");
        assertFalse(MACHINE_PATH.matcher(png).find(), "an image's base64 payload is not scanned as text: " + png);
        assertTrue(EMPTY_RESULT.matcher("\"data\": {\n      \"text/plain\": [\n       \"\"\n      ]\n     },").find());
        assertTrue(EMPTY_RESULT.matcher("\"data\": {\"text/plain\": \"\"},").find());
        assertFalse(EMPTY_RESULT.matcher("\"data\": {\"text/plain\": [\"42\"]},").find());
    }

    /** A notebook's JSON from cell texts: "code:..." makes a code cell, anything else a markdown cell. */
    static String nb(String... cells) {
        var arr = new com.google.gson.JsonArray();
        for (String c : cells) {
            var o = new com.google.gson.JsonObject();
            boolean code = c.startsWith("code:");
            o.addProperty("cell_type", code ? "code" : "markdown");
            o.addProperty("source", code ? c.substring(5) : c);
            arr.add(o);
        }
        var nb = new com.google.gson.JsonObject();
        nb.add("cells", arr);
        return nb.toString();
    }

    @Test
    void committedOutputsAreCleanForReaders() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (var s = Files.list(notebooks())) {
            files = s.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) problems.addAll(problems(f));
        assertTrue(problems.isEmpty(), "re-run the notebooks with environment/run-notebooks (it cleans outputs):\n  " + String.join("\n  ", problems));
    }

    @Test
    void theCheckCatchesWhatItLooksFor() {
        String dirty = "\"outputs\": [\n    {\"text\": [\"\\u001b[32mAdd /work/x/lib.jar to classpath\", \"[main] INFO org.nd4j.X - Loaded\"]}\n   ]";
        String out = outputs(dirty);
        assertTrue(out.contains("\\u001b[") && MACHINE_PATH.matcher(out).find() && LOG_RECORD.matcher(out).find());
        assertFalse(MACHINE_PATH.matcher("../lib/target/jars/ and results/ravdess/x.csv and $EMOAUG_DATA/RAVDESS").find());
        assertTrue(RAW_TO_STRING.matcher("{items=286, mcnemar=McNemar[onlyA=29, onlyB=19]}").find());
        assertTrue(RAW_TABLESAW.matcher("  a  |  1  |  2  |  3  |").find());
        assertTrue(STRAY_UUID.matcher("\"data\": {\"text/plain\": [\"4f1c2a9e-1b2c-4d5e-8f90-a1b2c3d4e5f6\"").find());
        assertFalse(RAW_TO_STRING.matcher("WA 52.3 [50.3, 54.2]; UA {over seeds}").find());
        assertFalse(RAW_TABLESAW.matcher("| claim | paper | verdict |").find(), "a markdown table is not Tablesaw's printout");
    }
}
