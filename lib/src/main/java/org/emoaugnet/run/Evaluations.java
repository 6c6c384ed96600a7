package org.emoaugnet.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Fold;
import org.emoaugnet.eval.Metrics;
import org.emoaugnet.eval.Statistics;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureExtraction;
import org.emoaugnet.features.FeatureSet;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.SavedModel;
import org.emoaugnet.model.Trainer;

/**
 * What an evaluation job computes ({@link RunSpec#EVALUATION}): the evaluated run's kept network scored on its test
 * recordings degraded at test time. Its folder is {@code <experiment>/<run>/eval-<condition>/} beside the evaluated
 * run's files, holding {@code record.properties} (no training outcome, no history: it trains nothing) and
 * {@code predictions.csv}.
 *
 * <p>The network is the one kept in the evaluated run's {@code model/}. When it is absent (weights are never
 * committed), the evaluated run is recomputed from its spec through {@link SpecJobs} into a scratch folder beside it,
 * and its predictions' SHA-256 must equal the recorded one before the network is used (and kept in {@code model/}
 * for the other conditions); otherwise the evaluation fails naming both hashes: the model could not be reproduced on
 * this machine.
 */
public final class Evaluations {
    private Evaluations() {}

    /** The job that recomputes an evaluated run into the runs root {@code scratch}. */
    @FunctionalInterface
    public interface Recompute {
        Runner.Job into(Path scratch) throws IOException;
    }

    /** Per evaluated run folder: one recomputation at a time in this process. */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    /** The test metrics of predictions, with the runner's per-run bootstrap intervals (1000 resamples of test rows, seeded with {@code seed}). */
    public static RunRecord.Test test(List<String> classes, int[] truth, int[] predicted, long seed) {
        Metrics m = Metrics.of(classes, truth, predicted);
        Statistics.Interval wa = Statistics.bootstrap(truth, predicted, Statistics::wa, 1000, 0.05, seed),
                ua = Statistics.bootstrap(truth, predicted, Statistics::ua, 1000, 0.05, seed);
        List<Double> recall = new ArrayList<>();
        for (double v : m.recall()) recall.add(v);
        return new RunRecord.Test(m.wa(), m.ua(), m.macroF1(), wa.low(), wa.high(), ua.low(), ua.high(), recall);
    }

    /** The split line of an evaluation: what was scored, and that nothing trained. */
    public static RunRecord.Split split(RunSpec spec, String sourceLabel, int rowsTest, SplitSides sides) {
        RunSpec.Evaluation e = spec.evaluation();
        return new RunRecord.Split("evaluation of " + sourceLabel + " (spec " + spec.source().shortHash() + "): its test recordings of " + spec.fold()
                + " under " + e.condition() + " (" + e.degradation() + ", seed " + e.degradationSeed() + "); " + rowsTest + " test rows; nothing trained", 0, 0, rowsTest,
                sides);
    }

    /**
     * Scores the model of {@code source} (see the class comment) on {@code fold}'s test recordings under {@code d}
     * into {@code dir}: writes {@code predictions.csv}, returns the results for the record.
     *
     * @param recompute the job that recomputes the evaluated run into a given runs root (a scratch folder)
     */
    static Runner.Computed compute(RunSpec.Evaluated spec, SpecJobs.Parts parts, Fold fold, Degradation d, Runner.Job source,
                                   Recompute recompute, FeatureCache cache, Path dir) throws IOException {
        if (!d.key().equals(spec.evaluation().degradation())) throw new IllegalArgumentException(d.key() + " is not the spec's degradation");
        SavedModel saved = model(source, recompute, parts.features().key());
        ClassSet cs = parts.classSet();
        List<String> classes = cs.classes();
        Recipe recipe = d.augmentation() == null ? Recipe.none() : new Recipe(d.name(), List.of(d.augmentation()));
        FeatureSet set = FeatureExtraction.extract(fold.test(), parts.features(), recipe, spec.evaluation().degradationSeed(), cache);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) all.add(i);
        Dataset test = Dataset.of(set, all, parts.layout(), saved.normalisation(), saved.scaler(), r -> classes.indexOf(cs.classOf(r.source())));
        int[] pred = Trainer.predict(saved.net(), test, 256);
        Predictions.write(dir.resolve(Predictions.FILE), test, pred, classes);
        return new Runner.Computed(split(spec, source.label(), test.size(), SplitSides.ofFold(SplitSides.foldSetOf(spec), fold, false)), null, test(classes, test.y(), pred, spec.seed()), classes, List.of());
    }

    /** The evaluated run's network: kept in its {@code model/}, or recomputed from its spec and checked (class comment). */
    static SavedModel model(Runner.Job source, Recompute recompute, String featureKey) throws IOException {
        Path dir = source.runDir(), model = dir.resolve("model");
        synchronized (LOCKS.computeIfAbsent(dir.toAbsolutePath().normalize(), k -> new Object())) {
            if (Runner.status(source) != Runner.Status.FINISHED)
                throw new IOException(source.label() + " is not finished under spec " + source.spec().shortHash() + " (" + Runner.status(source)
                        + "): an evaluation scores a finished run; run it first");
            if (Files.isDirectory(model)) return SavedModel.load(model, featureKey);
            RunRecord recorded = RunRecord.read(dir);
            Path scratch = dir.getParent().resolve(".recompute-" + dir.getFileName() + "-" + UUID.randomUUID().toString().substring(0, 8));
            try {
                Runner.Job again = recompute.into(scratch);
                System.err.println("[evaluation] " + source.label() + ": its model weights are absent; recomputing the run from its spec to evaluate it");
                Remade remade = Remade.of(again, recorded);
                if (!remade.samePredictions())
                    throw new IOException(source.label() + ": the model could not be reproduced on this machine: the recomputed run's predictions are "
                            + remade.predictions());
                try {
                    Files.move(again.runDir().resolve("model"), model, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                    // another process kept the same (verified) network first: the one in place is used
                }
                return SavedModel.load(model, featureKey);
            } finally {
                Runner.deleteTree(scratch);
            }
        }
    }
}
