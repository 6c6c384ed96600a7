package org.emoaugnet.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.emoaugnet.audio.AudioMemo;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.util.Progress;

/**
 * The extraction pipeline for a list of utterances: load the window at the working rate, make every copy of the
 * recipe (seeded per utterance and copy), fit the clip, extract features; cached, in parallel over utterances,
 * with progress. The order of the rows does not depend on the thread count.
 */
public final class FeatureExtraction {
    private FeatureExtraction() {}

    public static FeatureSet extract(List<Utterance> utterances, FeatureSpec spec, Recipe recipe, long seed, FeatureCache cache) throws IOException {
        int n = utterances.size(), copies = recipe.size();
        FeatureSet.Row[] rows = new FeatureSet.Row[n * copies];
        Progress p = new Progress("features (" + recipe.name() + ")", n);
        int sr = spec.features().sampleRate();
        try {
            IntStream.range(0, n).parallel().forEach(i -> {
                Utterance u = utterances.get(i);
                try {
                    String fileHash = FeatureCache.fileHash(u.path());
                    Recipe.Copies made = null;   // loaded and augmented only if a copy is not cached
                    for (int c = 0; c < copies; c++) {
                        String key = FeatureCache.key(fileHash, spec.key() + ";" + recipe.copies().get(c).key() + ";seed=" + seed + ";utt=" + u.key() + ";copy=" + c);
                        Features f = cache.get(key, spec.representation());
                        if (f == null) {
                            if (made == null) made = recipe.copiesOf(load(u, spec), sr, seed, u.key());
                            float[] y = spec.window().fit(made.get(c), sr);
                            f = FeatureExtractor.forThread(spec.features()).extract(y);
                            cache.put(key, f);
                        }
                        rows[i * copies + c] = new FeatureSet.Row(u, c, recipe.copies().get(c).name(), f);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                p.step();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new FeatureSet(spec, new ArrayList<>(List.of(rows)));
    }

    /** The clip of an utterance as the spec's window defines it, at the working rate. */
    public static float[] load(Utterance u, FeatureSpec spec) throws IOException { return clip(u.path(), spec); }

    /** The clip of an audio file as the spec's window defines it, at the working rate (not yet fitted to the window's length). */
    public static float[] clip(java.nio.file.Path file, FeatureSpec spec) throws IOException {
        ClipWindow w = spec.window();
        int sr = spec.features().sampleRate();
        if (!w.fromOnset()) return AudioMemo.load(file, sr, w.offset(), w.fixedLength() ? w.duration() : -1);
        float[] y = AudioMemo.load(file, sr, 0, -1);
        int from = Math.min(y.length, SpeechOnset.sample(y, w.onsetTopDb()) + (int) Math.round(w.offset() * sr));
        int to = w.fixedLength() ? Math.min(y.length, from + w.samples(sr)) : y.length;
        return java.util.Arrays.copyOfRange(y, from, to);
    }
}
