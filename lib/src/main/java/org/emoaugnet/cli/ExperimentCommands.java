package org.emoaugnet.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.emoaugnet.design.Ablation;
import org.emoaugnet.design.CrossCorpusStudy;
import org.emoaugnet.design.ExperimentConfig;
import org.emoaugnet.design.ExperimentConfigs;
import org.emoaugnet.design.ModelSearch;
import org.emoaugnet.design.NestedSearch;
import org.emoaugnet.design.Robustness;
import org.emoaugnet.design.SearchPlan;
import org.emoaugnet.design.StrongestModel;
import org.emoaugnet.design.Study;
import org.emoaugnet.design.StudyTables;
import org.emoaugnet.eval.Statistics;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.Defaults;
import org.emoaugnet.run.Runner;
import org.emoaugnet.run.SpecJobs;
import org.emoaugnet.util.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tech.tablesaw.api.Table;

/**
 * {@code emoaug experiment run|search|nested|strongest|study|ablation|cross|robustness}: run (or resume) experiments and
 * designs, then print their tables. Every one resumes from its records: a run whose record has the run's spec hash is
 * read back, not trained again.
 */
@Command(name = "experiment", description = "run (or resume) experiments and studies: run, search, nested, strongest, study, ablation, cross, robustness",
        subcommands = {ExperimentCommands.RunOne.class, ExperimentCommands.Search.class, ExperimentCommands.Strongest.class,
                ExperimentCommands.StudyCommand.class, ExperimentCommands.AblationCommand.class, ExperimentCommands.Cross.class, ExperimentCommands.Nested.class,
                ExperimentCommands.RobustnessCommand.class})
final class ExperimentCommands {
    /** {@code --runs}, as every experiment command but {@code strongest} takes it. */
    static final class RunsOption {
        @Option(names = "--runs", paramLabel = "DIR", description = "the runs folder: records are read and written under DIR/<experiment>/ (default: <results>/runs)")
        Path runs;
    }

    @Command(name = "run", description = "run (or resume) an experiment file; records under DIR/<name>/; prints the result table")
    static final class RunOne implements CommandAction {
        @Option(names = "--config", required = true, paramLabel = "FILE", description = "the experiment file (experiments/<corpus>/*.properties, docs/configuration.md)")
        Path config;

        @Mixin RunsOption runs;
        @Mixin FoldSetOption folds;
        @Mixin TrainingSettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            var cfg = folds.apply(ExperimentConfigs.load(InputFiles.file(config, "configuration file")));
            Settings s = settings.settingsFor(cfg.corpus());
            Path root = SettingsOptions.runsRoot(runs.runs, s);
            cfg.run(CorpusSource.of(s), SettingsOptions.cache(s), root);
            Table t = StudyTables.summary(cfg, root);
            PrintStream out = Main.out(spec);
            ReportTables.print(out, t, 2, cfg.name());
            if (t.rowCount() > 0)
                out.println("WA (%) " + Statistics.meanSd(t.doubleColumn(ResultColumns.TEST_WA).asDoubleArray())
                        + "   UA (%) " + Statistics.meanSd(t.doubleColumn(ResultColumns.TEST_UA).asDoubleArray()));
            return ExitCode.OK;
        }
    }

    @Command(name = "search", description = "run (or resume) a model search (design.ModelSearch): every candidate configuration of DIR on every fold with "
            + "the search seeds, each fold's winner on its validation speakers with the final seeds; prints the search log")
    static final class Search implements CommandAction {
        @Option(names = "--candidates", required = true, paramLabel = "DIR", description = "the folder of candidate experiment files")
        Path candidates;

        @Option(names = "--name", paramLabel = "NAME", description = "the search's name (default: the folder's name)")
        String name;

        @Option(names = "--search-seeds", paramLabel = "S,...", converter = SeedList.Converter.class, description = "seeds of the candidates' runs (default: ${DEFAULT-VALUE})")
        SeedList searchSeeds = new SeedList(Defaults.SEARCH_SEEDS);

        @Option(names = "--final-seeds", paramLabel = "S,...", converter = SeedList.Converter.class, description = "seeds of each fold's winner (default: ${DEFAULT-VALUE})")
        SeedList finalSeeds = new SeedList(Defaults.FINAL_SEEDS);

        @Mixin RunsOption runs;
        @Mixin FoldSetOption folds;
        @Mixin TrainingSettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Path dir = InputFiles.folder(candidates, "candidate folder");
            var folder = ModelSearch.CandidateFolder.read(dir);
            Settings s = settings.settingsFor(folder.candidates().get(0).corpus());
            Path root = SettingsOptions.runsRoot(runs.runs, s);
            List<ExperimentConfig> candidates = new ArrayList<>();
            for (ExperimentConfig c : folder.candidates()) candidates.add(folds.apply(c));
            String searchName = (name != null ? name : dir.getFileName().toString())
                    + (folds.foldSet == null ? "" : "-" + folds.foldSet.getFileName().toString().replaceFirst("\\.csv$", ""));
            var search = new ModelSearch(searchName, candidates, folder.rounds(), folder.designedAfter(),
                    searchSeeds.seeds(), finalSeeds.seeds(), root);
            var corpora = CorpusSource.of(s);
            PrintStream out = Main.out(spec);
            out.println(search.describe());
            search.runUntilComplete(corpora, SettingsOptions.cache(s), root);   // the folds whose search finishes then plan their final runs
            ReportTables.print(out, search.log(corpora), 1, "the search log");
            return ExitCode.OK;
        }
    }

    @Command(name = "nested", description = "run (or resume) a pre-registered search with inner cross-validation (design.NestedSearch) from its plan "
            + "folder: every candidate on every inner fold of every outer fold, then each outer fold's winner with the final seeds; refuses to train "
            + "unless the plan folder and its inner fold files are committed and unchanged; prints the search log")
    static final class Nested implements CommandAction {
        @Option(names = "--plan", required = true, paramLabel = "DIR", description = "the plan folder (plan.md, plan.properties, candidates/)")
        Path plan;

        @Option(names = "--plan-only", description = "print the plan's hash, its registration and the planned runs, and train nothing")
        boolean planOnly;

        @Mixin RunsOption runs;
        @Mixin TrainingSettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Path dir = InputFiles.folder(plan, "plan folder");
            NestedSearch read = NestedSearch.ofPlan(dir, Path.of("."));   // read once; its runs folder follows from its corpus's settings
            Settings s = settings.settingsFor(read.candidates().get(0).corpus());
            Path root = SettingsOptions.runsRoot(runs.runs, s);
            NestedSearch search = read.withRunsRoot(root);
            PrintStream out = Main.out(spec);
            SearchPlan.Registration reg = search.plan().registration();
            out.println(search.describe());
            out.println("plan " + search.plan().sha256() + (reg.commit().isEmpty() ? ": not committed"
                    : ": committed in " + reg.commit().substring(0, 12) + " at " + reg.committed().orElseThrow() + (reg.clean() ? "" : ", but its folder has changed since")));
            var corpora = CorpusSource.of(s);
            if (planOnly) {
                out.println(search.innerRuns(corpora).size() + " inner runs planned; final runs are planned per outer fold once its inner runs have finished");
                return ExitCode.OK;
            }
            if (!reg.registered())
                throw new UsageException(dir + ": the plan must be committed, and its folder and inner fold files unchanged, before any of its runs "
                        + "(pre-registration); commit them, then run again");
            search.runUntilComplete(corpora, SettingsOptions.cache(s), root);   // the folds whose search finishes then plan their final runs
            ReportTables.print(out, search.log(corpora), 1, "the search log");
            return ExitCode.OK;
        }
    }

    @Command(name = "strongest", description = "run (or resume) notebook 06's study on the primary corpus (design.StrongestModel): every search of "
            + "experiments/<corpus>/search/*/ with its final runs and baseline, then the paper's questions at the first "
            + "search's pooled choice; records under <results>/runs/; prints what it cost and the results")
    static final class Strongest implements CommandAction {
        @Mixin TrainingSettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Settings s = settings.settings();
            var corpora = CorpusSource.of(s);
            var study = StrongestModel.of(corpora.primary().name(), s);
            PrintStream out = Main.out(spec);
            out.println(study.describe());
            long t0 = System.nanoTime();
            study.run(corpora, SettingsOptions.cache(s), s.results().resolve("runs"));
            ReportTables.print(out, study.cost(corpora), 2, "what the study cost");
            ReportTables.print(out, study.results(corpora), 1, "the study's results");
            out.printf(Locale.ROOT, "wall time %.1f s with %d run(s) at a time (EMOAUG_PARALLEL)%n", (System.nanoTime() - t0) / 1e9, Runner.defaultParallelism());
            return ExitCode.OK;
        }
    }

    @Command(name = "study", description = "run (or resume) notebook 04's ReLU-vs-ELU study on the primary corpus (experiments/<corpus>/*.properties, else"
            + " the built-in defaults), all runs together; prints the result table and the wall time")
    static final class StudyCommand implements CommandAction {
        @Mixin RunsOption runs;
        @Mixin TrainingSettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Settings s = settings.settings();
            Path root = SettingsOptions.runsRoot(runs.runs, s);
            long t0 = System.nanoTime();
            var corpora = CorpusSource.of(s);
            var study = Study.of(corpora.primary().name(), s);
            var records = study.run(corpora, SettingsOptions.cache(s), root);
            double wall = (System.nanoTime() - t0) / 1e9;
            PrintStream out = Main.out(spec);
            ReportTables.print(out, StudyTables.table(study.experiments(), root, study.corpus()), 1, "the study's results");
            out.printf(Locale.ROOT, "%d runs of %d experiments; wall time %.1f s with %d run(s) at a time (EMOAUG_PARALLEL), OMP_NUM_THREADS=%s%n",
                    records.size(), study.experiments().size(), wall, Runner.defaultParallelism(), System.getenv("OMP_NUM_THREADS"));
            return ExitCode.OK;
        }
    }

    @Command(name = "ablation", description = "run (or resume) an augmentation ablation (experiments/<corpus>/ablation/*.properties), one experiment per "
            + "recipe (--only: just these), then print the table against no augmentation")
    static final class AblationCommand implements CommandAction {
        @Option(names = "--design", required = true, paramLabel = "FILE", description = "the ablation design")
        Path design;

        @Option(names = "--only", paramLabel = "RECIPE,...", split = ",", description = "only these recipes of the design")
        List<String> only = List.of();

        @Mixin RunsOption runs;
        @Mixin TrainingSettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            var d = Ablation.load(InputFiles.file(design, "ablation design"));
            List<String> recipes = d.conditions().stream().map(c -> c.recipe()).toList();
            for (String o : only) if (!recipes.contains(o)) throw new UsageException("unknown recipe '" + o + "' for this design; its recipes are " + recipes);
            Settings s = settings.settingsFor(d.conditions().get(0).config().corpus());
            Path root = SettingsOptions.runsRoot(runs.runs, s);
            PrintStream out = Main.out(spec);
            Set<String> names = new HashSet<>();
            for (var c : d.conditions()) {
                if (!only.isEmpty() && !only.contains(c.recipe())) continue;
                out.println("== " + c.recipe() + " (" + c.config().name() + ")");
                names.add(c.config().name());
            }
            // the design's plan (seed-major: whole seeds first), restricted to the chosen recipes
            var planned = d.plan(CorpusSource.of(s)).stream().filter(p -> names.contains(p.experiment())).toList();
            Runner.runAll(new SpecJobs(SettingsOptions.cache(s), root, s.retryFailed()).jobs(planned));
            ReportTables.print(out, StudyTables.ablation(d, root), 2, "the ablation table");
            return ExitCode.OK;
        }
    }

    @Command(name = "cross", description = "run (or resume) the cross-corpus grid of notebook 05 over the configured corpora (the real ones when two or more "
            + "are configured, else with the synthetic one; leave-one-corpus-out with three or more) (--variants: only these, e.g. 'main,no augmentation'; "
            + "--plan-only: count the planned runs and estimate their cost, train nothing); prints the grid")
    static final class Cross implements CommandAction {
        @Option(names = "--variants", paramLabel = "LABEL,...", split = ",", description = "only these variants of the grid")
        List<String> variants = List.of();

        @Option(names = "--plan-only", description = "print the planned runs per variant and cell kind with their estimated cost on one core, and train nothing")
        boolean planOnly;

        @Mixin RunsOption runs;
        @Mixin TrainingSettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Settings s = settings.settings();
            List<String> labels = CrossCorpusStudy.variants(s.quick()).stream().map(v -> v.label()).toList();
            for (String o : variants) if (!labels.contains(o)) throw new UsageException("unknown variant '" + o + "'; the variants are " + labels);
            var corpora = CrossCorpusStudy.corpora(s);
            if (planOnly) {
                var design = CrossCorpusStudy.design(corpora.stream().map(c -> c.name()).toList(), s, variants);
                ReportTables.print(Main.out(spec), design.plannedRuns(CorpusSource.of(corpora)), 2, "the planned runs");
                return ExitCode.OK;
            }
            var grid = CrossCorpusStudy.run(corpora, s, SettingsOptions.cache(s), SettingsOptions.runsRoot(runs.runs, s), variants);
            ReportTables.print(Main.out(spec), grid.rejectColumns(ResultColumns.EXPERIMENT), 1, "the cross-corpus grid");
            return ExitCode.OK;
        }
    }

    @Command(name = "robustness", description = "train (or load) the robustness models of notebook 05 on the primary corpus and evaluate them on degraded test "
            + "speech; prints the table")
    static final class RobustnessCommand implements CommandAction {
        @Option(names = "--activations", paramLabel = "relu|elu,...", split = ",", description = "only these activations (relu, elu)")
        List<String> activations = List.of();

        @Mixin RunsOption runs;
        @Mixin TrainingSettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            for (String a : activations)
                if (!a.equals("relu") && !a.equals("elu")) throw new UsageException("--activations takes relu and/or elu, got '" + a + "'");
            Settings s = settings.settings();
            var primary = CorpusSource.of(s).primary();
            var study = Robustness.study(primary, s, SettingsOptions.cache(s), SettingsOptions.runsRoot(runs.runs, s), activations);
            ReportTables.print(Main.out(spec), Robustness.combined(study), 2, "the robustness table");
            return ExitCode.OK;
        }
    }
}
