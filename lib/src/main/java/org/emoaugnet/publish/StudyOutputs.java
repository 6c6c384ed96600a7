package org.emoaugnet.publish;

import java.util.List;

/**
 * The files the studies write under {@code results/}, named in one place: the notebooks save their tables and figures
 * under these names, {@link Findings} reads the tables back for the README, and {@link ReadmeTables} chooses the
 * renderer of a CSV block by them. A study's files lie in the folder of its corpus ({@code results/<corpus>/},
 * {@link org.emoaugnet.util.Settings#resultsFor}) or, for the cross-corpus grid, in {@link #crossCorpusFolder}.
 */
public final class StudyOutputs {
    private StudyOutputs() {}

    /** Notebook 04: the study table ({@link StudyReport#table}) and the ReLU − ELU tests ({@link StudyReport#activationComparison}). */
    public static final String RELU_ELU = "04-relu-vs-elu.csv", RELU_ELU_TESTS = "04-relu-vs-elu-tests.csv";

    /** Notebook 05: the cross-corpus grid ({@link CrossCorpusStudy#run}) and its variant − main tests ({@link CrossCorpusStudy#variantTests}). */
    public static final String CROSS_CORPUS = "05-cross-corpus.csv", CROSS_CORPUS_VARIANT_TESTS = "05-cross-corpus-variant-tests.csv";

    /**
     * Notebook 05: the augmentation test across corpora ({@link org.emoaugnet.design.CrossCorpusStudy.Grid#augmentationTest}),
     * its units ({@link org.emoaugnet.design.CrossCorpusStudy.Grid#augmentationUnits}) and the grid's planned runs with
     * their cost ({@link org.emoaugnet.design.CrossCorpusStudy.Grid#plannedRuns}).
     */
    public static final String CROSS_CORPUS_AUGMENTATION = "05-cross-corpus-augmentation-test.csv", CROSS_CORPUS_AUGMENTATION_UNITS = "05-cross-corpus-augmentation.csv",
            CROSS_CORPUS_PLAN = "05-cross-corpus-plan.csv";

    /** Notebook 05: the robustness study ({@link Robustness#combined}) and public-4 − none on degraded speech ({@link Robustness#augmentationEffect}). */
    public static final String ROBUSTNESS = "05-robustness.csv", ROBUSTNESS_AUGMENTATION = "05-robustness-augmentation.csv";

    /**
     * Notebook 06 ({@link org.emoaugnet.design.StrongestModel}): the search log, what the study cost, the results beside
     * the baselines, each nested winner tested against its baseline ({@link org.emoaugnet.design.StrongestModel#baselineTest}),
     * per fold, per test speaker, the published anchors beside ours, how far validation predicted test
     * ({@link org.emoaugnet.design.StrongestModel#selectionCheck}), and the paper's questions at the first search's pooled choice.
     */
    public static final String STRONG_SEARCH_LOG = "06-search-log.csv", STRONG_COST = "06-cost.csv", STRONG_RESULTS = "06-results.csv",
            STRONG_BASELINE_TEST = "06-vs-baseline.csv", STRONG_ANCHORS = "06-anchors.csv", STRONG_RELU_ELU = "06-relu-vs-elu.csv",
            STRONG_AUGMENTATION = "06-augmentation.csv", STRONG_VOTES = "06-seed-votes.csv", STRONG_SELECTION_CHECK = "06-selection-check.csv";

    /** Notebook 06: one table of a pre-registered plan's report, {@code 06-plan-<plan>-<what>.csv} ({@code what}: {@link #PLAN_TABLES}). */
    public static String plan(String plan, String what) {
        if (!PLAN_TABLES.contains(what)) throw new IllegalArgumentException("'" + what + "' is none of a plan's tables " + PLAN_TABLES);
        return "06-plan-" + plan + "-" + what + ".csv";
    }

    /** The tables of a plan's report in notebook 06 ({@link org.emoaugnet.design.NestedReport}). */
    public static final List<String> PLAN_TABLES = List.of("log", "cost", "results", "vs-baseline", "ensemble", "per-fold", "per-class", "per-speaker",
            "fitting", "augmentation", "relu-vs-elu");

    /** Notebook 06: one search's per-fold table, {@code 06-per-fold-<search>.csv}. */
    public static String perFold(String search) { return "06-per-fold-" + search + ".csv"; }

    /** Notebook 06: UA per test speaker of one search's final runs, {@code 06-per-speaker-<search>.csv}. */
    public static String perSpeaker(String search) { return "06-per-speaker-" + search + ".csv"; }

    private static final String ABLATION = "02-ablation-", BENCH_COMPARE = "compare-", ENVIRONMENT = "-environment.csv";

    /** Notebook 02: the ablation table of a design ({@link StudyReport#ablation}), {@code 02-ablation-<design>.csv}. */
    public static String ablation(String design) { return ABLATION + design + ".csv"; }

    /** Notebook 02: the ablation's UA per recipe, {@code 02-ablation-<design>.png}. */
    public static String ablationFigure(String design) { return ABLATION + design + ".png"; }

    /** Notebook 02: each recipe's UA difference to none, {@code 02-ablation-<design>-delta.png}. */
    public static String ablationDeltaFigure(String design) { return ABLATION + design + "-delta.png"; }

    /** Whether a file name is an ablation table ({@link #ablation}). */
    public static boolean isAblation(String fileName) { return fileName.startsWith(ABLATION) && fileName.endsWith(".csv"); }

    /** The cross-corpus study's folder under {@code results/} for the corpora of its grid, in the grid's order. */
    public static String crossCorpusFolder(List<String> corpora) { return "cross-" + String.join("-", corpora); }

    /** {@code emoaug bench compare}'s repeats of one model and activation ({@code compare-<model>-<activation>}), without the extension. */
    public static String benchCompare(String model, String activation) { return BENCH_COMPARE + model + "-" + activation; }

    /** {@code emoaug bench gemm}'s one-thread GEMM rates per shape ({@code gemm-peak}), without the extension. */
    public static final String BENCH_GEMM_PEAK = "gemm-peak";

    /** {@code emoaug bench profile}'s stages of one model and activation ({@code profile-<model>-<activation>}), without the extension. */
    public static String benchProfile(String model, String activation) { return "profile-" + model + "-" + activation; }

    /** The environment file beside a {@link #benchCompare}, {@link #benchProfile} or {@link #BENCH_GEMM_PEAK} table. */
    public static String benchEnvironment(String tag) { return tag + ENVIRONMENT; }

    /** Whether a file name is a {@link #benchCompare} table (not its environment file). */
    public static boolean isBenchCompare(String fileName) { return fileName.startsWith(BENCH_COMPARE) && !fileName.endsWith(ENVIRONMENT); }

    /** A file of a study relative to {@code results/}: {@code folder/file}. */
    public static String path(String folder, String file) { return folder + "/" + file; }
}
