package org.emoaugnet.model;

/**
 * Why training stopped, and whether that means the run converged.
 *
 * <ul>
 *   <li>{@link #PATIENCE}: {@code patience} epochs passed without a better validation score (early stopping fired).</li>
 *   <li>{@link #EPOCH_CAP}: the epoch cap was reached first.</li>
 * </ul>
 * A run stopped by its cap whose best epoch lies within the last patience window was still improving: it is <em>not
 * converged</em>, and no verdict may rest on it.
 */
public enum StopReason {
    PATIENCE, EPOCH_CAP;

    /** What the trainer's loop did, derived from what it records: epochs run against the cap. */
    public static StopReason of(int epochsRun, int epochCap) { return epochsRun < epochCap ? PATIENCE : EPOCH_CAP; }

    /**
     * Converged unless stopped at the cap with the best epoch inside the last {@code window} epochs, where the window is
     * the early-stopping patience (or the plateau patience when early stopping is off).
     */
    public static boolean converged(StopReason reason, int bestEpoch, int epochsRun, TrainConfig cfg) {
        if (reason == PATIENCE) return true;
        int window = cfg.patience() > 0 ? cfg.patience() : Math.max(1, cfg.lrPatience());
        return bestEpoch <= epochsRun - window;
    }
}
