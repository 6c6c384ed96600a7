package org.emoaugnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.emoaugnet.audio.AudioLoader;
import org.emoaugnet.audio.WavReader;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.features.FeatureConfig;
import org.emoaugnet.features.FeatureExtractor;

/**
 * Feature-extraction throughput as a real-time factor (seconds of audio per second of wall time), for features
 * alone (audio already decoded and resampled) and for the full path (read, resample to 22,050 Hz, features), on
 * one thread and on all cores, plus the process's peak resident memory. A benchmark, not a test: it prints figures.
 */
final class FeatureBenchmark {
    private FeatureBenchmark() {}

    static void run(List<Utterance> files, int repeats, PrintStream out) throws Exception {
        FeatureConfig cfg = FeatureConfig.librosa();
        int cores = Runtime.getRuntime().availableProcessors();
        float[][] audio = new float[files.size()][];
        double seconds = 0;
        for (int i = 0; i < audio.length; i++) {
            audio[i] = AudioLoader.load(files.get(i).path(), cfg.sampleRate());
            seconds += audio[i].length / (double) cfg.sampleRate();
        }
        double nativeSeconds = 0;
        for (Utterance u : files) nativeSeconds += WavReader.info(u.path()).durationSeconds();
        out.printf("benchmark: %d files, %.1f s of audio, %d cores, Java %s%n", files.size(), nativeSeconds, cores, System.getProperty("java.version"));
        // warm-up (JIT, filter designs)
        for (int i = 0; i < Math.min(20, audio.length); i++) FeatureExtractor.forThread(cfg).extract(audio[i]);
        for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            double feat = best(repeats, threads, () -> {
                java.util.stream.IntStream.range(0, audio.length).parallel().forEach(i -> FeatureExtractor.forThread(cfg).extract(audio[i]));
            });
            double full = best(repeats, threads, () -> {
                java.util.stream.IntStream.range(0, files.size()).parallel().forEach(i -> {
                    try {
                        FeatureExtractor.forThread(cfg).extract(AudioLoader.load(files.get(i).path(), cfg.sampleRate()));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            });
            out.printf("  %d thread(s): features alone %.0fx real time (%.0fx per thread); full path read+resample+features %.0fx (%.0fx per thread)%n",
                    threads, seconds / feat, seconds / feat / threads, nativeSeconds / full, nativeSeconds / full / threads);
        }
        out.printf("  peak resident memory: %s%n", peakRss());
    }

    private static double best(int repeats, int threads, Runnable work) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            double best = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                pool.submit(work).get();
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            return best;
        } finally {
            pool.shutdown();
        }
    }

    static String peakRss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) if (l.startsWith("VmHWM:")) return l.substring(6).trim();
        } catch (IOException e) {
            // no readable /proc/self/status (not Linux): the heap in use, labelled as such, is reported instead
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1 << 20) + " MiB heap in use (VmHWM unavailable)";
    }
}
