package org.emoaugnet.design;

import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.Runner;
import org.emoaugnet.run.SpecJobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.emoaugnet.features.FeatureCache;

/**
 * A set of runs described by what it varies: notebook 04's study ({@link Study}), an augmentation ablation
 * ({@link Ablation.Design}), one experiment file ({@link ExperimentConfig}), the cross-corpus grid
 * ({@link CrossCorpusStudy.Grid}) or the robustness study ({@link Robustness.Models}). Every driver (notebooks, the
 * CLI, the Spark sweep) plans through {@link #plan} and executes the planned runs through {@link SpecJobs} and the
 * {@link Runner}, so a run is the same whoever starts it.
 */
public interface Design {
    /** What the design is, for logs and reports. */
    String describe();

    /** Every run of the design, in the order they run, with the corpora read from {@code corpora}. */
    List<PlannedRun> plan(CorpusSource corpora) throws IOException;

    /**
     * Plans the design and runs (or reads back) every run through the {@link Runner}; returns the finished runs'
     * records. Runs that failed in an earlier attempt are trained again only when {@code corpora}'s settings say so
     * ({@link CorpusSource#retryFailed}).
     */
    default List<RunRecord> run(CorpusSource corpora, FeatureCache cache, Path runsRoot) throws IOException {
        return Runner.runAll(new SpecJobs(cache, runsRoot, corpora.retryFailed()).jobs(plan(corpora)));
    }

    /**
     * {@link #run} again while the plan grows: a design whose later runs depend on earlier ones' results (a search's
     * final runs, planned once a fold's search runs have finished) plans them only after those have run; returns the
     * last pass's records. Stops when a pass adds nothing to the plan (whatever failed stays failed).
     */
    default List<RunRecord> runUntilComplete(CorpusSource corpora, FeatureCache cache, Path runsRoot) throws IOException {
        int planned;
        List<RunRecord> records;
        do {
            planned = plan(corpora).size();
            records = run(corpora, cache, runsRoot);
        } while (plan(corpora).size() > planned);
        return records;
    }
}
