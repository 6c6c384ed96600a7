package org.emoaugnet.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Fold;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.Dataset;

/**
 * Turns a {@link RunSpec} back into a runnable {@link Runner.Job}: the unit of work "run this spec", for re-running a
 * recorded run ({@link #verify}) and for executors that receive specs rather than configurations. Composite fields
 * are resolved by their canonical keys among the suite's known feature specifications, recipes and class sets; a
 * key that matches none is an error naming it.
 */
public final class SpecJobs {
    private SpecJobs() {}

    /** The job that computes {@code spec} into {@code runsRoot/<experiment>/<run>} with corpora resolved by name. */
    public static Runner.Job job(RunSpec spec, String experiment, Function<String, Corpus> corpora, FeatureCache cache, Path runsRoot) throws IOException {
        FeatureSpec features = features(spec.features());
        Recipe recipe = recipe(spec.recipe());
        ClassSet cs = classSet(spec.classSet());
        Corpus x = need(corpora, spec.corpus());
        if (spec.kind().equals("cross-corpus")) {
            Corpus y = need(corpora, spec.testCorpus());
            CrossCorpus.Config cfg = new CrossCorpus.Config(spec.corpus(), spec.testCorpus(), spec.model(), spec.activation(), recipe,
                    CrossCorpus.Normalisation.valueOf(spec.normalisation()), features, spec.training(), spec.seed(), spec.split());
            Runner.Job j = CrossCorpus.job(cfg, cs, x, y, cache, runsRoot);
            return new Runner.Job(j.spec(), experiment, runsRoot.resolve(experiment).resolve(j.runDir().getFileName()), j.work());
        }
        ExperimentConfig cfg = new ExperimentConfig(experiment, spec.corpus(), cs, spec.protocol(), features, Dataset.Layout.valueOf(spec.layout()), recipe,
                spec.model(), spec.activation(), spec.training(), List.of(spec.seed()), 0, spec.split());
        for (Runner.Job j : ExperimentRunner.jobs(cfg, x, cache, runsRoot))
            if (j.spec().fold().equals(spec.fold())) return j;
        throw new IOException("fold '" + spec.fold() + "' is not among the folds of " + spec.protocol() + " on " + spec.corpus());
    }

    /** What re-running a recorded run gave. */
    public record Verification(String run, String recordedSpec, String recomputedSpec, boolean sameSpec, boolean samePredictions,
                               double recordedUa, double recomputedUa) {
        public String text() {
            return String.format(Locale.ROOT, "%s: %s; predictions %s (UA recorded %.4f, now %.4f)", run,
                    sameSpec ? "same spec" : "spec differs (" + recordedSpec.substring(0, 12) + " recorded, " + recomputedSpec.substring(0, 12) + " now)",
                    samePredictions ? "IDENTICAL" : "DIFFER", recordedUa, recomputedUa);
        }
    }

    /**
     * Re-runs the recorded run in {@code runDir} from its spec with the current code into {@code scratch} and compares
     * the spec hash (the data manifest, read from the corpora now) and the predictions' SHA-256.
     */
    public static Verification verify(Path runDir, Function<String, Corpus> corpora, FeatureCache cache, Path scratch) throws IOException {
        RunRecord rec = RunRecord.read(runDir);
        Runner.Job j = job(rec.spec(), rec.experiment(), corpora, cache, scratch);
        if (Files.exists(j.runDir())) Runner.deleteTree(j.runDir());   // always computed afresh
        NumericKernels.current();   // says before the work which numeric kernels this process runs
        RunRecord now = Runner.runOrResume(j);
        return new Verification(rec.experiment() + "/" + runDir.getFileName(), rec.specSha256(), now.specSha256(), rec.specSha256().equals(now.specSha256()),
                rec.predictionsSha256().equals(now.predictionsSha256()), rec.test().ua(), now.test().ua());
    }

    static FeatureSpec features(String key) {
        for (FeatureSpec f : List.of(FeatureSpec.publicPipeline(), FeatureSpec.crossCorpus(), FeatureSpec.wholeFile()))
            if (f.key().equals(key)) return f;
        throw new IllegalArgumentException("features '" + key + "' are none of the known specifications (public pipeline, cross-corpus, whole file)");
    }

    static Recipe recipe(String key) {
        for (Recipe r : Recipe.named().values()) if (r.key().equals(key)) return r;
        throw new IllegalArgumentException("recipe '" + key + "' is none of the named recipes " + Recipe.named().keySet());
    }

    static ClassSet classSet(String key) {
        List<ClassSet> known = new ArrayList<>(ClassSet.all());
        String name = key.substring(0, key.indexOf('['));
        if (name.startsWith("common-")) known.add(CrossCorpusStudy.commonNamed(name));
        for (ClassSet c : known) if (RunSpec.classSetKey(c).equals(key)) return c;
        throw new IllegalArgumentException("class set '" + key + "' is none of the known class sets");
    }

    private static Corpus need(Function<String, Corpus> corpora, String name) throws IOException {
        Corpus c = corpora.apply(name);
        if (c == null) throw new IOException("corpus '" + name + "' is not available (configure it with --data / EMOAUG_DATA)");
        return c;
    }
}
