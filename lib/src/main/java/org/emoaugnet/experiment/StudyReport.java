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

    /** 1-based fold number of a fold name {@code fold-<k>}; 1 for single-split protocols. */
    static int foldIndex(String fold) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^fold-(\\d+)").matcher(fold);
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

    private static Table tableOf(Map<String, List<Path>> experiments, String corpus) throws IOException {
        StringColumn name = StringColumn.create("experiment"), proto = StringColumn.create("protocol"), act = StringColumn.create("activation"),
                wa = StringColumn.create("WA mean ± sd (%)"), ua = StringColumn.create("UA mean ± sd (%)"),
                waCi = StringColumn.create("WA pooled 95% CI"), uaCi = StringColumn.create("UA pooled 95% CI");
        IntColumn n = IntColumn.create("runs"), items = IntColumn.create("test_items"), conv = IntColumn.create("converged runs");
        DoubleColumn pWa = DoubleColumn.create("paper WA (%)"), pUa = DoubleColumn.create("paper UA (%)");
        for (var e : experiments.entrySet()) {
            List<Path> rs = e.getValue();
            if (rs.isEmpty()) continue;
            double[] w = new double[rs.size()], u = new double[rs.size()];
            RunSpec first = RunRecord.read(rs.get(0)).spec();
            int converged = 0;
            for (int i = 0; i < rs.size(); i++) {
                RunRecord r = RunRecord.read(rs.get(i));
                w[i] = 100 * r.test().wa();
                u[i] = 100 * r.test().ua();
                if (r.training().converged()) converged++;
            }
            Predictions p = predictions(rs);
            Statistics.Interval wi = Statistics.bootstrap(p.truth(), p.predicted(), Statistics::wa, 1000, 0.05, 1);
            Statistics.Interval ui = Statistics.bootstrap(p.truth(), p.predicted(), Statistics::ua, 1000, 0.05, 1);
            name.append(e.getKey());
            proto.append(first.protocol().name() + (first.protocol().leaks() ? " (leaks)" : ""));
            act.append(first.activation());
            n.append(rs.size());
            conv.append(converged);
            items.append(p.truth().length);
            wa.append(pm(w));
            ua.append(pm(u));
            waCi.append(String.format(java.util.Locale.ROOT, "%.1f–%.1f", 100 * wi.low(), 100 * wi.high()));
            uaCi.append(String.format(java.util.Locale.ROOT, "%.1f–%.1f", 100 * ui.low(), 100 * ui.high()));
            PaperClaims.Claim c = PaperClaims.of(corpus, first.activation());
            pWa.append(c == null ? Double.NaN : c.wa());
            pUa.append(c == null ? Double.NaN : c.ua());
        }
        List<Path> all = new ArrayList<>();
        experiments.values().forEach(all::addAll);
        return org.emoaugnet.util.Lineage.tag(Table.create("results (" + corpus + ")", name, proto, act, n, conv, items, wa, ua, waCi, uaCi, pWa, pUa), lineage(all));
    }

    /**
     * ReLU against ELU on the same test items (the two experiments must share protocol, folds and seeds): McNemar
     * on pooled predictions and a paired bootstrap/permutation test on UA.
     */
    public static Map<String, Object> compare(Path a, Path b) throws IOException {
        Predictions pa = predictions(a), pb = predictions(b);
        if (!pa.items().equals(pb.items())) throw new IllegalArgumentException("the two experiments were not run on the same test items: " + a + " vs " + b);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", pa.truth().length);
        m.put("mcnemar", Statistics.mcnemar(pa.truth(), pa.predicted(), pb.predicted()));
        m.put("ua_difference", Statistics.paired(pa.truth(), pa.predicted(), pb.predicted(), Statistics::ua, 2000, 7));
        m.put("wa_difference", Statistics.paired(pa.truth(), pa.predicted(), pb.predicted(), Statistics::wa, 2000, 7));
        return m;
    }

    /**
     * Run-level comparison of two experiments: for every (fold, seed) run folder both have, the difference of a
     * test metric (A − B, in points), its mean ± s.d., and an exact sign-flip test over the runs. Unlike the
     * item-level tests this covers seed-to-seed and fold-to-fold variation of training.
     */
    public record RunPairs(List<String> runs, double[] differences, Statistics.MeanSd meanSd, double pValue) {}

    public static RunPairs runPairs(Path a, Path b, List<Long> seeds, String metric) throws IOException { return runPairs(a, b, seeds, 0, metric); }

    public static RunPairs runPairs(Path a, Path b, List<Long> seeds, int folds, String metric) throws IOException {
        return runPairs(runs(a, seeds, folds), b, metric);
    }

    /** {@link #runPairs} over the given runs of A, each paired with B's run folder of the same name. */
    static RunPairs runPairs(List<Path> runsOfA, Path b, String metric) throws IOException {
        List<String> names = new ArrayList<>();
        List<Double> d = new ArrayList<>();
        for (Path ra : runsOfA) {
            Path rb = b.resolve(ra.getFileName());
            if (!RunRecord.finished(rb)) continue;
            names.add(ra.getFileName().toString());
            d.add(100 * (RunRecord.read(ra).metric(metric) - RunRecord.read(rb).metric(metric)));
        }
        double[] diff = d.stream().mapToDouble(Double::doubleValue).toArray();
        return new RunPairs(names, diff, Statistics.meanSd(diff), diff.length == 0 ? Double.NaN : Statistics.signFlip(diff, 20_000, 11));
    }

    /**
     * The ablation table: one row per condition with runs, training rows, WA and UA (mean ± s.d. over runs, in %),
     * pooled UA with its 95 % bootstrap interval, and the paired comparison with the reference condition on the
     * same test items (UA difference with its paired-bootstrap interval and permutation p-value, McNemar p-value)
     * and over runs (sign-flip p-value of the per-run UA differences). Conditions without finished runs are left out.
     */
    public static Table ablation(Ablation.Design d, Path runsRoot) throws IOException {
        StringColumn cond = StringColumn.create("condition"), wa = StringColumn.create("WA mean ± sd (%)"), ua = StringColumn.create("UA mean ± sd (%)");
        IntColumn copies = IntColumn.create("copies_per_file"), n = IntColumn.create("runs"), rows = IntColumn.create("train_rows_per_run");
        DoubleColumn uaP = DoubleColumn.create("UA pooled (%)"), uaLo = DoubleColumn.create("UA 95% CI low"), uaHi = DoubleColumn.create("UA 95% CI high"),
                dUa = DoubleColumn.create("ΔUA vs none (points)"), dLo = DoubleColumn.create("ΔUA 95% CI low"), dHi = DoubleColumn.create("ΔUA 95% CI high"),
                pPerm = DoubleColumn.create("p permutation (items)"), pMc = DoubleColumn.create("p McNemar (items)"), pRuns = DoubleColumn.create("p sign-flip (runs)");
        Path refDir = runsRoot.resolve(d.reference().config().name());
        List<Path> refRuns = runs(d.reference().config(), runsRoot);
        List<Path> used = new ArrayList<>(refRuns);
        Predictions ref = predictions(refRuns);
        for (Ablation.Condition c : d.conditions()) {
            Path dir = runsRoot.resolve(c.config().name());
            List<Path> rs = runs(c.config(), runsRoot);
            if (rs.isEmpty()) continue;
            used.addAll(rs);
            double[] w = new double[rs.size()], u = new double[rs.size()];
            long trainRows = 0;
            for (int i = 0; i < rs.size(); i++) {
                RunRecord r = RunRecord.read(rs.get(i));
                w[i] = 100 * r.test().wa();
                u[i] = 100 * r.test().ua();
                trainRows += r.split().rowsTrain();
            }
            Predictions p = predictions(rs);
            Statistics.Interval ui = Statistics.bootstrap(p.truth(), p.predicted(), Statistics::ua, 1000, 0.05, 1);
            cond.append(c.recipe());
            copies.append(c.config().recipe().size());
            n.append(rs.size());
            rows.append((int) Math.round((double) trainRows / rs.size()));
            wa.append(pm(w));
            ua.append(pm(u));
            uaP.append(r2(100 * ui.estimate()));
            uaLo.append(r2(100 * ui.low()));
            uaHi.append(r2(100 * ui.high()));
            if (p.items().equals(ref.items()) && !c.recipe().equals(Ablation.REFERENCE)) {
                Statistics.PairedTest pt = Statistics.paired(p.truth(), p.predicted(), ref.predicted(), Statistics::ua, 2000, 7);
                dUa.append(r2(100 * pt.difference().estimate()));
                dLo.append(r2(100 * pt.difference().low()));
                dHi.append(r2(100 * pt.difference().high()));
                pPerm.append(r4(pt.pValue()));
                pMc.append(r4(Statistics.mcnemar(p.truth(), p.predicted(), ref.predicted()).pValue()));
                pRuns.append(r4(runPairs(rs, refDir, "test_ua").pValue()));
            } else {
                for (DoubleColumn col : List.of(dUa, dLo, dHi, pPerm, pMc, pRuns)) col.appendMissing();
            }
        }
        return org.emoaugnet.util.Lineage.tag(Table.create("ablation " + d.name(), cond, copies, n, rows, wa, ua, uaP, uaLo, uaHi, dUa, dLo, dHi, pPerm, pMc, pRuns),
                lineage(new ArrayList<>(new java.util.LinkedHashSet<>(used))));
    }

    /**
     * Plain sentences computed from an {@link #ablation} table: each condition against no augmentation (a change
     * counts as significant only when the item-level permutation test and McNemar's test both give p < 0.05), the
     * best condition, and which left-out augmentation costs the most.
     */
    public static List<String> ablationSentences(Table t) {
        List<String> out = new ArrayList<>();
        int best = -1;
        for (int i = 0; i < t.rowCount(); i++) {
            if (best < 0 || t.doubleColumn("UA pooled (%)").get(i) > t.doubleColumn("UA pooled (%)").get(best)) best = i;
            if (t.doubleColumn("ΔUA vs none (points)").isMissing(i)) continue;
            double pp = t.doubleColumn("p permutation (items)").get(i), pm = t.doubleColumn("p McNemar (items)").get(i);
            double pr = t.doubleColumn("p sign-flip (runs)").get(i);
            out.add(String.format(java.util.Locale.ROOT, "%s (%d copies per file): UA %.1f %% pooled, %+.1f points against no augmentation "
                            + "(95%% CI %+.1f to %+.1f; permutation p = %.3f, McNemar p = %.3f, sign-flip over %d runs p = %.3f) — %s",
                    t.stringColumn("condition").get(i), t.intColumn("copies_per_file").get(i), t.doubleColumn("UA pooled (%)").get(i),
                    t.doubleColumn("ΔUA vs none (points)").get(i), t.doubleColumn("ΔUA 95% CI low").get(i), t.doubleColumn("ΔUA 95% CI high").get(i),
                    pp, pm, t.intColumn("runs").get(i), pr,
                    pp < 0.05 && pm < 0.05 ? (t.doubleColumn("ΔUA vs none (points)").get(i) > 0 ? "a significant gain" : "a significant loss")
                            : "not significant on these items"));
        }
        if (best >= 0) out.add("Highest pooled UA: " + t.stringColumn("condition").get(best)
                + String.format(java.util.Locale.ROOT, " (%.1f %%).", t.doubleColumn("UA pooled (%)").get(best)));
        int all = t.stringColumn("condition").asList().indexOf("all");
        if (all >= 0) {
            String worst = null;
            double drop = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < t.rowCount(); i++) {
                String c = t.stringColumn("condition").get(i);
                if (!c.startsWith("all-but-")) continue;
                double d = t.doubleColumn("UA pooled (%)").get(all) - t.doubleColumn("UA pooled (%)").get(i);
                if (d > drop) { drop = d; worst = c.substring("all-but-".length()); }
            }
            if (worst != null) out.add(String.format(java.util.Locale.ROOT,
                    "Leaving %s out of 'all' changes pooled UA the most (%+.1f points; negative: 'all' is better with it, positive: better without it).",
                    worst, -drop));
        }
        return out;
    }

    /** Validation UA per epoch of every run (columns: run names), for learning curves. */
    public static Map<String, double[]> curves(Path experimentDir, String column) throws IOException {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (Path run : runs(experimentDir)) m.put(run.getFileName().toString(), RunRecord.read(run).historyTable().numberColumn(column).asDoubleArray());
        org.emoaugnet.util.Lineage.tag(m, lineage(runs(experimentDir)));
        return m;
    }

    /** One plain sentence per row of {@link #table}. */
    public static List<String> sentences(Table t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            boolean noClaim = t.doubleColumn("paper WA (%)").isMissing(i);
            double pw = noClaim ? Double.NaN : t.doubleColumn("paper WA (%)").getDouble(i), pu = noClaim ? Double.NaN : t.doubleColumn("paper UA (%)").getDouble(i);
            out.add(String.format(java.util.Locale.ROOT, "%s (%s, %s): WA %s, UA %s over %d run(s); %s", t.stringColumn("experiment").get(i),
                    t.stringColumn("protocol").get(i), t.stringColumn("activation").get(i), t.stringColumn("WA mean ± sd (%)").get(i),
                    t.stringColumn("UA mean ± sd (%)").get(i), t.intColumn("runs").get(i),
                    Double.isNaN(pw) ? "the paper reports no number for this corpus" : String.format(java.util.Locale.ROOT, "paper: WA %.2f, UA %.2f", pw, pu)));
        }
        return out;
    }

    private static double r2(double v) { return Math.round(v * 100) / 100.0; }

    private static double r4(double v) { return Math.round(v * 10_000) / 10_000.0; }

    private static String pm(double[] v) {
        Statistics.MeanSd s = Statistics.meanSd(v);
        return Double.isNaN(s.sd()) ? String.format(java.util.Locale.ROOT, "%.1f", s.mean())
                : String.format(java.util.Locale.ROOT, "%.1f ± %.1f", s.mean(), s.sd());
    }
}
