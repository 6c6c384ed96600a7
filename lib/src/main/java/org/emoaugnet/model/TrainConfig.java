package org.emoaugnet.model;

/**
 * Training settings.
 *
 * @param epochs       maximum epochs
 * @param batch        mini-batch size
 * @param learningRate Adam learning rate
 * @param patience     early stopping: epochs without a better validation UA before stopping (0: never stop early)
 * @param lrFactor     learning rate × this after {@code lrPatience} epochs without improvement (1: constant)
 * @param lrPatience   epochs without improvement before the learning rate drops
 * @param seed         initialisation, shuffling and dropout seed
 */
public record TrainConfig(int epochs, int batch, double learningRate, int patience, double lrFactor, int lrPatience, long seed) {
    public TrainConfig withEpochs(int e) { return new TrainConfig(e, batch, learningRate, patience, lrFactor, lrPatience, seed); }

    public TrainConfig withSeed(long s) { return new TrainConfig(epochs, batch, learningRate, patience, lrFactor, lrPatience, s); }
}
