package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaugnet.audio.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emoaug corpus prepare} against the committed checksum lists: usage, and inputs that are not the corpora. */
class CorpusPrepareTest {
    @TempDir Path dir;

    @Test
    void needsAnInputAndKnowsItsOptions() {
        MainTest.Run none = MainTest.run("corpus", "prepare", "--data", dir.toString());
        assertEquals(1, none.code());
        assertTrue(none.err().contains("needs --ravdess"), none.err());
        MainTest.Run unknown = MainTest.run("corpus", "prepare", "--ravdess", "x.zip", "--data", dir.toString(), "--seed", "3");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("unknown option '--seed'"), unknown.err());
    }

    @Test
    void originalsThatAreNotTheCommittedOnesAreListedAndNothingIsWritten() throws Exception {
        Path originals = dir.resolve("download");
        Path f = originals.resolve("Actor_01/03-01-01-01-01-01-01.wav");
        Files.createDirectories(f.getParent());
        WavWriter.writePcm16(f, new float[4800], 48_000);
        Path data = Files.createDirectories(dir.resolve("corpora"));
        MainTest.Run r = MainTest.run("corpus", "prepare", "--ravdess", originals.toString(), "--data", data.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("0 of 1440 listed files byte-identical to ravdess-48k.sha256, 1439 missing, 1 differing"), r.err());
        assertTrue(r.err().contains("differing: Actor_01/03-01-01-01-01-01-01.wav"), r.err());
        assertTrue(r.err().contains("nothing converted"), r.err());
        try (var s = Files.list(data)) {
            assertEquals(0, s.count());
        }
        MainTest.Run e = MainTest.run("corpus", "prepare", "--emodb", dir.resolve("absent.zip").toString(), "--data", data.toString());
        assertEquals(2, e.code());
        assertTrue(e.err().contains("absent.zip: no such file or folder"), e.err());
    }
}
