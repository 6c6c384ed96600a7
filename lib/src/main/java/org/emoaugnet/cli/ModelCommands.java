package org.emoaugnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.emoaugnet.design.ExperimentConfig;
import org.emoaugnet.design.ExperimentConfigs;
import org.emoaugnet.design.NestedSearch;
import org.emoaugnet.publish.ModelCard;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.model.SavedModel;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.Runner;
import org.emoaugnet.run.SpecJobs;
import org.emoaugnet.util.AtomicFiles;
import org.emoaugnet.util.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code emoaug model train}: one run of an experiment file trained with its network kept and exported as a model
 * folder (read by {@link PredictCommand}).
 */
@Command(name = "model", description = "models for your own recordings: train", subcommands = ModelCommands.Train.class)
final class ModelCommands {
    /** The saved model's network, in the model folder. */
    static final String NETWORK = "network.zip";

    @Command(name = "train", description = "train one run of an experiment file (its first fold and seed unless named) with its network kept and export it"
            + " to DIR: network.zip (DL4J), scaler.csv, model.properties (classes, model, features) and the run's record")
    static final class Train implements CommandAction {
        @Option(names = "--config", paramLabel = "FILE", description = "the experiment file (or --plan)")
        Path config;

        @Option(names = "--plan", paramLabel = "DIR", description = "a pre-registered plan folder (experiment nested --plan): train the candidate its outer "
                + "folds chose most often (ties: the higher mean inner score) on every speaker, and write a model card (MODEL_CARD.md) with the plan's "
                + "nested result; refused until every outer fold is decided")
        Path plan;

        @Option(names = "--plan-runs", paramLabel = "DIR", description = "with --plan: where the plan's runs are recorded (default: <project>/results/runs)")
        Path planRuns;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "the model folder to write")
        Path out;

        @Option(names = "--fold", paramLabel = "NAME", description = "the fold of the experiment's plan (default: its first)")
        String fold;

        @Option(names = "--train-seed", paramLabel = "S", description = "the training seed of the experiment's plan (default: its first)")
        Long trainSeed;

        @Option(names = "--runs", paramLabel = "DIR", description = "the runs folder the run is trained in (default: <project>/build/model-runs)")
        Path runs;

        @Mixin FoldSetOption folds;
        @Mixin TrainingSettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            if ((config == null) == (plan == null)) throw new UsageException("model train: name an experiment file (--config) or a plan folder (--plan), one of them");
            if (plan != null) {
                if (fold != null || trainSeed != null) throw new UsageException("model train --plan: the plan fixes the fold (every speaker) and the seed");
                NestedSearch search = NestedSearch.ofPlan(plan, Path.of("."));
                Settings s = settings.settingsFor(search.candidates().get(0).corpus());
                search = search.withRunsRoot(planRuns != null ? planRuns : s.results().resolve("runs"));
                return trainPlan(search, CorpusSource.of(s), SettingsOptions.cache(s), runs != null ? runs : s.projectRoot().resolve("build/model-runs"),
                        s.retryFailed(), out, Main.out(spec));
            }
            var cfg = folds.apply(ExperimentConfigs.load(InputFiles.file(config, "configuration file")));
            Settings s = settings.settingsFor(cfg.corpus());
            return train(cfg, CorpusSource.of(s), SettingsOptions.cache(s), runs != null ? runs : s.projectRoot().resolve("build/model-runs"),
                    fold == null ? "" : fold, trainSeed, s.retryFailed(), out, Main.out(spec));
        }
    }

    /**
     * Trains (or reads back, when its network was kept) the run of {@code cfg} on {@code fold} with {@code seed} (the
     * experiment's first fold and seed when empty) under {@code runsRoot}, and copies its model folder to {@code out}
     * with the run's record beside it ({@code run-record.properties}: the spec, its hash and the provenance).
     */
    static ExitCode train(ExperimentConfig cfg, CorpusSource corpora, FeatureCache cache, Path runsRoot, String fold, Long seed, Path out, PrintStream log)
            throws IOException {
        return train(cfg, corpora, cache, runsRoot, fold, seed, false, out, log);
    }

    /** As above; with {@code retryFailed} a run recorded as failed is trained again ({@code --retry-failed}). */
    static ExitCode train(ExperimentConfig cfg, CorpusSource corpora, FeatureCache cache, Path runsRoot, String fold, Long seed, boolean retryFailed, Path out,
                          PrintStream log) throws IOException {
        List<PlannedRun> plan = cfg.plan(corpora);
        PlannedRun chosen = plan.stream()
                .filter(r -> (fold.isEmpty() || r.spec().fold().equals(fold)) && (seed == null || r.spec().seed() == seed))
                .findFirst().orElseThrow(() -> new UsageException("the experiment " + cfg.name() + " plans no run on fold '" + fold + "' with seed " + seed
                        + "; its runs: " + plan.stream().map(PlannedRun::label).toList()));
        PlannedRun kept = new PlannedRun(chosen.experiment(), chosen.spec(), chosen.corpora(), true);
        RunRecord rec = export(kept, cache, runsRoot, retryFailed, out, log);
        log.printf(Locale.ROOT, "model of %s (spec %s): test WA %.1f %%, UA %.1f %% on %s's test speakers; written to %s%n", kept.label(),
                rec.specSha256().substring(0, 12), 100 * rec.test().wa(), 100 * rec.test().ua(), rec.spec().fold(), out);
        return ExitCode.OK;
    }

    /**
     * The model a plan's user takes away ({@link NestedSearch#exportRun}: its most chosen candidate on every speaker),
     * exported to {@code out} with its model card ({@link ModelCard}, from the plan's nested result as it stands).
     */
    static ExitCode trainPlan(NestedSearch search, CorpusSource corpora, FeatureCache cache, Path runsRoot, boolean retryFailed, Path out, PrintStream log)
            throws IOException {
        var choice = search.mostChosen(corpora);
        if (choice.isEmpty())
            throw new UsageException("model train --plan " + search.plan().dir() + ": " + search.winners(corpora).size() + " of " + search.inner().size()
                    + " outer folds are decided; the recipe to export is chosen once every outer fold is (experiment nested --plan trains them)");
        PlannedRun run = search.exportRun(corpora).orElseThrow();
        log.println("model train --plan: " + choice.get().candidate().name() + " won " + choice.get().foldsWon() + " of " + search.inner().size()
                + " outer folds; training it on every speaker (" + run.label() + ")");
        RunRecord rec = export(run, cache, runsRoot, retryFailed, out, log);
        AtomicFiles.writeString(out.resolve(ModelCard.FILE), ModelCard.markdown(search, corpora, choice.get(), rec));
        log.printf(Locale.ROOT, "model of %s (spec %s), trained on %d recordings of every speaker; written to %s with %s%n", run.label(),
                rec.specSha256().substring(0, 12), rec.split().rowsTrain(), out, ModelCard.FILE);
        return ExitCode.OK;
    }

    /** Trains (or reads back) {@code kept} with its network and copies its model folder and record to {@code out}. */
    private static RunRecord export(PlannedRun kept, FeatureCache cache, Path runsRoot, boolean retryFailed, Path out, PrintStream log) throws IOException {
        Runner.Job first = new SpecJobs(cache, runsRoot, retryFailed).job(kept);
        boolean withoutNetwork = RunRecord.finished(first.runDir()) && !Files.isRegularFile(first.runDir().resolve("model").resolve("model.properties"));
        if (withoutNetwork)
            log.println("model train: " + kept.label() + " is finished without its network (a committed or earlier run); training it again into "
                    + runsRoot.resolve(".model-retrain"));
        Runner.Job job = withoutNetwork ? new SpecJobs(cache, runsRoot.resolve(".model-retrain"), retryFailed).job(kept) : first;
        RunRecord rec;
        try {
            rec = Runner.runOrResume(job);
        } catch (RuntimeException e) {
            // an error of the training itself (a bad file or record is an IOException and ends the command as bad input)
            throw org.emoaugnet.run.RunFailedException.unrecorded("model train: " + kept.label(), kept.spec().shortHash(), e);
        }
        Path model = job.runDir().resolve("model");
        load(model);   // checks what is exported
        Files.createDirectories(out);
        for (String f : List.of(NETWORK, "scaler.csv", "model.properties"))
            AtomicFiles.write(out.resolve(f), tmp -> Files.copy(model.resolve(f), tmp, StandardCopyOption.REPLACE_EXISTING));
        AtomicFiles.write(out.resolve("run-record.properties"), tmp -> Files.copy(job.runDir().resolve(RunRecord.FILE), tmp, StandardCopyOption.REPLACE_EXISTING));
        return rec;
    }

    /**
     * {@link SavedModel#load}, which names a corrupt, truncated or non-finite network or scaler itself; anything else the
     * network's reader throws is reported against the model folder.
     */
    static SavedModel load(Path dir) throws IOException {
        try {
            return SavedModel.load(dir, null);
        } catch (RuntimeException e) {
            throw new IOException(dir + ": the saved model cannot be loaded (" + e + ")", e);
        }
    }
}
