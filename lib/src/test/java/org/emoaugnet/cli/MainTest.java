package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertTrue(l.out().matches("(?s).*\\nsurprised +16\\b.*"), l.out());   // a TextTable row: the emotion, then its 16 files
        Run f = run("corpus", "find", "--data", dir.toString());
        assertEquals(0, f.code());
        assertTrue(f.out().startsWith("synthetic\t"));
    }

    @Test
    void benchCompareRefusesANetworkThePyTorchTwinDoesNotBuild() {
        Run r = run("bench", "compare", "--model", "compact-cnn-lstm", "--out", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("strong-cnn-pool") && r.err().contains("'compact-cnn-lstm'"), r.err());
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
    void crossRefusesAnUnknownVariantBeforeTraining() throws Exception {
        Path out = dir.resolve("synth");
        run("synth", "generate", "--out", out.toString(), "--speakers", "2");
        Run c = run("experiment", "cross", "--variants", "main,bogus", "--data", out.toString(), "--cache", dir.resolve("cache").toString(),
                "--runs", dir.resolve("runs").toString());
        assertEquals(1, c.code(), "an unknown variant is a usage error: " + c.out());
        assertTrue(c.err().contains("unknown variant 'bogus'") && c.err().contains("per-speaker normalisation"), c.err());
        assertFalse(Files.exists(dir.resolve("runs")), "nothing may be trained before the variants are checked");
        assertEquals(1, run("experiment", "robustness", "--activations", "tanh", "--data", out.toString()).code());
    }

    @Test
    void resultsCompareListsEveryDifference() throws Exception {
        Path a = dir.resolve("cmp/a"), b = dir.resolve("cmp/b");
        Files.createDirectories(a.resolve("x"));
        Files.createDirectories(b.resolve("x"));
        Files.writeString(a.resolve("x/t.csv"), "name,UA (%)\nrelu,50.1\nelu,52.0\n");
        Files.writeString(b.resolve("x/t.csv"), "name,UA (%)\nrelu,50.1\nelu,52.0\n");
        Run same = run("results", "compare", "--committed", a.toString(), "--regenerated", b.toString());
        assertEquals(0, same.code(), same.out());
        assertTrue(same.out().contains("1 file(s) compared: 1 identical, 0 differ"), same.out());
        Files.writeString(b.resolve("x/t.csv"), "name,UA (%)\nrelu,50.1\nelu,51.9\n");
        Files.writeString(a.resolve("x/only.csv"), "a\n1\n");
        Run diff = run("results", "compare", "--committed", a.toString(), "--regenerated", b.toString());
        assertEquals(3, diff.code(), diff.out());
        assertTrue(diff.out().contains("DIFFERS x/t.csv") && diff.out().contains("line 3, UA (%): 52.0 -> 51.9"), diff.out());
        assertTrue(diff.out().contains("only committed: x/only.csv"), diff.out());
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(img, "png", a.resolve("x/f.png").toFile());
        img.setRGB(1, 1, 0xffffff);
        javax.imageio.ImageIO.write(img, "png", b.resolve("x/f.png").toFile());
        assertTrue(run("results", "compare", "--committed", a.toString(), "--regenerated", b.toString()).out().contains("1 of 16 pixels differ"));
    }

    @Test
    void augmentsAWavAndWritesFeatureCsv() throws Exception {
        Path in = org.emoaugnet.Fixtures.wav(dir.resolve("in.wav"), 16000, 1.0, 3);
        Path out = dir.resolve("out.wav");
        Run a = run("augment", "--in", in.toString(), "--out", out.toString(), "--aug", "stretch:0.8+noise", "--seed", "5");
        assertEquals(0, a.code(), a.err());
        assertEquals(Math.rint(22050 / 0.8), org.emoaugnet.audio.WavReader.info(out).frames(), "stretched at the working rate");
        byte[] first = Files.readAllBytes(out);
        run("augment", "--in", in.toString(), "--out", out.toString(), "--aug", "stretch:0.8+noise", "--seed", "5");
        assertArrayEquals(first, Files.readAllBytes(out), "same seed, same file");
        assertEquals(0, run("augment", "--in", in.toString(), "--out", out.toString(), "--aug", "pitch:2", "--impl", "wsola").code());
        assertEquals(1, run("augment", "--in", in.toString(), "--out", out.toString(), "--aug", "warp:3").code());
        assertEquals(1, run("augment", "--in", in.toString(), "--out", out.toString(), "--aug", "noise", "--impl", "magic").code());
        Run missing = run("augment", "--in", dir.resolve("none.wav").toString(), "--out", out.toString(), "--aug", "noise");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("none.wav") && missing.err().contains("does not exist"));

        Path csv = dir.resolve("f.csv");
        Run f = run("features", "--in", in.toString(), "--out", csv.toString());
        assertEquals(0, f.code(), f.err());
        var lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("frame,time_s,rms,zcr,mfcc_1,"));
        assertTrue(lines.get(0).endsWith(",mfcc_20"));
        assertEquals(1 + (1 + 22050 / 512), lines.size(), "header + T frames");
        assertEquals(24, lines.get(1).split(",").length);
    }

    @Test
    void usageErrorsExitOne() {
        assertEquals(1, run("frobnicate").code());
        assertEquals(1, run("synth", "generate").code());
        assertEquals(1, run("synth", "generate", "--out", "x", "--speakers", "many").code());
        assertEquals(0, run("help").code());
        assertEquals(1, run("corpus", "list", "--data", dir.resolve("nothing").toString()).code(), "a data folder that does not exist is a configuration error");
    }

    @Test
    void trainsExportsAndPredicts() throws Exception {
        Path synth = dir.resolve("synth");
        assertEquals(0, run("synth", "generate", "--out", synth.toString(), "--speakers", "2", "--seed", "3").code());
        Path cfg = Files.writeString(dir.resolve("tiny.properties"), String.join("\n", "name=tiny", "corpus=synthetic",
                "protocol=AUGMENT_AFTER_RANDOM_SPLIT", "recipe=none", "model=compact-cnn-lstm", "activation=relu", "epochs=1", "seeds=1", "folds=1", ""));
        Path model = dir.resolve("model");
        Run t = run("model", "train", "--config", cfg.toString(), "--out", model.toString(), "--data", synth.toString(),
                "--cache", dir.resolve("cache").toString(), "--runs", dir.resolve("runs").toString());
        assertEquals(0, t.code(), t.err());
        for (String f : new String[] {"network.zip", "scaler.csv", "model.properties", "run-record.properties"}) assertTrue(Files.isRegularFile(model.resolve(f)), f);
        Path a = synth.resolve("Actor_01/03-01-05-01-01-01-01.wav"), b = synth.resolve("Actor_02/03-01-04-01-02-01-02.wav");
        Run p = run("predict", "--model", model.toString(), a.toString(), b.toString());
        assertEquals(0, p.code(), p.err());
        // a header (file, class, one column per class, warnings, error), then one line per file
        String[] lines = p.out().split("\n");
        assertEquals(3, lines.length, p.out());
        String[] header = lines[0].split("\t", -1);
        assertEquals(List.of("file", "class"), List.of(header).subList(0, 2));
        assertEquals(List.of("warnings", "error"), List.of(header).subList(header.length - 2, header.length));
        for (String line : List.of(lines).subList(1, 3)) {
            String[] cells = line.split("\t", -1);
            assertEquals(header.length, cells.length, line);
            double sum = 0;
            for (int i = 2; i < cells.length - 2; i++) sum += Double.parseDouble(cells[i]);
            assertEquals(1.0, sum, 1e-3, line);
            assertTrue(List.of(header).contains(cells[1]), "the best class is one of the model's: " + line);
            assertEquals("", cells[cells.length - 1], "no error: " + line);
        }
        // an unreadable file and a folder that is no model: exit 2 naming them
        Path junk = Files.writeString(dir.resolve("junk.wav"), "not audio");
        Run bad = run("predict", "--model", model.toString(), junk.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.out().contains("junk.wav") && bad.err().contains("1 of 1 file(s) could not be predicted"), bad.out() + bad.err());
        Run noModel = run("predict", "--model", synth.toString(), a.toString());
        assertEquals(2, noModel.code());
        assertTrue(noModel.err().contains("not a saved model"), noModel.err());
    }

    @Test
    void modelTrainFromAPlanIsRefusedUntilEveryOuterFoldIsDecidedAndTakesOneSource(@TempDir Path dir) throws Exception {
        Path repo = Path.of("..").toAbsolutePath().normalize(), plan = repo.resolve("experiments/ravdess/search-2");
        Run both = run("model", "train", "--config", "x.properties", "--plan", plan.toString(), "--out", dir.resolve("m").toString());
        assertEquals(ExitCode.USAGE.code(), both.code());
        assertTrue(both.err().contains("one of them"), both.err());
        Run folds = run("model", "train", "--plan", plan.toString(), "--fold", "emobox-fold-1", "--out", dir.resolve("m").toString());
        assertEquals(ExitCode.USAGE.code(), folds.code());
        assertTrue(folds.err().contains("the plan fixes the fold"), folds.err());
        // no corpus and no run of the plan: refused before anything is trained (NestedSearchTest checks the undecided plan's refusal itself)
        Run undecided = run("model", "train", "--plan", plan.toString(), "--plan-runs", dir.resolve("none").toString(), "--data", dir.resolve("no-data").toString(),
                "--out", dir.resolve("m").toString(), "--runs", dir.resolve("runs").toString());
        assertNotEquals(0, undecided.code());
        assertFalse(Files.exists(dir.resolve("m").resolve("network.zip")), "nothing exported");
        assertFalse(Files.exists(dir.resolve("runs")), "nothing trained");
    }
}
