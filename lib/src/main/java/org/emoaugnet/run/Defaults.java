package org.emoaugnet.run;

import java.util.List;
import org.emoaugnet.data.FoldSet;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.util.Settings;

/**
 * The experiment, training, split and study defaults, defined once: configuration files ({@link ExperimentConfigs},
 * ablation designs) fall back to these for every key they omit ({@link #PROTOCOL} … {@link #FOLDS}, {@link #TRAINING},
 * {@link #split}), and the built-in studies (notebook 04's ReLU-vs-ELU study, notebook 05's grid and robustness
 * models) size their runs with {@link #epochs} and {@link #folds}.
 *
 * <ul>
 *   <li>Experiment: the speaker-independent protocol, the public pipeline's features as a frame sequence, the public
 *       four-copy recipe, the compact CNN-LSTM with ReLU, training seed 1, every fold.</li>
 *   <li>Splits ({@link SplitSpec}): speaker folds assigned with seed 42; validation 15 % of the training speakers
 *       drawn with seed 42 (speaker-independent, leave-one-speaker-out; cross-corpus: with the training seed);
 *       random and paper-style splits 20 % test and 10 % of the remaining recordings (rows) for validation; on
 *       RAVDESS the ResLSTM-SA fold set ({@link FoldSet#DEFAULT}, {@code reslstm-5}). Every committed run used these
 *       values.</li>
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

    /** The protocol of an experiment file that names none. */
    public static final Protocol PROTOCOL = Protocol.SPEAKER_INDEPENDENT;

    /** The feature specification's name ({@code public-pipeline} or {@code cross-corpus}). */
    public static final String FEATURES = "public-pipeline";

    public static final Dataset.Layout LAYOUT = Dataset.Layout.SEQUENCE;

    /** The augmentation recipe's name ({@code Recipe.named()}). */
    public static final String RECIPE = "public-4";

    /** The model preset ({@code ModelConfig.preset}). */
    public static final String MODEL = "compact-cnn-lstm";

    public static final String ACTIVATION = "relu";

    /**
     * The epoch a run keeps unless its experiment says {@code selection=last}: the one with the best validation UA,
     * which also drives patience and the plateau schedule ({@link org.emoaugnet.model.Selection}).
     */
    public static final String SELECTION = org.emoaugnet.model.Selection.VAL_UA.key();

    /** Training seeds of an experiment file or ablation design that lists none. */
    public static final List<Long> SEEDS = List.of(1L);

    /** Training seeds of a model search's candidate runs ({@code experiment search --search-seeds}, notebook 06's RAVDESS searches). */
    public static final List<Long> SEARCH_SEEDS = List.of(1L);

    /** Training seeds of each fold's search winner ({@code experiment search --final-seeds}, notebook 06's RAVDESS searches). */
    public static final List<Long> FINAL_SEEDS = List.of(1L, 2L, 3L, 4L, 5L);

    /** Folds to run (≤ 0: every fold of the protocol). */
    public static final int FOLDS = 0;

    /** Seed of the speaker-independent fold assignment ({@link SplitSpec#foldSeed}). */
    public static final long FOLD_SEED = 42;

    /** Share of the training speakers held out for validation (speaker-independent, leave-one-speaker-out, cross-corpus). */
    public static final double SPEAKER_VALIDATION_FRACTION = 0.15;

    /** Seed of the validation speakers' draw under the speaker-independent and leave-one-speaker-out protocols. */
    public static final long VALIDATION_SEED = 42;

    /** Test share of the random recording split and of the paper-style row split. */
    public static final double TEST_FRACTION = 0.2;

    /** Share of the training recordings (random split) or rows (paper-style) held out for validation. */
    public static final double RANDOM_VALIDATION_FRACTION = 0.1;

    /** The split constants of {@code protocol} (every committed run used these). */
    public static SplitSpec split(Protocol protocol) {
        double validation = protocol == Protocol.PAPER_STYLE || protocol == Protocol.AUGMENT_AFTER_RANDOM_SPLIT
                ? RANDOM_VALIDATION_FRACTION : SPEAKER_VALIDATION_FRACTION;
        return new SplitSpec(FOLD_SEED, validation, VALIDATION_SEED, TEST_FRACTION, FoldSet.DEFAULT);
    }

    /**
     * The split constants of {@code protocol} on {@code corpus}: {@link #split(Protocol)} with, under the
     * speaker-independent protocol, the corpus's default fold set ({@code Corpora.defaultFoldSet}: URDU's committed
     * speaker folds; {@link FoldSet#DEFAULT} elsewhere, so every other corpus's splits are unchanged).
     */
    public static SplitSpec split(Protocol protocol, String corpus) {
        SplitSpec d = split(protocol);
        return protocol == Protocol.SPEAKER_INDEPENDENT ? d.withFoldSet(org.emoaugnet.data.loaders.Corpora.defaultFoldSet(corpus)) : d;
    }

    /** Every training setting a configuration may omit (its seed is set per run). */
    public static final TrainConfig TRAINING = new TrainConfig(80, 64, 1e-3, 8, 0.5, 3, 0);

    /** Epoch cap of the built-in studies: quick 2, synthetic corpus only 40, real corpora {@link #TRAINING}'s. */
    public static int epochs(Settings s) { return s.quick() ? 2 : s.data().isEmpty() ? 40 : TRAINING.epochs(); }

    /** Folds of the built-in studies: quick 2, synthetic corpus only 3, real corpora all (0). */
    public static int folds(Settings s) { return s.quick() ? 2 : s.data().isEmpty() ? 3 : 0; }

    /**
     * Training seeds of each robustness model: real corpora 1 to 8; the synthetic corpus and quick mode 1. The seed is
     * the unit of the robustness tests (every model is trained on actor fold 1). With the first 3 seeds the power table
     * showed that no condition's family could detect a 2-point difference (minimal detectable differences 4.9–119.5
     * points), so 5 seeds were added; the earlier runs are reused unchanged.
     */
    public static java.util.List<Long> robustnessSeeds(Settings s) {
        return s.quick() || s.data().isEmpty() ? java.util.List.of(1L) : java.util.stream.LongStream.rangeClosed(1, 8).boxed().toList();
    }

    /**
     * Training seeds of every cell of notebook 05's cross-corpus grid (each cross-corpus and leave-one-corpus-out cell
     * one run per seed, each diagonal cell one run per fold and seed): real corpora 1 to 3 (issue 36: at least 3 seeds
     * per cell, so that every cell has a t interval over seeds and the augmentation test pairs its runs seed by seed);
     * the synthetic corpora and quick mode 1, so that the main job and CI plan the grid's runs as before.
     */
    public static java.util.List<Long> crossCorpusSeeds(Settings s) {
        return s.quick() || s.data().isEmpty() ? java.util.List.of(1L) : java.util.List.of(1L, 2L, 3L);
    }

    /** {@link #TRAINING} with the study's epoch cap for these settings. */
    public static TrainConfig training(Settings s) { return TRAINING.withEpochs(epochs(s)); }
}
