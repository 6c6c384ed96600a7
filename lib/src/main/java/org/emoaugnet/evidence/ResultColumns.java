package org.emoaugnet.evidence;

import java.util.HashSet;
import java.util.Set;

/**
 * The column names of the result tables (the study table {@link StudyReport#table}, the ablation table
 * {@link StudyReport#ablation}, the cross-corpus grid {@link CrossCorpusStudy#run}, the robustness tables
 * {@link Robustness}, the training benchmark {@code emoaug bench compare}), in one place: the classes that write these
 * tables and the classes that read them back from their CSV files ({@link Findings}, {@link ReadmeTables}) name a
 * column only through these constants. The test tables' columns are {@link TestColumns}. {@code ColumnRegistryTest}
 * fails when a name held here is spelled again as a column in another main-source file.
 */
public final class ResultColumns {
    private ResultColumns() {}

    /** What a row is about: an experiment, its protocol, activation and recipe, the seeds and folds behind it. */
    public static final String EXPERIMENT = "experiment", PROTOCOL = "protocol", ACTIVATION = "activation", SEEDS = "seeds", FOLDS = "folds";

    /** Run counts: finished, planned by the design, and converged (not stopped at the epoch cap while still improving). */
    public static final String RUNS = "runs", PLANNED_RUNS = "planned runs", CONVERGED_RUNS = "converged runs";

    /** The test set behind a row of the study table. */
    public static final String TEST_RECORDINGS = "test recordings", TEST_SPEAKERS = "test speakers";

    /**
     * The study table's text columns per metric: mean ± s.d. over runs; mean over seeds with its 95 % t interval; the
     * metric over recordings with its interval resampling speakers, then recordings.
     */
    public static final String WA_OVER_RUNS = "WA mean ± sd over runs (%)", UA_OVER_RUNS = "UA mean ± sd over runs (%)",
            WA_OVER_SEEDS = "WA mean over seeds, 95% t CI (unit: seed)", UA_OVER_SEEDS = "UA mean over seeds, 95% t CI (unit: seed)",
            WA_OVER_RECORDINGS = "WA over recordings, 95% CI (resamples speakers, then recordings)",
            UA_OVER_RECORDINGS = "UA over recordings, 95% CI (resamples speakers, then recordings)";

    /** The paper's pair beside a row. */
    public static final String PAPER_WA = "paper WA (%)", PAPER_UA = "paper UA (%)";

    /** The other experiments holding the same runs (same spec hashes), all of them or "(k of n runs)" ({@link SharedRuns#describe}). */
    public static final String SAME_RUNS = "same runs also under";

    /** Number columns of UA (and WA): a mean, the metric over recordings and its speaker→recording 95 % interval. */
    public static final String WA = "WA (%)", UA = "UA (%)", UA_MEAN_OVER_RUNS = "UA mean over runs (%)", UA_RECORDINGS = "UA over recordings (%)",
            UA_LOW = "UA 95% CI low (speakers→recordings)", UA_HIGH = "UA 95% CI high (speakers→recordings)", UA_SD_OVER_SEEDS = "UA sd over seeds";

    /** The ablation table: the recipe of a row and its training volume. */
    public static final String CONDITION = "condition", COPIES_PER_FILE = "copies_per_file", TRAIN_ROWS_PER_RUN = "train_rows_per_run",
            SAMPLES_PER_EPOCH = "samples_per_epoch";

    /** The cross-corpus grid: variant, training and test corpus, within or across corpora, test items. */
    public static final String VARIANT = "variant", TRAIN = "train", TEST = "test", KIND = "kind", TEST_ITEMS = "test_items";

    /**
     * The augmentation test of the cross-corpus grid, one row per train/test corpus pair: the UA with the paper's
     * augmentation (public-4) and without it (none), each the mean over the seeds both have, and their difference.
     */
    public static final String UA_AUGMENTED = "UA public-4 (%)", UA_UNAUGMENTED = "UA none (%)", DELTA_AUGMENTATION = "Δ public-4 − none (points)";

    /**
     * A design's plan before any run: the cells, the runs, the training rows (recordings × augmented copies) per run,
     * and the estimated time to train on one core, low and high ({@link org.emoaugnet.design.PlanCost}).
     */
    public static final String CELLS = "cells", TRAINING_RECORDINGS = "training recordings per run", TRAINING_ROWS = "training rows per run",
            CORE_HOURS_LOW = "core-hours (low)", CORE_HOURS_HIGH = "core-hours (high)";

    /** The robustness tables: the degradation of a condition, its level, the model evaluated. */
    public static final String LEVEL = "level", DEGRADATION = "degradation", MODEL = "model";

    /** The named fold set of a speaker-independent result ({@code emobox-6}, {@code reslstm-5}). */
    public static final String FOLD_SET = "fold set";

    /** A cost table's group of runs (notebook 06's cost tables). */
    public static final String GROUP = "group";

    /**
     * Notebook 06's results: a nested search winner's test against its baseline in one cell, the difference over units
     * with its 95 % t interval, the paired t-test's Holm-adjusted p and the verdict (empty on other rows).
     */
    public static final String VS_BASELINE = "UA − its baseline, points [95% t CI] (units), Holm p: verdict";

    /** The training benchmark's repeats ({@code emoaug bench compare}): the side and its throughputs. */
    public static final String SIDE = "side", TRAIN_SAMPLES_PER_S = "train_samples_per_s", INFER_SAMPLES_PER_S = "infer_samples_per_s";

    /** Columns of the result tables that hold counts (with {@link TestColumns#INTEGERS}), for readers of the CSV files. */
    public static final Set<String> INTEGERS = union(TestColumns.INTEGERS, Set.of(RUNS, PLANNED_RUNS, CONVERGED_RUNS, COPIES_PER_FILE,
            TRAIN_ROWS_PER_RUN, SAMPLES_PER_EPOCH, TEST_ITEMS, FOLDS, TEST_RECORDINGS, TEST_SPEAKERS, CELLS));

    /** Text columns of the result tables (with {@link TestColumns#TEXT}); every other column is a number. */
    public static final Set<String> TEXT = union(TestColumns.TEXT, Set.of(CONDITION, ACTIVATION, VARIANT, TRAIN, TEST, KIND, EXPERIMENT,
            PROTOCOL, MODEL, FOLD_SET, VS_BASELINE, DEGRADATION, SEEDS, SAME_RUNS, WA_OVER_RUNS, UA_OVER_RUNS, WA_OVER_SEEDS, UA_OVER_SEEDS, WA_OVER_RECORDINGS,
            UA_OVER_RECORDINGS, GROUP));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    /** The name of each protocol as a column or a comparison names it (the ledger's protocol columns). */
    public static final java.util.Map<org.emoaugnet.run.Protocol, String> PROTOCOL_NAMES = java.util.Map.of(org.emoaugnet.run.Protocol.PAPER_STYLE, "paper-style (leaks)",
            org.emoaugnet.run.Protocol.AUGMENT_AFTER_RANDOM_SPLIT, "augment after utterance split", org.emoaugnet.run.Protocol.SPEAKER_INDEPENDENT, "speaker-independent");

    /** The per-run summary's columns of test WA and UA, in % ({@link StudyReport#summary}). */
    public static final String TEST_WA = "test WA (%)", TEST_UA = "test UA (%)";
}
