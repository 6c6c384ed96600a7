package org.emoaugnet.run;

import java.util.List;
import org.emoaugnet.data.Corpus;

/**
 * One run a {@link Design} plans: the experiment (run folder) it belongs to, its specification, and the corpora the
 * specification names ({@link RunSpec#corpus()} and, for a cross-corpus run, {@link RunSpec#testCorpus()}). A value
 * with no code in it: {@link SpecJobs#job} turns it into the runner's unit of work.
 *
 * @param experiment the experiment (run folder under the runs root) the run belongs to; for an evaluation
 *                   ({@link RunSpec#evaluates}) the evaluated run's {@code <experiment>/<run>}, so that its folder
 *                   {@code eval-<condition>} lies in the evaluated run's
 * @param spec       everything that determines the run's numbers
 * @param corpora    the corpora the spec reads, by their names
 * @param keepModel  whether the trained network is kept beside the record ({@code model/}, never committed) for
 *                   later evaluations ({@link Robustness})
 */
public record PlannedRun(String experiment, RunSpec spec, List<Corpus> corpora, boolean keepModel) {
    public PlannedRun {
        corpora = List.copyOf(corpora);
        for (String name : spec.corpusNames())
            if (corpora.stream().noneMatch(c -> c.name().equals(name)))
                throw new IllegalArgumentException(experiment + ": the spec reads corpus '" + name + "', which the plan does not carry");
    }

    /** The evaluation of the planned run {@code source} under {@code e}: its spec ({@link RunSpec#evaluation}), in the source's folder. */
    public static PlannedRun evaluation(PlannedRun source, RunSpec.Evaluation e) {
        if (source.spec().evaluates()) throw new IllegalArgumentException(source.label() + ": an evaluation of an evaluation");
        return new PlannedRun(source.label(), RunSpec.evaluation(source.spec(), e), source.corpora(), false);
    }

    /** The evaluated run of an evaluation, its network kept. */
    public PlannedRun evaluated() {
        RunSpec s = spec.source();
        String suffix = "/" + SpecJobs.runName(s);
        if (!experiment.endsWith(suffix))
            throw new IllegalArgumentException(experiment + ": an evaluation's experiment is the evaluated run's <experiment>" + suffix);
        return new PlannedRun(experiment.substring(0, experiment.length() - suffix.length()), s, corpora, true);
    }

    /** A run whose trained network is not kept. */
    public PlannedRun(String experiment, RunSpec spec, List<Corpus> corpora) { this(experiment, spec, corpora, false); }

    /** The corpus named {@code name} among those the run reads. */
    public Corpus corpus(String name) {
        return corpora.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(experiment + ": no corpus '" + name + "' in the plan"));
    }

    /** {@code experiment/run}, as the runner labels the job. */
    public String label() { return experiment + "/" + SpecJobs.runName(spec); }
}
