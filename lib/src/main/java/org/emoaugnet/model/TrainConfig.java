package org.emoaugnet.model;

import org.emoaugnet.util.Range;

/**
 * Training settings, each in its range ({@link #EPOCHS} … {@link #EPOCH_COPIES}: defined here once, used by this
 * record's constructor and by the readers of experiment files, whose errors name the key and the value).
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
    /** The epoch cap: at least one epoch, and a cap, not a budget nobody could wait for. */
    public static final Range EPOCHS = Range.integers(1, 10_000);
    /** The mini-batch size. */
    public static final Range BATCH = Range.integers(1, 4096);
    /**
     * Adam's learning rate: positive (0 never moves, a negative one climbs the loss) and at most 1 (Adam moves each
     * parameter by about the learning rate per step; above 1 it diverges at once).
     */
    public static final Range LEARNING_RATE = Range.numbers(0, false, 1, true);
    /** Early stopping's patience in epochs (0: never stop early). */
    public static final Range PATIENCE = Range.integers(0, 10_000);
    /** The plateau factor: the learning rate is multiplied by it, so above 0 and at most 1 (1: constant). */
    public static final Range LR_FACTOR = Range.numbers(0, false, 1, true);
    /** Epochs without improvement before the learning rate drops (at least one: the epoch that did not improve). */
    public static final Range LR_PATIENCE = Range.integers(1, 10_000);
    /** A training seed as experiment files and ablation designs list them (a run's spec records it). */
    public static final Range SEED = Range.integersFrom(0);
    /** Samples per training recording per epoch (0: one pass over the rows as they are). */
    public static final Range EPOCH_COPIES = Range.integers(0, 1000);

    public TrainConfig {
        java.util.Objects.requireNonNull(options, "options");
        EPOCHS.require("epoch cap", epochs);
        BATCH.require("batch size", batch);
        LEARNING_RATE.require("learning rate", learningRate);
        PATIENCE.require("patience", patience);
        LR_FACTOR.require("learning-rate factor", lrFactor);
        LR_PATIENCE.require("learning-rate patience", lrPatience);
        EPOCH_COPIES.require("epoch copies", epochCopies);
        if (options.warmupEpochs() >= epochs && options.schedule() == TrainOptions.Schedule.WARMUP_COSINE)
            throw new IllegalArgumentException("warm-up of " + options.warmupEpochs() + " epochs leaves nothing of a cap of " + epochs);
        if (options.selection() == Selection.LAST && patience != 0)
            throw new IllegalArgumentException("selection 'last' trains a fixed budget to its last epoch: early stopping's patience must be 0, not " + patience);
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
