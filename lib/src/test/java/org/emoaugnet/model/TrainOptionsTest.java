package org.emoaugnet.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.emoaugnet.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The training options of {@link TrainOptions}: SpecAugment, mixup, the warm-up + cosine schedule, and the trainer using them. */
class TrainOptionsTest {
    @BeforeAll
    static void quiet() { Progress.setQuiet(true); }

    static final TrainOptions MASKS = TrainOptions.NONE.withSpecAugment(new TrainOptions.SpecAugment(2, 5, 1, 2));

    static float[] ones(int n) {
        float[] x = new float[n];
        Arrays.fill(x, 1f);
        return x;
    }

    @Test
    void specAugmentMasksWholeFramesAndChannelsWithinTheirWidthsDeterministically() {
        int mb = 6, c = 4, t = 32;
        float[] a = ones(mb * c * t), b = ones(mb * c * t);
        new BatchAugmenter(MASKS, 7).mask(a, mb, c, t);
        new BatchAugmenter(MASKS, 7).mask(b, mb, c, t);
        assertArrayEquals(a, b, "same seed, same masks");
        float[] other = ones(mb * c * t);
        new BatchAugmenter(MASKS, 8).mask(other, mb, c, t);
        assertFalse(Arrays.equals(a, other), "another seed, other masks");
        int masked = 0;
        for (int s = 0; s < mb; s++) {
            // a zero is in a masked frame (zero in every channel) or a masked channel (zero at every frame)
            boolean[] frame = new boolean[t], channel = new boolean[c];
            for (int k = 0; k < t; k++) {
                frame[k] = true;
                for (int ch = 0; ch < c; ch++) frame[k] &= a[(s * c + ch) * t + k] == 0;
            }
            for (int ch = 0; ch < c; ch++) {
                channel[ch] = true;
                for (int k = 0; k < t; k++) channel[ch] &= a[(s * c + ch) * t + k] == 0;
            }
            int frames = 0, channels = 0;
            for (boolean f : frame) if (f) frames++;
            for (boolean f : channel) if (f) channels++;
            for (int ch = 0; ch < c; ch++)
                for (int k = 0; k < t; k++) {
                    float v = a[(s * c + ch) * t + k];
                    assertTrue(v == 1f || frame[k] || channel[ch], "only whole frames and channels are masked");
                    if (v == 0) masked++;
                }
            assertTrue(channels <= 2, "one channel mask of at most 2 channels");
            if (channels == 0) assertTrue(frames <= 10, "two time masks of at most 5 frames");
        }
        assertTrue(masked > 0, "some values masked");
        assertThrows(IllegalArgumentException.class, () -> new BatchAugmenter(MASKS, 1).mask(ones(4 * 2), 1, 2, 4), "masks as wide as the input");
    }

    @Test
    void mixupTargetsSumToOneAndMixTheInputsByTheSameLambda() {
        TrainOptions o = TrainOptions.NONE.withMixup(0.4);
        int mb = 8, per = 3, k = 5;
        float[] x = new float[mb * per];
        int[] y = new int[mb];
        for (int i = 0; i < mb; i++) {
            y[i] = i % k;
            for (int j = 0; j < per; j++) x[i * per + j] = i; // sample i is all i: the mix tells λ and the partner
        }
        float[] x2 = x.clone(), q = new BatchAugmenter(o, 3).mixup(x, y, mb, per, k), q2 = new BatchAugmenter(o, 3).mixup(x2, y, mb, per, k);
        assertArrayEquals(x, x2);
        assertArrayEquals(q, q2, "same seed, same mix");
        for (int i = 0; i < mb; i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                assertTrue(q[i * k + c] >= 0);
                sum += q[i * k + c];
            }
            assertEquals(1, sum, 1e-6, "targets of sample " + i);
            assertEquals(x[i * per], x[i * per + 1], "every feature of a sample mixed alike");
            assertEquals(x[i * per], x[i * per + 2], "every feature of a sample mixed alike");
        }
        BatchAugmenter beta = new BatchAugmenter(TrainOptions.NONE, 5);
        double mean = 0;
        for (int i = 0; i < 4000; i++) {
            double l = beta.beta(0.4);
            assertTrue(l >= 0 && l <= 1);
            mean += l / 4000;
        }
        assertEquals(0.5, mean, 0.03, "Beta(α, α) has mean ½");
    }

    @Test
    void warmupCosineRatesAtSomeEpochs() {
        double base = 1e-3;
        int epochs = 12, w = 2;
        assertEquals(0.5e-3, TrainOptions.rate(base, 1, epochs, w), 1e-15);
        assertEquals(1e-3, TrainOptions.rate(base, 2, epochs, w), 1e-15);
        assertEquals(1e-3, TrainOptions.rate(base, 3, epochs, w), 1e-15, "first epoch after warm-up: the base rate");
        assertEquals(0.5e-3, TrainOptions.rate(base, 8, epochs, w), 1e-15, "half-way through the cosine (5 of 10 epochs)");
        assertEquals(base * 0.5 * (1 + Math.cos(Math.PI * 9 / 10)), TrainOptions.rate(base, 12, epochs, w), 1e-15);
        assertEquals(1e-3, TrainOptions.rate(base, 1, 5, 0), 1e-15, "no warm-up: the base rate first");
        assertThrows(IllegalArgumentException.class, () -> TrainOptions.rate(base, 13, epochs, w));
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(3, 8, 1e-3, 0, 1, 1, 1).withOptions(
                TrainOptions.NONE.withSchedule(TrainOptions.Schedule.WARMUP_COSINE, 3)), "warm-up as long as the cap");
    }

    /**
     * In the trainer: the options train, deterministically under a seed; the samples of the training and validation
     * sets are left as they were (masks and mixup act on the batch copy only); the schedule is the learning rate of
     * the history; and without options the numbers are those of no options at all.
     */
    @Test
    void trainerAppliesOptionsToTrainingBatchesOnly() {
        Dataset train = TrainerTest.task(96, 1), val = TrainerTest.task(30, 2);
        float[][] trainCopy = Arrays.stream(train.x()).map(float[]::clone).toArray(float[][]::new), valCopy = Arrays.stream(val.x()).map(float[]::clone)
                .toArray(float[][]::new);
        TrainOptions all = new TrainOptions(0.1, new TrainOptions.SpecAugment(2, 4, 1, 1), 0.3, 1e-2, TrainOptions.Schedule.WARMUP_COSINE, 1);
        TrainConfig base = new TrainConfig(4, 16, 5e-3, 0, 0.5, 1, 7), cfg = base.withOptions(all);
        Trainer.Result a = Trainer.fit(TrainerTest.tiny("relu"), train, val, TrainerTest.CLASSES, cfg);
        Trainer.Result b = Trainer.fit(TrainerTest.tiny("relu"), train, val, TrainerTest.CLASSES, cfg);
        assertEquals(a.history().doubleColumn("train_loss").asList(), b.history().doubleColumn("train_loss").asList(), "same seed, same losses");
        assertArrayEquals(a.net().params().data().asFloat(), b.net().params().data().asFloat());
        assertTrue(Arrays.deepEquals(trainCopy, train.x()) && Arrays.deepEquals(valCopy, val.x()), "no sample of the data sets was changed");
        assertEquals(List.of(5e-3 * 0.5 * (1 + Math.cos(Math.PI * 0 / 3)), 5e-3 * 0.5 * (1 + Math.cos(Math.PI / 3)),
                5e-3 * 0.5 * (1 + Math.cos(Math.PI * 2 / 3))), a.history().doubleColumn("lr").asList().subList(1, 4));
        assertEquals(5e-3, a.history().doubleColumn("lr").get(0), 1e-15, "one warm-up epoch of one: the base rate");
        Trainer.Result plain = Trainer.fit(TrainerTest.tiny("relu"), train, val, TrainerTest.CLASSES, base);
        Trainer.Result none = Trainer.fit(TrainerTest.tiny("relu"), train, val, TrainerTest.CLASSES, base.withOptions(TrainOptions.NONE));
        assertEquals(plain.history().doubleColumn("train_loss").asList(), none.history().doubleColumn("train_loss").asList());
        assertNotEquals(plain.history().doubleColumn("train_loss").get(0), a.history().doubleColumn("train_loss").get(0), "the options change training");
        for (TrainOptions one : List.of(MASKS, TrainOptions.NONE.withMixup(0.3))) {
            Trainer.Result r = Trainer.fit(TrainerTest.tiny("relu"), train, val, TrainerTest.CLASSES, base.withEpochs(1).withOptions(one));
            assertNotEquals(Trainer.fit(TrainerTest.tiny("relu"), train, val, TrainerTest.CLASSES, base.withEpochs(1)).history().doubleColumn("train_loss")
                    .get(0), r.history().doubleColumn("train_loss").get(0), one + " changes the training batches");
        }
    }
}
