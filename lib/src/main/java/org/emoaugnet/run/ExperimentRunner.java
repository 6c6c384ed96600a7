package org.emoaugnet.run;


import org.emoaugnet.features.SequenceNormalisation;
import org.emoaugnet.data.loaders.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.Splits;
import org.emoaugnet.eval.Confusion;
import org.emoaugnet.eval.Metrics;
import org.emoaugnet.eval.Statistics;
import org.emoaugnet.features.FeatureSet;
import org.emoaugnet.features.RowSplit;
import org.emoaugnet.features.Scaler;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.SavedModel;
import org.emoaugnet.model.Trainer;
import org.emoaugnet.util.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The computation of a within-corpus run: the protocol's folds ({@link #folds}), training with validation from
 * training data only, evaluation on the test side ({@link #compute}), one {@link RunRecord} per (fold, seed) under
 * {@code runs/<name>/<fold>-seed<s>/}. Runs are planned by a {@link Design} and executed through {@link SpecJobs} and
 * the {@link Runner}: a run whose spec is unchanged is read back, a changed spec trains anew, and the runs of one or
 * several experiments execute concurrently.
 */
public final class ExperimentRunner {
    /**
     * Augmented copies are drawn with one fixed seed, so all training seeds of a study see the same augmented data
     * and the features are computed (and cached) once; the training seed varies initialisation, shuffling, dropout
     * and the random splits.
     */
    public static final long AUGMENTATION_SEED = 42;


    private ExperimentRunner() {}

    /** A supplier that computes its value once, on first use, even when asked from several threads. */
    static <T> java.util.function.Supplier<T> once(IOSupplier<T> s) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    try {
                        value = s.get();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return value;
            }
        };
    }

    @FunctionalInterface
    interface IOSupplier<T> {
        T get() throws IOException;
    }

    /** Every fold of {@code protocol} on {@code c} (its class set's recordings) under the split constants; {@code seed} draws the random split. */
    public static List<Fold> folds(Protocol protocol, SplitSpec split, ClassSet cs, Corpus c, long seed) {
        switch (protocol) {
            case PAPER_STYLE:
                return List.of(new Fold("paper-style", "paper-style row split", c.utterances(), List.of()));
            case AUGMENT_AFTER_RANDOM_SPLIT: {
                Fold f = Splits.stratifiedRandom(c.utterances(), split.testFraction(), seed, cs::classOf);
                return List.of(Splits.withValidation(f, split.validationFraction(), seed, false, cs::classOf));
            }
            case LEAVE_ONE_SPEAKER_OUT: {
                List<Fold> v = new ArrayList<>();
                for (Fold f : Splits.leaveOneSpeakerOut(c.utterances()))
                    v.add(Splits.withValidation(f, split.validationFraction(), split.validationSeed(), true, cs::classOf));
                return v;
            }
            case CROSS_CORPUS:
                throw new IllegalArgumentException("a cross-corpus run's fold is made from its two corpora (CrossCorpus), not drawn from one");
            default: {
                // fixed fold assignment (the split's fold set, or its fold seed) for every training seed, so that runs of one study share test items
                List<Fold> si = Corpora.speakerIndependent(c, cs, split.foldSeed(), split.foldSet());
                List<Fold> v = new ArrayList<>();
                // a fold without validation speakers gets some drawn, but for one that tests nobody (FoldFile.NONE): every speaker trains
                for (Fold f : si)
                    v.add(f.validation().isEmpty() && !f.test().isEmpty() ? Splits.withValidation(f, split.validationFraction(), split.validationSeed(), true, cs::classOf) : f);
                return v;
            }
        }
    }

    /**
     * The rows of the paper-style protocol: the leaking row split ({@link RowSplit#paperStyleAugmentBeforeSplit}), then
     * validation rows drawn from its training rows with the training seed + 1 (a draw other than the row split's).
     */
    record PaperStyleRows(RowSplit split, List<Integer> train, List<Integer> validation) {}

    /** {@link PaperStyleRows} of a feature set of {@code size} rows under {@code split}'s constants and the training seed. */
    static PaperStyleRows paperStyleRows(int size, SplitSpec split, long seed) {
        RowSplit rows = RowSplit.paperStyleAugmentBeforeSplit(size, split.testFraction(), seed);
        List<Integer> tr = new ArrayList<>(rows.train());
        java.util.Collections.shuffle(tr, new Random(seed + 1));
        int nVal = (int) (tr.size() * split.validationFraction());   // the default 0.1 gives tr.size() / 10 exactly
        List<Integer> valRows = new ArrayList<>(tr.subList(0, nVal)), trainRows = new ArrayList<>(tr.subList(nVal, tr.size()));
        java.util.Collections.sort(valRows);
        java.util.Collections.sort(trainRows);
        return new PaperStyleRows(rows, trainRows, valRows);
    }

    /**
     * {@link Trainer#fit}, recording the curve of {@code test} when the schedule is a fixed budget ({@code selection=last});
     * when training diverges, the epochs it finished are written to {@code runDir/history.csv}
     * (kept beside the run's failure record, {@link RunFailure}) before the divergence is passed on.
     */
    static Trainer.Result fit(ModelConfig model, Dataset train, Dataset val, Dataset test, List<String> classes, org.emoaugnet.model.TrainConfig cfg,
                              Path runDir) throws IOException {
        // a fixed budget records its test curve: nothing is selected in it, so no choice can read it (Trainer.fit)
        Dataset watched = cfg.options().selection() == org.emoaugnet.model.Selection.LAST ? test : null;
        try {
            return Trainer.fit(model, train, val, classes, cfg, watched);
        } catch (org.emoaugnet.model.TrainingDivergedException e) {
            if (e.history() != null) {
                Files.createDirectories(runDir);
                Tables.saveCsv(e.history(), runDir.resolve("history.csv"));
            }
            throw e;
        }
    }

    /** A trained model and what the runner records of it. */
    record Trained(SavedModel model, Runner.Computed computed) {}

    /**
     * Trains and tests the run of {@code spec} (its {@code fold}, its features {@code set}) into {@code runDir}: history, confusion, predictions and scaler; returns the
     * trained network with its scaler and the results for the run record (written by the {@link Runner}).
     */
    static Trained compute(String experiment, RunSpec.Within spec, SpecJobs.Parts parts, FeatureSet set, Fold fold, Path runDir) throws IOException {
        ClassSet cs = parts.classSet();
        List<String> classes = cs.classes();
        long seed = spec.seed();
        Dataset.Layout layout = parts.layout();
        RowSplit rows;
        List<Integer> trainRows, valRows;
        if (spec.protocol() == Protocol.PAPER_STYLE) {
            PaperStyleRows p = paperStyleRows(set.size(), spec.split(), seed);
            rows = p.split();
            valRows = p.validation();
            trainRows = p.train();
        } else {
            rows = RowSplit.afterSplit(set, fold);
            trainRows = rows.train();
            valRows = rows.validation();
        }
        SequenceNormalisation norm = spec.sequenceNormalisation();
        Scaler scaler = Dataset.fitScaler(set, trainRows, layout, norm);
        java.util.function.ToIntFunction<FeatureSet.Row> label = r -> classes.indexOf(cs.classOf(r.source()));
        Dataset train = Dataset.of(set, trainRows, layout, norm, scaler, label);
        Dataset val = Dataset.of(set, valRows, layout, norm, scaler, label);
        Dataset test = Dataset.of(set, rows.test(), layout, norm, scaler, label);
        ModelConfig model = spec.architecture().config();
        Trainer.Result r = fit(model, train, val, test, classes, spec.training().withSeed(seed), runDir);
        Outcome o = Outcome.of(r, test, classes, seed);
        o.save(runDir);
        scaler.save(runDir.resolve("scaler.csv"));
        if (org.emoaugnet.util.Progress.shown()) System.err.printf("%s %s seed %d: test WA %.4f UA %.4f (best epoch %d of %d, %s)%n", experiment, fold.name(), seed, o.metrics().wa(), o.metrics().ua(),
                r.bestEpoch(), r.history().rowCount(), r.stopReason());
        String summary = rows.summary(set);
        if (spec.protocol() == Protocol.PAPER_STYLE)   // the row split has no validation side; it is carved from the training rows here
            summary += "; validation: " + valRows.size() + " of those training rows (" + Math.round(100 * spec.split().validationFraction()) + " %, drawn with seed " + (seed + 1) + "), leaving " + trainRows.size() + " to train on";
        SplitSides sides = SplitSides.ofRows(SplitSides.foldSetOf(spec), set, trainRows, valRows, rows.test(), false);
        Runner.Computed c = o.computed(new RunRecord.Split(summary, train.size(), val.size(), test.size(), sides), runDir);
        return new Trained(new SavedModel(r.net(), scaler, classes, spec.model(), spec.features(), layout, norm), c);
    }

    /** What a trained network did on its test set: predictions, confusion, metrics and bootstrap intervals. */
    record Outcome(Trainer.Result result, Dataset test, List<String> classes, float[][] probabilities, int[] predicted, Confusion confusion, Metrics metrics,
                   Statistics.Interval waCi, Statistics.Interval uaCi) {
        static Outcome of(Trainer.Result r, Dataset test, List<String> classes, long seed) {
            float[][] probs = Trainer.probabilities(r.net(), test, 256);
            int[] pred = org.emoaugnet.model.fused.FusedNetwork.argmax(probs);
            Confusion conf = Confusion.of(classes, test.y(), pred);
            return new Outcome(r, test, classes, probs, pred, conf, Metrics.of(conf), Statistics.bootstrap(test.y(), pred, Statistics::wa, 1000, 0.05, seed),
                    Statistics.bootstrap(test.y(), pred, Statistics::ua, 1000, 0.05, seed));
        }

        /** {@code history.csv}, {@code confusion.csv}, {@code predictions.csv} and {@code probabilities.csv} into {@code runDir}. */
        void save(Path runDir) throws IOException {
            Files.createDirectories(runDir);
            Tables.saveCsv(result.history(), runDir.resolve("history.csv"));
            Tables.saveCsv(confusion.table(), runDir.resolve("confusion.csv"));
            Predictions.write(runDir.resolve(Predictions.FILE), test, predicted, classes);
            Probabilities.write(runDir.resolve(Probabilities.FILE), test.keys(), probabilities, classes);
        }

        /** What the runner records of this outcome (the history as written to {@code runDir/history.csv}). */
        Runner.Computed computed(RunRecord.Split split, Path runDir) throws IOException {
            List<Double> recall = new ArrayList<>();
            for (double v : metrics.recall()) recall.add(v);
            return new Runner.Computed(split,
                    new RunRecord.Training(result.bestEpoch(), result.history().rowCount(), result.bestValidationUa(), result.stopReason(), result.converged()),
                    new RunRecord.Test(metrics.wa(), metrics.ua(), metrics.macroF1(), waCi.low(), waCi.high(), uaCi.low(), uaCi.high(), recall),
                    classes, RunRecord.readHistory(runDir.resolve("history.csv")));
        }
    }


}
