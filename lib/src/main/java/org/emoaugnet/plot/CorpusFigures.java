package org.emoaugnet.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.audio.AudioLoader;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.CorpusScan;
import org.emoaugnet.data.Emotion;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.dsp.Stft;
import org.knowm.xchart.CategoryChart;

/** The figures of notebook 01 for one scanned corpus. */
public final class CorpusFigures {
    private CorpusFigures() {}

    /** Duration histograms per gender. */
    public static CategoryChart durations(CorpusScan.Report r) {
        Map<String, double[]> groups = new LinkedHashMap<>();
        for (var g : org.emoaugnet.data.Gender.values()) {
            double[] d = r.files().stream().filter(f -> f.utterance().gender() == g).mapToDouble(CorpusScan.FileInfo::duration).toArray();
            if (d.length > 0) groups.put(g.label(), d);
        }
        return Plots.histogram(r.corpus().name() + ": file durations", "duration (s)", groups, 25);
    }

    /** Bar chart of class counts under a class set. */
    public static CategoryChart classBalance(CorpusScan.Report r, ClassSet cs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (String c : cs.classes()) m.put(c, 0);
        for (CorpusScan.FileInfo f : r.files()) if (cs.keeps(f.utterance())) m.merge(cs.classOf(f.utterance()), 1, Integer::sum);
        m.values().removeIf(v -> v == 0);
        return Plots.bar(r.corpus().name() + ": class balance (" + cs.name() + ")", "class", "files", new ArrayList<>(m.keySet()), new ArrayList<>(m.values()));
    }

    /** The first utterance (by id) of each emotion present. */
    public static List<Utterance> onePerEmotion(CorpusScan.Report r) {
        Map<Emotion, Utterance> m = new java.util.EnumMap<>(Emotion.class);
        for (CorpusScan.FileInfo f : r.files()) m.putIfAbsent(f.utterance().emotion(), f.utterance());
        return new ArrayList<>(m.values());
    }

    /**
     * Waveform and log-power spectrogram (STFT 512/128 at 16 kHz, dB, 80 dB range) of one utterance per emotion,
     * as one image.
     */
    public static BufferedImage examples(CorpusScan.Report r, int sr) throws IOException {
        List<BufferedImage> tiles = new ArrayList<>();
        for (Utterance u : onePerEmotion(r)) {
            float[] y = AudioLoader.load(u.path(), sr);
            tiles.add(Plots.image(Plots.waveform(u.emotion().label() + " — " + u.id(), y, sr)));
            tiles.add(spectrogram(u.emotion().label() + " — spectrogram", y, sr));
        }
        return Plots.grid(r.corpus().name() + ": one utterance per emotion (waveform | spectrogram)", tiles, 2);
    }

    /** A log-power spectrogram image. */
    public static BufferedImage spectrogram(String title, float[] y, int sr) {
        int nFft = 512, hop = 128;
        float[][] p = new Stft(nFft, hop, org.emoaugnet.dsp.PadMode.CONSTANT).power(y);
        float[][] db = org.emoaugnet.features.LibrosaFeatures.powerToDb(p, 1e-10, 80.0);
        float max = -Float.MAX_VALUE;
        for (float[] fr : db) for (float v : fr) max = Math.max(max, v);
        return Heatmap.render(title, db, max - 80, max, String.format(java.util.Locale.ROOT, "time 0–%.2f s", (double) y.length / sr),
                "frequency 0–" + sr / 2 + " Hz, dB re max", Plots.WIDTH / 2, Plots.HEIGHT / 2);
    }
}
