package org.emoaugnet.data.prepare;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.audio.Resampler;
import org.emoaugnet.audio.WavReader;
import org.emoaugnet.audio.WavWriter;
import org.emoaugnet.data.CorpusException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code corpus prepare --emodb} on a generated corpus in the layout of EmoDB's download.zip. */
class EmoDb2sPreparationTest {
    @TempDir Path dir;
    Path full;
    /** Names (and made-up SHA-256) standing for the third-party derivative's list. */
    ChecksumList derivative;

    static final Map<String, Double> SECONDS = Map.of("wav/03a01Fa.wav", 1.5, "wav/03a01Nc.wav", 2.5, "wav/08b02Wb.wav", 2.0);

    @BeforeEach
    void generate() throws Exception {
        full = dir.resolve("download");
        Map<String, String> list = new TreeMap<>();
        int seed = 0;
        for (var e : new TreeMap<>(SECONDS).entrySet()) {
            Path f = full.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            WavWriter.writePcm16(f, GeneratedOriginals.tone(16_000, e.getValue(), 150 + 30 * seed, seed++), 16_000);
            list.put(e.getKey(), "0".repeat(64));
        }
        Files.createDirectories(full.resolve("lablaut"));
        Files.writeString(full.resolve("lablaut/03a01Fa.lab"), "labels: not part of the derivative");
        Files.writeString(full.resolve("erklaerung.txt"), "readme");
        derivative = ChecksumList.of("third-party-2s", list);
    }

    @Test
    void buildsTwoSecondFilesByTheRuleAndSaysTheyAreNotTheCommittedOnes() throws Exception {
        Path zip = GeneratedOriginals.zip(full, dir.resolve("download.zip"), "", true);
        Path out = dir.resolve("data/emodb-2s");
        var r = new EmoDb2sPreparation(derivative).prepare(zip, out);
        assertEquals(Map.of(16_000, 3), r.filesByRate());
        assertEquals(1, r.cut());
        assertEquals(1, r.padded());
        assertEquals(0, r.againstCommitted().identical().size());
        assertEquals(3, r.againstCommitted().differing().size());
        assertTrue(r.text().contains("NOT byte-identical to the derivative the committed runs used"), r.text());
        assertTrue(r.text().contains("resampler is unknown"), r.text());
        for (var e : SECONDS.entrySet()) {
            var d = WavReader.read(out.resolve(e.getKey()));
            assertEquals(22_050, d.info().sampleRate());
            assertEquals(1, d.channels().length);
            assertEquals(44_100, d.info().frames(), e.getKey());
            float[] resampled = Resampler.resample(WavReader.read(full.resolve(e.getKey())).mono(), 16_000, 22_050);
            float[] y = d.channels()[0];
            for (int i = 0; i < 44_100; i++) {
                float want = i < resampled.length ? resampled[i] : 0f;
                assertEquals(want, y[i], 0.5 / 32768 + 1e-7, e.getKey() + " sample " + i);
            }
        }
        try (var s = Files.list(out.getParent())) {
            assertEquals(List.of(out), s.toList(), "no staging left");
        }
        // the same from the extracted folder
        var again = new EmoDb2sPreparation(derivative).prepare(full, dir.resolve("data2/emodb-2s"));
        for (String f : SECONDS.keySet())
            assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(dir.resolve("data2/emodb-2s").resolve(f)));
        assertEquals(r.againstCommitted(), again.againstCommitted());
    }

    @Test
    void missingOrUnlistedRecordingsAndUndecodableFilesAreErrors() throws Exception {
        Files.delete(full.resolve("wav/03a01Nc.wav"));
        Files.writeString(full.resolve("wav/16b10Td.wav"), "not audio");
        var e = assertThrows(CorpusException.class, () -> new EmoDb2sPreparation(derivative).prepare(full, dir.resolve("out")));
        assertTrue(e.getMessage().contains("missing: wav/03a01Nc.wav"), e.getMessage());
        assertTrue(e.getMessage().contains("not listed: wav/16b10Td.wav"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));

        Files.delete(full.resolve("wav/16b10Td.wav"));
        Files.writeString(full.resolve("wav/03a01Nc.wav"), "not audio either");
        Path zip = GeneratedOriginals.zip(full, dir.resolve("download.zip"), "", true);
        var d = assertThrows(CorpusException.class, () -> new EmoDb2sPreparation(derivative).prepare(zip, dir.resolve("out")));
        assertTrue(d.getMessage().contains(zip + "!wav/03a01Nc.wav: "), d.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void theCommittedListNamesEmoDbs535Recordings() throws Exception {
        ChecksumList c = ChecksumList.committed(ChecksumList.EMODB_2S);
        assertEquals(535, c.size());
        assertTrue(c.sha256ByPath().keySet().stream().allMatch(p -> p.matches("wav/\\d\\d[a-z]\\d\\d[WLEAFTN][a-z]\\.wav")));
    }
}
