package org.emoaugnet.model;

/**
 * Training settings.
 *
 * @param epochs       maximum epochs (the cap)
 * @param batch        mini-batch size
 * @param learningRate Adam learning rate
 * @param patience     early stopping: epochs without a better validation UA before stopping (0: never stop early)
 * @param lrFactor     learning rate × this after {@code lrPatience} epochs without improvement (1: constant)
 * @param lrPatience   epochs without improvement before the learning rate drops
 * @param seed         initialisation, shuffling and dropout seed
 * @param epochCopies  what one epoch is: 0, one pass over the training rows as they are; k &gt; 0, k × the number of
 *                     distinct training recordings, drawn by passing over the rows in fresh shuffles as often as that
 *                     takes. With the same k, recipes that make different numbers of copies per recording take the
 *                     same number of optimiser steps per epoch (the ablation's matched steps).
 * @param options      label smoothing, SpecAugment, mixup, weight decay, learning-rate schedule ({@link TrainOptions#NONE}: off)
 */
public record TrainConfig(int epochs, int batch, double learningRate, int patience, double lrFactor, int lrPatience, long seed, int epochCopies,
                          TrainOptions options) {
    public TrainConfig {
        java.util.Objects.requireNonNull(options, "options");
        if (epochs < 1 || batch < 1) throw new IllegalArgumentException("epochs and batch must be at least 1, got " + epochs + " and " + batch);
        if (epochCopies < 0) throw new IllegalArgumentException("epoch copies must be 0 (one pass) or more, got " + epochCopies);
        if (options.warmupEpochs() >= epochs && options.schedule() == TrainOptions.Schedule.WARMUP_COSINE)
            throw new IllegalArgumentException("warm-up of " + options.warmupEpochs() + " epochs leaves nothing of a cap of " + epochs);
    }

    /** Without the options beyond the paper's recipe ({@link TrainOptions#NONE}). */
    public TrainConfig(int epochs, int batch, double learningRate, int patience, double lrFactor, int lrPatience, long seed, int epochCopies) {
        this(epochs, batch, learningRate, patience, lrFactor, lrPatience, seed, epochCopies, TrainOptions.NONE);
    }

    /** One pass over the training rows per epoch. */
    public TrainConfig(int epochs, int batch, double learningRate, int patience, double lrFactor, int lrPatience, long seed) {
        this(epochs, batch, learningRate, patience, lrFactor, lrPatience, seed, 0);
    }

    public TrainConfig withEpochs(int e) { return new TrainConfig(e, batch, learningRate, patience, lrFactor, lrPatience, seed, epochCopies, options); }

    public TrainConfig withSeed(long s) { return new TrainConfig(epochs, batch, learningRate, patience, lrFactor, lrPatience, s, epochCopies, options); }

    public TrainConfig withEpochCopies(int k) { return new TrainConfig(epochs, batch, learningRate, patience, lrFactor, lrPatience, seed, k, options); }

    public TrainConfig withOptions(TrainOptions o) { return new TrainConfig(epochs, batch, learningRate, patience, lrFactor, lrPatience, seed, epochCopies, o); }

    /** Samples per epoch for a training set of {@code rows} rows from {@code recordings} distinct recordings. */
    public int samplesPerEpoch(int rows, int recordings) { return epochCopies == 0 ? rows : epochCopies * recordings; }
}
