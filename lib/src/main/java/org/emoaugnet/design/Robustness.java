package org.emoaugnet.design;

import org.emoaugnet.run.Predictions;

import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.Evidence;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.SharedRuns;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.DataManifest;
import org.emoaugnet.run.Defaults;
import org.emoaugnet.run.Degradation;
import org.emoaugnet.run.RunSpec;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.Runner;
import org.emoaugnet.run.SpecJobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Fold;
import org.emoaugnet.eval.Statistics;
import org.emoaugnet.features.FeatureCache;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's untested robustness claim: models trained on clean speech (speaker-independent fold, with or without
 * augmentation, ReLU or ELU) evaluated on their test speakers' recordings degraded at test time — white noise and
 * babble built from the corpus at a sweep of SNRs, reverberation in a synthetic room, and a telephone channel with
 * and without 8-bit μ-law ({@link Degradation#conditions}). Each trained model is a run ({@link Models}, its network
 * kept in {@code model/}); each evaluation of it under one condition is a run of its own ({@link Evaluated}; spec kind
 * {@link RunSpec#EVALUATION}) in {@code <experiment>/<run>/eval-<condition>/} with its record and predictions, computed
 * by {@link org.emoaugnet.run.Evaluations} through the same {@link Runner}, so an interrupted study resumes and every
 * table below is built from evaluation records.
 */
public final class Robustness {
    private Robustness() {}

    /** The conditions ({@link Degradation#conditions}) with babble from {@code babblePool}. */
    public static List<Degradation> conditions(float[] babblePool, boolean quick) { return Degradation.conditions(babblePool, quick); }

    /**
     * The study of notebook 05: four models (ReLU/ELU x no augmentation/public-4) trained on the first
     * speaker-independent fold of {@code primary}, each with every seed of {@link Defaults#robustnessSeeds}, each
     * evaluated under every condition. The models of {@code activations} only (both when empty), so that two processes
     * can share the work. The models are trained first, then evaluated (both through the {@link Runner}, read back when
     * finished). Keys "relu, none" etc.; each table aggregates the model's seeds ({@link #aggregate}).
     */
    public static java.util.Map<String, Table> study(Corpus primary, org.emoaugnet.util.Settings s, FeatureCache cache, Path runsRoot,
                                                      List<String> activations) throws IOException {
        Models design = design(primary.name(), s, activations);
        CorpusSource corpora = CorpusSource.of(List.of(primary), s.retryFailed());
        SpecJobs specJobs = new SpecJobs(cache, runsRoot, s.retryFailed());
        Runner.runAll(specJobs.jobs(design.plan(corpora)));
        Runner.runAll(specJobs.jobs(design.evaluations(corpora, runsRoot)));
        java.util.Map<String, Table> out = new java.util.LinkedHashMap<>();
        for (ExperimentConfig cfg : design.experiments()) {
            System.out.println("robustness: " + cfg.name() + " (seeds " + design.seeds() + ")");
            out.put(cfg.activation() + ", " + cfg.recipe().name(), table(design.models(cfg, corpora), runsRoot, specJobs));
        }
        return out;
    }

    /**
     * The table of one model over its seeds ({@link #aggregate}): a condition (in the order of the first seed's
     * conditions) is a row once every seed whose model is finished has its evaluation finished.
     */
    private static Table table(List<Model> seeds, Path runsRoot, SpecJobs specJobs) throws IOException {
        java.util.Map<Degradation, List<Path>> rows = new java.util.LinkedHashMap<>();
        for (Degradation c : seeds.get(0).conditions()) {
            List<Path> dirs = new ArrayList<>();
            boolean all = true;
            for (Model m : seeds) {
                if (!finished(m.run(), runsRoot)) continue;
                Runner.Job j = specJobs.job(m.evaluation(c.name()));
                if (Runner.status(j) == Runner.Status.FINISHED) dirs.add(j.runDir()); else all = false;
            }
            if (all && !dirs.isEmpty()) rows.put(c, dirs);
        }
        return aggregate(rows);
    }

    /** The robustness study of {@code corpus} under these settings, for the models of {@code activations} (both when empty). */
    public static Models design(String corpus, org.emoaugnet.util.Settings s, List<String> activations) throws IOException {
        ExperimentConfig si = Study.configs(corpus, s).stream()
                .filter(c -> c.protocol() == Protocol.SPEAKER_INDEPENDENT && c.activation().equals("relu")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no speaker-independent configuration for " + corpus));
        return new Models(si, Defaults.robustnessSeeds(s), activations, s.quick());
    }

    /**
     * The trained models of the robustness study as a {@link Design}: ReLU/ELU (those of {@code activations}, both when
     * empty) × no augmentation/public-4, each trained with every seed on the first speaker-independent fold of the
     * study's base experiment {@code si}, its network kept beside the record for the evaluations.
     */
    public record Models(ExperimentConfig si, List<Long> seeds, List<String> activations, boolean quick) implements Design {
        public Models {
            seeds = List.copyOf(seeds);
            activations = List.copyOf(activations);
        }

        /** One experiment per model (activation × recipe), its runs one per seed. */
        public List<ExperimentConfig> experiments() {
            List<ExperimentConfig> out = new ArrayList<>();
            for (String act : List.of("relu", "elu")) {
                if (!activations.isEmpty() && !activations.contains(act)) continue;
                for (Recipe recipe : List.of(Recipe.none(), Recipe.public4()))
                    out.add(new ExperimentConfig(experimentName(si.corpus(), act, recipe, quick), si.corpus(), si.classSet(), si.protocol(),
                            si.features(), si.layout(), recipe, si.model(), act, si.train(), seeds, si.folds(), si.split(), si.normalisation()));
            }
            return out;
        }

        @Override
        public String describe() {
            return "the robustness models on " + si.corpus() + (activations.isEmpty() ? "" : " (" + String.join(", ", activations) + ")");
        }

        @Override
        public List<PlannedRun> plan(CorpusSource corpora) throws IOException {
            List<PlannedRun> out = new ArrayList<>();
            for (ExperimentConfig cfg : experiments()) for (Model m : models(cfg, corpora)) out.add(m.run());
            return out;
        }

        /** The trained runs of {@code cfg}, one per seed, each with its test conditions. */
        List<Model> models(ExperimentConfig cfg, CorpusSource corpora) throws IOException {
            Corpus corpus = corpora.corpus(si.corpus());
            Corpus kept = si.classSet().apply(corpus);
            List<Model> out = new ArrayList<>();
            for (long seed : seeds) {
                Fold fold = ExperimentConfig.foldsOf(cfg, kept, seed).get(0);
                out.add(new Model(planned(cfg, corpus, fold, seed), cfg.features(), fold, seed, quick));
            }
            return out;
        }

        /** The evaluations under every condition of the planned runs that are finished under {@code runsRoot}. */
        public List<PlannedRun> evaluations(CorpusSource corpora, Path runsRoot) throws IOException {
            List<PlannedRun> out = new ArrayList<>();
            for (ExperimentConfig cfg : experiments())
                for (Model m : models(cfg, corpora))
                    if (finished(m.run(), runsRoot)) for (Degradation c : m.conditions()) out.add(m.evaluation(c.name()));
            return out;
        }
    }

    /**
     * The robustness study as one {@link Design}: the trained models ({@link Models}), then the evaluation of every
     * model already finished under {@code runsRoot} under every condition. The plan grows as models finish: planned
     * again after the models are trained (a second sweep), it holds every evaluation.
     */
    public record Evaluated(Models models, Path runsRoot) implements Design {
        @Override
        public String describe() { return models.describe() + " and their evaluations under every condition"; }

        @Override
        public List<PlannedRun> plan(CorpusSource corpora) throws IOException {
            List<PlannedRun> out = new ArrayList<>(models.plan(corpora));
            out.addAll(models.evaluations(corpora, runsRoot));
            return out;
        }

        /** Trains the models, then evaluates them (the plan grown by the finished models). */
        @Override
        public List<RunRecord> run(CorpusSource corpora, FeatureCache cache, Path root) throws IOException {
            SpecJobs jobs = new SpecJobs(cache, root, corpora.retryFailed());
            Runner.runAll(jobs.jobs(models.plan(corpora)));
            return Runner.runAll(jobs.jobs(new Evaluated(models, root).plan(corpora)));
        }
    }

    /** Whether the planned run is finished under {@code runsRoot} with the spec a job made now would have. */
    static boolean finished(PlannedRun p, Path runsRoot) throws IOException {
        Path dir = runsRoot.resolve(p.experiment()).resolve(SpecJobs.runName(p.spec()));
        return RunRecord.finished(dir) && RunRecord.current(dir)
                && RunRecord.read(dir).specSha256().equals(p.spec().planned(p.experiment(), p.spec().data()).sha256());
    }

    /** One robustness model: its training run, the fold and seed it was trained with, and its test conditions (babble from its training recordings). */
    static final class Model {
        private final PlannedRun run;
        private final org.emoaugnet.features.FeatureSpec features;
        private final Fold fold;
        private final long seed;
        private final boolean quick;
        private List<Degradation> conditions;

        Model(PlannedRun run, org.emoaugnet.features.FeatureSpec features, Fold fold, long seed, boolean quick) {
            this.run = run;
            this.features = features;
            this.fold = fold;
            this.seed = seed;
            this.quick = quick;
        }

        PlannedRun run() { return run; }

        /** The test conditions (computed once: the babble pool reads recordings). */
        synchronized List<Degradation> conditions() throws IOException {
            if (conditions == null) conditions = Degradation.conditions(fold.train(), seed, features, quick);
            return conditions;
        }

        /** The evaluation of this model under the condition named {@code name}. */
        PlannedRun evaluation(String name) throws IOException {
            for (Degradation c : conditions())
                if (c.name().equals(name)) return PlannedRun.evaluation(run, new RunSpec.Evaluation(c.name(), c.key(), Degradation.SEED));
            throw new IllegalArgumentException("no condition '" + name + "'");
        }
    }

    /** The training run of one robustness model: {@code cfg}'s run on {@code fold} with training seed {@code seed}, its network kept. */
    static PlannedRun planned(ExperimentConfig cfg, Corpus corpus, Fold fold, long seed) {
        return new PlannedRun(cfg.name(), cfg.spec(fold.name(), seed, DataManifest.of(cfg.classSet().apply(corpus).utterances())), List.of(corpus), true);
    }

    /**
     * One row per condition, from its evaluations (one folder per seed): its seeds, WA and UA as means over the seeds'
     * evaluations (unrounded), the s.d. of UA over seeds, and UA over the test recordings (each once, seeds averaged)
     * with its 95 % interval resampling speakers, then recordings. Computed from the evaluations' predictions; their
     * records are the table's lineage.
     */
    static Table aggregate(java.util.Map<Degradation, List<Path>> evaluations) throws IOException {
        Table t = Table.create("robustness", StringColumn.create(ResultColumns.CONDITION), StringColumn.create(ResultColumns.KIND), DoubleColumn.create(ResultColumns.LEVEL),
                StringColumn.create(ResultColumns.DEGRADATION), tech.tablesaw.api.IntColumn.create(ResultColumns.SEEDS), DoubleColumn.create(ResultColumns.WA), DoubleColumn.create(ResultColumns.UA),
                DoubleColumn.create(ResultColumns.UA_SD_OVER_SEEDS), DoubleColumn.create(ResultColumns.UA_RECORDINGS), DoubleColumn.create(ResultColumns.UA_LOW),
                DoubleColumn.create(ResultColumns.UA_HIGH));
        if (evaluations.isEmpty()) return t;
        List<Path> all = new ArrayList<>();
        List<String> classes = Predictions.classesOf(evaluations.values().iterator().next().get(0));
        for (var e : evaluations.entrySet()) {
            Degradation c = e.getKey();
            List<Path> files = e.getValue().stream().map(d -> d.resolve(Predictions.FILE)).toList();
            all.addAll(e.getValue());
            double[] wa = new double[files.size()], ua = new double[files.size()];
            for (int i = 0; i < files.size(); i++) {
                Predictions p = Predictions.read(files.get(i), classes);
                wa[i] = 100 * Statistics.wa(p.truth(), p.predicted());
                ua[i] = 100 * Statistics.ua(p.truth(), p.predicted());
            }
            Statistics.Interval cl = org.emoaugnet.eval.ClusteredBootstrap.interval(Evidence.recordings(files, classes),
                    org.emoaugnet.eval.ClusteredBootstrap.Metric.UA, Evidence.RESAMPLES, 0.05, 1);
            t.stringColumn(ResultColumns.CONDITION).append(c.name());
            t.stringColumn(ResultColumns.KIND).append(c.kind());
            t.doubleColumn(ResultColumns.LEVEL).append(c.level());
            t.stringColumn(ResultColumns.DEGRADATION).append(c.key());
            t.intColumn(ResultColumns.SEEDS).append(files.size());
            t.doubleColumn(ResultColumns.WA).append(Statistics.meanSd(wa).mean());
            t.doubleColumn(ResultColumns.UA).append(Statistics.meanSd(ua).mean());
            t.doubleColumn(ResultColumns.UA_SD_OVER_SEEDS).append(Statistics.meanSd(ua).sd());
            t.doubleColumn(ResultColumns.UA_RECORDINGS).append(100 * cl.estimate());
            t.doubleColumn(ResultColumns.UA_LOW).append(100 * cl.low());
            t.doubleColumn(ResultColumns.UA_HIGH).append(100 * cl.high());
        }
        return org.emoaugnet.util.Lineage.tag(t, StudyReport.lineage(all));
    }

    /**
     * The UA-vs-level curve of one kind of degradation ("white noise", "babble") from a model's table, ascending in
     * level, with the clean result kept apart (clean speech has no SNR; NaN when the table has no clean row).
     */
    public static org.emoaugnet.plot.DegradationCurves.Curve curve(Table t, String kind) {
        List<double[]> pts = new ArrayList<>();
        double clean = Double.NaN;
        for (int i = 0; i < t.rowCount(); i++) {
            String k = t.stringColumn(ResultColumns.KIND).get(i);
            if (k.equals(kind)) pts.add(new double[] {t.doubleColumn(ResultColumns.LEVEL).get(i), t.doubleColumn(ResultColumns.UA).get(i)});
            else if (k.equals("clean")) clean = t.doubleColumn(ResultColumns.UA).get(i);
        }
        pts.sort(java.util.Comparator.comparingDouble(p -> p[0]));
        return new org.emoaugnet.plot.DegradationCurves.Curve(pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray(), clean);
    }

    /**
     * The UA-vs-level curves of one kind of degradation for every model of a {@link #study} (see {@link #curve}), keyed
     * like the study, with the chance level of the study's {@code classes} classes, carrying the models' runs as lineage.
     */
    public static org.emoaugnet.plot.DegradationCurves curves(java.util.Map<String, Table> study, String kind, int classes) {
        java.util.Map<String, org.emoaugnet.plot.DegradationCurves.Curve> out = new java.util.LinkedHashMap<>();
        study.forEach((k, t) -> out.put(k, curve(t, kind)));
        return org.emoaugnet.util.Lineage.tag(new org.emoaugnet.plot.DegradationCurves(out, org.emoaugnet.plot.DegradationCurves.chance(classes)), study.values().toArray());
    }

    /** The experiment (run folder) name of one model of {@link #study}. */
    public static String experimentName(String corpus, String activation, Recipe recipe, boolean quick) {
        return "robustness-" + corpus + "-" + activation + "-aug-" + recipe.name() + (quick ? "-quick" : "");
    }

    /**
     * What the public augmentation changes under each condition, per activation: the public-4 model against the
     * unaugmented one on the same degraded items ({@link #paired}); one table with an "activation" column.
     */
    public static Table augmentationEffect(String corpus, Path runsRoot, boolean quick) throws IOException {
        java.util.Map<String, Table> byActivation = new java.util.LinkedHashMap<>();
        for (String act : List.of("relu", "elu"))
            byActivation.put(act, paired(runsRoot, experimentName(corpus, act, Recipe.public4(), quick), experimentName(corpus, act, Recipe.none(), quick)));
        return org.emoaugnet.util.Lineage.tag(stacked(byActivation, ResultColumns.ACTIVATION).setName("public-4 (A) against no augmentation (B), paired by seed on the same degraded test recordings"),
                byActivation.values().toArray());
    }

    /** The tables of {@link #study} as one, with a leading "model" column and without the degradation key. */
    public static Table combined(java.util.Map<String, Table> study) {
        return study.isEmpty() ? Table.create("robustness") : org.emoaugnet.util.Lineage.tag(stacked(study, ResultColumns.MODEL).removeColumns(ResultColumns.DEGRADATION).setName("robustness"),
                study.values().toArray());
    }

    /** The tables one below the other, each row led by its table's key in a column named {@code keyColumn}. */
    private static Table stacked(java.util.Map<String, Table> tables, String keyColumn) {
        Table all = null;
        for (var e : tables.entrySet()) {
            Table t = e.getValue().copy();
            t.insertColumn(0, StringColumn.create(keyColumn, java.util.Collections.nCopies(t.rowCount(), e.getKey())));
            all = all == null ? t : all.append(t);
        }
        return all;
    }

    /**
     * Trains (or reads back) the model of {@code cfg} on fold {@code foldIndex} with training seed {@code seed}, then
     * evaluates it under every condition (each evaluation read back when finished). Returns one row per condition from
     * the evaluation records: WA, UA and the per-run 95 % interval of UA over test rows, in %, rounded to 0.01.
     */
    public static Table run(ExperimentConfig cfg, Corpus corpus, int foldIndex, long seed, boolean quick, FeatureCache cache, Path runsRoot) throws IOException {
        Fold fold = ExperimentConfig.foldsOf(cfg, cfg.classSet().apply(corpus), seed).get(foldIndex);
        Model m = new Model(planned(cfg, corpus, fold, seed), cfg.features(), fold, seed, quick);
        SpecJobs specJobs = new SpecJobs(cache, runsRoot);
        Runner.runOrResume(specJobs.job(m.run()));
        Table out = Table.create("robustness", StringColumn.create(ResultColumns.CONDITION), StringColumn.create(ResultColumns.KIND), DoubleColumn.create(ResultColumns.LEVEL),
                StringColumn.create(ResultColumns.DEGRADATION), DoubleColumn.create(ResultColumns.WA), DoubleColumn.create(ResultColumns.UA),
                DoubleColumn.create("UA 95% CI low"), DoubleColumn.create("UA 95% CI high"));
        List<Path> dirs = new ArrayList<>();
        for (Degradation c : m.conditions()) {
            Runner.Job j = specJobs.job(m.evaluation(c.name()));
            RunRecord r = Runner.runOrResume(j);
            dirs.add(j.runDir());
            out.stringColumn(ResultColumns.CONDITION).append(c.name());
            out.stringColumn(ResultColumns.KIND).append(c.kind());
            out.doubleColumn(ResultColumns.LEVEL).append(c.level());
            out.stringColumn(ResultColumns.DEGRADATION).append(c.key());
            out.doubleColumn(ResultColumns.WA).append(r2(100 * r.test().wa()));
            out.doubleColumn(ResultColumns.UA).append(r2(100 * r.test().ua()));
            out.doubleColumn("UA 95% CI low").append(r2(100 * r.test().uaLow()));
            out.doubleColumn("UA 95% CI high").append(r2(100 * r.test().uaHigh()));
        }
        return org.emoaugnet.util.Lineage.tag(out, StudyReport.lineage(dirs));
    }

    /** The folder of the evaluation of the run in {@code runDir} under the condition named {@code condition}. */
    public static Path evaluationDir(Path runDir, String condition) { return runDir.resolve("eval-" + condition); }

    /**
     * Model A against model B under every condition both evaluated, on the same degraded test recordings, seed by
     * seed ({@link Comparison}: the run-level unit is the seed, the primary test the paired t-test over seeds; the
     * item-level difference resamples speakers, then recordings), with Holm-adjusted p-values, the sign-flip check, the
     * power columns and the verdict of {@link StudyReport#comparisonTable} over the family of conditions. Each
     * condition is its own comparison (the same runs scored on other degraded recordings).
     */
    public static Table paired(Path runsRoot, String experimentA, String experimentB) throws IOException {
        List<Path> as = runDirs(runsRoot.resolve(experimentA));
        List<String> classes = Predictions.classesOf(as.get(0));
        java.util.Map<String, Comparison> out = new java.util.LinkedHashMap<>();
        List<Path> used = new ArrayList<>();
        java.util.Map<Path, RunRecord> records = new java.util.HashMap<>();
        for (Path a : as) {
            Path b = runsRoot.resolve(experimentB).resolve(a.getFileName());
            records.put(a, RunRecord.read(a));
            if (RunRecord.finished(b)) {
                records.put(b, RunRecord.read(b));
                if (!records.get(b).classes().equals(classes)) throw new IOException(a + " and " + b + " classify different classes");
            }
        }
        for (String c : conditionsOf(as.get(0))) {
            java.util.Map<String, List<Double>> diffs = new java.util.TreeMap<>();
            List<Path> fa = new ArrayList<>(), fb = new ArrayList<>();
            List<String> specsA = new ArrayList<>(), specsB = new ArrayList<>();
            int unconverged = 0;
            for (Path a : as) {
                Path b = runsRoot.resolve(experimentB).resolve(a.getFileName());
                Path ea = evaluationDir(a, c), eb = evaluationDir(b, c);
                if (!evaluates(ea, records.get(a)) || !records.containsKey(b) || !evaluates(eb, records.get(b))) continue;
                Path pa = ea.resolve(Predictions.FILE), pb = eb.resolve(Predictions.FILE);
                Predictions ra = Predictions.read(pa, classes), rb = Predictions.read(pb, classes);
                if (!ra.items().equals(rb.items())) throw new IOException(pb + " does not hold the items of " + pa + " in the same order");
                diffs.put("seed " + records.get(a).spec().seed(), List.of(100 * (Statistics.ua(ra.truth(), ra.predicted()) - Statistics.ua(rb.truth(), rb.predicted()))));
                fa.add(pa);
                fb.add(pb);
                specsA.add(records.get(a).specSha256());
                specsB.add(records.get(b).specSha256());
                if (!records.get(a).training().converged()) unconverged++;
                if (!records.get(b).training().converged()) unconverged++;
                if (!used.contains(ea)) used.add(ea);
                if (!used.contains(eb)) used.add(eb);
            }
            if (!fa.isEmpty()) out.put(c, Comparison.compute("seed", diffs, fa, fb, classes, "UA", unconverged, SharedRuns.identity(specsA, specsB, c)));
        }
        return org.emoaugnet.util.Lineage.tag(StudyReport.comparisonTable(experimentA + " − " + experimentB + ", UA", out), StudyReport.lineage(used));
    }

    /** The run folders (one per seed) of a robustness experiment: those with a finished evaluation. */
    static List<Path> runDirs(Path experimentDir) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path r : StudyReport.runs(experimentDir)) if (!conditionsOf(r).isEmpty()) out.add(r);
        if (out.isEmpty()) throw new IOException(experimentDir + ": no run with a finished evaluation");
        return out;
    }

    /** The conditions a run has finished evaluations of, in the order of {@link Degradation#rank}. */
    static List<String> conditionsOf(Path runDir) throws IOException {
        RunRecord source = RunRecord.read(runDir);
        List<String> out = new ArrayList<>();
        try (var s = Files.list(runDir)) {
            for (Path e : s.filter(d -> d.getFileName().toString().startsWith("eval-")).toList())
                if (evaluates(e, source)) out.add(RunRecord.read(e).spec().evaluation().condition());
        }
        out.sort(java.util.Comparator.comparingInt(Degradation::rank));
        return out;
    }

    /** Whether {@code evalDir} holds a finished evaluation of the run recorded as {@code source} (its source hash is the run's). */
    private static boolean evaluates(Path evalDir, RunRecord source) throws IOException {
        if (!RunRecord.finished(evalDir)) return false;
        RunSpec s = RunRecord.read(evalDir).spec();
        return s.evaluates() && s.source().sha256().equals(source.specSha256());
    }

    private static double r2(double v) { return Math.round(v * 100) / 100.0; }

    /** Each model's UA change from clean speech under every degradation, as sentences (means over its seeds). */
    public static List<String> sentences(java.util.Map<String, Table> study) {
        List<String> out = new ArrayList<>();
        for (var e : study.entrySet()) {
            Table t = e.getValue();
            Table cleanRows = t.where(t.stringColumn(ResultColumns.KIND).isEqualTo("clean"));
            if (cleanRows.rowCount() == 0) continue;
            double clean = cleanRows.doubleColumn(ResultColumns.UA).get(0);
            StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT, "%s (UA %.1f %% on clean speech, mean over %d seed(s)):",
                    e.getKey(), clean, cleanRows.intColumn(ResultColumns.SEEDS).get(0)));
            String sep = " ";
            for (int i = 0; i < t.rowCount(); i++) {
                if (t.stringColumn(ResultColumns.KIND).get(i).equals("clean")) continue;
                sb.append(sep).append(String.format(java.util.Locale.ROOT, "%s %+.1f", t.stringColumn(ResultColumns.CONDITION).get(i), t.doubleColumn(ResultColumns.UA).get(i) - clean));
                sep = ", ";
            }
            out.add(sb.append(" points.").toString());
        }
        return out;
    }

    /**
     * The augmentation-effect comparisons of {@link #augmentationEffect} as sentences, per activation (each activation
     * its own family): every condition's evidence and verdict ({@link StudyReport#comparisonSentences}, worded by
     * {@link org.emoaugnet.eval.TestVerdict}), then the family's power.
     */
    public static List<String> effectSentences(Table effect) {
        List<String> out = new ArrayList<>();
        for (String act : effect.stringColumn(ResultColumns.ACTIVATION).unique().asList()) {
            Table part = effect.where(effect.stringColumn(ResultColumns.ACTIVATION).isEqualTo(act));
            List<String> s = StudyReport.comparisonSentences(part);
            for (int i = 0; i < s.size(); i++) out.add(act + (i < part.rowCount() ? ", public-4 − none under " : ", public-4 − none: ") + s.get(i));
        }
        return out;
    }
}
