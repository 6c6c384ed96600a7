package org.emoaugnet.run;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Fold;

/**
 * The fold a spec names, among its protocol's folds ({@link ExperimentRunner#folds}) of a class-filtered corpus,
 * computed once per corpus, recordings, class set, protocol and split constants (and, for the random split, seed):
 * what the jobs ({@link SpecJobs}) and the split derivation of recorded runs ({@link SplitDerivation}) both look up.
 */
final class FoldMemo {
    private final Map<String, List<Fold>> folds = new HashMap<>();

    /** The fold {@code spec} names among the folds of {@code kept}; an unknown fold is an error listing the known ones. */
    synchronized Fold of(RunSpec spec, ClassSet cs, Corpus kept) throws IOException {
        String key = kept.name() + "|" + spec.data().sha256() + "|" + spec.classSet() + "|" + spec.protocol() + "|" + spec.split().fields(spec.protocol())
                + "|" + (spec.protocol() == Protocol.AUGMENT_AFTER_RANDOM_SPLIT ? spec.seed() : 0);   // only the random split depends on the seed
        List<Fold> all = folds.computeIfAbsent(key, k -> ExperimentRunner.folds(spec.protocol(), spec.split(), cs, kept, spec.seed()));
        for (Fold f : all) if (f.name().equals(spec.fold())) return f;
        throw new IOException("fold '" + spec.fold() + "' is not among the folds of " + spec.protocol() + " on " + spec.corpus() + " ("
                + all.stream().map(Fold::name).toList() + ")");
    }
}
