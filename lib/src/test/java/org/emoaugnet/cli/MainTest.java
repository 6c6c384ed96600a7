package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaugnet.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir Path dir;

    @BeforeAll
    static void quiet() { Progress.setQuiet(true); }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true), new PrintStream(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void generatesAndListsTheSyntheticCorpus() throws Exception {
        Path out = dir.resolve("synth");
        Run g = run("synth", "generate", "--out", out.toString(), "--speakers", "2", "--seed", "3");
        assertEquals(0, g.code(), g.err());
        assertTrue(g.out().contains("120 files"));
        Run l = run("corpus", "list", "--data", out.toString());
        assertEquals(0, l.code(), l.err());
        assertTrue(l.out().contains("synthetic: files by emotion"));
        assertTrue(l.out().contains("Actor_02"));
        assertTrue(l.out().matches("(?s).*surprised\\s*\\|\\s*16\\s*\\|.*"), l.out());
        Run f = run("corpus", "find", "--data", dir.toString());
        assertEquals(0, f.code());
        assertTrue(f.out().startsWith("synthetic\t"));
    }

    @Test
    void badDataExitsTwoNamingTheFile() throws Exception {
        Path out = dir.resolve("synth");
        run("synth", "generate", "--out", out.toString(), "--speakers", "2");
        Path broken = out.resolve("Actor_01/03-01-01-01-01-01-01.wav");
        Files.write(broken, new byte[] {1, 2, 3});
        Run l = run("corpus", "list", "--data", out.toString());
        assertEquals(2, l.code());
        assertTrue(l.err().contains(broken.toString()), l.err());
        assertEquals(0, run("corpus", "list", "--data", out.toString(), "--skip-bad").code());
    }

    @Test
    void usageErrorsExitOne() {
        assertEquals(1, run("frobnicate").code());
        assertEquals(1, run("synth", "generate").code());
        assertEquals(1, run("synth", "generate", "--out", "x", "--speakers", "many").code());
        assertEquals(0, run("help").code());
        assertEquals(2, run("corpus", "list", "--data", dir.resolve("nothing").toString()).code());
    }
}
