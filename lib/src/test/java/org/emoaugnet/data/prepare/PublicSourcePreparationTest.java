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
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.CorpusException;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.data.loaders.Corpora;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code corpus prepare --savee / --urdu / --emodb-original} end to end on generated sources in each public source's
 * layout and packaging (SAVEE: a tar as {@code git archive 63132ce server/data/SAVEE} writes it; URDU: a zip as GitHub's
 * "Download ZIP" of the authors' repository; EmoDB: the official download's zip, with its other folders), with
 * checksum lists made for them here. SoX conversion runs where SoX is installed and is skipped with a message where it
 * is not; EmoDB's originals are copied, so its preparation runs everywhere, as do the checks of the sources.
 */
class PublicSourcePreparationTest {
    @TempDir Path dir;

    /** A generated source: the corpus, its files and rate, the archive a user would download, and the loader's expectations. */
    enum Source {
        SAVEE(PublicCorpus.SAVEE, GeneratedOriginals.SAVEE, 44_100) {
            @Override Path pack(Path root, Path dir) throws IOException { return GeneratedOriginals.tar(root, dir.resolve("savee.tar"), "server/data/SAVEE/", false); }
        },
        URDU(PublicCorpus.URDU, GeneratedOriginals.URDU, 44_100) {
            @Override Path pack(Path root, Path dir) throws IOException { return GeneratedOriginals.zip(root, dir.resolve("URDU-Dataset-master.zip"), "URDU-Dataset-master/", true); }
        },
        EMODB(PublicCorpus.EMODB, GeneratedOriginals.EMODB, 16_000) {
            @Override Path pack(Path root, Path dir) throws IOException {
                Files.createDirectories(root.resolve("lablaut"));
                Files.writeString(root.resolve("lablaut/03a01Fa.lab"), "not a corpus file");
                return GeneratedOriginals.zip(root, dir.resolve("download.zip"), "", true);
            }
        };

        final PublicCorpus corpus;
        final List<String> files;
        final int rate;

        Source(PublicCorpus corpus, List<String> files, int rate) {
            this.corpus = corpus;
            this.files = files;
            this.rate = rate;
        }

        abstract Path pack(Path root, Path dir) throws IOException;

        boolean converts() { return corpus.conversion() == PublicCorpus.Conversion.SOX_16K; }

        ChecksumList write(Path root) throws IOException { return GeneratedOriginals.writeMono(root, files, rate, "generated-" + name().toLowerCase()); }
    }

    static Optional<Sox> sox() throws IOException {
        Optional<Sox> s = Sox.find();
        if (s.isEmpty()) System.out.println("PublicSourcePreparationTest: SoX not installed, the conversion is not tested here (" + Sox.missingMessage() + ")");
        return s;
    }

    /** The prepared files' list: by SoX run by hand, or (copied files) the originals' own. */
    ChecksumList preparedList(Source s, ChecksumList originals, Path root, Optional<Sox> sox) throws Exception {
        return s.converts() ? GeneratedOriginals.soxByHand(sox.orElseThrow(), root, s.files, dir.resolve("by-hand"), "generated-16k") : originals;
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void aGoodSourceIsPreparedAndItsLoaderReadsSpeakersAndEmotions(Source s) throws Exception {
        Optional<Sox> sox = sox();
        Assumptions.assumeTrue(!s.converts() || sox.isPresent(), "SoX not installed: conversion skipped");
        Path root = dir.resolve("extracted");
        ChecksumList originals = s.write(root);
        ChecksumList prepared = preparedList(s, originals, root, sox);
        Path archive = s.pack(root, dir);
        Path data = dir.resolve("data");
        var r = new SourcePreparation(s.corpus, originals, prepared).prepare(archive, data.resolve(s.corpus.folder()), sox);
        assertTrue(r.originals().matches(), r.text());
        assertTrue(r.identical(), r.text());
        assertEquals(s.files, r.output().identical());
        assertTrue(r.text().contains(s.files.size() + " of " + s.files.size() + " listed files byte-identical to " + originals.name()), r.text());
        assertTrue(r.text().contains("lengths vary, as recordings of their own length do"), r.text());
        assertTrue(r.text().contains(s.converts() ? "converted with SoX" : "copied unchanged"), r.text());
        assertTrue(r.text().contains("=> byte-identical to " + s.corpus.preparedAre()), r.text());
        Path out = data.resolve(s.corpus.folder());
        for (String f : s.files) {
            WavInfo i = WavReader.info(out.resolve(f));
            assertEquals(16_000, i.sampleRate(), f);
            assertEquals(1, i.channels(), f);
            assertEquals(16, i.bitsPerSample(), f);
            long n = WavReader.info(root.resolve(f)).frames();
            assertEquals(Math.round(n * 16_000.0 / s.rate), i.frames(), f);
        }
        try (Stream<Path> l = Files.list(data)) {
            assertEquals(List.of(out), l.toList(), "nothing left beside the corpus: the staging and scratch folders are gone");
        }
        var found = Corpora.find(data);
        assertEquals(1, found.size(), found.toString());
        assertEquals(out, found.get(0).root());
        Corpus c = found.get(0).load().corpus();
        assertEquals(s.files.size(), c.size());
        expectSpeakersAndEmotions(s, c);
    }

    private static void expectSpeakersAndEmotions(Source s, Corpus c) {
        Map<String, String> speakerEmotion = new TreeMap<>();
        for (Utterance u : c.utterances()) speakerEmotion.put(u.id(), u.speaker() + " " + u.emotion().label() + " " + u.gender().label());
        switch (s) {
            case SAVEE -> {
                assertEquals("savee", c.name());
                assertEquals(Map.of("DC_a01", "DC angry male", "DC_n01", "DC neutral male", "DC_n02", "DC neutral male", "JE_sa01", "JE sad male",
                        "JK_su01", "JK surprised male", "KL_h01", "KL happy male"), speakerEmotion);
                assertEquals(4, Corpora.speakerIndependent(c, 1).size(), "leave one speaker out");
            }
            case URDU -> {
                assertEquals("urdu", c.name());
                assertEquals(Map.of("SM1_F1_A01", "SM1 angry male", "SM3_F1_A02", "SM3 angry male", "SF1_F1_H01", "SF1 happy female",
                        "SM3_F1_N01", "SM3 neutral male", "SF10_F1_S01", "SF10 sad female"), speakerEmotion);
            }
            case EMODB -> {
                assertEquals("emodb", c.name(), "files of their own length: the full corpus, not the 2-second derivative");
                assertEquals(Map.of("03a01Fa", "03 happy male", "08b02Tc", "08 sad female", "16a04Wb", "16 angry female"), speakerEmotion);
            }
        }
        for (Utterance u : c.utterances()) assertEquals(u.speaker(), Corpora.speakerOfKey(u.key()), u.key());
    }

    /** Each way a source can differ from its list, one at a time: an error naming the file, before any conversion. */
    @ParameterizedTest
    @EnumSource(Source.class)
    void aMissingAnExtraOrADifferingFileIsAnErrorNamingItBeforeAnyConversion(Source s) throws Exception {
        Path root = dir.resolve("extracted");
        ChecksumList originals = s.write(root);
        // a SoX that cannot run: the error must come before any conversion is tried
        Optional<Sox> noSox = Optional.of(new Sox(Path.of("/nonexistent/sox"), Sox.COMMITTED_VERSION));
        String missing = s.files.get(0), changed = s.files.get(1);
        String extra = switch (s) {
            case SAVEE -> "KL_n30.wav";
            case URDU -> "Sad/SM25_F1_S0100.wav";
            case EMODB -> "wav/16b10Td.wav";
        };
        // missing
        Path a = dir.resolve("a");
        GeneratedOriginals.writeMono(a, s.files, s.rate, "");
        Files.delete(a.resolve(missing));
        expectRefused(s, originals, s.pack(a, Files.createDirectories(dir.resolve("pa"))), noSox, "missing: " + missing, "1 missing");
        // extra
        Path b = dir.resolve("b");
        GeneratedOriginals.writeMono(b, s.files, s.rate, "");
        Files.copy(b.resolve(s.files.get(2)), b.resolve(extra));
        expectRefused(s, originals, s.pack(b, Files.createDirectories(dir.resolve("pb"))), noSox, "not listed: " + extra, "1 not listed");
        // differing: one sample changed, still a WAV file
        Path c = dir.resolve("c");
        GeneratedOriginals.writeMono(c, s.files, s.rate, "");
        byte[] bytes = Files.readAllBytes(c.resolve(changed));
        bytes[bytes.length - 2] ^= 1;
        Files.write(c.resolve(changed), bytes);
        Path packed = s.pack(c, Files.createDirectories(dir.resolve("pc")));
        expectRefused(s, originals, packed, noSox, "differing: " + changed, "1 differing");
        var check = new SourcePreparation(s.corpus, originals, originals).check(packed);
        assertEquals(List.of(changed), check.comparison().differing().stream().map(ChecksumList.Difference::path).toList());
        assertEquals(List.of(), check.undecodable(), "a changed sample still decodes");
    }

    private void expectRefused(Source s, ChecksumList originals, Path source, Optional<Sox> sox, String... expected) throws IOException {
        Path out = dir.resolve("out-" + source.getParent().getFileName()).resolve(s.corpus.folder());
        var e = assertThrows(CorpusException.class, () -> new SourcePreparation(s.corpus, originals, originals).prepare(source, out, sox));
        for (String x : List.of(expected)) assertTrue(e.getMessage().contains(x), x + " in\n" + e.getMessage());
        assertTrue(e.getMessage().contains(s.corpus.name() + " originals in " + source), e.getMessage());
        assertTrue(e.getMessage().contains("nothing converted"), e.getMessage());
        assertFalse(e.getMessage().contains("SoX failed"), "no conversion was tried: " + e.getMessage());
        try (Stream<Path> l = Files.list(out.getParent())) {
            assertEquals(List.of(), l.toList(), "nothing written, no staging left");
        }
    }

    @Test
    void withoutSoxTheSourcesAreStillCheckedAndNothingIsWrittenButEmoDbIsCopied() throws Exception {
        assertEquals(Optional.empty(), Sox.find(dir.resolve("no-bin").toString()));
        for (Source s : List.of(Source.SAVEE, Source.URDU)) {
            Path root = dir.resolve("src-" + s);
            ChecksumList originals = s.write(root);
            Path out = dir.resolve("data-" + s).resolve(s.corpus.folder());
            var e = assertThrows(CorpusException.class, () -> new SourcePreparation(s.corpus, originals, originals).prepare(root, out, Optional.empty()));
            assertTrue(e.getMessage().contains(s.files.size() + " of " + s.files.size() + " listed files byte-identical"), e.getMessage());
            assertTrue(e.getMessage().contains("SoX is not installed"), e.getMessage());
            assertTrue(e.getMessage().contains("apt-get install -y sox"), e.getMessage());
            assertFalse(Files.exists(out));
        }
        Path root = dir.resolve("src-emodb");
        ChecksumList originals = Source.EMODB.write(root);
        var r = new SourcePreparation(PublicCorpus.EMODB, originals, originals).prepare(root, dir.resolve("data/emodb"), Optional.empty());
        assertTrue(r.identical(), r.text());
        assertEquals(originals.sha256ByPath(), ChecksumList.of("x", new TreeMap<>(sha256s(dir.resolve("data/emodb")))).sha256ByPath());
    }

    private static Map<String, String> sha256s(Path root) throws IOException {
        try (SourceTree t = SourceTree.open(root, PublicCorpus.EMODB.layout())) {
            return t.sha256s();
        }
    }

    @Test
    void aConversionThatGivesTheWrongFormatIsAnErrorAndNothingIsKept() throws Exception {
        // a stand-in for SoX that copies its input: 44.1 kHz files where 16 kHz ones are due
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("sox");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'sox:      SoX v14.4.2'; exit 0; fi\ncp \"$2\" \"$9\"\n");
        Assumptions.assumeTrue(fake.toFile().setExecutable(true) && Files.exists(Path.of("/bin/sh")), "no POSIX shell to run a stand-in SoX");
        Optional<Sox> copying = Sox.find(bin.toString());
        assertTrue(copying.isPresent());
        Path root = dir.resolve("extracted");
        ChecksumList originals = Source.URDU.write(root);
        Path out = dir.resolve("data/urdu");
        var e = assertThrows(CorpusException.class, () -> new SourcePreparation(PublicCorpus.URDU, originals, originals).prepare(root, out, copying));
        assertTrue(e.getMessage().contains("the prepared files are not what the conversion should give"), e.getMessage());
        assertTrue(e.getMessage().contains(GeneratedOriginals.URDU.get(0) + ": 44100 Hz, 1 channel(s), pcm16 instead of 16000 Hz mono pcm16"), e.getMessage());
        try (Stream<Path> l = Files.list(out.getParent())) {
            assertEquals(List.of(), l.toList(), "nothing kept");
        }
    }

    @Test
    void tarArchivesAreReadPlainAndGzippedWithLongNamesAndADamagedOneIsNamed() throws Exception {
        Path root = dir.resolve("extracted");
        ChecksumList originals = Source.SAVEE.write(root);
        var p = new SourcePreparation(PublicCorpus.SAVEE, originals, originals);
        String longFolder = "EmoNet-63132ce8a8a258a188fdeb8b63ab1f19f03bcc3c/a-folder-long-enough-to-need-a-pax-path-header/server/data/SAVEE/";
        for (Path t : List.of(GeneratedOriginals.tar(root, dir.resolve("plain.tar"), "server/data/SAVEE/", false),
                GeneratedOriginals.tar(root, dir.resolve("github.tar.gz"), longFolder, true))) {
            var check = p.check(t);
            assertTrue(check.matches(), check.text());
            assertEquals(GeneratedOriginals.SAVEE, check.comparison().identical());
            assertTrue(check.text().contains("44100 Hz mono pcm16; headers plausible (44 bytes beside the samples)"), check.text());
        }
        Path tar = GeneratedOriginals.tar(root, dir.resolve("x.tar"), "", false);
        byte[] all = Files.readAllBytes(tar);
        Path cut = dir.resolve("cut.tar");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        var e = assertThrows(CorpusException.class, () -> p.check(cut));
        assertTrue(e.getMessage().startsWith(cut + ": not a readable tar archive: cut short"), e.getMessage());
        byte[] damaged = all.clone();
        damaged[512 + 512 + 10] ^= 0x55;   // the name in the first file's header (after the pax global header and its data block)
        Path bad = dir.resolve("damaged.tar");
        Files.write(bad, damaged);
        var d = assertThrows(CorpusException.class, () -> p.check(bad));
        assertTrue(d.getMessage().startsWith(bad + ": not a readable tar archive: the header at byte 1024 has a wrong checksum"), d.getMessage());
        Path gz = GeneratedOriginals.tar(root, dir.resolve("y.tar.gz"), "", true);
        byte[] z = Files.readAllBytes(gz);
        Path cutGz = dir.resolve("cut.tar.gz");
        Files.write(cutGz, java.util.Arrays.copyOf(z, z.length / 2));
        var g = assertThrows(CorpusException.class, () -> p.check(cutGz));
        assertTrue(g.getMessage().startsWith(cutGz + ": not a readable gzip-compressed archive"), g.getMessage());
    }

    @Test
    void aSourceOfFixedLengthClipsIsReportedAsSuch() throws Exception {
        Path root = dir.resolve("two-second");
        Map<String, String> sha = new TreeMap<>();
        for (String f : GeneratedOriginals.URDU) {
            Path p = root.resolve(f);
            Files.createDirectories(p.getParent());
            org.emoaugnet.audio.WavWriter.writePcm16(p, GeneratedOriginals.tone(44_100, 2.0, 200, f.length()), 44_100);
            sha.put(f, org.emoaugnet.util.Sha256.of(p));
        }
        var check = new SourcePreparation(PublicCorpus.URDU, ChecksumList.of("two", sha), ChecksumList.of("two", sha)).check(root);
        assertTrue(check.audit().fixedLength());
        assertTrue(check.text().contains("FIXED LENGTH, 5 of 5 files exactly 2.000 s"), check.text());
        Path varying = dir.resolve("varying");
        var v = new SourcePreparation(PublicCorpus.URDU, Source.URDU.write(varying), ChecksumList.of("x", Map.of())).check(varying);
        assertFalse(v.audit().fixedLength(), v.text());
        assertEquals(5, v.audit().distinctLengths());
    }

    @Test
    void aSourceWithoutTheCorpusSaysWhatItLookedFor() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("README.md"), "no audio");
        for (PublicCorpus c : List.of(PublicCorpus.SAVEE, PublicCorpus.URDU, PublicCorpus.EMODB)) {
            var e = assertThrows(CorpusException.class, () -> new SourcePreparation(c, ChecksumList.of("x", Map.of()), ChecksumList.of("x", Map.of())).check(empty));
            assertEquals(empty + ": no " + c.name() + " files (" + c.layoutExample() + ") in it", e.getMessage());
        }
    }

    @Test
    void theCommittedListsOfTheNewSourcesHoldTheirCorporaAndSayWhereTheyCameFrom() throws Exception {
        record Expect(PublicCorpus corpus, int files, String header) {}
        for (Expect x : List.of(new Expect(PublicCorpus.SAVEE, 480, "robertjkeck2/EmoNet holds them at commit 63132ce8a8a258a188fdeb8b63ab1f19f03bcc3c"),
                new Expect(PublicCorpus.URDU, 400, "siddiquelatif/URDU-Dataset at commit"),
                new Expect(PublicCorpus.EMODB, 535, "COINS-SS21/moody-ser"))) {
            ChecksumList originals = ChecksumList.committed(x.corpus().originals()), prepared = ChecksumList.committed(x.corpus().prepared());
            assertEquals(x.files(), originals.size(), x.corpus().name());
            assertEquals(originals.sha256ByPath().keySet(), prepared.sha256ByPath().keySet(), x.corpus().name());
            assertTrue(originals.sha256ByPath().keySet().stream().allMatch(p -> x.corpus().layout().matcher(p).matches()), x.corpus().name());
            String text;
            try (var in = ChecksumList.class.getResourceAsStream("/org/emoaugnet/data/prepare/" + x.corpus().originals())) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertTrue(text.startsWith("# "), "a header first: " + x.corpus().originals());
            assertTrue(text.replace("\n# ", " ").contains(x.header()), x.corpus().originals() + " names its source: " + x.header());
        }
        // the SAVEE originals: 4 speakers x (6 emotions x 15 + 30 neutral)
        ChecksumList savee = ChecksumList.committed(ChecksumList.SAVEE_ORIGINALS);
        for (String sp : List.of("DC", "JE", "JK", "KL")) {
            assertEquals(120, savee.sha256ByPath().keySet().stream().filter(p -> p.startsWith(sp + "_")).count(), sp);
            assertEquals(30, savee.sha256ByPath().keySet().stream().filter(p -> p.startsWith(sp + "_n")).count(), sp);
        }
        ChecksumList urdu = ChecksumList.committed(ChecksumList.URDU_ORIGINALS);
        for (String e : List.of("Angry/", "Happy/", "Neutral/", "Sad/"))
            assertEquals(100, urdu.sha256ByPath().keySet().stream().filter(p -> p.startsWith(e)).count(), e);
    }
}
