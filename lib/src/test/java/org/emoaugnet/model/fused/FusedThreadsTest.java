package org.emoaugnet.model.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.ModelFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A run's numbers do not depend on the thread count: the same seeded training on 1, 2 and 4 threads gives the same
 * parameters bit for bit (batches that split into lanes evenly and unevenly, dropout, batch normalisation across lanes),
 * and so do the predictions.
 */
class FusedThreadsTest {
    static final int CLASSES = 5;

    @Test
    void lanesSplitByBatchSizeAlone() {
        assertArrayEquals(new int[] {16, 16, 16, 16}, Lane.split(64, 4));
        assertArrayEquals(new int[] {3, 3, 3, 1}, Lane.split(10, 4));
        assertArrayEquals(new int[] {2, 2, 1}, Lane.split(5, 4));
        assertArrayEquals(new int[] {1}, Lane.split(1, 4));
        assertArrayEquals(new int[] {8, 8, 8, 8}, Lane.split(32, 4));
    }

    /** Parameters after six seeded steps (batches of 10, then 7, alternating) on {@code threads} threads, then predictions. */
    static float[][] train(String preset, int channels, int length, int threads) {
        MultiLayerNetwork net = ModelFactory.build(ModelConfig.preset(preset, "relu"), channels, length, CLASSES, 1e-3, 7);
        FusedNetwork f = FusedNetwork.compile(net, channels, length, 10, 11);
        f.setThreads(threads);
        assertEquals(threads, f.threads());
        SplittableRandom r = new SplittableRandom(3);
        for (int step = 0; step < 6; step++) {
            int mb = step % 2 == 0 ? 10 : 7;
            float[] x = new float[mb * channels * length];
            int[] y = new int[mb];
            for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
            for (int i = 0; i < mb; i++) y[i] = r.nextInt(CLASSES);
            f.fit(x, y, mb);
        }
        float[] p = new float[f.parameterCount()];
        for (int i = 0; i < p.length; i++) p[i] = f.parameter(i);
        float[][] samples = new float[13][channels * length];
        for (float[] s : samples) for (int i = 0; i < s.length; i++) s[i] = (float) r.nextGaussian();
        int[] predicted = f.predict(samples);
        float[] asFloat = new float[predicted.length];
        for (int i = 0; i < predicted.length; i++) asFloat[i] = predicted[i];
        return new float[][] {p, asFloat, f.output(samples[0], 1)};
    }

    @ParameterizedTest
    @ValueSource(strings = {"strong-cnn-pool", "compact-cnn-lstm", "strong-cnn-bilstm", "cnn2d-ref"})
    void sameNumbersOnAnyThreadCount(String preset) {
        int channels = preset.equals("cnn2d-ref") ? 16 : 6, length = preset.equals("cnn2d-ref") ? 40 : 24;
        float[][] one = train(preset, channels, length, 1);
        for (int threads : new int[] {2, 4}) {
            float[][] other = train(preset, channels, length, threads);
            for (int k = 0; k < one.length; k++) assertArrayEquals(one[k], other[k], 0f, preset + ": 1 against " + threads + " threads, part " + k);
        }
    }

    /** A timed pass (every stage its own step, for the benchmark's profile) computes the same numbers. */
    @Test
    void timingChangesNothing() {
        float[][] plain = train("strong-cnn-pool", 6, 24, 2);
        MultiLayerNetwork net = ModelFactory.build(ModelConfig.preset("strong-cnn-pool", "relu"), 6, 24, CLASSES, 1e-3, 7);
        FusedNetwork f = FusedNetwork.compile(net, 6, 24, 10, 11);
        f.setThreads(2);
        long[] calls = {0};
        f.setStageClock((stage, backward, nanos) -> calls[0]++);
        SplittableRandom r = new SplittableRandom(3);
        for (int step = 0; step < 6; step++) {
            int mb = step % 2 == 0 ? 10 : 7;
            float[] x = new float[mb * 6 * 24];
            int[] y = new int[mb];
            for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
            for (int i = 0; i < mb; i++) y[i] = r.nextInt(CLASSES);
            f.fit(x, y, mb);
        }
        for (int i = 0; i < f.parameterCount(); i++) assertEquals(plain[0][i], f.parameter(i), 0f, "parameter " + i);
        assertEquals(6L * 2 * f.stageInfo().size(), calls[0], "every stage timed once each way per step");
    }

    @Test
    void threadCountMustBePositive() {
        MultiLayerNetwork net = ModelFactory.build(ModelConfig.preset("strong-cnn-pool", "relu"), 6, 24, CLASSES, 1e-3, 7);
        FusedNetwork f = FusedNetwork.compile(net, 6, 24, 4, 1);
        assertThrows(IllegalArgumentException.class, () -> f.setThreads(0));
    }
}
