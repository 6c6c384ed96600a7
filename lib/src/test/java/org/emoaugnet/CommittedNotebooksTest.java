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
 * library log records, no per-jar classpath lines (environment/run_notebooks.py cleans executed notebooks; this test
 * fails when a committed notebook was written another way).
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
        while (m.find()) b.append(m.group(1)).append('\n');
        return b.toString();
    }

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
        return problems;
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
