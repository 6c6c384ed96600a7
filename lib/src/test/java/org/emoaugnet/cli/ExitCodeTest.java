package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The exit-code table is defined once ({@link ExitCode}) and docs/cli.md shows that table. */
class ExitCodeTest {
    @Test
    void docsListEveryCodeWithItsMeaning() throws Exception {
        String docs = Files.readString(Path.of(System.getProperty("emoaug.projectRoot")).resolve("docs/cli.md"));
        for (ExitCode c : ExitCode.values())
            assertTrue(docs.contains("| " + c.code() + " | " + c.meaning() + " |"), "docs/cli.md lists exit code " + c.code() + " as: | " + c.code() + " | " + c.meaning() + " |");
        assertEquals(Arrays.asList(0, 1, 2, 3, 4, 5), Arrays.stream(ExitCode.values()).map(ExitCode::code).toList(), "codes in order, none twice");
    }
}
