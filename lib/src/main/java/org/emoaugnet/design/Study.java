package org.emoaugnet.design;

import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.Defaults;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Protocol;

import org.emoaugnet.data.loaders.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.util.Settings;

/**
 * The ReLU-vs-ELU study of notebook 04 for one corpus: the configuration files in
 * {@code experiments/<corpus>/*.properties} when they exist (the committed RAVDESS study), otherwise built-in
 * defaults, made small in quick mode (2 epochs, 2 folds) so that CI exercises the whole path. As a {@link Design} it
 * plans every (seed, fold) run of every experiment.
 *
 * @param corpus      the corpus the study runs on
 * @param experiments its experiments ({@link #configs})
 */
public record Study(String corpus, List<ExperimentConfig> experiments) implements Design {
    public Study {
        experiments = List.copyOf(experiments);
    }

    /** The study of {@code corpus} under these settings ({@link #configs}). */
    public static Study of(String corpus, Settings s) throws IOException { return new Study(corpus, configs(corpus, s)); }

    @Override
    public String describe() { return "the study of notebook 04 on " + corpus + " (" + experiments.size() + " experiments)"; }

    @Override
    public List<PlannedRun> plan(CorpusSource corpora) throws IOException {
        List<PlannedRun> out = new ArrayList<>();
        for (ExperimentConfig c : experiments) out.addAll(c.plan(corpora));
        return out;
    }

    public static List<ExperimentConfig> configs(String corpus, Settings s) throws IOException {
        Path dir = s.projectRoot().resolve("experiments").resolve(corpus);
        List<ExperimentConfig> out = new ArrayList<>();
        if (!s.quick() && Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) out.add(ExperimentConfigs.load(f));
            }
            return out;
        }
        int folds = Defaults.folds(s);
        String tag = s.quick() ? "-quick" : "";
        for (Protocol p : new Protocol[] {Protocol.PAPER_STYLE, Protocol.SPEAKER_INDEPENDENT})
            for (String act : new String[] {"relu", "elu"})
                out.add(new ExperimentConfig(corpus + "-" + p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-compact-" + act + tag,
                        corpus, Corpora.defaultClassSet(corpus), p, FeatureSpec.publicPipeline(), Dataset.Layout.SEQUENCE, Recipe.public4(),
                        "compact-cnn-lstm", act, Defaults.training(s), List.of(s.seed()), folds));
        return out;
    }

    /**
     * One row per experiment of a study, for a reader: its protocol (flagged where it leaks), activation, augmentation
     * recipe, seeds, folds and training budget. The full specification of every run is in its run record.
     */
    public static tech.tablesaw.api.Table overview(List<ExperimentConfig> study) {
        var t = tech.tablesaw.api.Table.create("the study: " + study.size() + " experiments");
        var name = tech.tablesaw.api.StringColumn.create(ResultColumns.EXPERIMENT);
        var protocol = tech.tablesaw.api.StringColumn.create(ResultColumns.PROTOCOL);
        var act = tech.tablesaw.api.StringColumn.create(ResultColumns.ACTIVATION);
        var recipe = tech.tablesaw.api.StringColumn.create("augmentation");
        var seeds = tech.tablesaw.api.StringColumn.create(ResultColumns.SEEDS);
        var folds = tech.tablesaw.api.StringColumn.create(ResultColumns.FOLDS);
        var budget = tech.tablesaw.api.StringColumn.create("budget");
        for (ExperimentConfig c : study) {
            name.append(c.name());
            protocol.append(c.protocol().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + (c.protocol().leaks() ? " (leaks)" : ""));
            act.append(c.activation());
            recipe.append(c.recipe().name());
            seeds.append(c.seeds().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
            folds.append(c.folds() <= 0 ? "all" : String.valueOf(c.folds()));
            TrainConfig tc = c.train();
            budget.append("≤" + tc.epochs() + " ep, stop " + tc.patience() + (tc.epochCopies() > 0 ? ", " + tc.epochCopies() + " copies/ep" : ""));
        }
        return t.addColumns(name, protocol, act, recipe, seeds, folds, budget);
    }
}
