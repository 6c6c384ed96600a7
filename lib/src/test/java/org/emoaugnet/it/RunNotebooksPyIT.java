package org.emoaugnet.it;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python unit tests of the environment's scripts ({@code environment/test_*.py}: where {@code --fresh} puts an
 * earlier results folder, and how the main job counts the runs it trained and read back), run with the set-up's
 * Python ({@code environment/.state/python}), else {@code python3}. They need no Jupyter and no kernel.
 */
class RunNotebooksPyIT {
    @TempDir Path tmp;

    @Test
    void theEnvironmentScriptsPassTheirPythonUnitTests() throws Exception {
        Path root = NotebooksIT.root();
        Path state = root.resolve("environment/.state/python");
        String python = Files.isRegularFile(state) ? Files.readString(state).trim() : "python3";
        Path log = tmp.resolve("unittest.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(python, "-m", "unittest", "discover", "-v", "-s", "environment", "-p", "test_*.py"))
                .directory(root.toFile());
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");   // no __pycache__ in the checkout
        LoggedProcess r = LoggedProcess.run(pb, log, 5);
        String text = r.log();
        System.out.println(text);
        assertTrue(r.done(), "the Python unit tests did not finish in 5 minutes:\n" + text);
        assertEquals(0, r.exit(), "the Python unit tests failed:\n" + text);
        assertTrue(text.matches("(?s).*Ran [1-9][0-9]* tests?.*"), "some tests ran:\n" + text);
    }
}
