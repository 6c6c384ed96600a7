package org.emoaugnet.design;

import org.emoaugnet.run.Predictions;

import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.Evidence;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.CrossCorpus;
import org.emoaugnet.run.Defaults;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.SpecJobs;

import org.emoaugnet.data.loaders.Corpora;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.eval.Statistics;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.util.Settings;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The cross-corpus grid of notebook 05: every ordered pair of the given corpora (train on X, test on Y) and, on the
 * diagonal, each corpus's own speaker-independent result, all over the emotions <em>every</em> corpus shares (so
 * that all cells classify the same classes). Variants: the main setting (ReLU, public-4, scaler fitted on the
 * training corpus), no augmentation, per-corpus and per-speaker normalisation, and ELU.
 */
public final class CrossCorpusStudy {
    /** One setting of the grid. */
    public record Variant(String label, String activation, Recipe recipe, CrossCorpus.Normalisation normalisation, FeatureSpec features) {
        /** Whether the grid's diagonal (within-corpus, speaker-independent) is run for this variant. */
        boolean hasDiagonal() { return normalisation == CrossCorpus.Normalisation.TRAIN_SCALER && features.equals(FEATURES); }
    }

    /** The grid's features: librosa defaults on 1.5 s from the speech onset (the corpora differ in leading silence and length). */
    public static final FeatureSpec FEATURES = FeatureSpec.crossCorpus();

    public static final Variant MAIN = new Variant("main", "relu", Recipe.public4(), CrossCorpus.Normalisation.TRAIN_SCALER, FEATURES);

    private CrossCorpusStudy() {}

    /**
     * The variants: main, no augmentation, per-speaker normalisation; and, outside quick mode, per-corpus normalisation
     * and the public pipeline's window (2.5 s from 0.6 s of the file, whatever it holds; cross-corpus cells only).
     */
    public static List<Variant> variants(boolean quick) {
        List<Variant> v = new ArrayList<>(List.of(MAIN, new Variant("no augmentation", "relu", Recipe.none(), CrossCorpus.Normalisation.TRAIN_SCALER, FEATURES),
                new Variant("per-speaker normalisation", "relu", Recipe.public4(), CrossCorpus.Normalisation.PER_SPEAKER, FEATURES)));
        if (!quick) {
            v.add(new Variant("per-corpus normalisation", "relu", Recipe.public4(), CrossCorpus.Normalisation.PER_CORPUS, FEATURES));
            v.add(new Variant("public window", "relu", Recipe.public4(), CrossCorpus.Normalisation.TRAIN_SCALER, FeatureSpec.publicPipeline()));
        }
        return v;
    }

    /**
     * The corpora of the grid: every configured corpus plus the synthetic one; without data, the synthetic corpus and
     * a second one generated with other voices ({@code synthetic-b}: 4 speakers, seed + 1), so that the cross-corpus
     * path runs anywhere.
     */
    public static List<Corpus> corpora(Settings s) throws IOException {
        List<Corpus> out = new ArrayList<>();
        for (var r : org.emoaugnet.data.loaders.Corpora.open(s)) out.add(r.corpus());
        if (out.stream().noneMatch(c -> c.name().equals("synthetic"))) out.add(CorpusSource.synthetic(s, 8, s.seed(), "synthetic"));
        if (out.size() == 1) out.add(CorpusSource.synthetic(s, 4, s.seed() + 1, "synthetic-b"));
        return out;
    }



    /** Runs (or reads back) every cell of every variant; one row per cell. */
    public static Table run(List<Corpus> corpora, Settings s, FeatureCache cache, Path runsRoot) throws IOException {
        return run(corpora, s, cache, runsRoot, List.of());
    }

    /**
     * Runs (or reads back) every cell of the variants labelled {@code only} (all variants when empty); one row per
     * cell. Two processes may share the work by taking disjoint variants: every cell resumes from its run record.
     */
    public static Table run(List<Corpus> corpora, Settings s, FeatureCache cache, Path runsRoot, List<String> only) throws IOException {
        Grid grid = design(corpora.stream().map(Corpus::name).toList(), s, only);
        return grid.table(grid.run(CorpusSource.of(corpora, s.retryFailed()), cache, runsRoot), runsRoot);
    }

    /**
     * The grid over {@code corpora} (names, in row order) with the settings' training budget and folds, restricted to
     * the variants labelled {@code only} (all when empty; an unknown label is an error naming the variants).
     */
    public static Grid design(List<String> corpora, Settings s, List<String> only) {
        List<String> labels = variants(s.quick()).stream().map(Variant::label).toList();
        for (String o : only)
            if (!labels.contains(o)) throw new IllegalArgumentException("unknown variant '" + o + "'; the variants are " + labels);
        return new Grid(corpora, s.quick(), Defaults.training(s), Defaults.folds(s), only);
    }

    /** One cell of the grid: the diagonal's within-corpus experiment, or a cross-corpus configuration. */
    public record Cell(Variant variant, String train, String test, ExperimentConfig within, CrossCorpus.Config cross) {}

    /**
     * The grid as a {@link Design}: every ordered pair of {@code corpora} and the diagonal, for the variants labelled
     * {@code only} (all when empty), over the classes every corpus shares, with one training seed.
     *
     * @param training the studies' convergence budget, as everywhere ({@link Defaults#training})
     * @param folds    folds of the diagonal's speaker-independent experiments ({@link Defaults#folds})
     */
    public record Grid(List<String> corpora, boolean quick, TrainConfig training, int folds, List<String> only) implements Design {
        public Grid {
            corpora = List.copyOf(corpora);
            only = List.copyOf(only);
        }

        /** The classes every corpus of the grid shares. */
        public ClassSet classSet() { return Corpora.commonClasses(corpora); }

        /** Every cell, variant by variant, row (training corpus) by column (test corpus). */
        public List<Cell> cells() {
            ClassSet cs = classSet();
            long seed = 1;
            List<Cell> cells = new ArrayList<>();
            for (Variant v : variants(quick)) {
                if (!only.isEmpty() && !only.contains(v.label())) continue;
                for (String x : corpora) {
                    for (String y : corpora) {
                        if (x.equals(y)) {
                            if (!v.hasDiagonal()) continue;
                            cells.add(new Cell(v, x, y, new ExperimentConfig(x + "-si-" + cs.name() + "-" + v.activation() + "-aug-" + v.recipe().name()
                                    + CrossCorpus.windowTag(v.features()) + (quick ? "-quick" : ""), x, cs, Protocol.SPEAKER_INDEPENDENT, v.features(),
                                    Dataset.Layout.SEQUENCE, v.recipe(), "compact-cnn-lstm", v.activation(), training, List.of(seed), folds), null));
                        } else {
                            cells.add(new Cell(v, x, y, null, new CrossCorpus.Config(x, y, "compact-cnn-lstm", v.activation(), v.recipe(), v.normalisation(),
                                    v.features(), training, seed)));
                        }
                    }
                }
            }
            return cells;
        }

        @Override
        public String describe() {
            return "the cross-corpus grid over " + String.join(", ", corpora) + (only.isEmpty() ? "" : " (variants " + only + ")");
        }

        @Override
        public List<PlannedRun> plan(CorpusSource source) throws IOException {
            ClassSet cs = classSet();
            List<PlannedRun> out = new ArrayList<>();
            for (Cell c : cells()) {
                if (c.within() != null) out.addAll(c.within().plan(source));
                else out.add(CrossCorpus.planned(c.cross(), cs, source.corpus(c.train()), source.corpus(c.test())));
            }
            return out;
        }

        /** One row per cell with runs, from the records under {@code runsRoot}; {@code records}: the grid's finished runs (its lineage). */
        public Table table(List<RunRecord> records, Path runsRoot) throws IOException {
            ClassSet cs = classSet();
            StringColumn variant = StringColumn.create(ResultColumns.VARIANT), train = StringColumn.create(ResultColumns.TRAIN), test = StringColumn.create(ResultColumns.TEST),
                    kind = StringColumn.create(ResultColumns.KIND), experiment = StringColumn.create(ResultColumns.EXPERIMENT);
            IntColumn items = IntColumn.create(ResultColumns.TEST_ITEMS), runsCol = IntColumn.create(ResultColumns.RUNS), conv = IntColumn.create(ResultColumns.CONVERGED_RUNS);
            DoubleColumn wa = DoubleColumn.create(ResultColumns.WA), ua = DoubleColumn.create(ResultColumns.UA), lo = DoubleColumn.create(ResultColumns.UA_LOW),
                    hi = DoubleColumn.create(ResultColumns.UA_HIGH);
            List<String> lineage = new ArrayList<>();
            for (RunRecord r : records) lineage.add(org.emoaugnet.util.Lineage.run(r.experiment(), SpecJobs.runName(r.spec()), r.specSha256()));
            for (Cell c : cells()) {
                String exp = c.within() != null ? c.within().name() : CrossCorpus.experimentName(c.cross(), cs);
                Path crossRun = runsRoot.resolve(exp).resolve("seed" + (c.cross() == null ? 0 : c.cross().seed()));
                List<Path> cellRuns = c.within() != null ? StudyTables.runs(c.within(), runsRoot) : RunRecord.finished(crossRun) ? List.of(crossRun) : List.of();
                if (cellRuns.isEmpty()) continue;   // training off and the cell not run: left out
                Predictions p = StudyReport.predictions(cellRuns);
                Evidence e = Evidence.of(cellRuns, "UA");
                variant.append(c.variant().label());
                train.append(c.train());
                test.append(c.test());
                kind.append(c.train().equals(c.test()) ? "within (speaker-independent)" : "cross-corpus");
                experiment.append(exp);
                items.append(p.truth().length);
                runsCol.append(cellRuns.size());
                conv.append(e.converged());
                wa.append(100 * Statistics.wa(p.truth(), p.predicted()));
                ua.append(e.clustered().estimate());
                lo.append(e.clustered().low());
                hi.append(e.clustered().high());
            }
            return org.emoaugnet.util.Lineage.tag(Table.create("cross-corpus (" + cs.description() + ")", variant, train, test, kind, experiment, items, runsCol, conv,
                    wa, ua, lo, hi), lineage);
        }
    }

    /**
     * Every variant against the main variant on the same cell (train → test corpus) and so on the same test recordings
     * ({@link Comparison}: one seed per cell, so the run-level unit is the seed, or the fold on the diagonal), with the
     * primary paired t-test Holm-adjusted over the whole family of variant comparisons, the sign-flip check, the power
     * columns and the verdict of {@link StudyReport#comparisonTable}; a cell with one seed has no t-test, so its verdict
     * rests on the direction of its one unit and on the recording level. A variant cell that reused the main cell's
     * runs (same spec hashes) is one comparison, counted once.
     */
    public static Table variantTests(Table grid, Path runsRoot) throws IOException {
        Map<String, Comparison> cmp = new java.util.LinkedHashMap<>();
        List<Path> used = new ArrayList<>();
        Table main = grid.where(grid.stringColumn(ResultColumns.VARIANT).isEqualTo(MAIN.label()));
        for (int i = 0; i < grid.rowCount(); i++) {
            String v = grid.stringColumn(ResultColumns.VARIANT).get(i), x = grid.stringColumn(ResultColumns.TRAIN).get(i), y = grid.stringColumn(ResultColumns.TEST).get(i);
            if (v.equals(MAIN.label())) continue;
            Table m = main.where(main.stringColumn(ResultColumns.TRAIN).isEqualTo(x).and(main.stringColumn(ResultColumns.TEST).isEqualTo(y)));
            if (m.rowCount() != 1) continue;
            List<Path> a = StudyReport.runs(runsRoot.resolve(grid.stringColumn(ResultColumns.EXPERIMENT).get(i))), b = StudyReport.runs(runsRoot.resolve(m.stringColumn(ResultColumns.EXPERIMENT).get(0)));
            if (a.isEmpty() || b.isEmpty()) continue;
            used.addAll(a);
            used.addAll(b);
            cmp.put(v + ": " + x + (x.equals(y) ? " (within)" : " → " + y), Comparison.of(a, b, "UA"));
        }
        return org.emoaugnet.util.Lineage.tag(StudyReport.comparisonTable("variant − main, UA", cmp), StudyReport.lineage(used));
    }

    /** Per-class recall on each test corpus: trained on itself (speaker-independent) against trained on another corpus. */
    public static Table recallShift(Table grid, Path runsRoot) throws IOException {
        StringColumn train = StringColumn.create(ResultColumns.TRAIN), test = StringColumn.create(ResultColumns.TEST), cls = StringColumn.create("class");
        DoubleColumn within = DoubleColumn.create("recall within (%)"), cross = DoubleColumn.create("recall cross (%)"), shift = DoubleColumn.create("shift (points)");
        Table main = grid.where(grid.stringColumn(ResultColumns.VARIANT).isEqualTo(MAIN.label()));
        Map<String, double[]> withinRecall = new LinkedHashMap<>();
        List<String> classes = null;
        for (int i = 0; i < main.rowCount(); i++) {
            if (!main.stringColumn(ResultColumns.TRAIN).get(i).equals(main.stringColumn(ResultColumns.TEST).get(i))) continue;
            Predictions p = StudyReport.predictions(runsRoot.resolve(main.stringColumn(ResultColumns.EXPERIMENT).get(i)));
            classes = p.classes();
            withinRecall.put(main.stringColumn(ResultColumns.TEST).get(i), recalls(p));
        }
        for (int i = 0; i < main.rowCount(); i++) {
            String x = main.stringColumn(ResultColumns.TRAIN).get(i), y = main.stringColumn(ResultColumns.TEST).get(i);
            if (x.equals(y) || !withinRecall.containsKey(y)) continue;
            Predictions p = StudyReport.predictions(runsRoot.resolve(main.stringColumn(ResultColumns.EXPERIMENT).get(i)));
            double[] rc = recalls(p), rw = withinRecall.get(y);
            for (int c = 0; c < p.classes().size(); c++) {
                train.append(x); test.append(y); cls.append(p.classes().get(c));
                within.append(round(100 * rw[c])); cross.append(round(100 * rc[c])); shift.append(round(100 * (rc[c] - rw[c])));
            }
        }
        return org.emoaugnet.util.Lineage.tag(Table.create("per-class recall shift", train, test, cls, within, cross, shift), grid);
    }

    static double[] recalls(Predictions p) {
        int k = p.classes().size();
        double[] tp = new double[k], n = new double[k];
        for (int i = 0; i < p.truth().length; i++) { n[p.truth()[i]]++; if (p.truth()[i] == p.predicted()[i]) tp[p.truth()[i]]++; }
        for (int c = 0; c < k; c++) tp[c] = n[c] == 0 ? Double.NaN : tp[c] / n[c];
        return tp;
    }

    private static double round(double v) { return Math.round(v * 100) / 100.0; }

    /** One variant of the grid as a train (rows) × test (columns) matrix of UA, each cell's text its interval and size. */
    public record UaMatrix(String variant, List<String> corpora, double[][] ua, String[][] text, double chance) {
        public String title() { return "UA (%), " + variant + ": train (rows) -> test (columns)"; }
        public String note() { return Math.round(100 / chance) + " shared classes, chance " + String.format(java.util.Locale.ROOT, "%.1f", chance) + " %"; }
        public String fileName() { return "05-cross-corpus-" + variant.replace(' ', '-') + ".png"; }
    }

    public static UaMatrix uaMatrix(Table grid, String variant, List<String> corpora, int classes) {
        int n = corpora.size();
        double[][] ua = new double[n][n];
        String[][] text = new String[n][n];
        for (double[] row : ua) java.util.Arrays.fill(row, Double.NaN);
        Table t = grid.where(grid.stringColumn(ResultColumns.VARIANT).isEqualTo(variant));
        for (int i = 0; i < t.rowCount(); i++) {
            int r = corpora.indexOf(t.stringColumn(ResultColumns.TRAIN).get(i)), c = corpora.indexOf(t.stringColumn(ResultColumns.TEST).get(i));
            if (r < 0 || c < 0) continue;
            ua[r][c] = t.doubleColumn(ResultColumns.UA).get(i);
            text[r][c] = String.format(java.util.Locale.ROOT, "UA %.1f %%%n[%.1f, %.1f]%nn = %d", ua[r][c],
                    t.doubleColumn(ResultColumns.UA_LOW).get(i), t.doubleColumn(ResultColumns.UA_HIGH).get(i), t.intColumn(ResultColumns.TEST_ITEMS).get(i));
        }
        return new UaMatrix(variant, List.copyOf(corpora), ua, text, 100.0 / classes);
    }

    /** Recall shift per class on {@code testCorpus}, one series per training corpus (for a grouped bar chart). */
    public static java.util.Map<String, List<Double>> recallShiftSeries(Table shift, String testCorpus, List<String> classes) {
        java.util.Map<String, List<Double>> series = new java.util.LinkedHashMap<>();
        Table s = shift.where(shift.stringColumn(ResultColumns.TEST).isEqualTo(testCorpus));
        for (String x : s.stringColumn(ResultColumns.TRAIN).unique().asList()) {
            Table sx = s.where(s.stringColumn(ResultColumns.TRAIN).isEqualTo(x));
            List<Double> v = new ArrayList<>();
            for (String c : classes) {
                Table one = sx.where(sx.stringColumn("class").isEqualTo(c));
                v.add(one.rowCount() == 0 ? Double.NaN : one.doubleColumn("shift (points)").get(0));
            }
            series.put("trained on " + x, v);
        }
        return series;
    }

    /** The main variant's cells of one kind: {@code within} the corpora (speaker-independent diagonal) or across them. */
    public static Table mainCells(Table grid, boolean within) {
        Table main = grid.where(grid.stringColumn(ResultColumns.VARIANT).isEqualTo(MAIN.label()));
        return within ? main.where(main.stringColumn(ResultColumns.KIND).startsWith("within")) : main.where(main.stringColumn(ResultColumns.KIND).isEqualTo("cross-corpus"));
    }

    /** Cells of the grid with a run stopped at its epoch cap while still improving. */
    public static int unconvergedCells(Table grid) {
        int n = 0;
        for (int i = 0; i < grid.rowCount(); i++) if (grid.intColumn(ResultColumns.CONVERGED_RUNS).get(i) < grid.intColumn(ResultColumns.RUNS).get(i)) n++;
        return n;
    }

    /**
     * The grid's headline in sentences: mean UA of the main variant within corpora (speaker-independent) and across
     * them against chance, with the number of cells behind each mean, and how many cells hold unconverged runs.
     */
    public static List<String> findings(Table grid, int classes) {
        Table cross = mainCells(grid, false), within = mainCells(grid, true);
        List<String> out = new ArrayList<>();
        out.add(String.format(java.util.Locale.ROOT,
                "Main variant: mean UA within corpora (speaker-independent) %.1f %% over %d cells, across corpora %.1f %% over %d cells (chance %.1f %%; one training seed per cross-corpus cell).",
                within.doubleColumn(ResultColumns.UA).mean(), within.rowCount(), cross.doubleColumn(ResultColumns.UA).mean(), cross.rowCount(), 100.0 / classes));
        out.add(String.format(java.util.Locale.ROOT,
                "Grid cells with a run stopped at its epoch cap while still improving: %d of %d (their numbers carry no verdict).", unconvergedCells(grid), grid.rowCount()));
        return out;
    }
}
