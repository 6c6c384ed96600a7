package org.emoaugnet.data.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.emoaugnet.audio.WavWriter;
import org.emoaugnet.data.Emotion;
import org.emoaugnet.data.LabelMaps;
import org.emoaugnet.util.AtomicFiles;
import org.emoaugnet.util.Progress;

/**
 * The embedded default corpus: generated deterministically from a seed, written as 16-bit WAV files in RAVDESS
 * naming ({@code Actor_XX/03-01-EE-II-SS-RR-AA.wav}: 8 emotions, 2 intensities except neutral, 2 statements,
 * 2 repetitions = 60 files per speaker) so that it flows through the RAVDESS loader. Each speaker has its own
 * F0, vocal-tract length, level and voice quality; each emotion its prosodic cues ({@link EmotionProsody});
 * each utterance random variation, jitter, room noise and recording gain. Learnable, not trivially separable.
 *
 * <p>Generation is resumable: every file is written atomically and depends only on (seed, speaker, emotion,
 * intensity, statement, repetition), so an interrupted run continues where it stopped. A marker file written
 * last ({@value #MARKER}) says the folder is complete.
 */
public final class SyntheticCorpus {
    /** Marker file name; its presence makes a folder the synthetic corpus. */
    public static final String MARKER = "SYNTHETIC_CORPUS.txt";
    /** Generator version: bump when the synthesis changes so that caches are not reused. */
    public static final int VERSION = 1;

    /**
     * @param speakers   number of speakers (odd ids male, even female)
     * @param seed       master seed
     * @param sampleRate output rate (16 kHz, like the project's RAVDESS copy, so resampling is exercised)
     */
    public record Config(int speakers, long seed, int sampleRate) {
        public Config {
            if (speakers < 2 || speakers > 99) throw new IllegalArgumentException("speakers must be in [2, 99]: " + speakers);
            if (sampleRate < 8000) throw new IllegalArgumentException("sampleRate must be >= 8000: " + sampleRate);
        }

        public static Config defaults() { return new Config(8, 42, 16000); }

        /** The cache folder name that identifies this configuration and generator version. */
        public String folderName() {
            return "synthetic-v" + VERSION + "-seed" + seed + "-spk" + speakers + "-" + sampleRate + "Hz";
        }

        String describe() {
            return "emoaugnet synthetic corpus v" + VERSION + " seed=" + seed + " speakers=" + speakers + " sample_rate=" + sampleRate;
        }
    }

    private SyntheticCorpus() {}

    /** One file to render. */
    public record Item(int actor, String emotionCode, int intensity, int statement, int repetition) {
        String fileName() {
            return String.format("03-01-%s-%02d-%02d-%02d-%02d.wav", emotionCode, intensity, statement, repetition, actor);
        }
    }

    public static List<Item> items(Config cfg) {
        List<Item> items = new ArrayList<>();
        for (int a = 1; a <= cfg.speakers(); a++)
            for (String code : LabelMaps.RAVDESS.keySet())
                for (int in = 1; in <= (code.equals("01") ? 1 : 2); in++)
                    for (int s = 1; s <= 2; s++)
                        for (int r = 1; r <= 2; r++) items.add(new Item(a, code, in, s, r));
        return items;
    }

    /** Generates the corpus into {@code cacheRoot/<folderName>} unless it is already complete; returns the folder. */
    public static Path ensure(Path cacheRoot, Config cfg) throws IOException {
        Path dir = cacheRoot.resolve(cfg.folderName());
        if (Files.isRegularFile(dir.resolve(MARKER))) return dir;
        generate(dir, cfg);
        return dir;
    }

    /** Generates (or completes) the corpus in {@code dir}. */
    public static void generate(Path dir, Config cfg) throws IOException {
        List<Item> items = items(cfg);
        Progress p = new Progress("synthesise " + cfg.folderName(), items.size());
        IOException[] failure = new IOException[1];
        IntStream.range(0, items.size()).parallel().forEach(i -> {
            Item it = items.get(i);
            Path f = dir.resolve(String.format("Actor_%02d", it.actor())).resolve(it.fileName());
            try {
                if (!Files.isRegularFile(f)) WavWriter.writePcm16(f, render(cfg, it), cfg.sampleRate());
            } catch (IOException e) {   // a parallel lambda cannot throw it: kept and rethrown after the loop
                synchronized (failure) { failure[0] = e; }
            }
            p.step();
        });
        if (failure[0] != null) throw failure[0];
        AtomicFiles.writeString(dir.resolve(MARKER), cfg.describe() + "\n" + items.size() + " files\n");
    }

    /** Renders one file's samples (pure function of the configuration and the item). */
    static float[] render(Config cfg, Item it) {
        Voice v = Voice.draw(it.actor(), cfg.seed());
        Emotion e = LabelMaps.RAVDESS.get(it.emotionCode());
        EmotionProsody p = EmotionProsody.of(e).scaled(it.intensity() == 2 ? 1.5 : 1.0);
        long mix = cfg.seed();
        for (long x : new long[] {it.actor(), Integer.parseInt(it.emotionCode()), it.intensity(), it.statement(), it.repetition()})
            mix = mix * 0x9E3779B97F4A7C15L + x;
        return Synthesizer.render(v, p, it.statement() - 1, cfg.sampleRate(), new SplittableRandom(mix));
    }
}
