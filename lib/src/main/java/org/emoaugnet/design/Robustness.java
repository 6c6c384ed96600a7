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
import org.emoaugnet.run.ExperimentRunner;
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
import org.emoaugnet.augment.Augmentation;
import org.emoaugnet.augment.Babble;
import org.emoaugnet.augment.Noise;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.augment.Reverb;
import org.emoaugnet.augment.Telephone;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.eval.Metrics;
import org.emoaugnet.eval.Statistics;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureExtraction;
import org.emoaugnet.features.FeatureSet;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.SavedModel;
import org.emoaugnet.model.Trainer;
import org.emoaugnet.util.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import static tech.tablesaw.api.ColumnType.DOUBLE;
import static tech.tablesaw.api.ColumnType.STRING;

/**
 * The paper's untested robustness claim: models trained on clean speech (speaker-independent fold, with or without
 * augmentation, ReLU or ELU) evaluated on their test speakers' recordings degraded at test time — white noise and
 * babble built from the corpus at a sweep of SNRs, reverberation in a synthetic room, and a telephone channel with
 * and without 8-bit μ-law. Each trained model is saved beside its run record ({@code model/}), and every
 * condition's result is appended to {@code robustness.csv}, so an interrupted study resumes.
 */
public final class Robustness {
    /** One test condition; {@code degradation} null for clean speech. {@code level}: SNR in dB, RT60 in s, else NaN. */
    public record Condition(String name, String kind, double level, Augmentation degradation) {}

    private Robustness() {}

    /**
     * The conditions: clean; white noise and babble (4 talkers from {@code babbleSource}) at 20, 10, 5 and 0 dB SNR;
     * reverberation with RT60 0.3 and 0.8 s; telephone band; telephone band with μ-law. Quick: one level of each.
     */
    public static List<Condition> conditions(float[] babblePool, boolean quick) {
        List<Condition> out = new ArrayList<>();
        out.add(new Condition("clean", "clean", Double.NaN, null));
        double[] snrs = quick ? new double[] {10} : new double[] {20, 10, 5, 0};
        for (double s : snrs) out.add(new Condition("white-" + (int) s + "dB", "white noise", s, Noise.snr(s, Noise.Colour.WHITE)));
        Babble b = new Babble(babblePool, 4, 0);
        for (double s : snrs) out.add(new Condition("babble-" + (int) s + "dB", "babble", s, b.atSnr(s)));
        for (double rt : quick ? new double[] {0.5} : new double[] {0.3, 0.8})
            out.add(new Condition("reverb-" + rt + "s", "reverberation", rt, new Reverb(rt, 0)));
        if (!quick) out.add(new Condition("telephone-band", "telephone", Double.NaN, new Telephone(false)));
        out.add(new Condition("telephone-mulaw", "telephone", Double.NaN, new Telephone(true)));
        return out;
    }

    /** Concatenated clips of up to {@code n} recordings (seeded choice), the babble source; never a test recording. */
    public static float[] babblePool(List<Utterance> from, int n, long seed, ExperimentConfig cfg) throws IOException {
        List<Utterance> pick = new ArrayList<>(from);
        java.util.Collections.shuffle(pick, new java.util.Random(seed));
        List<float[]> clips = new ArrayList<>();
        int len = 0;
        for (Utterance u : pick.subList(0, Math.min(n, pick.size()))) {
            float[] c = FeatureExtraction.load(u, cfg.features());
            clips.add(c);
            len += c.length;
        }
        float[] pool = new float[len];
        int at = 0;
        for (float[] c : clips) { System.arraycopy(c, 0, pool, at, c.length); at += c.length; }
        return pool;
    }

    /**
     * The study of notebook 05: four models (ReLU/ELU x no augmentation/public-4) trained on the first
     * speaker-independent fold of {@code primary}, each with every seed of {@link Defaults#robustnessSeeds}, each
     * evaluated under every condition. The models of {@code activations} only (both when empty), so that two processes
     * can share the work. Keys "relu, none" etc.; each table aggregates the model's seeds ({@link #aggregate}).
     */
    public static java.util.Map<String, Table> study(Corpus primary, org.emoaugnet.util.Settings s, FeatureCache cache, Path runsRoot,
                                                      List<String> activations) throws IOException {
        Models design = design(primary.name(), s, activations);
        List<Long> seeds = design.seeds();
        java.util.Map<String, List<Model>> prepared = new java.util.LinkedHashMap<>();
        List<Runner.Job> jobs = new ArrayList<>();
        for (ExperimentConfig cfg : design.experiments()) {
            List<Model> ms = new ArrayList<>();
            for (long seed : seeds) {
                Model m = model(cfg, primary, 0, seed, s.quick(), cache, runsRoot);
                ms.add(m);
                if (needsModel(m, evaluated(m))) jobs.add(m.job());
            }
            prepared.put(cfg.activation() + ", " + cfg.recipe().name(), ms);
        }
        // train the models that are needed and missing, concurrently; then evaluate each under every condition
        Runner.runAll(jobs);
        java.util.Map<String, Table> out = new java.util.LinkedHashMap<>();
        for (var e : prepared.entrySet()) {
            System.out.println("robustness: " + e.getValue().get(0).cfg().name() + " (seeds " + seeds + ")");
            List<Path> done = new ArrayList<>();
            for (Model m : e.getValue()) {
                evaluate(m, cache);
                if (Runner.status(m.job()) == Runner.Status.FINISHED) done.add(m.job().runDir());
            }
            out.put(e.getKey(), aggregate(done, e.getValue().get(0).conditions()));
        }
        return out;
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
                            si.features(), si.layout(), recipe, si.model(), act, si.train(), seeds, si.folds(), si.split()));
            }
            return out;
        }

        @Override
        public String describe() {
            return "the robustness models on " + si.corpus() + (activations.isEmpty() ? "" : " (" + String.join(", ", activations) + ")");
        }

        @Override
        public List<PlannedRun> plan(CorpusSource corpora) throws IOException {
            Corpus corpus = corpora.corpus(si.corpus());
            Corpus kept = si.classSet().apply(corpus);
            List<PlannedRun> out = new ArrayList<>();
            for (ExperimentConfig cfg : experiments())
                for (long seed : seeds) out.add(planned(cfg, corpus, ExperimentConfig.foldsOf(cfg, kept, seed).get(0), seed));
            return out;
        }
    }

    /** The training run of one robustness model: {@code cfg}'s run on {@code fold} with training seed {@code seed}, its network kept. */
    static PlannedRun planned(ExperimentConfig cfg, Corpus corpus, Fold fold, long seed) {
        return new PlannedRun(cfg.name(), cfg.spec(fold.name(), seed, DataManifest.of(cfg.classSet().apply(corpus).utterances())), List.of(corpus), true);
    }

    /**
     * One row per condition every run has evaluated: its seeds, WA and UA as means over the seeds' runs (unrounded),
     * the s.d. of UA over seeds, and UA over the test recordings (each once, seeds averaged) with its 95 % interval
     * resampling speakers, then recordings. Computed from the kept predictions.
     */
    static Table aggregate(List<Path> runDirs, List<Condition> conds) throws IOException {
        Table t = Table.create("robustness", StringColumn.create(ResultColumns.CONDITION), StringColumn.create(ResultColumns.KIND), DoubleColumn.create(ResultColumns.LEVEL),
                StringColumn.create(ResultColumns.DEGRADATION), tech.tablesaw.api.IntColumn.create(ResultColumns.SEEDS), DoubleColumn.create(ResultColumns.WA), DoubleColumn.create(ResultColumns.UA),
                DoubleColumn.create(ResultColumns.UA_SD_OVER_SEEDS), DoubleColumn.create(ResultColumns.UA_RECORDINGS), DoubleColumn.create(ResultColumns.UA_LOW),
                DoubleColumn.create(ResultColumns.UA_HIGH));
        if (runDirs.isEmpty()) return t;
        List<String> classes = Predictions.classesOf(runDirs.get(0));
        for (Condition c : conds) {
            List<Path> files = runDirs.stream().map(d -> predictionsFile(d, c.name())).toList();
            if (!files.stream().allMatch(Files::isRegularFile)) continue;
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
            t.stringColumn(ResultColumns.DEGRADATION).append(c.degradation() == null ? "none" : c.degradation().key());
            t.intColumn(ResultColumns.SEEDS).append(files.size());
            t.doubleColumn(ResultColumns.WA).append(Statistics.meanSd(wa).mean());
            t.doubleColumn(ResultColumns.UA).append(Statistics.meanSd(ua).mean());
            t.doubleColumn(ResultColumns.UA_SD_OVER_SEEDS).append(Statistics.meanSd(ua).sd());
            t.doubleColumn(ResultColumns.UA_RECORDINGS).append(100 * cl.estimate());
            t.doubleColumn(ResultColumns.UA_LOW).append(100 * cl.low());
            t.doubleColumn(ResultColumns.UA_HIGH).append(100 * cl.high());
        }
        return org.emoaugnet.util.Lineage.tag(t, StudyReport.lineage(runDirs));
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
        return study.isEmpty() ? empty() : org.emoaugnet.util.Lineage.tag(stacked(study, ResultColumns.MODEL).removeColumns(ResultColumns.DEGRADATION).setName("robustness"),
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
     * Trains (or loads) the model of {@code cfg} on fold {@code foldIndex} with training seed {@code seed}, then
     * evaluates it under every condition not yet in its {@code robustness.csv}. Returns that table.
     */
    public static Table run(ExperimentConfig cfg, Corpus corpus, int foldIndex, long seed, boolean quick, FeatureCache cache, Path runsRoot) throws IOException {
        return evaluate(model(cfg, corpus, foldIndex, seed, quick, cache, runsRoot), cache);
    }

    /** One robustness model: its configuration, fold and seed, its training job, and the conditions it is evaluated under. */
    private record Model(ExperimentConfig cfg, Fold fold, long seed, Runner.Job job, List<Condition> conditions) {}

    private static Model model(ExperimentConfig cfg, Corpus corpus, int foldIndex, long seed, boolean quick, FeatureCache cache, Path runsRoot) throws IOException {
        Corpus kept = cfg.classSet().apply(corpus);
        Fold fold = ExperimentConfig.foldsOf(cfg, kept, seed).get(foldIndex);
        Runner.Job job = new SpecJobs(cache, runsRoot).job(planned(cfg, corpus, fold, seed));
        return new Model(cfg, fold, seed, job, conditions(babblePool(fold.train(), 24, seed, cfg), quick));
    }

    /** Evaluates the model under every condition not yet in its {@code robustness.csv} (training or loading it only when one is missing). */
    private static Table evaluate(Model md, FeatureCache cache) throws IOException {
        ExperimentConfig cfg = md.cfg();
        ClassSet cs = cfg.classSet();
        List<String> classes = cs.classes();
        Fold fold = md.fold();
        long seed = md.seed();
        Runner.Job job = md.job();
        Path dir = job.runDir();
        List<Condition> conds = md.conditions();
        Table out = evaluated(md);
        if (!needsModel(md, out)) return org.emoaugnet.util.Lineage.tag(inOrder(out, conds), StudyReport.lineage(List.of(dir)));
        if (!Runner.trainingEnabled() && (Runner.status(job) != Runner.Status.FINISHED || !Files.isDirectory(dir.resolve("model")))) {
            System.err.println("[robustness] " + job.label() + ": training is off (EMOAUG_TRAIN=0) and its model is missing; "
                    + out.rowCount() + " of " + conds.size() + " conditions evaluated");
            return org.emoaugnet.util.Lineage.tag(inOrder(out, conds), Runner.status(job) == Runner.Status.FINISHED ? StudyReport.lineage(List.of(dir)) : List.of());
        }
        if (Runner.status(job) != Runner.Status.FINISHED) out = empty();   // a new model: earlier evaluations belonged to another one
        Runner.runOrResume(job);
        SavedModel saved = SavedModel.load(dir.resolve("model"), cfg.features().key());
        Path csv = dir.resolve("robustness.csv");
        List<String> have = out.stringColumn(ResultColumns.CONDITION).asList();
        java.util.function.ToIntFunction<FeatureSet.Row> label = r -> classes.indexOf(cs.classOf(r.source()));
        for (Condition c : conds) {
            if (have.contains(c.name())) continue;
            Recipe recipe = c.degradation() == null ? Recipe.none() : new Recipe(c.name(), List.of(c.degradation()));
            FeatureSet set = FeatureExtraction.extract(fold.test(), cfg.features(), recipe, ExperimentRunner.AUGMENTATION_SEED + 1000, cache);
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) all.add(i);
            Dataset test = Dataset.of(set, all, cfg.layout(), saved.scaler(), label);
            int[] pred = Trainer.predict(saved.net(), test, 256);
            Metrics m = Metrics.of(classes, test.y(), pred);
            Statistics.Interval ui = Statistics.bootstrap(test.y(), pred, Statistics::ua, 1000, 0.05, seed);
            Predictions.write(predictionsFile(dir, c.name()), test, pred, classes);
            out.stringColumn(ResultColumns.CONDITION).append(c.name());
            out.stringColumn(ResultColumns.KIND).append(c.kind());
            out.doubleColumn(ResultColumns.LEVEL).append(c.level());
            out.stringColumn(ResultColumns.DEGRADATION).append(c.degradation() == null ? "none" : c.degradation().key());
            out.doubleColumn(ResultColumns.WA).append(r2(100 * m.wa()));
            out.doubleColumn(ResultColumns.UA).append(r2(100 * m.ua()));
            out.doubleColumn("UA 95% CI low").append(r2(100 * ui.low()));
            out.doubleColumn("UA 95% CI high").append(r2(100 * ui.high()));
            out = inOrder(out, conds);
            Tables.saveCsv(out, csv);
        }
        return org.emoaugnet.util.Lineage.tag(out, StudyReport.lineage(List.of(dir)));
    }

    public static Path predictionsFile(Path runDir, String condition) { return runDir.resolve("predictions-" + condition + ".csv"); }

    /** The rows of {@code t} in the order of {@code conds} (conditions not in {@code t} left out). */
    private static Table inOrder(Table t, List<Condition> conds) {
        List<String> have = t.stringColumn(ResultColumns.CONDITION).asList();
        return t.rows(conds.stream().mapToInt(c -> have.indexOf(c.name())).filter(i -> i >= 0).toArray()).setName("robustness");
    }

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
        Table ta = Table.read().usingOptions(tech.tablesaw.io.csv.CsvReadOptions.builder(as.get(0).resolve("robustness.csv").toFile())
                .columnTypesToDetect(List.of(STRING)));
        java.util.Map<Path, RunRecord> records = new java.util.HashMap<>();
        for (Path a : as) {
            Path b = runsRoot.resolve(experimentB).resolve(a.getFileName());
            records.put(a, RunRecord.read(a));
            if (RunRecord.finished(b)) {
                records.put(b, RunRecord.read(b));
                if (!records.get(b).classes().equals(classes)) throw new IOException(a + " and " + b + " classify different classes");
            }
        }
        for (String c : ta.stringColumn(ResultColumns.CONDITION).asList()) {
            java.util.Map<String, List<Double>> diffs = new java.util.TreeMap<>();
            List<Path> fa = new ArrayList<>(), fb = new ArrayList<>();
            List<String> specsA = new ArrayList<>(), specsB = new ArrayList<>();
            int unconverged = 0;
            for (Path a : as) {
                Path b = runsRoot.resolve(experimentB).resolve(a.getFileName());
                Path pa = predictionsFile(a, c), pb = predictionsFile(b, c);
                if (!Files.isRegularFile(pa) || !Files.isRegularFile(pb) || !records.containsKey(b)) continue;
                Predictions ra = Predictions.read(pa, classes), rb = Predictions.read(pb, classes);
                if (!ra.items().equals(rb.items())) throw new IOException(pb + " does not hold the items of " + pa + " in the same order");
                diffs.put("seed " + records.get(a).spec().seed(), List.of(100 * (Statistics.ua(ra.truth(), ra.predicted()) - Statistics.ua(rb.truth(), rb.predicted()))));
                fa.add(pa);
                fb.add(pb);
                specsA.add(records.get(a).specSha256());
                specsB.add(records.get(b).specSha256());
                if (!records.get(a).training().converged()) unconverged++;
                if (!records.get(b).training().converged()) unconverged++;
                if (!used.contains(a)) used.add(a);
                if (!used.contains(b)) used.add(b);
            }
            if (!fa.isEmpty()) out.put(c, Comparison.compute("seed", diffs, fa, fb, classes, "UA", unconverged, SharedRuns.identity(specsA, specsB, c)));
        }
        return org.emoaugnet.util.Lineage.tag(StudyReport.comparisonTable(experimentA + " − " + experimentB + ", UA", out), StudyReport.lineage(used));
    }

    /** The run folders (one per seed) of a robustness experiment: those holding robustness.csv. */
    static List<Path> runDirs(Path experimentDir) throws IOException {
        List<Path> out;
        try (var s = Files.list(experimentDir)) {
            out = s.filter(x -> Files.isRegularFile(x.resolve("robustness.csv"))).sorted().toList();
        }
        if (out.isEmpty()) throw new IOException(experimentDir + ": no run with a robustness.csv");
        return out;
    }

    private static double r2(double v) { return Math.round(v * 100) / 100.0; }

    private static Table empty() {
        return Table.create("robustness", StringColumn.create(ResultColumns.CONDITION), StringColumn.create(ResultColumns.KIND), DoubleColumn.create(ResultColumns.LEVEL),
                StringColumn.create(ResultColumns.DEGRADATION), DoubleColumn.create(ResultColumns.WA), DoubleColumn.create(ResultColumns.UA),
                DoubleColumn.create("UA 95% CI low"), DoubleColumn.create("UA 95% CI high"));
    }

    /** The conditions already evaluated for the model's finished run (row and predictions both present); empty otherwise. */
    private static Table evaluated(Model m) throws IOException {
        Path dir = m.job().runDir(), csv = dir.resolve("robustness.csv");
        Table out = empty();
        if (Runner.status(m.job()) != Runner.Status.FINISHED || !Files.isRegularFile(csv)) return out;
        Table done = Table.read().usingOptions(tech.tablesaw.io.csv.CsvReadOptions.builder(csv.toFile())
                .columnTypes(new tech.tablesaw.api.ColumnType[] {STRING, STRING, DOUBLE, STRING, DOUBLE, DOUBLE, DOUBLE, DOUBLE}));
        for (int i = 0; i < done.rowCount(); i++)
            if (Files.isRegularFile(predictionsFile(dir, done.stringColumn(ResultColumns.CONDITION).get(i)))) out.append(done.rows(i));
        return out;
    }

    /**
     * Whether evaluating the model still needs its trained network: some of its conditions are not in {@code evaluated}.
     * A finished run whose weights are gone (they are not committed) is then superseded, so that it trains again.
     */
    private static boolean needsModel(Model m, Table evaluated) throws IOException {
        List<String> done = evaluated.stringColumn(ResultColumns.CONDITION).asList();
        if (m.conditions().stream().allMatch(c -> done.contains(c.name()))) return false;
        if (Runner.trainingEnabled() && Runner.status(m.job()) == Runner.Status.FINISHED && !Files.isDirectory(m.job().runDir().resolve("model")))
            Runner.supersede(m.job().runDir(), "its model weights are missing and conditions remain to be evaluated");
        return true;
    }

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
