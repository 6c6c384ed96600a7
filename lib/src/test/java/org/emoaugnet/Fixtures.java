package org.emoaugnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaugnet.audio.WavWriter;

/** Small audio fixtures the tests write themselves. */
public final class Fixtures {
    private Fixtures() {}

    public static float[] sine(int sr, double seconds, double freq, double amp) {
        int n = (int) Math.round(sr * seconds);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) y[i] = (float) (amp * Math.sin(2 * Math.PI * freq * i / sr));
        return y;
    }

    /** Writes a short 16-bit tone; {@code seed} varies its frequency so that files differ. */
    public static Path wav(Path file, int sr, double seconds, int seed) throws IOException {
        Files.createDirectories(file.getParent());
        WavWriter.writePcm16(file, sine(sr, seconds, 200 + 7 * seed, 0.3), sr);
        return file;
    }

    /** A small synthetic corpus ({@code speakers} speakers, generator seed {@code seed}, 16 kHz) generated into {@code dir} and loaded. */
    public static org.emoaugnet.data.Corpus syntheticCorpus(Path dir, int speakers, long seed) throws IOException {
        org.emoaugnet.util.Progress.setQuiet(true);
        org.emoaugnet.data.synth.SyntheticCorpus.generate(dir, new org.emoaugnet.data.synth.SyntheticCorpus.Config(speakers, seed, 16000));
        return new org.emoaugnet.data.loaders.SyntheticLoader().load(dir).corpus();
    }
}
