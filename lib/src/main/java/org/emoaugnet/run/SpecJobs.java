package org.emoaugnet.run;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureExtraction;
import org.emoaugnet.features.FeatureSet;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.Dataset;

/**
 * The one way from a {@link RunSpec} to the runner's unit of work: {@link #job} turns a {@link PlannedRun} into a
 * {@link Runner.Job} computing the spec into {@code runsRoot/<experiment>/<run>}. Every driver goes through it: the
 * designs' runs ({@link Design#run}), the Spark sweep's tasks, and the re-run of a recorded run ({@link #verify}).
 *
 * <p>The spec is resolved, never converted into another description: its composite fields by their canonical keys
 * among the suite's known feature specifications, recipes and class sets ({@link Parts#of}; a key that matches none
 * is an error naming it), its fold from the protocol, fold set and split constants ({@link ExperimentRunner#folds}),
 * looked up by name. Features are extracted once per (corpus, class set, features, recipe) for all the jobs of one
 * {@code SpecJobs}, by the first job that needs them.
 */
public final class SpecJobs {
    private final FeatureCache cache;
    private final Path runsRoot;
    private final boolean retryFailed;
    private final Map<String, Supplier<FeatureSet>> features = new LinkedHashMap<>();
    private final FoldMemo folds = new FoldMemo();
    private final Map<String, List<Degradation>> degradations = new LinkedHashMap<>();

    /** Jobs that extract into {@code cache} and record under {@code runsRoot}, and fail a run that failed before ({@link Runner.Job#retryFailed}: false). */
    public SpecJobs(FeatureCache cache, Path runsRoot) { this(cache, runsRoot, false); }

    /**
     * Jobs that extract into {@code cache} and record under {@code runsRoot}; with {@code retryFailed} (the setting
     * {@code retry_failed}) a run whose earlier attempt failed is trained again, otherwise it fails at once naming that
     * failure ({@link Runner#runOrResume}).
     */
    public SpecJobs(FeatureCache cache, Path runsRoot, boolean retryFailed) {
        this.cache = cache;
        this.runsRoot = runsRoot;
        this.retryFailed = retryFailed;
    }

    /**
     * The typed parameters a spec names by key: the one place where a spec's class set, features and recipe keys
     * become objects (among the suite's known class sets, feature specifications and recipes), each failing with an
     * error that names the key. Every reader of a spec's keys (the jobs, {@link SplitDerivation}) resolves them here.
     */
    public record Parts(ClassSet classSet, FeatureSpec features, Recipe recipe, Dataset.Layout layout) {
        public static Parts of(RunSpec spec) {
            return new Parts(SpecJobs.classSet(spec.classSet()), SpecJobs.features(spec.features()), SpecJobs.recipe(spec.recipe()), spec.layout());
        }
    }

    /**
     * The folder name of a run under its experiment: {@code <fold>-seed<s>} within a corpus, {@code seed<s>} across
     * corpora, {@code eval-<condition>} for an evaluation (whose experiment is the evaluated run's {@code <experiment>/<run>},
     * see {@link PlannedRun#evaluation}).
     */
    public static String runName(RunSpec spec) {
        if (spec.evaluates()) return "eval-" + spec.evaluation().condition();
        return spec.crossCorpus() ? "seed" + spec.seed() : spec.fold() + "-seed" + spec.seed();
    }

    /** {@link #job} of every planned run, in plan order. */
    public List<Runner.Job> jobs(List<PlannedRun> plan) throws IOException {
        List<Runner.Job> out = new ArrayList<>();
        for (PlannedRun p : plan) out.add(job(p));
        return out;
    }

    /**
     * The job that computes {@code run}'s spec. Its spec is the planned one over the recordings the corpora hold now,
     * with the engine of its experiment ({@link RunSpec#planned}: this checkout's revisions unless the experiment is
     * pinned to another engine, whose runs the {@link Runner} reads back but never trains): a design's spec unchanged,
     * a recorded spec as it would be recorded today.
     */
    public Runner.Job job(PlannedRun run) throws IOException {
        RunSpec spec = run.spec();
        Parts parts = Parts.of(spec);
        Path dir = runsRoot.resolve(run.experiment()).resolve(runName(spec));
        String experiment = run.experiment();
        if (spec instanceof RunSpec.Within w) {
            Corpus kept = parts.classSet().apply(run.corpus(w.corpus()));
            RunSpec.Within now = w.planned(experiment, DataManifest.of(kept.utterances()));
            Fold fold = folds.of(now, parts.classSet(), kept);
            Supplier<FeatureSet> set = features(kept.name(), kept.utterances(), parts.classSet(), parts.features(), parts.recipe());
            boolean keep = run.keepModel();
            return new Runner.Job(now, experiment, dir, tmp -> {
                ExperimentRunner.Trained t = ExperimentRunner.compute(experiment, now, parts, set.get(), fold, tmp);
                if (keep) t.model().save(tmp.resolve("model"));
                return t.computed();
            }, retryFailed);
        }
        if (spec instanceof RunSpec.Across a) {
            List<Utterance> xs = parts.classSet().apply(run.corpus(a.corpus())).utterances(),
                    ys = parts.classSet().apply(run.corpus(a.testCorpus())).utterances();
            List<Utterance> both = new ArrayList<>(xs);
            both.addAll(ys);
            RunSpec.Across now = a.planned(experiment, DataManifest.of(both));
            Supplier<FeatureSet> fx = features(a.corpus(), xs, parts.classSet(), parts.features(), parts.recipe()),
                    fy = features(a.testCorpus(), ys, parts.classSet(), parts.features(), Recipe.none());
            return new Runner.Job(now, experiment, dir, tmp -> CrossCorpus.compute(experiment, now, parts, xs, ys, fx.get(), fy.get(), tmp), retryFailed);
        }
        RunSpec.Evaluated ev = (RunSpec.Evaluated) spec;   // the sealed type's third and last variant
        PlannedRun of = run.evaluated();
        Runner.Job source = job(of);
        RunSpec.Evaluated now = RunSpec.evaluation(source.spec(), ev.evaluation());
        Corpus kept = parts.classSet().apply(run.corpus(ev.corpus()));
        Fold fold = folds.of(source.spec(), parts.classSet(), kept);
        RunSpec.Evaluation e = ev.evaluation();
        return new Runner.Job(now, experiment, dir, tmp -> Evaluations.compute(now, parts, fold,
                degradation(e.degradation(), fold, now.seed(), parts.features()), source, scratch -> new SpecJobs(cache, scratch).job(of), cache, tmp),
                retryFailed);
    }

    /**
     * How many recordings the run of {@code run} trains on (its fold's training side, validation speakers out; each
     * becomes one training row per copy of its recipe), computed as its job would, without features or training; 0 for
     * an evaluation, which trains nothing. What a plan's cost is estimated from.
     */
    public int trainingRecordings(PlannedRun run) throws IOException {
        RunSpec spec = run.spec();
        if (spec.evaluates()) return 0;
        ClassSet cs = Parts.of(spec).classSet();
        if (spec instanceof RunSpec.Across a) {
            List<Utterance> xs = cs.apply(run.corpus(a.corpus())).utterances(), ys = cs.apply(run.corpus(a.testCorpus())).utterances();
            return CrossCorpus.fold(run.experiment(), a, cs, xs, ys).train().size();
        }
        Corpus kept = cs.apply(run.corpus(spec.corpus()));
        return folds.of(spec, cs, kept).train().size();
    }

    /** The robustness condition of key {@code key} for the model trained on {@code fold} with {@code seed} (its babble pool built once per fold and seed). */
    private Degradation degradation(String key, Fold fold, long seed, FeatureSpec spec) throws IOException {
        String k = fold.name() + "|" + DataManifest.of(fold.train()).sha256() + "|" + seed + "|" + spec.key();
        List<Degradation> all;
        synchronized (degradations) {
            all = degradations.get(k);
            if (all == null) degradations.put(k, all = Degradation.all(fold.train(), seed, spec));
        }
        for (Degradation d : all) if (d.key().equals(key)) return d;
        throw new IOException("degradation '" + key + "' is none of the robustness conditions of the model trained on " + fold.name() + " with seed " + seed);
    }

    /** The feature set of these recordings, extracted once for every job of this instance that needs it. */
    private synchronized Supplier<FeatureSet> features(String corpus, List<Utterance> us, ClassSet cs, FeatureSpec spec, Recipe recipe) {
        String key = corpus + "|" + DataManifest.of(us).sha256() + "|" + RunSpec.classSetKey(cs) + "|" + spec.key() + "|" + recipe.key();
        return features.computeIfAbsent(key, k -> ExperimentRunner.once(() -> FeatureExtraction.extract(us, spec, recipe, ExperimentRunner.AUGMENTATION_SEED, cache)));
    }

    /**
     * One feature set planned runs need: the recordings of one corpus's classes, its features and its augmentation
     * recipe, extracted into a feature cache. Any slice of the recordings can be extracted on its own: cache entries
     * are per recording and copy, so slices computed anywhere fill the same cache a run reads.
     */
    public record FeatureWork(String key, List<Utterance> utterances, FeatureSpec spec, Recipe recipe, FeatureCache cache) {
        public int size() { return utterances.size(); }

        /** Extracts recordings {@code from} (inclusive) to {@code to} (exclusive) into the cache. */
        public FeatureSet extract(int from, int to) throws IOException {
            return FeatureExtraction.extract(utterances.subList(from, to), spec, recipe, ExperimentRunner.AUGMENTATION_SEED, cache);
        }
    }

    /** The distinct feature sets the planned runs train and test on (runs that differ only in training share one). */
    public static List<FeatureWork> featureWork(List<PlannedRun> plan, FeatureCache cache) {
        Map<String, FeatureWork> byKey = new LinkedHashMap<>();
        for (PlannedRun p : plan) {
            RunSpec s = p.spec();
            Parts parts = Parts.of(s);
            List<String> corpora = s.corpusNames();
            for (String name : corpora) {
                Recipe recipe = name.equals(s.corpus()) ? parts.recipe() : Recipe.none();   // a cross-corpus run's test corpus is never augmented
                String key = name + "|" + s.classSet() + "|" + s.features() + "|" + recipe.key();
                byKey.computeIfAbsent(key, k -> new FeatureWork(k, parts.classSet().apply(p.corpus(name)).utterances(), parts.features(), recipe, cache));
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * What re-running a recorded run gave: the run re-made beside its record ({@code remade}: the recorded and the
     * re-made spec hash and predictions), the hash the record's spec has as a run made now records it
     * ({@code expectedSpec}: the recorded one but for a run-spec/2 record of this engine, whose thread count run-spec/3
     * leaves out), and, for an evaluation, its evaluated run made again first ({@code evaluatedRun}; empty for a
     * training run).
     */
    public record Verification(String run, String expectedSpec, Remade remade, java.util.Optional<Remade> evaluatedRun) {
        public Verification { java.util.Objects.requireNonNull(evaluatedRun, "evaluatedRun (empty for a training run)"); }

        /** The spec hash the record holds. */
        public String recordedSpec() { return remade.recorded().specSha256(); }

        /** The spec hash of the run made again. */
        public String recomputedSpec() { return remade.now().specSha256(); }

        /** Whether the re-made run has the record's spec (as run-spec/3). */
        public boolean sameSpec() { return expectedSpec.equals(recomputedSpec()); }

        /** Whether the re-made run has the record's predictions. */
        public boolean samePredictions() { return remade.samePredictions(); }

        /** Whether everything re-made matched its record: the spec, the predictions and, for an evaluation, its evaluated run's predictions. */
        public boolean reproduced() { return sameSpec() && samePredictions() && evaluatedRun.map(Remade::samePredictions).orElse(true); }

        public String text() {
            String recordedSpec = recordedSpec(), as = recordedSpec.equals(expectedSpec) ? "" : " (the record's " + RunSpec.VERSION_2 + " spec "
                    + recordedSpec.substring(0, 12) + " as " + RunSpec.VERSION + ", without its thread count)";
            String source = evaluatedRun.map(r -> "; its evaluated run " + (r.reused() ? "(made by an earlier verification in the scratch folder) " : "re-made first, ")
                    + "predictions " + r.predictions()).orElse("");
            return String.format(Locale.ROOT, "%s: %s; predictions %s (UA recorded %.4f, now %.4f)%s", run,
                    sameSpec() ? "same spec" + as : "spec differs (" + expectedSpec.substring(0, 12) + " recorded" + as + ", " + recomputedSpec().substring(0, 12) + " now)",
                    samePredictions() ? "IDENTICAL" : "DIFFER", remade.recorded().test().ua(), remade.now().test().ua(), source);
        }
    }

    /**
     * Re-runs the recorded run in {@code runDir} from its spec with the current code into {@code scratch}, through
     * {@link #job} like every other run, and compares the spec hash (the data manifest, read from the corpora now) and
     * the predictions' SHA-256. Only a record of this checkout's engine ({@link RunSpec.Engine#isCurrent}) is re-made;
     * another engine's is refused before anything is computed, naming the tag that re-makes it ({@link EngineTags}).
     */
    public static Verification verify(Path runDir, CorpusSource corpora, FeatureCache cache, Path scratch) throws IOException {
        RunRecord rec = RunRecord.read(runDir);
        RunSpec spec = rec.spec();
        String label = rec.experiment() + "/" + runDir.getFileName();
        if (!spec.engine().isCurrent()) {
            Path runsRoot = runDir.toAbsolutePath().normalize();
            for (String ignored : label.split("/")) runsRoot = runsRoot.getParent();
            throw new IllegalArgumentException(EngineTags.notHere(label, spec.engine(), rec.provenance().gitCommit(), runsRoot));
        }
        List<Corpus> read = new ArrayList<>();
        for (String name : spec.corpusNames()) read.add(corpora.corpus(name));
        SpecJobs jobs = new SpecJobs(cache, scratch);
        PlannedRun planned = new PlannedRun(rec.experiment(), spec, read);
        Runner.Job j = jobs.job(planned);
        if (Files.exists(j.runDir())) Runner.deleteTree(j.runDir());   // always computed afresh
        NumericKernels.current();   // says before the work which numeric kernels this process runs
        java.util.Optional<Remade> source = java.util.Optional.empty();
        if (spec.evaluates()) {
            // an evaluation scores its run's network, which the scratch folder has only once that run is re-made there
            // (an earlier verification may have left it, finished under the same spec and with its network); the
            // evaluated run's record is read first, so that a missing or other record fails before any training
            Runner.Job evaluated = jobs.job(planned.evaluated());
            RunRecord recorded = RunRecord.read(runDir.getParent());
            if (!recorded.specSha256().equals(evaluated.spec().sha256()))
                throw new IOException(runDir.getParent() + ": the evaluated run's record has spec " + recorded.specSha256().substring(0, 12)
                        + ", the evaluation's source spec is " + evaluated.spec().shortHash());
            if (!Files.isDirectory(evaluated.runDir().resolve("model")) && Files.exists(evaluated.runDir())) Runner.deleteTree(evaluated.runDir());
            source = java.util.Optional.of(Remade.of(evaluated, recorded));
        }
        return new Verification(label, spec.withEngine(RunSpec.Engine.current()).sha256(), Remade.of(j, rec), source);
    }

    private static FeatureSpec features(String key) { return FeatureSpec.byKey(key); }

    private static Recipe recipe(String key) {
        for (Recipe r : Recipe.named().values()) if (r.key().equals(key)) return r;
        throw new IllegalArgumentException("recipe '" + key + "' is none of the named recipes " + Recipe.named().keySet());
    }

    private static ClassSet classSet(String key) {
        List<ClassSet> known = new ArrayList<>(ClassSet.all());
        String name = key.substring(0, key.indexOf('['));
        if (name.startsWith("common-")) known.add(Corpora.commonClassesNamed(name));
        if (name.startsWith("shared-")) known.addAll(sharedNamed(name));
        for (ClassSet c : known) if (RunSpec.classSetKey(c).equals(key)) return c;
        throw new IllegalArgumentException("class set '" + key + "' is none of the known class sets");
    }

    /** The class sets {@link CrossCorpus#shared} names {@code shared-<a>-<b>}: every split of the name into two registered corpora. */
    private static List<ClassSet> sharedNamed(String name) {
        String rest = name.substring("shared-".length());
        List<ClassSet> out = new ArrayList<>();
        for (String a : Corpora.names())
            if (rest.startsWith(a + "-") && Corpora.names().contains(rest.substring(a.length() + 1))) out.add(CrossCorpus.shared(a, rest.substring(a.length() + 1)));
        return out;
    }
}
