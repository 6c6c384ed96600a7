package org.emoaugnet.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.eval.Confusion;
import org.emoaugnet.eval.Statistics;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Reads finished runs back for tables, curves and paired comparisons. Every number comes from run records. */
public final class StudyReport {
    private StudyReport() {}

    /** Test predictions of every finished run of an experiment, in a fixed order (run folder, then row). */
    public record Predictions(List<String> classes, List<String> items, int[] truth, int[] predicted) {}

    public static List<Path> runs(Path experimentDir) throws IOException { return runs(experimentDir, List.of()); }

    /** The finished runs of an experiment whose training seed is one of {@code seeds} (empty: all). */
    public static List<Path> runs(Path experimentDir, List<Long> seeds) throws IOException { return runs(experimentDir, seeds, 0); }

    /**
     * The finished runs of an experiment folder (superseded and temporary folders aside) whose training seed is one of
     * {@code seeds} (empty: all) and, when {@code folds > 0}, whose fold is among the first {@code folds}.
     */
    public static List<Path> runs(Path experimentDir, List<Long> seeds, int folds) throws IOException {
        if (!Files.isDirectory(experimentDir)) return List.of();
        List<Path> dirs;
        try (var s = Files.list(experimentDir)) {
            dirs = s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".") && !d.getFileName().toString().equals("superseded"))
                    .filter(RunRecord::finished).sorted().toList();
        }
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            RunSpec spec = RunRecord.read(d).spec();
            if (!seeds.isEmpty() && !seeds.contains(spec.seed())) continue;
            if (folds > 0 && foldIndex(spec.fold()) > folds) continue;
            out.add(d);
        }
        return out;
    }

    /**
     * The runs of an experiment's current design: its seeds and folds, and records whose spec is exactly what the
     * configuration gives for that fold and seed (apart from the data manifest and thread count, which a reader
     * without the corpus cannot recompute). A run of an older design in the folder is left out with a warning, so a
     * table never mixes specs. Where an experiment has no current run at all, its run-spec/1 runs of the same design
     * stand in ({@link RunSpec#sameDesignBeforeRevisions}); {@link #legacy} tells readers to label them.
     */
    public static List<Path> runs(ExperimentConfig cfg, Path runsRoot) throws IOException {
        List<Path> current = new ArrayList<>(), legacy = new ArrayList<>();
        for (Path d : runs(runsRoot.resolve(cfg.name()), cfg.seeds(), cfg.folds())) {
            RunSpec s = RunRecord.read(d).spec();
            RunSpec want = cfg.spec(s.fold(), s.seed(), s.data());
            if (want.sameDesign(s)) current.add(d);
            else if (want.sameDesignBeforeRevisions(s)) legacy.add(d);
            else System.err.println("[report] " + d + ": recorded spec differs from " + cfg.name() + "'s configuration; left out (re-run the experiment)");
        }
        if (current.isEmpty()) return legacy;
        if (!legacy.isEmpty())
            System.err.println("[report] " + cfg.name() + ": " + legacy.size() + " run(s) of network revision 1 left out beside " + current.size() + " current run(s)");
        return current;
    }

    /** Whether these runs are run-spec/1 records (network revision 1, DL4J's own fit), which tables must label. */
    public static boolean legacy(List<Path> runs) throws IOException {
        for (Path d : runs) if (!RunRecord.read(d).spec().legacy()) return false;
        return !runs.isEmpty();
    }

    /** The records of {@link #runs(ExperimentConfig, Path)}. */
    public static List<RunRecord> records(ExperimentConfig cfg, Path runsRoot) throws IOException {
        List<RunRecord> out = new ArrayList<>();
        for (Path d : runs(cfg, runsRoot)) out.add(RunRecord.read(d));
        return out;
    }

    /** Test predictions of the runs of an experiment's current design ({@link #runs(ExperimentConfig, Path)}). */
    public static Predictions predictions(ExperimentConfig cfg, Path runsRoot) throws IOException { return predictions(runs(cfg, runsRoot)); }

    /** 1-based fold number of a fold name {@code fold-<k>} or {@code <set>-fold-<k>} ({@code emobox-fold-3}); 1 for single-split protocols. */
    static int foldIndex(String fold) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?:[a-z0-9]+-)?fold-(\\d+)").matcher(fold);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    public static Predictions predictions(Path experimentDir) throws IOException { return predictions(experimentDir, List.of()); }

    public static Predictions predictions(Path experimentDir, List<Long> seeds) throws IOException { return predictions(experimentDir, seeds, 0); }

    public static Predictions predictions(Path experimentDir, List<Long> seeds, int folds) throws IOException {
        return predictions(runs(experimentDir, seeds, folds));
    }

    /** The predictions of the given runs, one after another (items tagged with the run folder's name). */
    public static Predictions predictions(List<Path> runs) throws IOException {
        List<String> items = new ArrayList<>(), t = new ArrayList<>(), p = new ArrayList<>();
        List<String> classes = null;
        for (Path run : runs) {
            if (classes == null) classes = classes(run);
            readRows(run.resolve("predictions.csv"), run.getFileName().toString() + "/", items, t, p);
        }
        if (classes == null) classes = List.of();
        return org.emoaugnet.util.Lineage.tag(of(classes, items, t, p), lineage(runs));
    }

    /** The lineage names ({@link org.emoaugnet.util.Lineage#run}) of run folders. */
    public static List<String> lineage(List<Path> runs) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path r : runs) {
            RunRecord rec = RunRecord.read(r);
            out.add(org.emoaugnet.util.Lineage.run(rec.experiment(), r.getFileName().toString(), rec.specSha256()));
        }
        return out;
    }

    /** The class list of a run, from its record. */
    static List<String> classes(Path run) throws IOException { return RunRecord.read(run).classes(); }

    /** One predictions file ({@code utterance,true,predicted}, as {@link ExperimentRunner#savePredictions} writes it). */
    static Predictions readPredictions(Path csv, List<String> classes) throws IOException {
        List<String> items = new ArrayList<>(), t = new ArrayList<>(), p = new ArrayList<>();
        readRows(csv, "", items, t, p);
        return of(classes, items, t, p);
    }

    private static void readRows(Path csv, String tag, List<String> items, List<String> t, List<String> p) throws IOException {
        Table pr = Table.read().csv(csv.toFile());
        for (int i = 0; i < pr.rowCount(); i++) {
            items.add(tag + pr.stringColumn("utterance").get(i));
            t.add(pr.stringColumn("true").get(i));
            p.add(pr.stringColumn("predicted").get(i));
        }
    }

    private static Predictions of(List<String> classes, List<String> items, List<String> t, List<String> p) {
        return new Predictions(classes, items, t.stream().mapToInt(classes::indexOf).toArray(), p.stream().mapToInt(classes::indexOf).toArray());
    }

    /** The confusion matrix pooled over every run of an experiment. */
    public static Confusion pooledConfusion(Path experimentDir) throws IOException {
        Predictions p = predictions(experimentDir);
        return org.emoaugnet.util.Lineage.tag(Confusion.of(p.classes(), p.truth(), p.predicted()), p);
    }

    /**
     * One row per experiment: runs, WA and UA as mean ± s.d. over runs (folds × seeds), the pooled 95 % bootstrap
     * interval of WA and UA over all test items, and the paper's value beside it.
     */
    public static Table table(Map<String, Path> experiments, String corpus) throws IOException {
        Map<String, List<Path>> runs = new LinkedHashMap<>();
        for (var e : experiments.entrySet()) runs.put(e.getKey(), runs(e.getValue()));
        return tableOf(runs, corpus);
    }

    /** {@link #table} over the runs of each experiment's current design ({@link #runs(ExperimentConfig, Path)}). */
    public static Table table(List<ExperimentConfig> study, Path runsRoot, String corpus) throws IOException {
        Map<String, List<Path>> runs = new LinkedHashMap<>();
        for (ExperimentConfig c : study) runs.put(c.name(), runs(c, runsRoot));
        return tableOf(runs, corpus);
    }

    /** Column names of the study table (the interval columns say what they resample). */
    static final String RUNS_SD = " mean ± sd over runs (%)", SEED_CI = " mean over seeds, 95% t CI (unit: seed)",
            CLUSTER_CI = " over recordings, 95% CI (resamples speakers, then recordings)";

    private static Table tableOf(Map<String, List<Path>> experiments, String corpus) throws IOException {
        StringColumn name = StringColumn.create("experiment"), proto = StringColumn.create("protocol"), act = StringColumn.create("activation"),
                seedsCol = StringColumn.create("seeds"), wa = StringColumn.create("WA" + RUNS_SD), ua = StringColumn.create("UA" + RUNS_SD),
                waSeed = StringColumn.create("WA" + SEED_CI), uaSeed = StringColumn.create("UA" + SEED_CI),
                waCl = StringColumn.create("WA" + CLUSTER_CI), uaCl = StringColumn.create("UA" + CLUSTER_CI);
        IntColumn n = IntColumn.create("runs"), conv = IntColumn.create("converged runs"), folds = IntColumn.create("folds"),
                recs = IntColumn.create("test recordings"), spk = IntColumn.create("test speakers");
        DoubleColumn pWa = DoubleColumn.create("paper WA (%)"), pUa = DoubleColumn.create("paper UA (%)");
        for (var e : experiments.entrySet()) {
            List<Path> rs = e.getValue();
            if (rs.isEmpty()) continue;
            RunSpec first = RunRecord.read(rs.get(0)).spec();
            Evidence.WaUa wu = Evidence.waAndUa(rs);
            Evidence w = wu.wa(), u = wu.ua();
            name.append(e.getKey());
            proto.append(first.protocol().name() + (first.protocol().leaks() ? " (leaks)" : ""));
            act.append(first.activation());
            n.append(rs.size());
            conv.append(w.converged());
            seedsCol.append(w.seedMeans().keySet().stream().map(String::valueOf).reduce((x, y) -> x + "," + y).orElse(""));
            folds.append(w.foldsPerSeed().values().stream().mapToInt(Integer::intValue).max().orElse(0));
            recs.append(w.recordings());
            spk.append(w.speakers());
            wa.append(pm(w.perRun()));
            ua.append(pm(u.perRun()));
            waSeed.append(Evidence.format(w.seedLevel()));
            uaSeed.append(Evidence.format(u.seedLevel()));
            waCl.append(Evidence.format(w.clustered()));
            uaCl.append(Evidence.format(u.clustered()));
            PaperClaims.Claim c = PaperClaims.of(corpus, first.activation());
            pWa.append(c == null ? Double.NaN : c.wa());
            pUa.append(c == null ? Double.NaN : c.ua());
        }
        List<Path> all = new ArrayList<>();
        experiments.values().forEach(all::addAll);
        return org.emoaugnet.util.Lineage.tag(Table.create("results (" + corpus + ")", name, proto, act, n, conv, seedsCol, folds, recs, spk,
                wa, waSeed, waCl, ua, uaSeed, uaCl, pWa, pUa), lineage(all));
    }

    /**
     * ReLU against ELU under each protocol of a study (experiments named {@code ...-relu...} and their {@code -elu}
     * twins), on UA: the run-level comparison (primary) and the clustered item-level one ({@link Comparison}), each
     * with Holm-adjusted p-values over the family of protocols compared.
     */
    public static Table activationComparison(List<ExperimentConfig> study, Path runsRoot) throws IOException {
        Map<String, Comparison> cmp = new LinkedHashMap<>();
        List<Path> used = new ArrayList<>();
        for (ExperimentConfig c : study) {
            if (!c.activation().equals("relu")) continue;
            ExperimentConfig elu = study.stream().filter(o -> o.name().equals(c.name().replace("-relu", "-elu"))).findFirst().orElse(null);
            if (elu == null) continue;
            List<Path> a = runs(c, runsRoot), b = runs(elu, runsRoot);
            if (a.isEmpty() || b.isEmpty()) continue;
            used.addAll(a);
            used.addAll(b);
            cmp.put(c.name() + " vs " + elu.name(), Comparison.of(a, b, "UA"));
        }
        return org.emoaugnet.util.Lineage.tag(comparisonTable("ReLU − ELU, UA", cmp), lineage(used));
    }

    /**
     * One row per comparison (A − B, points): pairs, unconverged runs, the run-level unit, its differences, mean with
     * t interval, sign-flip p and Holm-adjusted p over the rows; then the clustered item-level difference with its
     * interval, bootstrap p and Holm-adjusted p.
     */
    static Table comparisonTable(String title, Map<String, Comparison> cmp) {
        StringColumn what = StringColumn.create("comparison"), unit = StringColumn.create("run-level unit"), diffs = StringColumn.create("Δ per unit (points)");
        IntColumn pairs = IntColumn.create("paired runs"), unconv = IntColumn.create("unconverged runs"), nUnits = IntColumn.create("units");
        DoubleColumn d = DoubleColumn.create("Δ over units (points)"), lo = DoubleColumn.create("Δ 95% t CI low"), hi = DoubleColumn.create("Δ 95% t CI high"),
                p = DoubleColumn.create("p sign-flip (units)"), ph = DoubleColumn.create("p Holm (units)"), pmin = DoubleColumn.create("smallest attainable p"),
                di = DoubleColumn.create("Δ over recordings (points)"), dlo = DoubleColumn.create("Δ 95% CI low (speakers→recordings)"),
                dhi = DoubleColumn.create("Δ 95% CI high (speakers→recordings)"), pi = DoubleColumn.create("p bootstrap (speakers→recordings)"),
                pih = DoubleColumn.create("p Holm (speakers→recordings)");
        double[] hr = holmOrNaN(cmp.values().stream().mapToDouble(Comparison::pRuns).toArray());
        double[] hi2 = holmOrNaN(cmp.values().stream().mapToDouble(Comparison::pItems).toArray());
        int i = 0;
        for (var e : cmp.entrySet()) {
            Comparison c = e.getValue();
            what.append(e.getKey());
            pairs.append(c.pairs());
            unconv.append(c.unconverged());
            unit.append(c.unit());
            nUnits.append(c.units().size());
            diffs.append(java.util.Arrays.stream(c.differences()).mapToObj(x -> String.format(java.util.Locale.ROOT, "%+.1f", x))
                    .reduce((x, y) -> x + " " + y).orElse(""));
            d.append(c.runLevel().estimate());
            lo.append(c.runLevel().low());
            hi.append(c.runLevel().high());
            p.append(c.pRuns());
            ph.append(hr[i]);
            pmin.append(c.smallestAttainableP());
            di.append(c.itemLevel().estimate());
            dlo.append(c.itemLevel().low());
            dhi.append(c.itemLevel().high());
            pi.append(c.pItems());
            pih.append(hi2[i]);
            i++;
        }
        return Table.create(title, what, pairs, unconv, unit, nUnits, diffs, d, lo, hi, p, ph, pmin, di, dlo, dhi, pi, pih);
    }

    /** Holm-adjusted p-values of the finite entries (NaN entries stay NaN and are not counted in the family). */
    static double[] holmOrNaN(double[] p) {
        double[] finite = java.util.Arrays.stream(p).filter(x -> !Double.isNaN(x)).toArray();
        double[] adj = org.emoaugnet.eval.Multiplicity.holm(finite);
        double[] out = new double[p.length];
        for (int i = 0, k = 0; i < p.length; i++) out[i] = Double.isNaN(p[i]) ? Double.NaN : adj[k++];
        return out;
    }

    /**
     * Sentences from a {@link #comparisonTable}: each difference with its run-level and item-level evidence, Holm-adjusted
     * p-values first; "a difference" only when the Holm-adjusted run-level p is below 0.05, with the units and runs
     * named, and a warning where unconverged runs are involved or the design cannot reach 0.05.
     */
    public static List<String> comparisonSentences(Table t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            double ph = t.doubleColumn("p Holm (units)").getDouble(i), pmin = t.doubleColumn("smallest attainable p").getDouble(i);
            int unconv = t.intColumn("unconverged runs").get(i), n = t.intColumn("units").get(i), pairs = t.intColumn("paired runs").get(i);
            String unit = t.stringColumn("run-level unit").get(i) + (n == 1 ? "" : "s");
            double pih = t.doubleColumn("p Holm (speakers→recordings)").getDouble(i);
            String cannot = pmin >= 0.05 ? " (with " + n + " " + unit + " the run-level test cannot go below p = " + fmt3(pmin) + ")" : "";
            String verdict = unconv > 0 ? "no conclusion: " + unconv + " of the " + 2 * pairs + " runs stopped at their epoch cap while still improving"
                    : ph < 0.05 ? "a difference that holds across training runs (Holm-adjusted run-level p < 0.05)"
                    : pih < 0.05 && tExcludesZero(t, i) ? "a difference at the item level (Holm-adjusted), with the t interval over " + unit
                            + " excluding zero; the exact run-level test cannot confirm it" + cannot
                    : pih < 0.05 ? "a difference at the item level only: these trained networks differ on the test speakers' recordings (Holm-adjusted), "
                            + "but that retraining reproduces it is not established" + cannot
                    : "no difference established at either unit" + cannot;
            double lo = t.doubleColumn("Δ 95% t CI low").getDouble(i), hi = t.doubleColumn("Δ 95% t CI high").getDouble(i);
            double di = t.doubleColumn("Δ over recordings (points)").getDouble(i);
            String runLevel = String.format(java.util.Locale.ROOT, "%+.1f points over %d %s (%s; %s; sign-flip p = %s, Holm %s)",
                    t.doubleColumn("Δ over units (points)").getDouble(i), n, unit, t.stringColumn("Δ per unit (points)").get(i),
                    Double.isNaN(lo) ? "no t interval from one unit" : "95% t CI " + signed(lo) + " to " + signed(hi),
                    fmt3(t.doubleColumn("p sign-flip (units)").getDouble(i)), fmt3(ph));
            String itemLevel = Double.isNaN(di) ? "not tested on the same recordings, so no item-level comparison"
                    : String.format(java.util.Locale.ROOT, "%+.1f over recordings (95%% CI resampling speakers, then recordings, %s to %s; p = %s, Holm %s)", di,
                    signed(t.doubleColumn("Δ 95% CI low (speakers→recordings)").getDouble(i)), signed(t.doubleColumn("Δ 95% CI high (speakers→recordings)").getDouble(i)),
                    fmt3(t.doubleColumn("p bootstrap (speakers→recordings)").getDouble(i)), fmt3(t.doubleColumn("p Holm (speakers→recordings)").getDouble(i)));
            out.add(String.format(java.util.Locale.ROOT, "%s: %s; %s; from %d paired run%s — %s.", t.stringColumn("comparison").get(i), runLevel, itemLevel,
                    pairs, pairs == 1 ? "" : "s", verdict));
        }
        return out;
    }

    private static boolean tExcludesZero(Table t, int i) {
        double lo = t.doubleColumn("Δ 95% t CI low").getDouble(i), hi = t.doubleColumn("Δ 95% t CI high").getDouble(i);
        return !Double.isNaN(lo) && (lo > 0 || hi < 0);
    }

    private static String fmt3(double v) { return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", v); }

    private static String signed(double v) { return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%+.1f", v); }

    /**
     * The ablation table: one row per condition with runs (and how many converged), copies per file, training rows and
     * samples per epoch (equal across conditions when the design matches optimiser steps), UA over runs and over
     * recordings (speaker→recording interval), and the comparison with the reference condition ({@link Comparison}):
     * run-level difference, sign-flip p and its Holm adjustment over the conditions (the primary test), and the
     * clustered item-level difference with its own Holm adjustment. Values unrounded. A condition without finished
     * runs has a row with 0 runs and no numbers; {@code planned runs} says how many the design asks for.
     */
    public static Table ablation(Ablation.Design d, Path runsRoot) throws IOException {
        StringColumn cond = StringColumn.create("condition"), ua = StringColumn.create("UA" + RUNS_SD), uaCl = StringColumn.create("UA" + CLUSTER_CI);
        IntColumn copies = IntColumn.create("copies_per_file"), n = IntColumn.create("runs"), planned = IntColumn.create("planned runs"),
                conv = IntColumn.create("converged runs"), rows = IntColumn.create("train_rows_per_run"), perEpoch = IntColumn.create("samples_per_epoch");
        DoubleColumn uaMean = DoubleColumn.create("UA mean over runs (%)"), uaRec = DoubleColumn.create("UA over recordings (%)"),
                uaRecLo = DoubleColumn.create("UA 95% CI low (speakers→recordings)"), uaRecHi = DoubleColumn.create("UA 95% CI high (speakers→recordings)");
        List<Path> refRuns = runs(d.reference().config(), runsRoot);
        List<Path> used = new ArrayList<>(refRuns);
        Map<String, Comparison> cmp = new LinkedHashMap<>();
        for (Ablation.Condition c : d.conditions()) {
            List<Path> rs = runs(c.config(), runsRoot);
            if (rs.isEmpty()) {   // a row that says what is missing, with no numbers
                cond.append(c.recipe());
                copies.append(c.config().recipe().size());
                n.append(0);
                planned.append(plannedRuns(c.config(), runsRoot));
                conv.append(0);
                rows.appendMissing();
                perEpoch.appendMissing();
                ua.append("not run yet");
                uaMean.appendMissing();
                uaCl.append("not run yet");
                uaRec.appendMissing();
                uaRecLo.appendMissing();
                uaRecHi.appendMissing();
                continue;
            }
            used.addAll(rs);
            long trainRows = 0;
            for (Path r : rs) trainRows += RunRecord.read(r).split().rowsTrain();
            int meanRows = (int) Math.round((double) trainRows / rs.size()), k = c.config().recipe().size();
            Evidence u = Evidence.of(rs, "UA");
            cond.append(c.recipe());
            copies.append(k);
            n.append(rs.size());
            planned.append(plannedRuns(c.config(), runsRoot));
            conv.append(u.converged());
            rows.append(meanRows);
            perEpoch.append(c.config().train().samplesPerEpoch(meanRows, meanRows / k));
            ua.append(pm(u.perRun()));
            uaMean.append(u.perRun().mean());
            uaCl.append(Evidence.format(u.clustered()));
            uaRec.append(u.clustered().estimate());
            uaRecLo.append(u.clustered().low());
            uaRecHi.append(u.clustered().high());
            if (!c.recipe().equals(Ablation.REFERENCE) && !refRuns.isEmpty()) cmp.put(c.recipe() + " − " + Ablation.REFERENCE, Comparison.of(rs, refRuns, "UA"));
        }
        Table base = Table.create("ablation " + d.name(), cond, copies, n, planned, conv, rows, perEpoch, uaMean, ua, uaCl, uaRec, uaRecLo, uaRecHi);
        Table tests = comparisonTable("ablation tests", cmp);
        // one row per condition: the reference's test columns stay empty
        Table out = base.copy();
        for (int c = 0; c < tests.columnCount(); c++) {
            var col = tests.column(c);
            var full = col.emptyCopy();
            for (int i = 0; i < base.rowCount(); i++) {
                int at = tests.stringColumn("comparison").asList().indexOf(base.stringColumn("condition").get(i) + " − " + Ablation.REFERENCE);
                if (at < 0) full.appendMissing();
                else full.appendObj(col.get(at));
            }
            out.addColumns(full);
        }
        return org.emoaugnet.util.Lineage.tag(out.setName("ablation " + d.name() + (d.matchedSteps() ? " (optimiser steps matched)" : "")),
                lineage(new ArrayList<>(new java.util.LinkedHashSet<>(used))));
    }

    /**
     * Runs an experiment's design asks for: seeds × the folds its protocol gives (1 for single-split protocols; a
     * named non-default fold set's size; otherwise 5 assumed for fold protocols without runs).
     */
    static int plannedRuns(ExperimentConfig cfg, Path runsRoot) throws IOException {
        if (cfg.protocol() == Protocol.PAPER_STYLE || cfg.protocol() == Protocol.AUGMENT_AFTER_RANDOM_SPLIT) return cfg.seeds().size();
        java.util.Set<String> folds = new java.util.TreeSet<>();
        for (Path r : runs(cfg, runsRoot)) folds.add(RunRecord.read(r).spec().fold());
        int expected = cfg.protocol() == Protocol.SPEAKER_INDEPENDENT && cfg.split().foldSet() != org.emoaugnet.data.FoldSet.DEFAULT ? cfg.split().foldSet().size() : 5;
        int perSeed = cfg.folds() > 0 ? cfg.folds() : Math.max(expected, folds.size());
        return cfg.seeds().size() * perSeed;
    }

    /** Values with their interval per named condition, ready for a bar chart with error bars. */
    public record Bars(List<String> names, double[] values, double[] low, double[] high) {
        public boolean isEmpty() { return names.isEmpty(); }
    }

    /** The ablation's UA over recordings per recipe that has runs, with its speaker-then-recording interval. */
    public static Bars ablationUa(Table t) {
        return bars(t.where(t.intColumn("runs").isGreaterThan(0)), "UA over recordings (%)", "UA 95% CI low (speakers→recordings)", "UA 95% CI high (speakers→recordings)");
    }

    /** Each recipe's UA difference to no augmentation over the same recordings, with its interval (empty when the recipes were not tested on the same recordings). */
    public static Bars ablationDelta(Table t) {
        return bars(t.where(t.doubleColumn("Δ over recordings (points)").isNotMissing()), "Δ over recordings (points)",
                "Δ 95% CI low (speakers→recordings)", "Δ 95% CI high (speakers→recordings)");
    }

    private static Bars bars(Table rows, String value, String low, String high) {
        return new Bars(rows.stringColumn("condition").asList(), rows.doubleColumn(value).asDoubleArray(), rows.doubleColumn(low).asDoubleArray(),
                rows.doubleColumn(high).asDoubleArray());
    }

    /** Why a chart of the ablation is missing, as a sentence ("" when both charts exist). */
    public static String ablationGaps(String design, Table t) {
        if (ablationUa(t).isEmpty())
            return design + ": none of its " + (int) t.intColumn("planned runs").sum() + " planned runs exists yet.";
        if (ablationDelta(t).isEmpty())
            return design + ": the recipes were not tested on the same recordings (under the paper-style protocol the test rows are "
                    + "themselves augmented copies drawn by each recipe's own row split); only the run-level comparison applies.";
        return "";
    }

    /**
     * Sentences computed from an {@link #ablation} table: each condition against no augmentation by its Holm-adjusted
     * run-level test (the primary one) with the item-level evidence beside it, runs and planned runs named; the best
     * condition; which left-out augmentation costs the most. Says when runs are missing or unconverged.
     */
    public static List<String> ablationSentences(Table t) {
        List<String> out = new ArrayList<>();
        if (t.rowCount() == 0) return out;
        int done = 0, planned = 0;
        for (int i = 0; i < t.rowCount(); i++) { done += t.intColumn("runs").get(i); planned += t.intColumn("planned runs").get(i); }
        if (done < planned) out.add(String.format(java.util.Locale.ROOT, "Incomplete: %d of the %d planned runs exist; "
                + "the tests below use the runs both sides have, and no conclusion is final until the rest are in.", done, planned));
        if (t.columnNames().contains("comparison")) {
            Table tests = t.where(t.stringColumn("comparison").isNotMissing());
            out.addAll(comparisonSentences(tests));
        }
        int best = -1;
        for (int i = 0; i < t.rowCount(); i++)
            if (t.intColumn("runs").get(i) > 0 && (best < 0 || meanOf(t, i) > meanOf(t, best))) best = i;
        if (best < 0) {
            out.add("No run of this design exists yet.");
            return out;
        }
        out.add("Highest mean UA over runs: " + t.stringColumn("condition").get(best) + " (" + t.stringColumn("UA" + RUNS_SD).get(best) + " %)"
                + (done < planned ? ", among the runs that exist." : "."));
        int all = t.stringColumn("condition").asList().indexOf("all");
        if (all >= 0) {
            String worst = null;
            double drop = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < t.rowCount(); i++) {
                String c = t.stringColumn("condition").get(i);
                if (!c.startsWith("all-but-") || t.intColumn("runs").get(i) == 0 || t.intColumn("runs").get(all) == 0) continue;
                double dd = meanOf(t, all) - meanOf(t, i);
                if (dd > drop) { drop = dd; worst = c.substring("all-but-".length()); }
            }
            if (worst != null) out.add(String.format(java.util.Locale.ROOT,
                    "Leaving %s out of 'all' changes mean UA over runs the most (%+.1f points; negative: 'all' is better with it), "
                            + "a descriptive contrast without its own test.", worst, -drop));
        }
        return out;
    }

    private static double meanOf(Table t, int row) { return t.doubleColumn("UA mean over runs (%)").get(row); }

    /** Validation UA per epoch of every run (keys: run names, marked "(NOT converged)" where so), for learning curves. */
    public static Map<String, double[]> curves(Path experimentDir, String column) throws IOException {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (Path run : runs(experimentDir)) {
            RunRecord r = RunRecord.read(run);
            m.put(run.getFileName().toString() + (r.training().converged() ? "" : " (NOT converged)"), r.historyTable().numberColumn(column).asDoubleArray());
        }
        org.emoaugnet.util.Lineage.tag(m, lineage(runs(experimentDir)));
        return m;
    }

    /**
     * One plain sentence per row of {@link #table}: runs, seeds and folds behind it, how many converged, the seed-level
     * and speaker-clustered intervals of WA and UA, and the paper's pair.
     */
    public static List<String> sentences(Table t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            boolean noClaim = t.doubleColumn("paper WA (%)").isMissing(i);
            double pw = noClaim ? Double.NaN : t.doubleColumn("paper WA (%)").getDouble(i), pu = noClaim ? Double.NaN : t.doubleColumn("paper UA (%)").getDouble(i);
            int runs = t.intColumn("runs").get(i), conv = t.intColumn("converged runs").get(i);
            out.add(String.format(java.util.Locale.ROOT, "%s (%s, %s): %d run(s) = seeds %s × %d fold(s), %s; %d test recordings of %d speakers. "
                            + "WA %s over runs, mean over seeds %s (t interval over seeds), %s over recordings (interval resampling speakers, then recordings); "
                            + "UA %s, %s, %s; %s",
                    t.stringColumn("experiment").get(i), t.stringColumn("protocol").get(i), t.stringColumn("activation").get(i), runs,
                    t.stringColumn("seeds").get(i), t.intColumn("folds").get(i),
                    conv == runs ? "all converged" : (runs - conv) + " stopped at their epoch cap while still improving (no verdict rests on them)",
                    t.intColumn("test recordings").get(i), t.intColumn("test speakers").get(i),
                    t.stringColumn("WA" + RUNS_SD).get(i), t.stringColumn("WA" + SEED_CI).get(i), t.stringColumn("WA" + CLUSTER_CI).get(i),
                    t.stringColumn("UA" + RUNS_SD).get(i), t.stringColumn("UA" + SEED_CI).get(i), t.stringColumn("UA" + CLUSTER_CI).get(i),
                    Double.isNaN(pw) ? "the paper reports no number for this corpus" : String.format(java.util.Locale.ROOT, "paper: WA %.2f, UA %.2f", pw, pu)));
        }
        return out;
    }

    private static double r2(double v) { return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0; }

    private static double r4(double v) { return Double.isNaN(v) ? v : Math.round(v * 10_000) / 10_000.0; }

    private static String pm(double[] v) { return pm(Statistics.meanSd(v)); }

    private static String pm(Statistics.MeanSd s) {
        return Double.isNaN(s.sd()) ? String.format(java.util.Locale.ROOT, "%.1f", s.mean())
                : String.format(java.util.Locale.ROOT, "%.1f ± %.1f", s.mean(), s.sd());
    }
}
