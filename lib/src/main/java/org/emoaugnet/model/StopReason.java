package org.emoaugnet.model;

/**
 * Why training stopped, and whether that means the run converged.
 *
 * <ul>
 *   <li>{@link #PATIENCE}: {@code patience} epochs passed without a better validation score (early stopping fired).</li>
 *   <li>{@link #EPOCH_CAP}: the epoch cap was reached first.</li>
 * </ul>
 * Under {@link Selection#VAL_UA}, a run stopped by its cap whose best epoch lies within the last patience window was
 * still improving: it is <em>not converged</em>, and no verdict may rest on it. Under {@link Selection#LAST} (a fixed
 * budget, always run to its cap) a run is converged when its training loss is flat over the last tenth of the schedule
 * ({@link #lossFlat}).
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
        if (cfg.options().selection() == Selection.LAST)
            throw new IllegalArgumentException("a fixed-budget run (selection 'last') converges by its training loss: use lossFlat");
        if (reason == PATIENCE) return true;
        int window = cfg.patience() > 0 ? cfg.patience() : Math.max(1, cfg.lrPatience());
        return bestEpoch <= epochsRun - window;
    }

    /**
     * Whether a run converged, by its selection's rule: under {@link Selection#LAST} its training loss ({@code
     * trainLoss}, one value per epoch run) is flat ({@link #lossFlat}); otherwise {@link #converged(StopReason, int, int,
     * TrainConfig)} with the epochs run.
     */
    public static boolean converged(StopReason reason, int bestEpoch, double[] trainLoss, TrainConfig cfg) {
        return cfg.options().selection() == Selection.LAST ? lossFlat(trainLoss) : converged(reason, bestEpoch, trainLoss.length, cfg);
    }

    /** The least epochs of {@link #lossFlat}'s window. */
    public static final int FLAT_MIN_EPOCHS = 3;

    /** {@link #lossFlat}'s tolerance: the fitted fall over the window, as a fraction of the window's mean loss. */
    public static final double FLAT_TOLERANCE = 0.02;

    /**
     * The fixed-budget rule: the training loss (one value per epoch, the whole schedule) is flat over its last tenth,
     * {@code w = max(}{@value #FLAT_MIN_EPOCHS}{@code , ⌈n/10⌉)} epochs: the least-squares line through those epochs' losses
     * falls by at most {@value #FLAT_TOLERANCE} of their mean from the window's first epoch to its last. A loss that
     * is not finite, or a schedule shorter than the window, is not converged.
     */
    public static boolean lossFlat(double[] trainLoss) {
        double fall = lossFall(trainLoss);
        return !Double.isNaN(fall) && fall <= FLAT_TOLERANCE;
    }

    /**
     * What {@link #lossFlat} measures: the fall of the least-squares line through the window's losses from its first
     * epoch to its last, as a fraction of their mean (negative when the loss rises); NaN for a schedule shorter than
     * the window or a loss that is not finite.
     */
    public static double lossFall(double[] trainLoss) {
        int n = trainLoss.length, w = Math.max(FLAT_MIN_EPOCHS, (n + 9) / 10);
        if (n < w) return Double.NaN;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < w; i++) {
            double y = trainLoss[n - w + i];
            if (!Double.isFinite(y)) return Double.NaN;
            sx += i; sy += y; sxx += (double) i * i; sxy += i * y;
        }
        double slope = (w * sxy - sx * sy) / (w * sxx - sx * sx), mean = sy / w;
        return -slope * (w - 1) / Math.abs(mean);
    }
}
