package org.emoaugnet.design;

import org.emoaugnet.run.Predictions;

import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.Evidence;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.SharedRuns;
import org.emoaugnet.evidence.TestColumns;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.CrossCorpus;
import org.emoaugnet.run.Defaults;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.RunSpec;
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
 * The cross-corpus grid of notebook 05: every ordered pair of the given corpora (train on X, test on Y), on the
 * diagonal each corpus's own speaker-independent result, and, with three corpora or more, leave-one-corpus-out (train
 * on every corpus but Y, pooled, test on Y), all over the emotions <em>every</em> corpus shares (so that all cells
 * classify the same classes), each cell repeated over the grid's training seeds. Variants: the main setting (ReLU,
 * public-4, scaler fitted on the training corpus), no augmentation, per-corpus and per-speaker normalisation, and the
 * public window. Whether the paper's augmentation helps a model transfer is asked with the train/test corpus pair as
 * the unit ({@link Grid#augmentationTest}).
 */
public final class CrossCorpusStudy {
    /** One setting of the grid. */
    public record Variant(String label, String activation, Recipe recipe, CrossCorpus.Normalisation normalisation, FeatureSpec features) {
        /** Whether the grid's diagonal (within-corpus, speaker-independent) is run for this variant. */
        boolean hasDiagonal() { return normalisation == CrossCorpus.Normalisation.TRAIN_SCALER && features.equals(FEATURES); }

        /** Whether the grid's leave-one-corpus-out cells are run for this variant: the variants of the diagonal (main and no augmentation). */
        boolean hasLeaveOneOut() { return hasDiagonal(); }
    }

    /** The grid's features: librosa defaults on 1.5 s from the speech onset (the corpora differ in leading silence and length). */
    public static final FeatureSpec FEATURES = FeatureSpec.crossCorpus();

    public static final Variant MAIN = new Variant("main", "relu", Recipe.public4(), CrossCorpus.Normalisation.TRAIN_SCALER, FEATURES);

    /** The main variant without augmentation: the other side of the augmentation test ({@link Grid#augmentationTest}). */
    public static final Variant NO_AUGMENTATION = new Variant("no augmentation", "relu", Recipe.none(), CrossCorpus.Normalisation.TRAIN_SCALER, FEATURES);

    /** What a cell is: the diagonal's within-corpus result, one corpus tested on another, or every other corpus pooled and tested on one. */
    public enum Kind {
        WITHIN("within (speaker-independent)"), ACROSS("cross-corpus"), LEAVE_ONE_OUT("leave one corpus out");

        private final String label;

        Kind(String label) { this.label = label; }

        /** The cell kind as the grid table's {@code kind} column names it. */
        public String label() { return label; }
    }

    /** The row of the heat maps that holds the leave-one-corpus-out cells (trained on every corpus but the column's). */
    public static final String LEAVE_ONE_OUT_ROW = "all but the test corpus";

    private CrossCorpusStudy() {}

    /**
     * The variants: main, no augmentation, per-speaker normalisation; and, outside quick mode, per-corpus normalisation
     * and the public pipeline's window (2.5 s from 0.6 s of the file, whatever it holds; cross-corpus cells only).
     */
    public static List<Variant> variants(boolean quick) {
        List<Variant> v = new ArrayList<>(List.of(MAIN, NO_AUGMENTATION,
                new Variant("per-speaker normalisation", "relu", Recipe.public4(), CrossCorpus.Normalisation.PER_SPEAKER, FEATURES)));
        if (!quick) {
            v.add(new Variant("per-corpus normalisation", "relu", Recipe.public4(), CrossCorpus.Normalisation.PER_CORPUS, FEATURES));
            v.add(new Variant("public window", "relu", Recipe.public4(), CrossCorpus.Normalisation.TRAIN_SCALER, FeatureSpec.publicPipeline()));
        }
        return v;
    }

    /**
     * The corpora of the grid ({@link #gridCorpora} of the configured ones): the real corpora when two or more are
     * configured; otherwise the configured one plus the synthetic corpus, and without data the synthetic corpus and a
     * second one generated with other voices ({@code synthetic-b}: 4 speakers, seed + 1), so that the cross-corpus path
     * runs anywhere.
     */
    public static List<Corpus> corpora(Settings s) throws IOException {
        Map<String, Corpus> found = new LinkedHashMap<>();
        for (var r : org.emoaugnet.data.loaders.Corpora.open(s)) found.put(r.corpus().name(), r.corpus());
        List<Corpus> out = new ArrayList<>();
        for (String name : gridCorpora(List.copyOf(found.keySet()))) {
            Corpus c = found.get(name);
            if (c == null && name.equals("synthetic")) c = CorpusSource.synthetic(s, 8, s.seed(), "synthetic");
            if (c == null && name.equals("synthetic-b")) c = CorpusSource.synthetic(s, 4, s.seed() + 1, "synthetic-b");
            out.add(c);
        }
        return out;
    }

    /**
     * The grid's corpora among those found (names, in the order found): one EmoDB only, the original ({@code emodb})
     * when present, else the 2-second derivative ({@code emodb-2s}), since both hold the same speakers' recordings and
     * a pair of them would test a model on what it trained on; then the real corpora when there are two or more (issue
     * 36's four: RAVDESS, EmoDB, SAVEE, URDU; speech a program generated says nothing about transfer between real
     * corpora), else the real one and {@code synthetic}, and {@code synthetic-b} when that leaves one corpus.
     */
    public static List<String> gridCorpora(List<String> found) {
        List<String> out = new ArrayList<>(found);
        if (out.contains("emodb")) out.remove("emodb-2s");
        List<String> real = out.stream().filter(n -> !n.startsWith("synthetic")).toList();
        if (real.size() >= 2) return real;
        if (!out.contains("synthetic")) out.add("synthetic");
        if (out.size() == 1) out.add("synthetic-b");
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
     * The grid over {@code corpora} (names, in row order) with the settings' training budget, folds and seeds
     * ({@link Defaults#crossCorpusSeeds}), restricted to the variants labelled {@code only} (all when empty; an unknown
     * label is an error naming the variants).
     */
    public static Grid design(List<String> corpora, Settings s, List<String> only) {
        List<String> labels = variants(s.quick()).stream().map(Variant::label).toList();
        for (String o : only)
            if (!labels.contains(o)) throw new IllegalArgumentException("unknown variant '" + o + "'; the variants are " + labels);
        return new Grid(corpora, s.quick(), Defaults.training(s), Defaults.folds(s), only, Defaults.crossCorpusSeeds(s));
    }

    /**
     * One cell of the grid: the diagonal's within-corpus experiment (its runs: every fold × seed), or a cross-corpus
     * configuration ({@code cross}: the cell with the first seed; {@link #configs}: one per seed), whose training side
     * is one corpus or, leaving one corpus out, the others pooled ({@link CrossCorpus#pooledName}).
     */
    public record Cell(Variant variant, String train, String test, ExperimentConfig within, CrossCorpus.Config cross, List<Long> seeds) {
        public Cell {
            seeds = List.copyOf(seeds);
            if ((within == null) == (cross == null)) throw new IllegalArgumentException("a cell is within a corpus or across corpora: " + train + " -> " + test);
        }

        /** What the cell is. */
        public Kind kind() { return within != null ? Kind.WITHIN : CrossCorpus.isPooled(train) ? Kind.LEAVE_ONE_OUT : Kind.ACROSS; }

        /** The cross-corpus configurations, one per seed (empty on the diagonal). */
        public List<CrossCorpus.Config> configs() { return cross == null ? List.of() : seeds.stream().map(cross::withSeed).toList(); }

        /** The experiment (run folder) of the cell over class set {@code cs}. */
        public String experiment(ClassSet cs) { return within != null ? within.name() : CrossCorpus.experimentName(cross, cs); }
    }

    /**
     * The grid as a {@link Design}: every ordered pair of {@code corpora}, the diagonal and, with three corpora or more,
     * leave-one-corpus-out, for the variants labelled {@code only} (all when empty), over the classes every corpus
     * shares, each cell with every training seed of {@code seeds}.
     *
     * @param training the studies' convergence budget, as everywhere ({@link Defaults#training})
     * @param folds    folds of the diagonal's speaker-independent experiments ({@link Defaults#folds})
     * @param seeds    training seeds of every cell ({@link Defaults#crossCorpusSeeds})
     */
    public record Grid(List<String> corpora, boolean quick, TrainConfig training, int folds, List<String> only, List<Long> seeds) implements Design {
        public Grid {
            corpora = List.copyOf(corpora);
            only = List.copyOf(only);
            seeds = List.copyOf(seeds);
            if (seeds.isEmpty()) throw new IllegalArgumentException("a grid needs at least one training seed");
            if (new java.util.HashSet<>(corpora).size() != corpora.size()) throw new IllegalArgumentException("a corpus twice in the grid: " + corpora);
        }

        /** The grid with one training seed, 1 (notebook 05's grid before issue 36). */
        public Grid(List<String> corpora, boolean quick, TrainConfig training, int folds, List<String> only) {
            this(corpora, quick, training, folds, only, List.of(1L));
        }

        /** The classes every corpus of the grid shares. */
        public ClassSet classSet() { return Corpora.commonClasses(corpora); }

        /** Whether the grid leaves one corpus out (three corpora or more: trained on at least two, pooled). */
        public boolean leavesOneOut() { return corpora.size() >= 3; }

        /** The variants the grid runs ({@code only}, or all). */
        public List<Variant> chosenVariants() {
            return variants(quick).stream().filter(v -> only.isEmpty() || only.contains(v.label())).toList();
        }

        /**
         * Every cell, variant by variant: row (training corpus) by column (test corpus), the diagonal in its place, then
         * the leave-one-corpus-out cells in the order of their test corpora.
         */
        public List<Cell> cells() {
            ClassSet cs = classSet();
            long first = seeds.get(0);
            List<Cell> cells = new ArrayList<>();
            for (Variant v : chosenVariants()) {
                for (String x : corpora) {
                    for (String y : corpora) {
                        if (x.equals(y)) {
                            if (!v.hasDiagonal()) continue;
                            cells.add(new Cell(v, x, y, new ExperimentConfig(x + "-si-" + cs.name() + "-" + v.activation() + "-aug-" + v.recipe().name()
                                    + CrossCorpus.windowTag(v.features()) + (quick ? "-quick" : ""), x, cs, Protocol.SPEAKER_INDEPENDENT, v.features(),
                                    Dataset.Layout.SEQUENCE, v.recipe(), "compact-cnn-lstm", v.activation(), training, seeds, folds), null, seeds));
                        } else {
                            cells.add(new Cell(v, x, y, null, config(v, x, y, first), seeds));
                        }
                    }
                }
                if (!leavesOneOut() || !v.hasLeaveOneOut()) continue;
                for (String y : corpora) {
                    List<String> others = new ArrayList<>(corpora);
                    others.remove(y);
                    String x = CrossCorpus.pooledName(others);
                    cells.add(new Cell(v, x, y, null, config(v, x, y, first), seeds));
                }
            }
            return cells;
        }

        private CrossCorpus.Config config(Variant v, String x, String y, long seed) {
            return new CrossCorpus.Config(x, y, "compact-cnn-lstm", v.activation(), v.recipe(), v.normalisation(), v.features(), training, seed);
        }

        @Override
        public String describe() {
            return "the cross-corpus grid over " + String.join(", ", corpora) + (leavesOneOut() ? " with leave-one-corpus-out" : "") + ", seeds " + seeds
                    + (only.isEmpty() ? "" : " (variants " + only + ")");
        }

        @Override
        public List<PlannedRun> plan(CorpusSource source) throws IOException {
            List<PlannedRun> out = new ArrayList<>();
            for (List<PlannedRun> runs : planByCell(source).values()) out.addAll(runs);
            return out;
        }

        /** The planned runs of every cell ({@link #cells}, in order): the diagonal's folds × seeds, a cross-corpus cell's seeds. */
        public Map<Cell, List<PlannedRun>> planByCell(CorpusSource source) throws IOException {
            ClassSet cs = classSet();
            Map<Cell, List<PlannedRun>> out = new LinkedHashMap<>();
            for (Cell c : cells()) {
                List<PlannedRun> runs = new ArrayList<>();
                if (c.within() != null) runs.addAll(c.within().plan(source));
                else for (CrossCorpus.Config cfg : c.configs()) runs.add(CrossCorpus.planned(cfg, cs, source.corpus(c.train()), source.corpus(c.test())));
                out.put(c, runs);
            }
            return out;
        }

        /**
         * The finished runs of a cell under {@code runsRoot} that its design plans (the diagonal's by
         * {@link StudyTables#runs}; a cross-corpus cell's seeds whose record has the spec the cell gives, apart from
         * data): a record of another design is left out, as everywhere in the reports.
         */
        public List<Path> runs(Cell c, Path runsRoot) throws IOException {
            if (c.within() != null) return StudyTables.runs(c.within(), runsRoot);
            ClassSet cs = classSet();
            List<Path> out = new ArrayList<>();
            for (CrossCorpus.Config cfg : c.configs()) {
                Path dir = runsRoot.resolve(c.experiment(cs)).resolve("seed" + cfg.seed());
                if (!RunRecord.finished(dir)) continue;
                RunSpec recorded = RunRecord.read(dir).spec();
                if (cfg.spec(cs, recorded.data()).sameDesign(recorded)) out.add(dir);
                else System.err.println("[report] " + dir + ": recorded spec differs from the grid's cell " + c.train() + " -> " + c.test() + "; left out (re-run the grid)");
            }
            return out;
        }

        /**
         * One row per cell with runs ({@link #runs}), from the records under {@code runsRoot}; {@code records}: the grid's
         * finished runs (its lineage). UA over the distinct test recordings (each once, its seeds averaged) with the
         * speaker→recording bootstrap interval, the mean over seeds with its t interval (unit: seed; a seed of the
         * diagonal averages its folds), the runs and how many converged.
         */
        public Table table(List<RunRecord> records, Path runsRoot) throws IOException {
            StringColumn variant = StringColumn.create(ResultColumns.VARIANT), train = StringColumn.create(ResultColumns.TRAIN), test = StringColumn.create(ResultColumns.TEST),
                    kind = StringColumn.create(ResultColumns.KIND), experiment = StringColumn.create(ResultColumns.EXPERIMENT),
                    seedsCol = StringColumn.create(ResultColumns.SEEDS), overSeeds = StringColumn.create(ResultColumns.UA_OVER_SEEDS);
            IntColumn items = IntColumn.create(ResultColumns.TEST_ITEMS), runsCol = IntColumn.create(ResultColumns.RUNS), conv = IntColumn.create(ResultColumns.CONVERGED_RUNS);
            DoubleColumn wa = DoubleColumn.create(ResultColumns.WA), ua = DoubleColumn.create(ResultColumns.UA), lo = DoubleColumn.create(ResultColumns.UA_LOW),
                    hi = DoubleColumn.create(ResultColumns.UA_HIGH);
            List<String> lineage = new ArrayList<>();
            for (RunRecord r : records) lineage.add(org.emoaugnet.util.Lineage.run(r.experiment(), SpecJobs.runName(r.spec()), r.specSha256()));
            ClassSet cs = classSet();
            for (Cell c : cells()) {
                List<Path> cellRuns = runs(c, runsRoot);
                if (cellRuns.isEmpty()) continue;   // training off and the cell not run: left out
                Predictions p = StudyReport.predictions(cellRuns);
                Evidence e = Evidence.of(cellRuns, "UA");
                variant.append(c.variant().label());
                train.append(c.train());
                test.append(c.test());
                kind.append(c.kind().label());
                experiment.append(c.experiment(cs));
                seedsCol.append(String.join(",", e.seedMeans().keySet().stream().map(String::valueOf).toList()));
                items.append(e.recordings());
                runsCol.append(cellRuns.size());
                conv.append(e.converged());
                wa.append(100 * Statistics.wa(p.truth(), p.predicted()));
                ua.append(e.clustered().estimate());
                lo.append(e.clustered().low());
                hi.append(e.clustered().high());
                overSeeds.append(Evidence.format(e.seedLevel()));
            }
            return org.emoaugnet.util.Lineage.tag(Table.create("cross-corpus (" + cs.description() + ")", variant, train, test, kind, experiment, items, runsCol, conv,
                    wa, ua, lo, hi, seedsCol, overSeeds), lineage);
        }

        /**
         * The planned runs and what they will cost, before any run: per variant and cell kind the cells, the seeds, the
         * runs, the mean training recordings and rows (recordings × copies) per run and the estimated core-hours, low
         * and high ({@link PlanCost}: the reference {@link PlanCost#RAVDESS_SI}, {@link PlanCost#PREVIOUS_GRID_EPOCHS}
         * epochs per run); a last row totals them. Reads the corpora (folds are computed) but extracts and trains nothing.
         */
        public Table plannedRuns(CorpusSource source) throws IOException {
            StringColumn variant = StringColumn.create(ResultColumns.VARIANT), kind = StringColumn.create(ResultColumns.KIND);
            IntColumn cellsCol = IntColumn.create(ResultColumns.CELLS), runsCol = IntColumn.create(ResultColumns.PLANNED_RUNS);
            DoubleColumn recs = DoubleColumn.create(ResultColumns.TRAINING_RECORDINGS), rows = DoubleColumn.create(ResultColumns.TRAINING_ROWS),
                    low = DoubleColumn.create(ResultColumns.CORE_HOURS_LOW), high = DoubleColumn.create(ResultColumns.CORE_HOURS_HIGH);
            SpecJobs jobs = new SpecJobs(null, null);
            Map<String, List<PlanCost.Estimate>> byGroup = new LinkedHashMap<>();
            Map<String, Integer> cellsByGroup = new LinkedHashMap<>();
            for (var e : planByCell(source).entrySet()) {
                String key = e.getKey().variant().label() + "\t" + e.getKey().kind().label();
                byGroup.computeIfAbsent(key, k -> new ArrayList<>()).addAll(PlanCost.of(e.getValue(), jobs, PlanCost.RAVDESS_SI, PlanCost.PREVIOUS_GRID_EPOCHS));
                cellsByGroup.merge(key, 1, Integer::sum);
            }
            List<PlanCost.Estimate> all = new ArrayList<>();
            int cellsAll = 0;
            for (var g : byGroup.entrySet()) {
                String[] k = g.getKey().split("\t");
                add(variant, kind, cellsCol, runsCol, recs, rows, low, high, k[0], k[1], cellsByGroup.get(g.getKey()), g.getValue());
                all.addAll(g.getValue());
                cellsAll += cellsByGroup.get(g.getKey());
            }
            add(variant, kind, cellsCol, runsCol, recs, rows, low, high, "all", "all", cellsAll, all);
            return Table.create("planned runs of " + describe() + "; cost: rows x frames x " + (int) PlanCost.PREVIOUS_GRID_EPOCHS + " epochs against "
                    + PlanCost.RAVDESS_SI.what(), variant, kind, cellsCol, runsCol, recs, rows, low, high);
        }

        private static void add(StringColumn variant, StringColumn kind, IntColumn cells, IntColumn runs, DoubleColumn recs, DoubleColumn rows, DoubleColumn low,
                                DoubleColumn high, String v, String k, int n, List<PlanCost.Estimate> es) {
            variant.append(v);
            kind.append(k);
            cells.append(n);
            runs.append(es.size());
            recs.append(Math.round(es.stream().mapToDouble(PlanCost.Estimate::trainingRecordings).average().orElse(Double.NaN) * 10) / 10.0);
            rows.append(Math.round(es.stream().mapToDouble(PlanCost.Estimate::trainingRows).average().orElse(Double.NaN) * 10) / 10.0);
            double[] sec = PlanCost.seconds(es);
            low.append(Math.round(sec[0] / 36.0) / 100.0);
            high.append(Math.round(sec[1] / 36.0) / 100.0);
        }

        /**
         * Per train/test corpus pair (every cross-corpus and leave-one-corpus-out cell), the main variant (public-4)
         * against no augmentation on the same test recordings, their runs paired by seed: the seeds both have, the UA of
         * each (mean over those seeds), their difference and each seed's. Cells without paired runs are left out.
         */
        public Table augmentationUnits(Path runsRoot) throws IOException {
            StringColumn train = StringColumn.create(ResultColumns.TRAIN), test = StringColumn.create(ResultColumns.TEST), kind = StringColumn.create(ResultColumns.KIND),
                    seedsCol = StringColumn.create(ResultColumns.SEEDS), perSeed = StringColumn.create(TestColumns.PER_UNIT);
            DoubleColumn a = DoubleColumn.create(ResultColumns.UA_AUGMENTED), b = DoubleColumn.create(ResultColumns.UA_UNAUGMENTED),
                    d = DoubleColumn.create(ResultColumns.DELTA_AUGMENTATION);
            List<Path> used = new ArrayList<>();
            for (Pair u : augmentationPairs(runsRoot)) {
                train.append(u.cell().train());
                test.append(u.cell().test());
                kind.append(u.cell().kind().label());
                seedsCol.append(String.join(",", u.seeds().stream().map(String::valueOf).toList()));
                a.append(u.uaA().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
                b.append(u.uaB().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
                d.append(u.differences().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
                perSeed.append(String.join(" ", u.differences().stream().map(x -> String.format(java.util.Locale.ROOT, "%+.1f", x)).toList()));
                used.addAll(u.runsA());
                used.addAll(u.runsB());
            }
            return org.emoaugnet.util.Lineage.tag(Table.create("public-4 − none per train/test corpus pair, UA", train, test, kind, seedsCol, a, b, d, perSeed),
                    StudyReport.lineage(used));
        }

        /**
         * Whether the paper's augmentation helps a model transfer: public-4 (main) − none (no augmentation) in UA
         * points, with the train/test corpus pair as the unit (every cross-corpus cell and every leave-one-corpus-out
         * cell: on four corpora 12 + 4 = 16 units), each unit's difference the mean over its paired seeds. One
         * comparison, so Holm changes nothing; the primary paired t-test over the units with its 95 % t interval, the
         * exact sign-flip check, the item-level difference over the test recordings (each once, its runs averaged,
         * resampled by speaker then recording, all test corpora together), the power at 80 % against the 2 points that
         * matter, and the verdict ({@link StudyReport#comparisonTable}, {@link org.emoaugnet.eval.TestVerdict}). The units
         * are not fully independent: pairs share training and test corpora.
         */
        public Table augmentationTest(Path runsRoot) throws IOException {
            Map<String, List<Double>> diffs = new LinkedHashMap<>();
            List<Path> pa = new ArrayList<>(), pb = new ArrayList<>(), used = new ArrayList<>();
            List<String> specsA = new ArrayList<>(), specsB = new ArrayList<>();
            int unconverged = 0, across = 0, out = 0;
            for (Pair u : augmentationPairs(runsRoot)) {
                diffs.put(u.cell().train() + " → " + u.cell().test(), u.differences());
                if (u.cell().kind() == Kind.LEAVE_ONE_OUT) out++;
                else across++;
                for (int i = 0; i < u.runsA().size(); i++) {
                    RunRecord ra = RunRecord.read(u.runsA().get(i)), rb = RunRecord.read(u.runsB().get(i));
                    pa.add(u.runsA().get(i).resolve(Predictions.FILE));
                    pb.add(u.runsB().get(i).resolve(Predictions.FILE));
                    specsA.add(ra.specSha256());
                    specsB.add(rb.specSha256());
                    if (!ra.training().converged()) unconverged++;
                    if (!rb.training().converged()) unconverged++;
                }
                used.addAll(u.runsA());
                used.addAll(u.runsB());
            }
            Map<String, Comparison> cmp = new LinkedHashMap<>();
            if (!diffs.isEmpty()) {
                List<String> classes = Predictions.classesOf(used.get(0));
                cmp.put(String.format(java.util.Locale.ROOT, "%s − %s, across corpora (%d corpus pair%s + %d leave-one-corpus-out)", MAIN.recipe().name(),
                                NO_AUGMENTATION.recipe().name(), across, across == 1 ? "" : "s", out),
                        Comparison.compute(UNIT, diffs, pa, pb, classes, "UA", unconverged, SharedRuns.identity(specsA, specsB, "test")));
            }
            return org.emoaugnet.util.Lineage.tag(StudyReport.comparisonTable("public-4 − none across corpora, UA", cmp), StudyReport.lineage(used));
        }

        /**
         * The augmentation test's power before any run ({@link #augmentationTest}): the units it will have and, for a
         * between-unit standard deviation of {@code sd} points, the smallest mean difference its paired t-test detects
         * at 80 % power and two-sided α = 0.05, the smallest p the sign-flip check can reach, and the units needed to
         * detect {@link Comparison#EFFECT_THAT_MATTERS} points.
         */
        public String plannedPower(double sd) {
            int n = (int) cells().stream().filter(c -> c.variant().equals(MAIN) && c.kind() != Kind.WITHIN).count();
            if (n < 2) return "The augmentation test will have " + n + " unit" + (n == 1 ? "" : "s") + ": no t-test.";
            double mde = org.emoaugnet.eval.PairedT.minimalDetectableEffect(sd, n, org.emoaugnet.eval.TestVerdict.ALPHA, org.emoaugnet.eval.PairedT.POWER);
            double floor = Math.min(1, 2.0 / (1L << Math.min(62, n)));
            int need = org.emoaugnet.eval.PairedT.unitsFor(Comparison.EFFECT_THAT_MATTERS, sd, org.emoaugnet.eval.TestVerdict.ALPHA, org.emoaugnet.eval.PairedT.POWER, 1000);
            return String.format(java.util.Locale.ROOT, "The augmentation test will have %d units (train/test corpus pairs); with a between-unit s.d. of %.1f points "
                            + "its paired t-test detects a mean difference of %.1f points at 80%% power (two-sided α = 0.05), against the %.1f points that "
                            + "matter (%s), which %s; the sign-flip check can reach p %s.", n, sd, mde, Comparison.EFFECT_THAT_MATTERS, Comparison.EFFECT_REASON,
                    need < 0 ? "would need more than 1000 units" : need <= n ? "it can detect" : "would need " + need + " units",
                    floor < 0.001 ? "< 0.001" : "= " + StudyReport.p(floor));
        }

        /** The augmentation test's unit. */
        static final String UNIT = "corpus pair";

        /** One unit of the augmentation test: a cell of the main variant and its no-augmentation twin, their runs paired by seed. */
        record Pair(Cell cell, List<Long> seeds, List<Path> runsA, List<Path> runsB, List<Double> uaA, List<Double> uaB, List<Double> differences) {}

        private List<Pair> augmentationPairs(Path runsRoot) throws IOException {
            List<Cell> cells = new Grid(corpora, quick, training, folds, List.of(MAIN.label(), NO_AUGMENTATION.label()), seeds).cells();
            List<Pair> out = new ArrayList<>();
            for (Cell a : cells) {
                if (!a.variant().equals(MAIN) || a.kind() == Kind.WITHIN) continue;
                Cell b = cells.stream().filter(c -> c.variant().equals(NO_AUGMENTATION) && c.train().equals(a.train()) && c.test().equals(a.test())).findFirst().orElseThrow();
                Map<Long, Path> bySeedB = new java.util.TreeMap<>();
                for (Path r : runs(b, runsRoot)) bySeedB.put(RunRecord.read(r).spec().seed(), r);
                List<Long> seeds = new ArrayList<>();
                List<Path> ra = new ArrayList<>(), rb = new ArrayList<>();
                List<Double> ua = new ArrayList<>(), ub = new ArrayList<>(), d = new ArrayList<>();
                for (Path r : runs(a, runsRoot)) {
                    RunRecord x = RunRecord.read(r);
                    Path other = bySeedB.get(x.spec().seed());
                    if (other == null) continue;
                    RunRecord y = RunRecord.read(other);
                    seeds.add(x.spec().seed());
                    ra.add(r);
                    rb.add(other);
                    ua.add(100 * x.metric("test_ua"));
                    ub.add(100 * y.metric("test_ua"));
                    d.add(100 * (x.metric("test_ua") - y.metric("test_ua")));
                }
                if (!seeds.isEmpty()) out.add(new Pair(a, seeds, ra, rb, ua, ub, d));
            }
            return out;
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

    /**
     * One variant of the grid as a train (rows) × test (columns) matrix of UA, each cell's text its interval and size;
     * with leave-one-corpus-out cells, a last row {@link #LEAVE_ONE_OUT_ROW}.
     */
    public record UaMatrix(String variant, List<String> rows, List<String> cols, double[][] ua, String[][] text, double chance) {
        public String title() { return "UA (%), " + variant + ": train (rows) -> test (columns)"; }
        public String note() { return Math.round(100 / chance) + " shared classes, chance " + String.format(java.util.Locale.ROOT, "%.1f", chance) + " %"; }
        public String fileName() { return "05-cross-corpus-" + variant.replace(' ', '-') + ".png"; }
    }

    public static UaMatrix uaMatrix(Table grid, String variant, List<String> corpora, int classes) {
        Table t = grid.where(grid.stringColumn(ResultColumns.VARIANT).isEqualTo(variant));
        boolean loco = t.stringColumn(ResultColumns.KIND).contains(Kind.LEAVE_ONE_OUT.label());
        List<String> rows = new ArrayList<>(corpora);
        if (loco) rows.add(LEAVE_ONE_OUT_ROW);
        int n = corpora.size();
        double[][] ua = new double[rows.size()][n];
        String[][] text = new String[rows.size()][n];
        for (double[] row : ua) java.util.Arrays.fill(row, Double.NaN);
        for (int i = 0; i < t.rowCount(); i++) {
            boolean out = t.stringColumn(ResultColumns.KIND).get(i).equals(Kind.LEAVE_ONE_OUT.label());
            int r = out ? rows.size() - 1 : corpora.indexOf(t.stringColumn(ResultColumns.TRAIN).get(i)), c = corpora.indexOf(t.stringColumn(ResultColumns.TEST).get(i));
            if (r < 0 || c < 0) continue;
            ua[r][c] = t.doubleColumn(ResultColumns.UA).get(i);
            int runs = t.intColumn(ResultColumns.RUNS).get(i);
            text[r][c] = String.format(java.util.Locale.ROOT, "UA %.1f %%%n[%.1f, %.1f]%nn = %d, %d run%s", ua[r][c],
                    t.doubleColumn(ResultColumns.UA_LOW).get(i), t.doubleColumn(ResultColumns.UA_HIGH).get(i), t.intColumn(ResultColumns.TEST_ITEMS).get(i),
                    runs, runs == 1 ? "" : "s");
        }
        return new UaMatrix(variant, List.copyOf(rows), List.copyOf(corpora), ua, text, 100.0 / classes);
    }

    /**
     * The augmentation test's units ({@link Grid#augmentationUnits}) as a train (rows) × test (columns) matrix of the
     * difference public-4 − none in UA points, leave-one-corpus-out as the last row; the diagonal is no unit.
     */
    public record DeltaMatrix(List<String> rows, List<String> cols, double[][] delta, String[][] text, double range) {
        public String title() { return "UA public-4 − none (points): train (rows) -> test (columns)"; }
        public String note() { return "each cell the mean over its paired seeds (red: augmentation helps, blue: it hurts); the diagonal is not a unit of the test"; }
        public String fileName() { return "05-cross-corpus-augmentation.png"; }
    }

    public static DeltaMatrix deltaMatrix(Table units, List<String> corpora) {
        boolean loco = units.stringColumn(ResultColumns.KIND).contains(Kind.LEAVE_ONE_OUT.label());
        List<String> rows = new ArrayList<>(corpora);
        if (loco) rows.add(LEAVE_ONE_OUT_ROW);
        double[][] v = new double[rows.size()][corpora.size()];
        String[][] text = new String[rows.size()][corpora.size()];
        for (double[] row : v) java.util.Arrays.fill(row, Double.NaN);
        for (int i = 0; i < corpora.size(); i++) text[i][i] = "within a corpus:\nnot a unit";
        double range = Comparison.EFFECT_THAT_MATTERS;
        for (int i = 0; i < units.rowCount(); i++) {
            boolean out = units.stringColumn(ResultColumns.KIND).get(i).equals(Kind.LEAVE_ONE_OUT.label());
            int r = out ? rows.size() - 1 : corpora.indexOf(units.stringColumn(ResultColumns.TRAIN).get(i)), c = corpora.indexOf(units.stringColumn(ResultColumns.TEST).get(i));
            if (r < 0 || c < 0) continue;
            double d = units.doubleColumn(ResultColumns.DELTA_AUGMENTATION).get(i);
            v[r][c] = d;
            range = Math.max(range, Math.abs(d));
            text[r][c] = String.format(java.util.Locale.ROOT, "%+.1f points%nper seed: %s%n%.1f vs %.1f %%", d, units.stringColumn(TestColumns.PER_UNIT).get(i),
                    units.doubleColumn(ResultColumns.UA_AUGMENTED).get(i), units.doubleColumn(ResultColumns.UA_UNAUGMENTED).get(i));
        }
        return new DeltaMatrix(List.copyOf(rows), List.copyOf(corpora), v, text, range);
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

    /** The main variant's cells of one kind: {@code within} the corpora (speaker-independent diagonal) or across them (one corpus tested on another). */
    public static Table mainCells(Table grid, boolean within) { return mainCells(grid, within ? Kind.WITHIN : Kind.ACROSS); }

    /** The main variant's cells of one kind. */
    public static Table mainCells(Table grid, Kind kind) {
        Table main = grid.where(grid.stringColumn(ResultColumns.VARIANT).isEqualTo(MAIN.label()));
        return main.where(main.stringColumn(ResultColumns.KIND).isEqualTo(kind.label()));
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
        Table cross = mainCells(grid, Kind.ACROSS), within = mainCells(grid, Kind.WITHIN), out1 = mainCells(grid, Kind.LEAVE_ONE_OUT);
        List<String> out = new ArrayList<>();
        int lo = cross.rowCount() == 0 ? 0 : (int) cross.intColumn(ResultColumns.RUNS).min(), hi = cross.rowCount() == 0 ? 0 : (int) cross.intColumn(ResultColumns.RUNS).max();
        String seeds = lo == hi ? (lo == 1 ? "one training seed" : lo + " training seeds") : lo + " to " + hi + " training seeds";
        out.add(String.format(java.util.Locale.ROOT,
                "Main variant: mean UA within corpora (speaker-independent) %.1f %% over %d cells, across corpora %.1f %% over %d cells (chance %.1f %%; %s per cross-corpus cell).",
                within.doubleColumn(ResultColumns.UA).mean(), within.rowCount(), cross.doubleColumn(ResultColumns.UA).mean(), cross.rowCount(), 100.0 / classes, seeds));
        if (out1.rowCount() > 0)
            out.add(String.format(java.util.Locale.ROOT, "Leaving one corpus out (trained on all the others, pooled): mean UA %.1f %% over %d cells, against %.1f %% "
                    + "for the same test corpora trained on one other corpus.", out1.doubleColumn(ResultColumns.UA).mean(), out1.rowCount(),
                    cross.where(cross.stringColumn(ResultColumns.TEST).isIn(out1.stringColumn(ResultColumns.TEST).asList())).doubleColumn(ResultColumns.UA).mean()));
        out.add(String.format(java.util.Locale.ROOT,
                "Grid cells with a run stopped at its epoch cap while still improving: %d of %d (their numbers carry no verdict).", unconvergedCells(grid), grid.rowCount()));
        return out;
    }
}
