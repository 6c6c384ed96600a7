package org.emoaugnet.data.prepare;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.emoaugnet.audio.WavInfo;
import org.emoaugnet.audio.WavReader;
import org.emoaugnet.data.CorpusException;
import org.emoaugnet.util.Sha256;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code corpus prepare --ravdess} end to end on generated originals in the download's layout (zipped as
 * {@code Actor_XX/…}), with checksum lists made for them here. The conversion runs where SoX is installed and is
 * skipped with a message where it is not; the checks of the originals and the bad-input errors run everywhere.
 */
class RavdessPreparationTest {
    @TempDir Path dir;
    Path originals;
    ChecksumList list48;

    @BeforeEach
    void generate() throws IOException {
        originals = dir.resolve("extracted");
        list48 = GeneratedOriginals.writeRavdess(originals);
    }

    static Optional<Sox> sox() throws IOException {
        Optional<Sox> s = Sox.find();
        if (s.isEmpty()) System.out.println("RavdessPreparationTest: SoX not installed, the conversion is not tested here (" + Sox.missingMessage() + ")");
        return s;
    }

    /** The 16 kHz list, made with SoX run by hand exactly as the committed copy was made (not through the class under test). */
    ChecksumList list16(Sox sox) throws Exception {
        Map<String, String> sha = new TreeMap<>();
        for (String f : GeneratedOriginals.RAVDESS) {
            Path out = dir.resolve("by-hand").resolve(f);
            Files.createDirectories(out.getParent());
            Process p = new ProcessBuilder(sox.executable().toString(), "-R", originals.resolve(f).toString(), "-r", "16000", "-c", "1",
                    "-b", "16", out.toString()).inheritIO().start();
            assertEquals(0, p.waitFor());
            sha.put(f, Sha256.of(out));
        }
        return ChecksumList.of("generated-16k", sha);
    }

    @Test
    void zippedOriginalsAreConvertedIntoByteIdenticalFiles() throws Exception {
        Optional<Sox> sox = sox();
        Assumptions.assumeTrue(sox.isPresent(), "SoX not installed: conversion skipped");
        Path zip = GeneratedOriginals.zip(originals, dir.resolve("Audio_Speech_Actors_01-24.zip"), "", true);
        ChecksumList list16 = list16(sox.get());
        Path out = dir.resolve("data/ravdess");
        var r = new RavdessPreparation(list48, list16).prepare(zip, out, sox);
        assertTrue(r.originals().matches(), r.text());
        assertTrue(r.identical(), r.text());
        assertEquals(GeneratedOriginals.RAVDESS, r.output().identical());
        assertTrue(r.text().contains("4 of 4 listed files byte-identical to generated-16k"), r.text());
        assertTrue(r.text().contains("=> byte-identical"), r.text());
        for (String f : GeneratedOriginals.RAVDESS) {
            WavInfo i = WavReader.info(out.resolve(f));
            assertEquals(16_000, i.sampleRate(), f);
            assertEquals(1, i.channels(), f);
            assertEquals(16, i.bitsPerSample(), f);
            long n48 = WavReader.info(originals.resolve(f)).frames();
            assertTrue(Math.abs(i.frames() - n48 / 3) <= 1, f + ": " + i.frames() + " frames from " + n48);
        }
        // nothing left beside the corpus: the staging and scratch folders are gone
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertEquals(List.of(out), s.toList());
        }
        // the same from the extracted folder, a few folders down (as a repository or a Kaggle download holds it)
        Path nested = dir.resolve("nested/audio_speech_actors_01-24");
        GeneratedOriginals.writeRavdess(nested);
        var fromFolder = new RavdessPreparation(list48, list16).prepare(dir.resolve("nested"), dir.resolve("data2/ravdess"), sox);
        assertTrue(fromFolder.identical(), fromFolder.text());
    }

    @Test
    void aPreparedFileThatDiffersFromTheListIsNamed() throws Exception {
        Optional<Sox> sox = sox();
        Assumptions.assumeTrue(sox.isPresent(), "SoX not installed: conversion skipped");
        ChecksumList right = list16(sox.get());
        Map<String, String> wrong = new TreeMap<>(right.sha256ByPath());
        String changed = GeneratedOriginals.RAVDESS.get(1);
        wrong.put(changed, "0".repeat(64));
        wrong.put("Actor_03/03-01-01-01-01-01-03.wav", "1".repeat(64));
        var r = new RavdessPreparation(list48, ChecksumList.of("wrong-16k", wrong)).prepare(originals, dir.resolve("out"), sox);
        assertFalse(r.identical());
        assertEquals(List.of(changed), r.output().differing().stream().map(ChecksumList.Difference::path).toList());
        assertEquals(List.of("Actor_03/03-01-01-01-01-01-03.wav"), r.output().missing());
        assertTrue(r.text().contains("differing: " + changed), r.text());
        assertTrue(r.text().contains("NOT byte-identical"), r.text());
    }

    @Test
    void withoutSoxTheOriginalsAreStillCheckedAndNothingIsWritten() throws Exception {
        assertEquals(Optional.empty(), Sox.find(dir.resolve("no-bin").toString()));
        Path zip = GeneratedOriginals.zip(originals, dir.resolve("o.zip"), "", true);
        Path out = dir.resolve("data/ravdess");
        var e = assertThrows(CorpusException.class, () -> new RavdessPreparation(list48, list48).prepare(zip, out, Optional.empty()));
        assertTrue(e.getMessage().contains("4 of 4 listed files byte-identical to generated-48k"), e.getMessage());
        assertTrue(e.getMessage().contains("SoX is not installed"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install -y sox"), e.getMessage());
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertEquals(List.of(), s.toList(), "nothing written, no staging left");
        }
    }

    @Test
    void originalsAreCheckedFromAZipAndFromAFolder() throws Exception {
        var p = new RavdessPreparation(list48, list48);
        var fromFolder = p.check(originals);
        assertTrue(fromFolder.matches(), fromFolder.text());
        Path zip = GeneratedOriginals.zip(originals, dir.resolve("o.zip"), "Audio_Speech_Actors_01-24/", true);
        Files.writeString(originals.resolve("Actor_01/notes.txt"), "not a corpus file");
        var fromZip = p.check(GeneratedOriginals.zip(originals, dir.resolve("o2.zip"), "", false));
        assertTrue(fromZip.matches(), fromZip.text());
        assertTrue(p.check(zip).matches());
        assertEquals(4, p.check(zip).comparison().identical().size());
    }

    @Test
    void missingExtraAndDifferingOriginalsAreListedAndNothingIsConverted() throws Exception {
        Files.delete(originals.resolve(GeneratedOriginals.RAVDESS.get(0)));
        Files.copy(originals.resolve(GeneratedOriginals.RAVDESS.get(1)), originals.resolve("Actor_02/03-01-03-01-01-01-02.wav"));
        Path changed = originals.resolve(GeneratedOriginals.RAVDESS.get(3));
        byte[] b = Files.readAllBytes(changed);
        b[b.length - 2] ^= 1;   // one sample changed: still a WAV file, other content
        Files.write(changed, b);
        Path zip = GeneratedOriginals.zip(originals, dir.resolve("o.zip"), "", true);
        var check = new RavdessPreparation(list48, list48).check(zip);
        assertFalse(check.matches());
        var c = check.comparison();
        assertEquals(List.of(GeneratedOriginals.RAVDESS.get(0)), c.missing());
        assertEquals(List.of("Actor_02/03-01-03-01-01-01-02.wav"), c.extra());
        assertEquals(List.of(GeneratedOriginals.RAVDESS.get(3)), c.differing().stream().map(ChecksumList.Difference::path).toList());
        assertEquals(List.of(), check.undecodable());
        var e = assertThrows(CorpusException.class,
                () -> new RavdessPreparation(list48, list48).prepare(zip, dir.resolve("out"), Optional.of(new Sox(Path.of("/nonexistent/sox"), "14.4.2"))));
        for (String expected : List.of("missing: " + GeneratedOriginals.RAVDESS.get(0), "not listed: Actor_02/03-01-03-01-01-01-02.wav",
                "differing: " + GeneratedOriginals.RAVDESS.get(3), "nothing converted", zip.toString()))
            assertTrue(e.getMessage().contains(expected), expected + " in\n" + e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aWavThatDoesNotDecodeIsNamedWithTheReason() throws Exception {
        String broken = GeneratedOriginals.RAVDESS.get(2);
        byte[] b = Files.readAllBytes(originals.resolve(broken));
        Files.write(originals.resolve(broken), java.util.Arrays.copyOf(b, 30));   // cut inside the header
        Path zip = GeneratedOriginals.zip(originals, dir.resolve("o.zip"), "", true);
        var check = new RavdessPreparation(list48, list48).check(zip);
        assertEquals(1, check.undecodable().size(), check.text());
        assertTrue(check.undecodable().get(0).startsWith(zip + "!" + broken + ": "), check.undecodable().get(0));
        var e = assertThrows(CorpusException.class, () -> new RavdessPreparation(list48, list48).prepare(zip, dir.resolve("out"), Optional.empty()));
        assertTrue(e.getMessage().contains("does not decode: " + zip + "!" + broken), e.getMessage());
    }

    @Test
    void aTruncatedOrDamagedArchiveIsAnErrorNamingIt() throws Exception {
        Path zip = GeneratedOriginals.zip(originals, dir.resolve("o.zip"), "", false);
        byte[] all = Files.readAllBytes(zip);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        var e = assertThrows(CorpusException.class, () -> new RavdessPreparation(list48, list48).check(cut));
        assertTrue(e.getMessage().startsWith(cut + ": not a readable zip archive"), e.getMessage());

        byte[] damaged = all.clone();
        damaged[30 + GeneratedOriginals.RAVDESS.get(0).length() + 200] ^= 0x55;   // inside the first entry's (stored) data
        Path bad = dir.resolve("damaged.zip");
        Files.write(bad, damaged);
        var d = assertThrows(CorpusException.class, () -> new RavdessPreparation(list48, list48).check(bad));
        assertTrue(d.getMessage().startsWith(bad + "!" + GeneratedOriginals.RAVDESS.get(0) + ": cannot be read from the archive"), d.getMessage());

        Path notZip = dir.resolve("notes.zip");
        Files.writeString(notZip, "hello");
        assertTrue(assertThrows(CorpusException.class, () -> new RavdessPreparation(list48, list48).check(notZip)).getMessage()
                .startsWith(notZip + ": not a readable zip archive"));
        assertTrue(assertThrows(CorpusException.class, () -> new RavdessPreparation(list48, list48).check(dir.resolve("absent.zip"))).getMessage()
                .contains("no such file or folder"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertTrue(assertThrows(CorpusException.class, () -> new RavdessPreparation(list48, list48).check(empty)).getMessage()
                .contains("no RAVDESS files"));
    }

    @Test
    void twoCopiesSideBySideAndAnOccupiedTargetAreRefused() throws Exception {
        GeneratedOriginals.writeRavdess(dir.resolve("extracted/second-copy"));
        var e = assertThrows(CorpusException.class, () -> new RavdessPreparation(list48, list48).check(originals));
        assertTrue(e.getMessage().contains("is there twice"), e.getMessage());

        Path fresh = dir.resolve("fresh");
        GeneratedOriginals.writeRavdess(fresh);
        Path out = Files.createDirectories(dir.resolve("data/ravdess"));
        Files.writeString(out.resolve("keep.txt"), "a user's file");
        var o = assertThrows(CorpusException.class, () -> new RavdessPreparation(list48, list48).prepare(fresh, out, Optional.empty()));
        assertTrue(o.getMessage().startsWith(out + ": already exists and is not empty"), o.getMessage());
        assertEquals("a user's file", Files.readString(out.resolve("keep.txt")));
    }
}
