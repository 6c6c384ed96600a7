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
class CommittedNotebooksTest {
    static final Pattern MACHINE_PATH = Pattern.compile("(?<![\\w.~$])/(work|tmp|home|root|mnt|opt|var|usr|srv)/[\\w.-]");
    static final Pattern LOG_RECORD = Pattern.compile("\\] (INFO|DEBUG|TRACE) [\\w.$]+ - ");

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

    @Test
    void committedOutputsAreCleanForReaders() throws Exception {
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (var s = Files.list(notebooks())) {
            files = s.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            String out = outputs(Files.readString(f));
            if (out.contains("\\u001b[")) problems.add(f.getFileName() + ": terminal escape codes");
            Matcher p = MACHINE_PATH.matcher(out);
            if (p.find()) problems.add(f.getFileName() + ": a machine path (" + out.substring(p.start(), Math.min(out.length(), p.start() + 60)) + ")");
            Matcher l = LOG_RECORD.matcher(out);
            if (l.find()) problems.add(f.getFileName() + ": a library log record (" + out.substring(Math.max(0, l.start() - 20), Math.min(out.length(), l.end() + 40)) + ")");
            if (out.contains(" to classpath")) problems.add(f.getFileName() + ": the kernel's per-jar classpath lines");
        }
        assertTrue(problems.isEmpty(), "re-run the notebooks with environment/run-notebooks (it cleans outputs):\n  " + String.join("\n  ", problems));
    }

    @Test
    void theCheckCatchesWhatItLooksFor() {
        String dirty = "\"outputs\": [\n    {\"text\": [\"\\u001b[32mAdd /work/x/lib.jar to classpath\", \"[main] INFO org.nd4j.X - Loaded\"]}\n   ]";
        String out = outputs(dirty);
        assertTrue(out.contains("\\u001b[") && MACHINE_PATH.matcher(out).find() && LOG_RECORD.matcher(out).find());
        assertFalse(MACHINE_PATH.matcher("../lib/target/jars/ and results/ravdess/x.csv and $EMOAUG_DATA/RAVDESS").find());
    }
}
