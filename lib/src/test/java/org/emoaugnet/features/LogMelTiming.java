package org.emoaugnet.features;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.emoaugnet.audio.AudioLoader;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.data.loaders.RavdessLoader;
import org.emoaugnet.dsp.PadMode;
import org.emoaugnet.util.Progress;

/**
 * A timing, not a test: seconds to extract every RAVDESS recording (no cache) with the log-mel specs and, for
 * comparison, the public pipeline's; then how much speech follows the speech onset, which the log-mel window's
 * 3.0 s should cover. Run from lib/ with the test classpath:
 * {@code java -cp target/classes:target/test-classes:target/jars/* org.emoaugnet.features.LogMelTiming ../../shared/data/ravdess}.
 */
public final class LogMelTiming {
    private LogMelTiming() {}

    public static void main(String[] args) throws Exception {
        Progress.setQuiet(true);
        List<Utterance> us = new RavdessLoader().load(Path.of(args[0])).corpus().utterances();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        System.out.printf("%d files, %d cores available to the JVM (machine shared: load average %s)%n", us.size(),
                Runtime.getRuntime().availableProcessors(), java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
        // warm-up: JIT and filter designs
        for (FeatureSpec s : List.of(FeatureSpec.logMelDeltas64(), FeatureSpec.publicPipeline()))
            FeatureExtraction.extract(us.subList(0, 40), s, Recipe.none(), 1, FeatureCache.disabled());
        for (int r = 0; r < repeats; r++)
            for (FeatureSpec s : List.of(FeatureSpec.logMel64(), FeatureSpec.logMelDeltas64(), FeatureSpec.publicPipeline())) {
                long t0 = System.nanoTime();
                FeatureSet set = FeatureExtraction.extract(us, s, Recipe.none(), 1, FeatureCache.disabled());
                double sec = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%-16s %.1f s for %d files (%d x %d per file)%n", s.representation(), sec, set.size(),
                        set.rows().get(0).features().frames(), set.rows().get(0).features().channels());
            }
        // speech after the onset: the window's start (onset, top_db 40) to the last frame within 40 dB of the loudest
        double[] after = new double[us.size()], rest = new double[us.size()];
        int sr = 16000;
        for (int i = 0; i < us.size(); i++) {
            float[] y = AudioLoader.load(us.get(i).path(), sr, 0, -1);
            int on = SpeechOnset.sample(y, 40);
            float[] rms = LibrosaFeatures.rms(y, SpeechOnset.FRAME_LENGTH, SpeechOnset.HOP, PadMode.CONSTANT);
            double max = 0;
            for (float v : rms) max = Math.max(max, v);
            int last = rms.length - 1;
            while (last > 0 && rms[last] <= max * 0.01) last--;
            int end = Math.min(y.length, last * SpeechOnset.HOP + SpeechOnset.FRAME_LENGTH / 2);
            after[i] = (end - on) / (double) sr;
            rest[i] = (y.length - on) / (double) sr;
        }
        Arrays.sort(after);
        Arrays.sort(rest);
        System.out.printf("speech from onset to its last loud frame (s): median %.2f, 90%% %.2f, 99%% %.2f, max %.2f; within 2.5 s %.1f%%, 3.0 s %.1f%%%n",
                q(after, 0.5), q(after, 0.9), q(after, 0.99), after[after.length - 1], share(after, 2.5), share(after, 3.0));
        System.out.printf("audio after the onset (s): min %.2f, 10%% %.2f, median %.2f; shorter than 3.0 s (zero-padded) %.1f%%%n",
                rest[0], q(rest, 0.1), q(rest, 0.5), 100 - share(rest, 3.0));
    }

    static double q(double[] sorted, double p) { return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))]; }

    static double share(double[] sorted, double limit) {
        int n = 0;
        for (double v : sorted) if (v <= limit) n++;
        return 100.0 * n / sorted.length;
    }
}
