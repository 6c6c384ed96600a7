package org.emoaugnet.it;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interactive use, end to end in a real browser: {@code environment/browser-check} starts the README's notebook server
 * command on loopback, opens a scratch notebook in headless Chromium, runs the {@code %jars} cell, types and runs a
 * cell that calls the library, checks its output, then stops the server and checks its port is closed. Needs
 * Debian's chromium, chromium-driver, python3-selenium and jupyter-notebook, which the check installs as root where
 * apt works (the test command runs as root on Debian). {@code EMOAUG_SKIP_BROWSER=1} skips it on other machines.
 */
class BrowserNotebookIT {
    @TempDir Path tmp;

    @Test
    void aResearcherTypesACellInTheBrowserAndSeesItsOutput() throws Exception {
        assumeFalse("1".equals(System.getenv("EMOAUG_SKIP_BROWSER")), "EMOAUG_SKIP_BROWSER=1");
        Path root = NotebooksIT.root();
        assertTrue(Files.isRegularFile(root.resolve("environment/.state/python")),
                "Jupyter is not set up: run environment/setup.sh (the README's test command does)");
        Path log = tmp.resolve("browser.log");
        LoggedProcess r = LoggedProcess.run(new ProcessBuilder(List.of(root.resolve("environment/browser-check").toString())).directory(root.toFile()), log, 15);
        String text = r.log();
        System.out.println(text);
        assertTrue(r.done(), "the browser check did not finish in 15 minutes:\n" + text);
        assertEquals(0, r.exit(), "the browser check failed:\n" + text);
        assertTrue(text.contains("output appeared: 'browser check: 6 x 7 = 42"), text);
        assertTrue(text.contains("closed"), "the server was stopped and its port closed:\n" + text);
    }
}
