package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaugnet.audio.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emoaug corpus prepare} against the committed checksum lists: usage, and inputs that are not the corpora. */
class CorpusPrepareTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true), new PrintStream(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void needsAnInputAndKnowsItsOptions() {
        Run none = run("corpus", "prepare", "--data", dir.toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("needs --ravdess"), none.err());
        Run unknown = run("corpus", "prepare", "--ravdess", "x.zip", "--data", dir.toString(), "--seed", "3");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("not --seed"), unknown.err());
    }

    @Test
    void originalsThatAreNotTheCommittedOnesAreListedAndNothingIsWritten() throws Exception {
        Path originals = dir.resolve("download");
        Path f = originals.resolve("Actor_01/03-01-01-01-01-01-01.wav");
        Files.createDirectories(f.getParent());
        WavWriter.writePcm16(f, new float[4800], 48_000);
        Path data = Files.createDirectories(dir.resolve("corpora"));
        Run r = run("corpus", "prepare", "--ravdess", originals.toString(), "--data", data.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("0 of 1440 listed files byte-identical to ravdess-48k.sha256, 1439 missing, 1 differing"), r.err());
        assertTrue(r.err().contains("differing: Actor_01/03-01-01-01-01-01-01.wav"), r.err());
        assertTrue(r.err().contains("nothing converted"), r.err());
        try (var s = Files.list(data)) {
            assertEquals(0, s.count());
        }
        Run e = run("corpus", "prepare", "--emodb", dir.resolve("absent.zip").toString(), "--data", data.toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains("absent.zip: no such file or folder"), e.err());
    }
}
