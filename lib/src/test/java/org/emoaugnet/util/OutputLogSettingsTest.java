package org.emoaugnet.util;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result that cannot be entered in the manifest fails loudly, naming the file; one outside the results folder is not entered. */
class OutputLogSettingsTest {
    @Test
    void unreadableSettingsFailNamingTheFile(@TempDir Path results) throws Exception {
        Path f = results.resolve("t.csv");
        Files.writeString(f, "a\n1\n");
        IOException e = assertThrows(IOException.class, () -> OutputLog.record(f, Set.of("e/r#h"), () -> {
            throw new IllegalArgumentException("EMOAUG_SEED / seed must be an integer, got 'x'");
        }));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains(OutputLog.FILE) && e.getMessage().contains("EMOAUG_SEED"),
                e.getMessage());
        assertFalse(Files.exists(results.resolve(OutputLog.FILE)), "nothing entered");
    }

    @Test
    void onlyFilesUnderTheResultsFolderAreEntered(@TempDir Path tmp) throws Exception {
        Path results = tmp.resolve("results"), inside = results.resolve("c/t.csv"), outside = tmp.resolve("elsewhere.csv");
        Files.createDirectories(inside.getParent());
        Files.writeString(inside, "a\n1\n");
        Files.writeString(outside, "a\n1\n");
        OutputLog.record(outside, Set.of(), () -> results);
        assertEquals(Map.of(), OutputLog.read(results), "a file outside the results folder is not entered");
        OutputLog.record(inside, Set.of(), () -> results);
        assertTrue(OutputLog.read(results).toString().contains("results/c/t.csv"));
    }
}
