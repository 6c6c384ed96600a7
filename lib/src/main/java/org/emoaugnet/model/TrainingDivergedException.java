package org.emoaugnet.model;

import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * Training produced a number that is not finite: the training loss of a batch, or a parameter after the optimiser's
 * step. The run cannot give a usable network, so the trainer stops there and says where: the model, the epoch, the
 * batch, what was not finite and its value, and the learning rate. The epochs finished before it are kept
 * ({@link #history}), so that the run's failure record can show how training got there.
 */
public final class TrainingDivergedException extends RuntimeException {
    private final int epoch, batch;
    private final String quantity;
    private final double value;
    /** The finished epochs' history (not serialised: an exception crossing processes keeps its message). */
    private final transient Table history;

    /**
     * @param model    the model's name
     * @param epoch    the epoch (1-based)
     * @param batch    the batch within the epoch (1-based)
     * @param batches  the epoch's batches
     * @param quantity what was not finite ("the training loss", "parameter 17 of 195336 after the update")
     * @param value    its value (NaN or ±Infinity)
     * @param rate     the learning rate of the step
     * @param history  the epochs finished before this one
     */
    public TrainingDivergedException(String model, int epoch, int batch, int batches, String quantity, double value, double rate, Table history) {
        super(String.format(Locale.ROOT, "model '%s' diverged at epoch %d, batch %d of %d: %s is %s (learning rate %s)", model, epoch, batch, batches,
                quantity, value, rate));
        this.epoch = epoch;
        this.batch = batch;
        this.quantity = quantity;
        this.value = value;
        this.history = history;
    }

    /** The epoch it happened in (1-based). */
    public int epoch() { return epoch; }

    /** The batch it happened in, within its epoch (1-based). */
    public int batch() { return batch; }

    /** What was not finite. */
    public String quantity() { return quantity; }

    /** Its value. */
    public double value() { return value; }

    /** The epochs finished before it ({@code history.csv}'s columns), or null when the exception crossed a process. */
    public Table history() { return history; }
}
