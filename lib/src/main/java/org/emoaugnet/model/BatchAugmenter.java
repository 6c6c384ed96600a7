package org.emoaugnet.model;

import java.util.Random;

/**
 * On-the-fly augmentation of training batches ({@link TrainOptions}): SpecAugment masks and mixup, drawn from one
 * generator seeded by the training seed, so the same seed gives the same batches. {@link Trainer} applies it to its
 * copy of each training batch only; validation and test samples never pass through it. Batches are
 * {@code [batch, channels, time]}, channel-major.
 */
public final class BatchAugmenter {
    private final TrainOptions options;
    private final Random random;
    private float[] copy = new float[0];

    /** A generator of its own, apart from the shuffling and dropout streams (which stay as they were without options). */
    public BatchAugmenter(TrainOptions options, long seed) {
        this.options = options;
        this.random = new Random(seed ^ 0x5bd1e9955bd1e995L);
    }

    /**
     * Zeroes, in each of the {@code mb} samples, {@code timeMasks} runs of whole frames (width uniform in 0..max, start
     * uniform where it fits) and {@code channelMasks} runs of whole channels; 0 is the training mean of standardised
     * features.
     *
     * @throws IllegalArgumentException where a mask could cover every frame or every channel
     */
    public void mask(float[] x, int mb, int channels, int length) {
        TrainOptions.SpecAugment s = options.specAugment();
        if (s.timeMasks() > 0 && s.maxTimeWidth() >= length)
            throw new IllegalArgumentException("SpecAugment time masks of up to " + s.maxTimeWidth() + " frames on sequences of " + length);
        if (s.channelMasks() > 0 && s.maxChannelWidth() >= channels)
            throw new IllegalArgumentException("SpecAugment channel masks of up to " + s.maxChannelWidth() + " channels on inputs of " + channels);
        int per = channels * length;
        for (int i = 0; i < mb; i++) {
            int o = i * per;
            for (int m = 0; m < s.timeMasks(); m++) {
                int w = random.nextInt(s.maxTimeWidth() + 1), t0 = random.nextInt(length - w + 1);
                for (int c = 0; c < channels; c++) java.util.Arrays.fill(x, o + c * length + t0, o + c * length + t0 + w, 0f);
            }
            for (int m = 0; m < s.channelMasks(); m++) {
                int w = random.nextInt(s.maxChannelWidth() + 1), c0 = random.nextInt(channels - w + 1);
                java.util.Arrays.fill(x, o + c0 * length, o + (c0 + w) * length, 0f);
            }
        }
    }

    /**
     * Mixup of the batch with a random permutation of itself: λ ~ Beta(α, α) for the batch, sample i becomes
     * {@code λ·x_i + (1 − λ)·x_π(i)} in place, and its target {@code λ·onehot(y_i) + (1 − λ)·onehot(y_π(i))}.
     *
     * @return the soft targets, {@code [mb, classes]}, each row summing to 1
     */
    public float[] mixup(float[] x, int[] labels, int mb, int per, int classes) {
        double lambda = beta(options.mixupAlpha());
        int[] perm = Trainer.permutation(mb, random);
        if (copy.length < mb * per) copy = new float[mb * per];
        System.arraycopy(x, 0, copy, 0, mb * per);
        float l = (float) lambda, k = (float) (1 - lambda);
        float[] targets = new float[mb * classes];
        for (int i = 0; i < mb; i++) {
            int a = i * per, b = perm[i] * per;
            for (int j = 0; j < per; j++) x[a + j] = l * copy[a + j] + k * copy[b + j];
            targets[i * classes + labels[i]] += l;
            targets[i * classes + labels[perm[i]]] += k;
        }
        return targets;
    }

    /** Beta(α, α) as X / (X + Y) of two Gamma(α) draws. */
    double beta(double alpha) {
        double a = gamma(alpha), b = gamma(alpha);
        return a + b == 0 ? 0.5 : a / (a + b);
    }

    /** Gamma(α, 1) by Marsaglia and Tsang (2000); below α = 1 through Gamma(α + 1) · U^(1/α). */
    private double gamma(double alpha) {
        if (alpha < 1) return gamma(alpha + 1) * Math.pow(random.nextDouble(), 1 / alpha);
        double d = alpha - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z, v;
            do {
                z = gaussian();
                v = 1 + c * z;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    /** A standard normal draw (Box–Muller, one of the pair). */
    private double gaussian() {
        double u = 1 - random.nextDouble(), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
