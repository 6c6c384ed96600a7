package org.emoaugnet.experiment;

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
import org.emoaugnet.util.AtomicFiles;
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
     * speaker-independent fold of {@code primary} with seed 1, each evaluated under every condition. The models of
     * {@code activations} only (both when empty), so that two processes can share the work. Keys "relu, none" etc.
     */
    public static java.util.Map<String, Table> study(Corpus primary, org.emoaugnet.util.Settings s, FeatureCache cache, Path runsRoot,
                                                      List<String> activations) throws IOException {
        ExperimentConfig si = Study.configs(primary.name(), s).stream()
                .filter(c -> c.protocol() == Protocol.SPEAKER_INDEPENDENT && c.activation().equals("relu")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no speaker-independent configuration for " + primary.name()));
        java.util.Map<String, ExperimentConfig> models = new java.util.LinkedHashMap<>();
        for (String act : List.of("relu", "elu")) {
            if (!activations.isEmpty() && !activations.contains(act)) continue;
            for (Recipe recipe : List.of(Recipe.none(), Recipe.public4()))
                models.put(act + ", " + recipe.name(), new ExperimentConfig(experimentName(primary.name(), act, recipe, s.quick()),
                        si.corpus(), si.classSet(), si.protocol(), si.features(), si.layout(), recipe, si.model(), act, si.train(), List.of(1L), si.folds()));
        }
        // train the models that are needed and missing, concurrently; then evaluate each under every condition
        java.util.Map<String, Model> prepared = new java.util.LinkedHashMap<>();
        List<Runner.Job> jobs = new ArrayList<>();
        for (var e : models.entrySet()) {
            Model m = model(e.getValue(), primary, 0, 1L, s.quick(), cache, runsRoot);
            prepared.put(e.getKey(), m);
            if (needsModel(m, evaluated(m))) jobs.add(m.job());
        }
        Runner.runAll(jobs);
        java.util.Map<String, Table> out = new java.util.LinkedHashMap<>();
        for (var e : prepared.entrySet()) {
            System.out.println("robustness: " + e.getValue().cfg().name());
            out.put(e.getKey(), evaluate(e.getValue(), cache));
        }
        return out;
    }

    /**
     * The UA-vs-level curve of one kind of degradation ("white noise", "babble") from a model's table, ascending in
     * level, with the clean result appended at {@code cleanAt} (e.g. 30 dB). Returns {x, y}.
     */
    public static double[][] curve(Table t, String kind, double cleanAt) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            String k = t.stringColumn("kind").get(i);
            if (k.equals(kind)) pts.add(new double[] {t.doubleColumn("level").get(i), t.doubleColumn("UA (%)").get(i)});
            else if (k.equals("clean")) pts.add(new double[] {cleanAt, t.doubleColumn("UA (%)").get(i)});
        }
        pts.sort(java.util.Comparator.comparingDouble(p -> p[0]));
        return new double[][] {pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray()};
    }

    /**
     * The UA-vs-level curves of one kind of degradation for every model of a {@link #study} (see {@link #curve}), keyed
     * like the study, carrying the models' runs as lineage.
     */
    public static java.util.Map<String, double[][]> curves(java.util.Map<String, Table> study, String kind, double cleanAt) {
        java.util.Map<String, double[][]> out = new java.util.LinkedHashMap<>();
        study.forEach((k, t) -> out.put(k, curve(t, kind, cleanAt)));
        return org.emoaugnet.util.Lineage.tag(out, study.values().toArray());
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
        return org.emoaugnet.util.Lineage.tag(stacked(byActivation, "activation").setName("public-4 (A) against no augmentation (B), paired on the same degraded test items"),
                byActivation.values().toArray());
    }

    /** The tables of {@link #study} as one, with a leading "model" column and without the degradation key. */
    public static Table combined(java.util.Map<String, Table> study) {
        return study.isEmpty() ? empty() : org.emoaugnet.util.Lineage.tag(stacked(study, "model").removeColumns("degradation").setName("robustness"),
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
        Fold fold = ExperimentRunner.folds(cfg, kept, seed).get(foldIndex);
        return new Model(cfg, fold, seed, modelJob(cfg, kept, fold, seed, cache, runsRoot), conditions(babblePool(fold.train(), 24, seed, cfg), quick));
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
        if (Runner.status(job) != Runner.Status.FINISHED) out = empty();   // a new model: earlier evaluations belonged to another one
        Runner.runOrResume(job);
        SavedModel saved = SavedModel.load(dir.resolve("model"), cfg.features().key());
        Path csv = dir.resolve("robustness.csv");
        List<String> have = out.stringColumn("condition").asList();
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
            ExperimentRunner.savePredictions(predictionsFile(dir, c.name()), test, pred, classes);
            out.stringColumn("condition").append(c.name());
            out.stringColumn("kind").append(c.kind());
            out.doubleColumn("level").append(c.level());
            out.stringColumn("degradation").append(c.degradation() == null ? "none" : c.degradation().key());
            out.doubleColumn("WA (%)").append(r2(100 * m.wa()));
            out.doubleColumn("UA (%)").append(r2(100 * m.ua()));
            out.doubleColumn("UA 95% CI low").append(r2(100 * ui.low()));
            out.doubleColumn("UA 95% CI high").append(r2(100 * ui.high()));
            out = inOrder(out, conds);
            Tables.saveCsv(out, csv);
        }
        return org.emoaugnet.util.Lineage.tag(out, StudyReport.lineage(List.of(dir)));
    }

    static Path predictionsFile(Path runDir, String condition) { return runDir.resolve("predictions-" + condition + ".csv"); }

    /** The rows of {@code t} in the order of {@code conds} (conditions not in {@code t} left out). */
    private static Table inOrder(Table t, List<Condition> conds) {
        List<String> have = t.stringColumn("condition").asList();
        return t.rows(conds.stream().mapToInt(c -> have.indexOf(c.name())).filter(i -> i >= 0).toArray()).setName("robustness");
    }

    /**
     * Model A against model B under every condition both evaluated, paired on the same degraded test items: UA of
     * each, ΔUA = A − B with its 95 % bootstrap interval, the permutation p-value and McNemar's p.
     */
    public static Table paired(Path runsRoot, String experimentA, String experimentB) throws IOException {
        Path a = runDir(runsRoot.resolve(experimentA)), b = runDir(runsRoot.resolve(experimentB));
        StringColumn cond = StringColumn.create("condition");
        DoubleColumn uaA = DoubleColumn.create("UA A (%)"), uaB = DoubleColumn.create("UA B (%)"), d = DoubleColumn.create("ΔUA A−B (points)"),
                lo = DoubleColumn.create("ΔUA 95% CI low"), hi = DoubleColumn.create("ΔUA 95% CI high"), p = DoubleColumn.create("p permutation"),
                mc = DoubleColumn.create("p McNemar");
        List<String> ca = StudyReport.classes(a), cb = StudyReport.classes(b);
        if (!ca.equals(cb)) throw new IOException(a + " and " + b + " classify different classes: " + ca + " vs " + cb);
        Table ta = Table.read().usingOptions(tech.tablesaw.io.csv.CsvReadOptions.builder(a.resolve("robustness.csv").toFile())
                .columnTypesToDetect(List.of(STRING)));
        for (String c : ta.stringColumn("condition").asList()) {
            Path fa = predictionsFile(a, c), fb = predictionsFile(b, c);
            if (!Files.isRegularFile(fa) || !Files.isRegularFile(fb)) continue;
            StudyReport.Predictions ra = StudyReport.readPredictions(fa, ca), rb = StudyReport.readPredictions(fb, cb);
            if (!ra.items().equals(rb.items())) throw new IOException(fb + " does not hold the items of " + fa + " in the same order");
            int[] truth = ra.truth(), pa = ra.predicted(), pb = rb.predicted();
            Statistics.PairedTest t = Statistics.paired(truth, pa, pb, Statistics::ua, 1000, 1);
            cond.append(c);
            uaA.append(r2(100 * Statistics.ua(truth, pa)));
            uaB.append(r2(100 * Statistics.ua(truth, pb)));
            d.append(r2(100 * t.difference().estimate()));
            lo.append(r2(100 * t.difference().low()));
            hi.append(r2(100 * t.difference().high()));
            p.append(Math.round(t.pValue() * 10000) / 10000.0);
            mc.append(Math.round(Statistics.mcnemar(truth, pa, pb).pValue() * 10000) / 10000.0);
        }
        return org.emoaugnet.util.Lineage.tag(Table.create(experimentA + " vs " + experimentB, cond, uaA, uaB, d, lo, hi, p, mc), StudyReport.lineage(List.of(a, b)));
    }

    /** The run folder (fold and seed) of a robustness experiment: the one holding robustness.csv. */
    static Path runDir(Path experimentDir) throws IOException {
        try (var s = Files.list(experimentDir)) {
            return s.filter(x -> Files.isRegularFile(x.resolve("robustness.csv"))).findFirst()
                    .orElseThrow(() -> new IOException(experimentDir + ": no run with a robustness.csv"));
        }
    }

    private static double r2(double v) { return Math.round(v * 100) / 100.0; }

    private static Table empty() {
        return Table.create("robustness", StringColumn.create("condition"), StringColumn.create("kind"), DoubleColumn.create("level"),
                StringColumn.create("degradation"), DoubleColumn.create("WA (%)"), DoubleColumn.create("UA (%)"),
                DoubleColumn.create("UA 95% CI low"), DoubleColumn.create("UA 95% CI high"));
    }

    /** The training run of one robustness model as a job: the experiment runner's computation, plus the model saved beside the record. */
    private static Runner.Job modelJob(ExperimentConfig cfg, Corpus kept, Fold fold, long seed, FeatureCache cache, Path runsRoot) {
        ClassSet cs = cfg.classSet();
        List<Utterance> used = new ArrayList<>(fold.train());
        used.addAll(fold.validation());
        used.addAll(fold.test());
        return new Runner.Job(cfg.spec(fold.name(), seed, DataManifest.of(kept.utterances())), cfg.name(),
                runsRoot.resolve(cfg.name()).resolve(ExperimentRunner.runName(fold, seed)), tmp -> {
                    FeatureSet set = FeatureExtraction.extract(used, cfg.features(), cfg.recipe(), ExperimentRunner.AUGMENTATION_SEED, cache);
                    ExperimentRunner.Trained t = ExperimentRunner.compute(cfg, set, fold, seed, cs.classes(), tmp);
                    t.model().save(tmp.resolve("model"));
                    return t.computed();
                });
    }

    /** The conditions already evaluated for the model's finished run (row and predictions both present); empty otherwise. */
    private static Table evaluated(Model m) throws IOException {
        Path dir = m.job().runDir(), csv = dir.resolve("robustness.csv");
        Table out = empty();
        if (Runner.status(m.job()) != Runner.Status.FINISHED || !Files.isRegularFile(csv)) return out;
        Table done = Table.read().usingOptions(tech.tablesaw.io.csv.CsvReadOptions.builder(csv.toFile())
                .columnTypes(new tech.tablesaw.api.ColumnType[] {STRING, STRING, DOUBLE, STRING, DOUBLE, DOUBLE, DOUBLE, DOUBLE}));
        for (int i = 0; i < done.rowCount(); i++)
            if (Files.isRegularFile(predictionsFile(dir, done.stringColumn("condition").get(i)))) out.append(done.rows(i));
        return out;
    }

    /**
     * Whether evaluating the model still needs its trained network: some of its conditions are not in {@code evaluated}.
     * A finished run whose weights are gone (they are not committed) is then superseded, so that it trains again.
     */
    private static boolean needsModel(Model m, Table evaluated) throws IOException {
        List<String> done = evaluated.stringColumn("condition").asList();
        if (m.conditions().stream().allMatch(c -> done.contains(c.name()))) return false;
        if (Runner.status(m.job()) == Runner.Status.FINISHED && !Files.isDirectory(m.job().runDir().resolve("model")))
            Runner.supersede(m.job().runDir(), "its model weights are missing and conditions remain to be evaluated");
        return true;
    }
}
