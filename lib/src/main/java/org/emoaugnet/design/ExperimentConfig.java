package org.emoaugnet.design;

import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.DataManifest;
import org.emoaugnet.run.Defaults;
import org.emoaugnet.run.ExperimentRunner;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.RunSpec;
import org.emoaugnet.run.SplitSpec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Fold;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.features.SequenceNormalisation;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.TrainConfig;

/**
 * One experiment: corpus, class set, protocol and its split constants, features, augmentation recipe, model preset
 * and activation, training settings, and the seeds and folds to run. {@link #name()} identifies its run folder. The
 * file-level description of an experiment ({@link ExperimentConfigs}); as a {@link Design} it plans one run per
 * (seed, fold) ({@link #specs}), which {@link SpecJobs} executes. Nothing turns a spec back into a configuration.
 *
 * @param folds number of folds to run (≤ 0: all); the paper-style and random protocols have one "fold"
 * @param split the protocol's split constants (validation share and seed, fold seed, test share)
 * @param normalisation how each recording's frame sequence is prepared before the scaler fitted on the training rows
 *                      ({@link SequenceNormalisation}; the spec's {@code normalisation} field)
 */
public record ExperimentConfig(String name, String corpus, ClassSet classSet, Protocol protocol, FeatureSpec features,
                               Dataset.Layout layout, Recipe recipe, String model, String activation, TrainConfig train,
                               List<Long> seeds, int folds, SplitSpec split, SequenceNormalisation normalisation) implements Design {
    public ExperimentConfig {
        java.util.Objects.requireNonNull(normalisation, "normalisation");
        // a speaker-independent experiment that names no fold set gets its corpus's (URDU: the committed speaker folds)
        if (split != null && protocol == Protocol.SPEAKER_INDEPENDENT && split.foldSet() == org.emoaugnet.data.FoldSet.DEFAULT)
            split = split.withFoldSet(org.emoaugnet.data.loaders.Corpora.defaultFoldSet(corpus));
        if (normalisation != SequenceNormalisation.TRAIN_SCALER && layout != Dataset.Layout.SEQUENCE)
            throw new IllegalArgumentException(name + ": normalisation " + normalisation + " needs layout SEQUENCE");
    }

    /** An experiment whose sequences are scaled by the training scaler alone ({@link SequenceNormalisation#TRAIN_SCALER}). */
    public ExperimentConfig(String name, String corpus, ClassSet classSet, Protocol protocol, FeatureSpec features, Dataset.Layout layout,
                            Recipe recipe, String model, String activation, TrainConfig train, List<Long> seeds, int folds, SplitSpec split) {
        this(name, corpus, classSet, protocol, features, layout, recipe, model, activation, train, seeds, folds, split, SequenceNormalisation.TRAIN_SCALER);
    }

    /** An experiment with its protocol's default split constants on its corpus ({@link Defaults#split(Protocol, String)}). */
    public ExperimentConfig(String name, String corpus, ClassSet classSet, Protocol protocol, FeatureSpec features, Dataset.Layout layout,
                            Recipe recipe, String model, String activation, TrainConfig train, List<Long> seeds, int folds) {
        this(name, corpus, classSet, protocol, features, layout, recipe, model, activation, train, seeds, folds, Defaults.split(protocol, corpus));
    }

    /** The same experiment under another name and split constants (e.g. a reviewer's fold file: {@link ExperimentConfigs#withFoldFile}). */
    public ExperimentConfig with(String newName, SplitSpec newSplit) {
        return new ExperimentConfig(newName, corpus, classSet, protocol, features, layout, recipe, model, activation, train, seeds, folds, newSplit, normalisation);
    }

    /**
     * The spec of this experiment's run on {@code fold} with training seed {@code seed} over {@code data}, with the
     * engine of this experiment ({@link RunSpec.Engine#forExperiment}: the current one unless {@link #name} is pinned).
     */
    public RunSpec spec(String fold, long seed, DataManifest data) {
        return new RunSpec.Within(RunSpec.Corpora.of(corpus, data, classSet),
                new RunSpec.Inputs(features.key(), layout, recipe.key(), ExperimentRunner.AUGMENTATION_SEED, normalisation.name()),
                new RunSpec.Partition(protocol, fold, split), new RunSpec.Architecture(model, activation), RunSpec.Learning.of(train, seed),
                RunSpec.Engine.forExperiment(name));
    }

    /**
     * The spec of every run of the experiment on {@code corpus}: one per (seed, fold), seed-major, the first
     * {@link #folds} folds of the protocol under {@link #split} over the recordings of {@link #classSet}.
     */
    public List<RunSpec> specs(Corpus corpus) {
        Corpus kept = classSet.apply(corpus);
        DataManifest data = DataManifest.of(kept.utterances());
        List<RunSpec> out = new ArrayList<>();
        for (long seed : seeds)
            for (Fold fold : foldsOf(this, kept, seed)) out.add(spec(fold.name(), seed, data));
        return out;
    }

    /** {@link #specs} over the corpus this experiment names, as planned runs of experiment {@link #name}. */
    @Override
    public List<PlannedRun> plan(CorpusSource corpora) throws IOException {
        Corpus c = corpora.corpus(corpus);
        return specs(c).stream().map(s -> new PlannedRun(name, s, List.of(c))).toList();
    }

    /** The configuration as {@code key=value} lines. */
    @Override
    public String describe() {
        return String.join("\n",
                "name=" + name, "corpus=" + corpus, "class_set=" + classSet.name(), "protocol=" + protocol + (protocol.leaks() ? " (LEAKS by design)" : ""),
                "features=" + features.key(), "layout=" + layout, "recipe=" + recipe.key(), "model=" + model, "activation=" + activation,
                "train=" + train, "seeds=" + seeds, "folds=" + (folds <= 0 ? "all" : folds))
                + (split.fields(protocol).isEmpty() ? "" : "\nsplit=" + split.fields(protocol))
                + (normalisation == SequenceNormalisation.TRAIN_SCALER ? "" : "\nnormalisation=" + normalisation);   // only where not the defaults (older outputs unchanged)
    }

    /**
     * The protocol's folds of {@code c} under the experiment's split constants ({@link ExperimentConfig#split}), the
     * first {@link ExperimentConfig#folds} of them. Made when a design plans, after the corpus is read and before any
     * feature is extracted.
     *
     * @throws org.emoaugnet.util.ConfigurationException when the experiment asks for more folds than the protocol has on
     *         {@code c}, or a fold file does not fit {@code c} (a speaker it lacks, a fold whose test side lacks a class)
     */
    public static List<org.emoaugnet.data.Fold> foldsOf(ExperimentConfig cfg, org.emoaugnet.data.Corpus c, long seed) {
        List<org.emoaugnet.data.Fold> out = org.emoaugnet.run.ExperimentRunner.folds(cfg.protocol(), cfg.split(), cfg.classSet(), c, seed);
        // the random splits always have one fold, so a larger number is only the suite's cap (Defaults.folds, "up to N
        // folds"); an experiment file asking them for more is refused when it is read (ExperimentConfigs.foldLimit)
        boolean single = cfg.protocol() == org.emoaugnet.run.Protocol.PAPER_STYLE || cfg.protocol() == org.emoaugnet.run.Protocol.AUGMENT_AFTER_RANDOM_SPLIT;
        if (cfg.folds() > out.size() && !single)
            throw new org.emoaugnet.util.ConfigurationException("experiment " + cfg.name() + ": folds=" + cfg.folds() + ": must be at most " + out.size()
                    + " (0: every fold; " + cfg.protocol() + " on " + c.name() + " has " + out.size() + ")");
        return cfg.folds() > 0 && cfg.folds() < out.size() ? out.subList(0, cfg.folds()) : out;
    }
}
