package org.emoaugnet.experiment;

import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.util.Settings;

/**
 * The training and study defaults, defined once: configuration files fall back to {@link #TRAINING} for every key they
 * omit, and the built-in studies (notebook 04's ReLU-vs-ELU study, notebook 05's grid and robustness models) size
 * their runs with {@link #epochs} and {@link #folds}.
 *
 * <ul>
 *   <li>Training (the convergence budget): Adam, learning rate 1e-3, batch 64, learning rate × 0.5 after 3 epochs
 *       without a better validation UA, early stopping after 8 such epochs, at most 80 epochs. On RAVDESS such runs
 *       stopped by patience after 21–39 epochs, so the cap is a safety net; a run that reaches it still improving is
 *       flagged not converged ({@link org.emoaugnet.model.StopReason#converged}).</li>
 *   <li>Size: real corpora up to 80 epochs on every fold; the generated synthetic corpus up to 40 epochs on 3 folds
 *       (so the main job stays short); quick (CI) mode 2 epochs on 2 folds (never converged: CI checks the path, not
 *       the numbers).</li>
 * </ul>
 */
public final class Defaults {
    private Defaults() {}

    /** Every training setting a configuration may omit (its seed is set per run). */
    public static final TrainConfig TRAINING = new TrainConfig(80, 64, 1e-3, 8, 0.5, 3, 0);

    /** Epoch cap of the built-in studies: quick 2, synthetic corpus only 40, real corpora {@link #TRAINING}'s. */
    public static int epochs(Settings s) { return s.quick() ? 2 : s.data().isEmpty() ? 40 : TRAINING.epochs(); }

    /** Folds of the built-in studies: quick 2, synthetic corpus only 3, real corpora all (0). */
    public static int folds(Settings s) { return s.quick() ? 2 : s.data().isEmpty() ? 3 : 0; }

    /** Training seeds of each robustness model: real corpora 1, 2, 3; the synthetic corpus and quick mode 1. */
    public static java.util.List<Long> robustnessSeeds(Settings s) { return s.quick() || s.data().isEmpty() ? java.util.List.of(1L) : java.util.List.of(1L, 2L, 3L); }

    /** {@link #TRAINING} with the study's epoch cap for these settings. */
    public static TrainConfig training(Settings s) { return TRAINING.withEpochs(epochs(s)); }
}
