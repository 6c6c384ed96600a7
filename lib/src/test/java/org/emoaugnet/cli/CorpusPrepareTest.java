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

    /** --savee, --urdu and --emodb-original check their sources against the committed lists before anything is written. */
    @Test
    void saveeUrduAndEmoDbSourcesThatAreNotTheCommittedOnesAreListedAndNothingIsWritten() throws Exception {
        Path data = Files.createDirectories(dir.resolve("corpora"));
        Path savee = dir.resolve("EmoNet/server/data/SAVEE");
        Files.createDirectories(savee);
        WavWriter.writePcm16(savee.resolve("DC_a01.wav"), new float[4410], 44_100);
        MainTest.Run s = MainTest.run("corpus", "prepare", "--savee", dir.resolve("EmoNet").toString(), "--data", data.toString());
        assertEquals(2, s.code(), s.err());
        assertTrue(s.err().contains("SAVEE originals in " + dir.resolve("EmoNet")), s.err());
        assertTrue(s.err().contains("0 of 480 listed files byte-identical to savee-44k.sha256, 479 missing, 1 differing"), s.err());
        assertTrue(s.err().contains("differing: DC_a01.wav"), s.err());
        assertTrue(s.err().contains("nothing converted"), s.err());
        Path urdu = dir.resolve("URDU-Dataset");
        Files.createDirectories(urdu.resolve("Angry"));
        WavWriter.writePcm16(urdu.resolve("Angry/SM1_F99_A0999.wav"), new float[4410], 44_100);
        MainTest.Run u = MainTest.run("corpus", "prepare", "--urdu", urdu.toString(), "--data", data.toString());
        assertEquals(2, u.code(), u.err());
        assertTrue(u.err().contains("0 of 400 listed files byte-identical to urdu-44k.sha256, 400 missing, 1 not listed"), u.err());
        assertTrue(u.err().contains("not listed: Angry/SM1_F99_A0999.wav"), u.err());
        Path emodb = dir.resolve("download");
        Files.createDirectories(emodb.resolve("wav"));
        WavWriter.writePcm16(emodb.resolve("wav/03a01Fa.wav"), new float[1600], 16_000);
        MainTest.Run o = MainTest.run("corpus", "prepare", "--emodb-original", emodb.toString(), "--data", data.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("0 of 535 listed files byte-identical to emodb-16k.sha256, 534 missing, 1 differing"), o.err());
        try (var l = Files.list(data)) {
            assertEquals(0, l.count());
        }
    }
}
