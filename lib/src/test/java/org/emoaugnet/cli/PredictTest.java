package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.emoaugnet.Fixtures;
import org.emoaugnet.audio.WavWriter;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.features.Scaler;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.ModelFactory;
import org.emoaugnet.model.SavedModel;
import org.emoaugnet.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * {@code predict} for real use, on a saved (untrained, seeded) network of the public pipeline: every file gets its
 * record, a bad file its error, formats that a tool can read, and warnings for input a model should not be trusted on.
 */
class PredictTest {
    static final List<String> CLASSES = List.of("angry", "happy", "neutral", "sad");

    @TempDir static Path dir;
    static Path model, good, other, bad;

    @BeforeAll
    static void model() throws IOException {
        Progress.setQuiet(true);
        var net = ModelFactory.build(ModelConfig.preset("compact-cnn-lstm", "relu"), 22, 108, CLASSES.size(), 1e-3, 7);
        model = dir.resolve("model");
        new SavedModel(net, Scaler.identity(22), CLASSES, "compact-cnn-lstm", FeatureSpec.publicPipeline().key(), Dataset.Layout.SEQUENCE).save(model);
        good = Fixtures.wav(dir.resolve("good.wav"), 16000, 3.5, 1);   // longer than the public pipeline's window (0.6 s + 2.5 s)
        other = Fixtures.wav(dir.resolve("other.wav"), 16000, 3.5, 2);
        bad = Files.writeString(dir.resolve("bad.wav"), "not audio");
    }

    @Test
    void aBadFileGetsItsErrorAndTheOthersArePredicted() {
        MainTest.Run r = MainTest.run("predict", "--model", model.toString(), good.toString(), bad.toString(), other.toString());
        assertEquals(2, r.code(), "a file failed: exit code 2 at the end");
        String[] lines = r.out().split("\n");
        assertEquals(4, lines.length, "a header and three result lines: " + r.out());
        assertEquals(String.join("\t", List.of("file", "class", "angry", "happy", "neutral", "sad", "warnings", "error")), lines[0]);
        String[] first = lines[1].split("\t", -1), failed = lines[2].split("\t", -1), last = lines[3].split("\t", -1);
        assertEquals(good.toString(), first[0]);
        assertTrue(CLASSES.contains(first[1]) && first[7].isEmpty() && first[6].isEmpty(), lines[1]);
        assertEquals(bad.toString(), failed[0]);
        assertTrue(failed[1].isEmpty() && failed[2].isEmpty() && failed[7].contains("bad.wav"), "the bad file's error, no class: " + lines[2]);
        assertEquals(other.toString(), last[0]);
        assertTrue(CLASSES.contains(last[1]), "the file after the bad one is predicted: " + lines[3]);
        assertTrue(r.err().contains("1 of 3 file(s) could not be predicted"), r.err());
        assertEquals(0, MainTest.run("predict", "--model", model.toString(), good.toString()).code());
    }

    @Test
    void jsonParsesAsAnArrayOfObjects() throws IOException {
        MainTest.Run r = MainTest.run("predict", "--model", model.toString(), "--format", "json", good.toString(), bad.toString());
        assertEquals(2, r.code());
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertTrue(a.isArray());
        assertEquals(2, a.size());
        JsonNode g = a.get(0), b = a.get(1);
        assertEquals(good.toString(), g.get("file").asText());
        assertTrue(CLASSES.contains(g.get("class").asText()));
        double sum = 0;
        for (String c : CLASSES) sum += g.get("probabilities").get(c).asDouble();
        assertEquals(1.0, sum, 1e-4);
        assertTrue(g.get("warnings").isArray() && g.get("error").isNull());
        assertTrue(b.get("class").isNull() && b.get("error").asText().contains("bad.wav") && b.get("probabilities").isEmpty(), b.toString());
    }

    @Test
    void csvQuotesAndTsvEscapesFileNamesThatWouldShiftColumns() throws IOException {
        Path odd = Fixtures.wav(dir.resolve("odd,\"name\".wav"), 16000, 3.5, 3);
        MainTest.Run csv = MainTest.run("predict", "--model", model.toString(), "--format", "csv", odd.toString());
        assertEquals(0, csv.code(), csv.err());
        String[] rows = csv.out().split("\r\n");
        assertEquals("file,class,angry,happy,neutral,sad,warnings,error", rows[0]);
        assertTrue(rows[1].startsWith("\"" + odd.toString().replace("\"", "\"\"") + "\","), rows[1]);
        Path tab = Fixtures.wav(dir.resolve("tab\there.wav"), 16000, 3.5, 4);
        MainTest.Run tsv = MainTest.run("predict", "--model", model.toString(), tab.toString());
        assertEquals(0, tsv.code(), tsv.err());
        String[] lines = tsv.out().split("\n");
        assertEquals(8, lines[1].split("\t", -1).length, "the tab in the name does not add a column: " + lines[1]);
        assertTrue(lines[1].startsWith(tab.toString().replace("\t", "\\t") + "\t"), lines[1]);
        assertEquals("a\\tb\\\\c\\nd", PredictionWriter.tsvCell("a\tb\\c\nd"));
        assertEquals("\"a,b\"", PredictionWriter.csvCell("a,b"));
        assertEquals("plain", PredictionWriter.csvCell("plain"));
    }

    @Test
    void silenceClippingAndShortClipsAreWarnedAbout() throws IOException {
        Path silent = dir.resolve("silent.wav");
        WavWriter.writePcm16(silent, new float[16000 * 4], 16000);
        Path clipped = dir.resolve("clipped.wav");
        WavWriter.writePcm16(clipped, Fixtures.sine(16000, 3.5, 220, 2.0), 16000);
        Path shortClip = Fixtures.wav(dir.resolve("short.wav"), 16000, 1.0, 5);
        MainTest.Run r = MainTest.run("predict", "--model", model.toString(), silent.toString(), clipped.toString(), shortClip.toString(), good.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertTrue(lines[1].split("\t", -1)[6].contains("digital silence: every sample is zero"), lines[1]);
        assertTrue(lines[2].split("\t", -1)[6].matches("clipped: [0-9.]+ % of the samples at full scale \\(more than 0\\.10 %\\)"), lines[2]);
        assertTrue(lines[3].split("\t", -1)[6].contains("short: 0.40 s of audio in the model's 2.50 s window (zero-padded)"), lines[3]);
        assertEquals("", lines[4].split("\t", -1)[6], "a clean, long enough file has no warning");
        Path quiet = dir.resolve("quiet.wav");
        WavWriter.writePcm16(quiet, Fixtures.sine(16000, 3.5, 220, 0.0005), 16000);   // -66 dBFS
        MainTest.Run q = MainTest.run("predict", "--model", model.toString(), quiet.toString());
        assertTrue(q.out().contains("digital silence: peak -66."), q.out());
    }

    @Test
    void aTruncatedNetworkIsNamedAsCorrupt() throws IOException {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        for (String f : List.of("model.properties", "scaler.csv")) Files.copy(model.resolve(f), broken.resolve(f));
        byte[] zip = Files.readAllBytes(model.resolve("network.zip"));
        Files.write(broken.resolve("network.zip"), java.util.Arrays.copyOf(zip, zip.length / 2));
        MainTest.Run r = MainTest.run("predict", "--model", broken.toString(), good.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(broken.resolve("network.zip") + ": not a readable DL4J network"), r.err());
    }
}
