package org.emoaugnet.design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.eval.Statistics;
import org.emoaugnet.eval.TestVerdict;
import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.Evidence;
import org.emoaugnet.evidence.PublishedAnchors;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.SeedVote;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.evidence.TestColumns;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.features.FeatureSpec;
import org.emoaugnet.model.Dataset;
import org.emoaugnet.model.TrainOptions;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.Defaults;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Predictions;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.RunSpec;
import org.emoaugnet.run.Runner;
import org.emoaugnet.run.SpecJobs;
import org.emoaugnet.util.Settings;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Notebook 06's study, "the strongest honest model": on each fold set a {@link ModelSearch} over candidate
 * configurations, selected per fold on that fold's validation speakers (nested), beside its baseline, the compact
 * network of the paper reproduction on the same classes and folds ({@link Arm}). Fold sets are searched independently:
 * nothing found on one is reported as confirmed by another.
 *
 * <p>On RAVDESS each folder of {@code experiments/ravdess/search} is one arm: {@code emobox} (EmoBox's 6 actor folds)
 * and {@code reslstm} (the 5 folds of the ResLSTM-SA anchor), 8 classes, search seed 1, final seeds 1–5; each arm's
 * candidate a is its baseline (an experiment of {@code experiments/ravdess/eight-class}), so the search reuses the
 * baseline's runs. Elsewhere (the synthetic corpus, EmoDB, quick mode) one arm with two built-in candidates runs on the
 * corpus's default speaker-independent folds so that every step of the notebook is exercised: the compact network on
 * the public pipeline's features with public-4 augmentation (also the baseline), and the convolution-and-pooling
 * network on 64-band log-mel with SpecAugment masks and label smoothing.
 *
 * <p>Once the first arm's search is complete up to {@code questionRound}, the paper's two questions are asked again at
 * its pooled choice among those rounds' candidates ({@link StrongModelQuestions}: ReLU vs ELU, waveform augmentation vs
 * none) with {@code questionSeeds}; that choice may be any candidate (on RAVDESS the baseline's compact network), and
 * the questions' tables name its network. A search folder's {@code round-N/} subfolder holds candidates added after
 * round N − 1's results were known, and its {@code designed-after.csv} the candidates added within a round after other
 * candidates' test results were written ({@link ModelSearch.CandidateFolder}); every row of nested results names the
 * candidates among its runs that were designed so ({@link #nested}). Each arm's nested winner is tested against its
 * baseline, one family over the arms ({@link #baselineTest}).
 *
 * @param corpus        the corpus it runs on
 * @param arms          one search with its baseline per fold set
 * @param questionSeeds training seeds of the questions' runs
 * @param questionRound the search round whose pooled choice the questions are asked at (on RAVDESS 1: the questions
 *                      were designed and answered after round 1, and later rounds' candidates do not move them)
 */
public record StrongestModel(String corpus, List<Arm> arms, List<Long> questionSeeds, int questionRound) implements Design {
    public StrongestModel {
        arms = List.copyOf(arms);
        questionSeeds = List.copyOf(questionSeeds);
        if (arms.isEmpty()) throw new IllegalArgumentException("the study needs at least one search");
        if (questionRound < 1) throw new IllegalArgumentException("question round " + questionRound + ": rounds start at 1");
    }

    /**
     * One fold set's search and its baseline.
     *
     * @param search   the search (its final runs are the nested result)
     * @param baseline the compact network on the search's folds: the search's first candidate
     */
    public record Arm(ModelSearch search, ExperimentConfig baseline) {
        public Arm {
            if (!search.candidates().get(0).name().equals(baseline.name()))
                throw new IllegalArgumentException(search.name() + ": the baseline " + baseline.name() + " is not the search's first candidate");
        }

        /** The finished final runs (the nested result): each fold's winner with the final seeds, finished under their planned spec. */
        public List<Path> finalRuns(CorpusSource corpora) throws IOException { return finished(search.finalRuns(corpora)); }

        /** The finished final runs of the nested result as it stood after {@code round} ({@link ModelSearch#finalRuns(CorpusSource, int)}). */
        public List<Path> finalRuns(CorpusSource corpora, int round) throws IOException { return finished(search.finalRuns(corpora, round)); }

        /**
         * The planned final runs of earlier rounds' fold winners that a later round's candidate replaced: computed (their
         * test results were known when the later round was designed) but no longer part of the nested result; empty for
         * a search of one round.
         */
        public List<PlannedRun> replacedFinalRuns(CorpusSource corpora) throws IOException {
            Set<String> latest = new LinkedHashSet<>();
            for (PlannedRun r : search.finalRuns(corpora)) latest.add(ModelSearch.key(r));
            Map<String, PlannedRun> out = new LinkedHashMap<>();
            for (int round = 1; round < search.lastRound(); round++)
                for (PlannedRun r : search.finalRuns(corpora, round))
                    if (!latest.contains(ModelSearch.key(r))) out.putIfAbsent(ModelSearch.key(r), r);
            return List.copyOf(out.values());
        }

        /** The finished runs of the baseline, restricted to its own seeds. */
        public List<Path> baselineRuns() throws IOException { return StudyTables.runs(baseline, search.runsRoot()); }

        /** Finished runs among {@code planned} whose record has the planned spec. */
        List<Path> finished(List<PlannedRun> planned) throws IOException {
            return search.finished(planned).keySet().stream().map(search::dir).toList();
        }

        /**
         * The fold set's name ({@code emobox-6}, {@code reslstm-5}, a fold file's {@code file:<sha256>}), or "seeded
         * speaker" for a corpus whose speaker folds are drawn with the fold seed.
         */
        public String foldSet() {
            var set = baseline.split().foldSet();
            return set != null && Corpora.foldsFrom(baseline.corpus(), set) ? set.key() : "seeded speaker";
        }

        /**
         * One row per fold: the candidate its validation speakers chose (none until its search is complete), that
         * candidate's validation UA, the final runs finished there and their mean test UA, and the baseline's mean test UA
         * on the same fold.
         */
        public Table perFold(CorpusSource corpora) throws IOException {
            Chosen c = Chosen.of(search.log(corpora), "fold", "validation UA (%)");
            Map<String, String> winners = c.winner();
            Map<String, Double> val = c.score();
            Map<String, List<Double>> finals = testUa(finalRuns(corpora)), base = testUa(baselineRuns());
            StringColumn fold = StringColumn.create("fold"), winner = StringColumn.create("chosen candidate");
            DoubleColumn v = DoubleColumn.create("its validation UA (%)"), t = DoubleColumn.create("final test UA, mean over seeds (%)"),
                    b = DoubleColumn.create("baseline test UA, mean over seeds (%)");
            IntColumn n = IntColumn.create("final runs");
            for (String f : winners.keySet()) {
                fold.append(f);
                winner.append(winners.get(f));
                v.append(val.getOrDefault(f, Double.NaN));
                n.append(finals.getOrDefault(f, List.of()).size());
                t.append(mean(finals.get(f)));
                b.append(mean(base.get(f)));
            }
            return Table.create(search.name() + ": per fold (selection on validation speakers; test UA of the chosen candidate)", fold, winner, v, n, t, b);
        }
    }

    /** The folder of RAVDESS candidates: one subfolder per fold set. */
    public static final String RAVDESS_SEARCH = "ravdess-search";

    /** The study on {@code corpus} under these settings, its records under {@code results/runs}. */
    public static StrongestModel of(String corpus, Settings s) throws IOException { return of(corpus, s, s.results().resolve("runs")); }

    /** The study on {@code corpus} under these settings, its records (which its searches read to plan) under {@code runs}. */
    public static StrongestModel of(String corpus, Settings s, Path runs) throws IOException {
        Path root = s.projectRoot().resolve("experiments").resolve(corpus).resolve("search");
        if (!s.quick() && corpus.equals("ravdess") && Files.isDirectory(root)) {
            List<Arm> arms = new ArrayList<>();
            List<Path> dirs;
            try (var files = Files.list(root)) { dirs = files.filter(Files::isDirectory).sorted().toList(); }
            for (Path d : dirs) {
                String name = RAVDESS_SEARCH + (d.getFileName().toString().equals("emobox") ? "" : "-" + d.getFileName());
                ModelSearch search = ModelSearch.inFolder(name, d, Defaults.SEARCH_SEEDS, Defaults.FINAL_SEEDS, runs);
                arms.add(new Arm(search, search.candidates().get(0)));
            }
            return new StrongestModel(corpus, arms, List.of(1L, 2L, 3L), 1);
        }
        String tag = s.quick() ? "-quick" : "";
        List<Long> finalSeeds = s.quick() ? List.of(s.seed()) : List.of(s.seed(), s.seed() + 1);
        var classes = Corpora.defaultClassSet(corpus);
        int folds = Defaults.folds(s);
        ExperimentConfig a = new ExperimentConfig(corpus + "-strong-a-compact-public4" + tag, corpus, classes, Protocol.SPEAKER_INDEPENDENT,
                FeatureSpec.publicPipeline(), Dataset.Layout.SEQUENCE, Recipe.public4(), "compact-cnn-lstm", "relu", Defaults.training(s), finalSeeds, folds);
        TrainOptions masks = TrainOptions.NONE.withSpecAugment(new TrainOptions.SpecAugment(2, 30, 2, 8)).withLabelSmoothing(0.1);
        ExperimentConfig b = new ExperimentConfig(corpus + "-strong-b-pool-logmel" + tag, corpus, classes, Protocol.SPEAKER_INDEPENDENT,
                FeatureSpec.logMel64(), Dataset.Layout.SEQUENCE, Recipe.none(), "strong-cnn-pool", "relu", Defaults.training(s).withOptions(masks), finalSeeds, folds);
        return new StrongestModel(corpus, List.of(new Arm(new ModelSearch(corpus + "-strong-search" + tag, List.of(a, b), List.of(s.seed()), finalSeeds, runs), a)),
                finalSeeds, 1);
    }

    @Override
    public String describe() {
        return "the strongest-honest-model study on " + corpus + ": " + String.join("; ", arms.stream().map(a -> a.search().describe()).toList());
    }

    /** Every arm's search runs (with the final runs of folds whose search is complete) and baseline runs, each run once. */
    @Override
    public List<PlannedRun> plan(CorpusSource corpora) throws IOException {
        Map<String, PlannedRun> out = new LinkedHashMap<>();
        List<PlannedRun> all = new ArrayList<>();
        for (Arm a : arms) {
            all.addAll(a.search().plan(corpora));
            all.addAll(a.baseline().plan(corpora));
        }
        var q = questions(corpora);
        if (q.isPresent()) all.addAll(q.get().plan(corpora));
        for (PlannedRun r : all) out.putIfAbsent(ModelSearch.key(r), r);
        return List.copyOf(out.values());
    }

    /** Runs the plan twice: the folds whose search finishes in the first pass plan their final runs for the second. */
    @Override
    public List<RunRecord> run(CorpusSource corpora, FeatureCache cache, Path runsRoot) throws IOException {
        Runner.runAll(new SpecJobs(cache, runsRoot, corpora.retryFailed()).jobs(plan(corpora)));
        return Runner.runAll(new SpecJobs(cache, runsRoot, corpora.retryFailed()).jobs(plan(corpora)));
    }

    /**
     * The paper's questions at the first arm's pooled choice among the candidates of rounds up to {@link #questionRound}
     * ({@link ModelSearch#pooledChoice(CorpusSource, int)}), on that arm's folds with {@link #questionSeeds}; empty until
     * those candidates' search runs are complete.
     */
    public java.util.Optional<StrongModelQuestions> questions(CorpusSource corpora) throws IOException {
        ModelSearch first = arms.get(0).search();
        return first.pooledChoice(corpora, questionRound).map(c -> StrongModelQuestions.of(first.name(), c, questionSeeds));
    }

    /** Label of the nested result in tables and sentences. */
    public static final String NESTED = "nested search winner";

    /**
     * An arm's nested result as a row of the tables: its finished final runs and its label, which names the search and
     * the candidates among the runs' experiments that were designed after test results were known ({@link #designedLate}).
     */
    public record NestedResult(String label, List<Path> runs) {
        public NestedResult { runs = List.copyOf(runs); }
    }

    /**
     * The arm's latest nested result: {@code nested search winner (search)}, then its late candidates and, where more
     * than one trainer made them, its candidates' trainers ({@link #trainers}).
     */
    public NestedResult nested(Arm arm, CorpusSource corpora) throws IOException {
        List<Path> runs = arm.finalRuns(corpora);
        return new NestedResult(NESTED + " (" + arm.search().name() + ")" + designedLate(arm.search(), experiments(runs))
                + trainers(arm.search(), arm.search().lastRound()), runs);
    }

    /**
     * The arm's nested result as it stood after {@code round}, before later rounds' candidates were added:
     * {@code nested search winner after round N (search), among candidates a–e}, then its late candidates and their
     * trainers, as {@link #nested(Arm, CorpusSource)}.
     */
    public NestedResult nested(Arm arm, int round, CorpusSource corpora) throws IOException {
        List<Path> runs = arm.finalRuns(corpora, round);
        return new NestedResult(NESTED + " after round " + round + " (" + arm.search().name() + "), among candidates " + arm.search().lettersUpTo(round)
                + designedLate(arm.search(), experiments(runs)) + trainers(arm.search(), round), runs);
    }

    /**
     * What a label adds when the candidates of rounds 1 to {@code round} are trained by more than one trainer (engine
     * pins keep some on an older one while others were re-made), so that selection compares their validation scores
     * across trainers: {@code ", its candidates made by 2 trainers: a by fused-2/loop-2 and b, c, d, e, f by fused-1/loop-2"}. Empty when
     * one trainer makes them all.
     */
    static String trainers(ModelSearch search, int round) {
        Map<RunSpec.Engine, List<String>> by = search.lettersByEngine(round);
        if (by.size() < 2) return "";
        List<String> parts = new ArrayList<>();
        by.forEach((engine, letters) -> parts.add(String.join(", ", letters) + " by " + org.emoaugnet.run.EngineTags.name(engine)));
        return MADE_BY + by.size() + " trainers: " + String.join(by.size() == 2 ? " and " : "; ", parts);
    }

    /** How {@link #trainers} begins in a label. */
    public static final String MADE_BY = ", its candidates made by ";

    /** The experiments of runs (each run's folder lies in its experiment's). */
    private static Set<String> experiments(List<Path> runs) {
        Set<String> out = new LinkedHashSet<>();
        for (Path r : runs) out.add(r.getParent().getFileName().toString());
        return out;
    }

    /**
     * What a label adds for the candidates of {@code search} among {@code experiments} that were designed after test
     * results were known ({@link ModelSearch#designedLate}), in the search's order, each with what was known:
     * {@code ", incl. candidates designed after test results were known: e (after b, c), f (after round 1)"}, where
     * b and c are the search's candidates whose test results its folder names, a candidate of another search is named
     * with that search ({@code ravdess-search's b}), and a later round's candidate was designed after the earlier rounds.
     * Empty when there is none.
     */
    public String designedLate(ModelSearch search, Set<String> experiments) {
        List<String> items = lateCandidates(search, experiments);
        if (items.isEmpty()) return "";
        return ", incl. " + (items.size() == 1 ? "a candidate" : "candidates") + " " + DESIGNED_LATE + ": " + String.join(", ", items);
    }

    /** What {@link #designedLate} says of the late candidates, in words. */
    static final String DESIGNED_LATE = "designed after test results were known";

    /** The late candidates of {@code search} among {@code experiments}, each as {@code e (after b, c)} ({@link #designedLate}). */
    List<String> lateCandidates(ModelSearch search, Set<String> experiments) {
        List<String> items = new ArrayList<>();
        for (ExperimentConfig c : search.candidates()) {
            if (!experiments.contains(c.name()) || !search.designedLate(c.name())) continue;
            List<String> after = new ArrayList<>();
            var stated = search.designedAfter(c.name());
            if (stated.isPresent()) {
                Map<String, List<String>> bySearch = new LinkedHashMap<>();   // "" for this search, then other searches, then experiments of none
                List<String> unknown = new ArrayList<>();
                for (String e : stated.get().testResultsOf()) {
                    ModelSearch owner = search.hasCandidate(e) ? search : arms.stream().map(Arm::search).filter(x -> x.hasCandidate(e)).findFirst().orElse(null);
                    if (owner == null) unknown.add(e);
                    else bySearch.computeIfAbsent(owner == search ? "" : owner.name() + "'s ", k -> new ArrayList<>()).add(owner.letter(e));
                }
                for (var g : bySearch.entrySet()) after.add(g.getKey() + String.join(", ", g.getValue()));
                after.addAll(unknown);
            }
            int round = search.round(c.name());
            if (round > 1) after.add(round == 2 ? "round 1" : "rounds 1–" + (round - 1));
            items.add(search.letter(c.name()) + " (after " + String.join(", ", after) + ")");
        }
        return items;
    }

    /** The contrast of an arm's baseline test ({@link #baselineTest}): {@code search (fold set): nested winner − baseline (network)}. */
    public static String baselineContrast(Arm arm) {
        return arm.search().name() + " (" + arm.foldSet() + "): " + NESTED + " − baseline (" + arm.baseline().model() + ")";
    }

    /**
     * Each arm's latest nested result against its baseline, UA, one family ({@link StudyReport#comparisonTable}): the
     * nested winner's final runs minus the baseline's runs paired by fold and seed, unit the fold (its seeds' differences
     * averaged), the paired t-test over folds with its 95 % t interval, the difference over recordings, and Holm over
     * the family, which is every search's nested winner against its own baseline (one comparison per fold set). An arm
     * without final or baseline runs has no row.
     */
    public Table baselineTest(CorpusSource corpora) throws IOException {
        Map<String, Comparison> cmp = new LinkedHashMap<>();
        List<Path> used = new ArrayList<>();
        for (Arm a : arms) {
            List<Path> winner = a.finalRuns(corpora), base = a.baselineRuns();
            if (winner.isEmpty() || base.isEmpty()) continue;
            cmp.put(baselineContrast(a), Comparison.of(winner, base, "UA"));
            used.addAll(winner);
            used.addAll(base);
        }
        return org.emoaugnet.util.Lineage.tag(StudyReport.comparisonTable(
                "each search's nested winner − its baseline, UA (one family: Holm over the searches)", cmp), StudyReport.lineage(used));
    }

    /**
     * A row of {@link #baselineTest} in one cell: the difference over units with its 95 % t interval and units, the
     * Holm-adjusted p of the paired t-test and the verdict ({@link TestVerdict}): {@code +2.1 [-5.3, +9.5] (6 folds),
     * Holm p 1.000: no difference established}.
     */
    static String baselineCell(Table test, int row) {
        int n = test.intColumn(TestColumns.UNITS).get(row);
        return String.format(Locale.ROOT, "%s [%s, %s] (%d %s%s), Holm p %s: %s", StudyReport.signed(StudyReport.num(test, TestColumns.DELTA, row)),
                StudyReport.signed(StudyReport.num(test, TestColumns.T_LOW, row)), StudyReport.signed(StudyReport.num(test, TestColumns.T_HIGH, row)), n,
                test.stringColumn(TestColumns.UNIT).get(row), n == 1 ? "" : "s", StudyReport.p(StudyReport.num(test, TestColumns.P_T_HOLM, row)),
                TestVerdict.of(StudyReport.numbers(test, row)).label());
    }

    /** Every arm's candidates, in order (each arm's first is its baseline). */
    public List<ExperimentConfig> candidates() { return arms.stream().flatMap(a -> a.search().candidates().stream()).toList(); }

    /** Every arm's search log, one table: the search's name beside each row. */
    public Table searchLog(CorpusSource corpora) throws IOException {
        Table out = null;
        for (Arm a : arms) {
            Table t = a.search().log(corpora);
            StringColumn name = StringColumn.create("search");
            for (int i = 0; i < t.rowCount(); i++) name.append(a.search().name());
            t.insertColumn(0, name);
            if (out == null) out = t.copy(); else out.append(t);
        }
        return out.setName("the search log (validation speakers only)");
    }

    /**
     * What the study cost: one row per group of runs (each arm's search, final runs and baseline) with the
     * configurations it holds, its runs finished and planned, and their summed wall time; a last row counts every
     * distinct finished run once (a baseline's runs that its search reuses count once).
     */
    public Table cost(CorpusSource corpora) throws IOException {
        StringColumn group = StringColumn.create(ResultColumns.GROUP), what = StringColumn.create("what");
        IntColumn configs = IntColumn.create("configurations"), done = IntColumn.create(ResultColumns.RUNS), planned = IntColumn.create(ResultColumns.PLANNED_RUNS);
        DoubleColumn hours = DoubleColumn.create("wall time (h)");
        Map<String, Double> seconds = new LinkedHashMap<>();
        Set<String> configurations = new LinkedHashSet<>();
        for (Arm a : arms) {
            ModelSearch search = a.search();
            for (ExperimentConfig c : search.candidates()) configurations.add(c.name());
            Map<String, List<PlannedRun>> groups = new LinkedHashMap<>();
            groups.put(search.name() + ": search", search.searchRuns(corpora));
            groups.put(search.name() + ": final", search.finalRuns(corpora));
            if (search.lastRound() > 1) groups.put(search.name() + ": replaced", a.replacedFinalRuns(corpora));
            groups.put(search.name() + ": baseline", a.baseline().plan(corpora));
            for (var e : groups.entrySet()) {
                List<Path> runs = a.finished(e.getValue());
                double sum = wallSeconds(runs, seconds);
                group.append(e.getKey());
                String kind = e.getKey().substring(e.getKey().lastIndexOf(' ') + 1);
                what.append(kind.equals("search") ? "every candidate on every fold, search seeds " + search.searchSeeds()
                        : kind.equals("final") ? "each fold's winner, final seeds " + search.finalSeeds() + " (planned once the fold's search is complete)"
                        : kind.equals("replaced") ? "earlier rounds' fold winners, final seeds " + search.finalSeeds() + ", where round " + search.lastRound()
                            + "'s choice differs (run and seen before it was added; not in the nested result)"
                        : a.baseline().name() + ", seeds " + a.baseline().seeds());
                configs.append(kind.equals("search") ? search.candidates().size() : kind.equals("baseline") ? 1
                        : (int) e.getValue().stream().map(PlannedRun::experiment).distinct().count());
                done.append(runs.size());
                if (kind.equals("replaced")) planned.appendMissing();   // nothing is planned for them any more: they count as far as they ran
                else planned.append(e.getValue().size());
                hours.append(sum / 3600);
            }
        }
        var q = questions(corpora);
        if (q.isPresent()) {
            Arm first = arms.get(0);
            List<Path> runs = first.finished(q.get().plan(corpora));
            double sum = wallSeconds(runs, seconds);
            group.append(first.search().name() + ": questions");
            what.append("ReLU vs ELU and augmentation vs none at the pooled choice " + q.get().strong().name() + ", seeds " + questionSeeds);
            configs.append(q.get().experiments().size());
            done.append(runs.size());
            planned.append(q.get().plan(corpora).size());
            hours.append(sum / 3600);
            for (ExperimentConfig c : q.get().experiments()) configurations.add(c.name());
        }
        group.append("all distinct runs");
        what.append("each finished run counted once");
        configs.append(configurations.size());
        done.append(seconds.size());
        planned.appendMissing();
        hours.append(seconds.values().stream().mapToDouble(Double::doubleValue).sum() / 3600);
        return Table.create("what the study cost", group, what, configs, done, planned, hours);
    }

    /** The summed recorded wall time of {@code runs}, each also noted in {@code seen} (run folder → seconds) so that a run counts once overall. */
    private static double wallSeconds(List<Path> runs, Map<String, Double> seen) throws IOException {
        double sum = 0;
        for (Path r : runs) {
            double w = RunRecord.read(r).wallSeconds();
            sum += w;
            seen.put(r.toString(), w);
        }
        return sum;
    }

    /** {@link #results(CorpusSource, Table)} with the baseline test computed here. */
    public Table results(CorpusSource corpora) throws IOException { return results(corpora, baselineTest(corpora)); }

    /**
     * The results: each arm's nested search winner (its final runs), its nested result after each earlier round, and
     * its baseline, one row each ({@link #nested}: a row's label names its candidates designed after test results were
     * known), with WA and UA as mean ± s.d. over runs, over seeds with the t interval and over recordings with the
     * speakers → recordings interval ({@link StudyReport#tableOf}); the latest nested row holds its test against the
     * baseline ({@code baselineTest}, from {@link #baselineTest}) in {@link ResultColumns#VS_BASELINE}, the other rows
     * nothing there.
     */
    public Table results(CorpusSource corpora, Table baselineTest) throws IOException {
        Map<String, List<Path>> rows = new LinkedHashMap<>();
        Map<String, Arm> armOf = new LinkedHashMap<>();
        Map<String, String> vsBaseline = new LinkedHashMap<>();
        for (Arm a : arms) {
            NestedResult latest = nested(a, corpora);
            rows.put(latest.label(), latest.runs());
            int test = baselineTest.stringColumn(TestColumns.COMPARISON).indexOf(baselineContrast(a));
            if (test >= 0) vsBaseline.put(latest.label(), baselineCell(baselineTest, test));
            for (int round = 1; round < a.search().lastRound(); round++) {
                NestedResult earlier = nested(a, round, corpora);
                rows.put(earlier.label(), earlier.runs());
            }
            rows.put("baseline " + a.baseline().name(), a.baselineRuns());
            rows.keySet().forEach(k -> armOf.putIfAbsent(k, a));
        }
        Table t = StudyReport.tableOf(rows, corpus).setName("the strongest honest model beside its baselines");
        StringColumn folds = StringColumn.create(ResultColumns.FOLD_SET), models = StringColumn.create(ResultColumns.MODEL),
                vs = StringColumn.create(ResultColumns.VS_BASELINE);
        IntColumn planned = IntColumn.create(ResultColumns.PLANNED_RUNS);
        for (String row : t.stringColumn(ResultColumns.EXPERIMENT)) {
            String first = row.split(" = ")[0];   // rows holding the same runs are one row named "first = second"
            Arm arm = armOf.get(first);
            folds.append(arm.foldSet());
            vs.append(vsBaseline.getOrDefault(first, ""));
            planned.append(first.startsWith(NESTED) ? arm.search().finalSeeds().size() * (int) arm.search().log(corpora).stringColumn("fold").unique().size()
                    : StudyTables.plannedRuns(arm.baseline(), arm.search().runsRoot()));
            Set<String> m = new LinkedHashSet<>();
            for (Path r : rows.get(first)) m.add(RunRecord.read(r).spec().model());
            models.append(String.join(", ", m));
        }
        t.insertColumn(1, folds);
        t.insertColumn(2, models);
        t.insertColumn(t.columnIndex(ResultColumns.RUNS) + 1, planned);
        return t.addColumns(vs);
    }

    /**
     * The vote of each row's runs ({@link SeedVote}: each test recording classified by the plurality of the runs that
     * tested it, fixed in advance), beside {@link #results}: the nested winner and the baseline of each arm, UA and WA
     * over recordings with the speakers → recordings interval.
     */
    public Table votes(CorpusSource corpora) throws IOException {
        StringColumn name = StringColumn.create(ResultColumns.EXPERIMENT), folds = StringColumn.create(ResultColumns.FOLD_SET),
                ua = StringColumn.create(ResultColumns.UA_OVER_RECORDINGS), wa = StringColumn.create(ResultColumns.WA_OVER_RECORDINGS);
        IntColumn runs = IntColumn.create(ResultColumns.RUNS), recs = IntColumn.create(ResultColumns.TEST_RECORDINGS), spk = IntColumn.create(ResultColumns.TEST_SPEAKERS);
        for (Arm a : arms) {
            Map<String, List<Path>> rows = new LinkedHashMap<>();
            NestedResult latest = nested(a, corpora);
            rows.put(latest.label() + "; seed vote", latest.runs());
            rows.put("baseline " + a.baseline().name() + ", seed vote", a.baselineRuns());
            for (var e : rows.entrySet()) {
                if (e.getValue().isEmpty()) continue;
                SeedVote v = SeedVote.of(e.getValue());
                name.append(e.getKey());
                folds.append(a.foldSet());
                runs.append(v.runs());
                recs.append(v.recordings());
                spk.append(v.speakers());
                ua.append(Evidence.format(v.ua()));
                wa.append(Evidence.format(v.wa()));
            }
        }
        return Table.create("a plurality vote of each row's seeds on every test recording (fixed in advance)", name, folds, runs, recs, spk, wa, ua);
    }

    /**
     * A search log's choices: per fold (every fold of the log, in order) its chosen candidate ("" while undecided), and
     * the chosen candidate's score, read from the log's {@code chosen}, {@code candidate} and the named columns.
     */
    record Chosen(Map<String, String> winner, Map<String, Double> score) {
        static Chosen of(Table log, String foldColumn, String scoreColumn) {
            Map<String, String> winner = new LinkedHashMap<>();
            Map<String, Double> score = new LinkedHashMap<>();
            for (int i = 0; i < log.rowCount(); i++) {
                String f = log.stringColumn(foldColumn).get(i);
                winner.putIfAbsent(f, "");
                if (log.booleanColumn("chosen").get(i)) {
                    winner.put(f, log.stringColumn("candidate").get(i));
                    score.put(f, log.doubleColumn(scoreColumn).getDouble(i));
                }
            }
            return new Chosen(winner, score);
        }
    }

    static double mean(List<Double> v) { return v == null || v.isEmpty() ? Double.NaN : v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN); }

    /** Per fold, the test UA (%) of each of {@code runs} there. */
    static Map<String, List<Double>> testUa(List<Path> runs) throws IOException {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (Path r : runs) {
            RunRecord rec = RunRecord.read(r);
            out.computeIfAbsent(rec.spec().fold(), k -> new ArrayList<>()).add(100 * rec.test().ua());
        }
        return out;
    }

    /**
     * UA of each test speaker over the given runs' predictions (each speaker is tested in one fold; its recordings
     * count once per seed), best first: recordings, runs and UA (%) per speaker.
     */
    public static Table perSpeaker(List<Path> runs) throws IOException {
        StringColumn spk = StringColumn.create("speaker");
        IntColumn items = IntColumn.create("test items"), nRuns = IntColumn.create(ResultColumns.RUNS);
        DoubleColumn ua = DoubleColumn.create(ResultColumns.UA);
        Table t = Table.create("UA per test speaker", spk, items, nRuns, ua);
        if (runs.isEmpty()) return t;
        Map<String, int[][]> counts = new java.util.TreeMap<>();   // speaker → [class][correct, total]
        Map<String, Integer> runsPerSpeaker = new LinkedHashMap<>();
        for (Path r : runs) {
            List<String> classes = RunRecord.read(r).classes();
            Predictions p = Predictions.read(r.resolve(Predictions.FILE), classes);
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < p.items().size(); i++) {
                String speaker = Corpora.speakerOfKey(p.items().get(i));
                seen.add(speaker);
                int[][] c = counts.computeIfAbsent(speaker, x -> new int[classes.size()][2]);
                c[p.truth()[i]][1]++;
                if (p.truth()[i] == p.predicted()[i]) c[p.truth()[i]][0]++;
            }
            for (String x : seen) runsPerSpeaker.merge(x, 1, Integer::sum);
        }
        for (var e : counts.entrySet()) {
            double sum = 0;
            int present = 0, total = 0;
            for (int[] c : e.getValue()) {
                total += c[1];
                if (c[1] > 0) { sum += (double) c[0] / c[1]; present++; }
            }
            spk.append(e.getKey());
            items.append(total);
            nRuns.append(runsPerSpeaker.getOrDefault(e.getKey(), 0));
            ua.append(present == 0 ? Double.NaN : 100 * sum / present);
        }
        return t.sortDescendingOn(ResultColumns.UA).setName("UA per test speaker (" + runs.size() + " runs; each speaker's recordings pooled over its runs)");
    }

    /**
     * The published anchors beside our rows of {@link #results}: for ours the UA mean over seeds with its t interval
     * and the UA over recordings with the speakers → recordings interval, each on the fold set it was measured on.
     */
    public Table anchors(CorpusSource corpora) throws IOException {
        StringColumn sys = StringColumn.create("system"), training = StringColumn.create("training"),
                spread = StringColumn.create("spread or interval"), folds = StringColumn.create(ResultColumns.FOLD_SET),
                protocol = StringColumn.create(ResultColumns.PROTOCOL), source = StringColumn.create("source");
        DoubleColumn ua = DoubleColumn.create(ResultColumns.UA);
        for (PublishedAnchors.Anchor a : PublishedAnchors.RAVDESS_8) {
            sys.append(a.system());
            training.append(a.training() == PublishedAnchors.Training.FROM_SCRATCH ? "from scratch" : "frozen self-supervised encoder");
            ua.append(a.ua());
            spread.append(a.spread());
            folds.append(a.foldSet());
            protocol.append(a.protocol());
            source.append(a.source());
        }
        for (Arm arm : arms) {
            Map<String, List<Path>> ours = new LinkedHashMap<>();
            NestedResult latest = nested(arm, corpora);
            ours.put(latest.label(), latest.runs());
            ours.put("baseline " + arm.baseline().name(), arm.baselineRuns());
            for (var e : ours.entrySet()) {
                if (e.getValue().isEmpty()) continue;
                Evidence u = Evidence.of(e.getValue(), "UA");
                Set<String> models = new LinkedHashSet<>(), experiments = new LinkedHashSet<>();
                for (Path r : e.getValue()) {
                    models.add(RunRecord.read(r).spec().model());
                    experiments.add("results/runs/" + r.getParent().getFileName());
                }
                sys.append("ours: " + e.getKey() + "; " + String.join(", ", models));
                training.append("from scratch");
                ua.append(u.seedLevel().estimate());
                spread.append("over " + u.seeds() + " seed(s) " + Evidence.format(u.seedLevel()) + "; over recordings " + Evidence.format(u.clustered()));
                folds.append(corpus.equals("ravdess") ? arm.foldSet() : corpus + " (not comparable)");
                boolean late = !designedLate(arm.search(), experiments(e.getValue())).isEmpty();
                protocol.append(e.getValue().size() + " runs; " + (late ? "each fold's candidate chosen on validation actors, among candidates partly designed "
                        + "after test results were known (named in the system)" : "selection on validation actors only"));
                source.append(String.join(", ", experiments));
            }
        }
        return Table.create("speaker-independent RAVDESS, 8 classes: published anchors and ours", sys, training, ua, spread, folds, protocol, source);
    }

    /**
     * How well validation predicted test, read after selection is fixed (it chooses nothing): per arm and fold, over the
     * candidates' search runs (each candidate's scores averaged over the search seeds), the Spearman rank correlation
     * between validation UA and test UA, the test UA of the candidate the fold chose, the mean over candidates, the best
     * test UA among the candidates (a ceiling that picks on test actors: a bound, never a result) and the chosen one's
     * rank on test; then one row per arm with the means over its folds. Folds whose search is incomplete are left out.
     */
    public Table selectionCheck(CorpusSource corpora) throws IOException {
        StringColumn name = StringColumn.create("search"), fold = StringColumn.create("fold"), chosenName = StringColumn.create("chosen candidate");
        IntColumn n = IntColumn.create("candidates"), rank = IntColumn.create("chosen's rank on test (1 = best)");
        DoubleColumn rho = DoubleColumn.create(RHO), chosenTest = DoubleColumn.create(CHOSEN_TEST),
                meanTest = DoubleColumn.create(MEAN_TEST), bestTest = DoubleColumn.create(CEILING);
        for (Arm a : arms) {
            ModelSearch search = a.search();
            List<PlannedRun> searchRuns = search.searchRuns(corpora);   // candidate by candidate, each over its folds
            Map<PlannedRun, RunRecord> records = search.finished(searchRuns);
            Map<String, String> winners = search.winners(searchRuns, records);
            Map<String, Map<String, double[]>> scores = new LinkedHashMap<>();   // fold → candidate → [validation sum, test sum, runs]
            for (var r : records.entrySet()) {
                RunRecord rec = r.getValue();
                double[] v = scores.computeIfAbsent(rec.spec().fold(), k -> new LinkedHashMap<>()).computeIfAbsent(r.getKey().experiment(), k -> new double[3]);
                v[0] += rec.training().bestValidationScore();
                v[1] += rec.test().ua();
                v[2]++;
            }
            int first = name.size();
            for (var e : scores.entrySet()) {
                String chosen = winners.get(e.getKey());
                if (chosen == null) continue;   // the fold's search is incomplete
                List<String> cands = new ArrayList<>(e.getValue().keySet());
                double[] val = new double[cands.size()], test = new double[cands.size()];
                for (int i = 0; i < cands.size(); i++) {
                    double[] v = e.getValue().get(cands.get(i));
                    val[i] = v[0] / v[2];
                    test[i] = 100 * v[1] / v[2];
                }
                double mine = test[cands.indexOf(chosen)];
                name.append(search.name());
                fold.append(e.getKey());
                n.append(cands.size());
                rho.append(cands.size() < 3 ? Double.NaN : new org.apache.commons.math3.stat.correlation.SpearmansCorrelation().correlation(val, test));
                chosenName.append(chosen);
                chosenTest.append(mine);
                meanTest.append(java.util.Arrays.stream(test).average().orElse(Double.NaN));
                bestTest.append(java.util.Arrays.stream(test).max().orElse(Double.NaN));
                rank.append(1 + (int) java.util.Arrays.stream(test).filter(x -> x > mine).count());
            }
            int rows = name.size() - first;
            if (rows == 0) continue;
            name.append(search.name());
            fold.append("mean over " + rows + " folds");
            n.appendMissing();
            chosenName.append("");
            for (DoubleColumn col : List.of(rho, chosenTest, meanTest, bestTest)) {
                double sum = 0;
                for (int i = first; i < first + rows; i++) sum += col.getDouble(i);
                col.append(sum / rows);
            }
            rank.appendMissing();
        }
        return Table.create("validation against test on the search seeds (read after selection; it chooses nothing)", name, fold, n, rho, chosenName,
                chosenTest, meanTest, bestTest, rank);
    }

    /** The selection check's ceiling column: each fold's best candidate picked on test actors, a bound and never a result. */
    public static final String CEILING = "best candidate on test (%; a ceiling chosen on test actors, not a result)";

    /** The selection check's other columns that its sentences read: the rank correlation, the chosen and the mean candidate's test UA. */
    public static final String RHO = "Spearman ρ, validation vs test UA", CHOSEN_TEST = "chosen: test UA (%)", MEAN_TEST = "mean candidate: test UA (%)";

    /**
     * Sentences from {@link #selectionCheck}: per arm how far validation agreed with test, and the chosen candidates'
     * test UA beside the mean candidate and the ceiling; whether the ceiling itself reaches the goal says whether the
     * shortfall lies in the candidates or in selection.
     */
    public static List<String> selectionSentences(Table check) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < check.rowCount(); i++) {
            if (!check.stringColumn("fold").get(i).startsWith("mean over")) continue;
            String search = check.stringColumn("search").get(i);
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < check.rowCount(); j++)
                if (check.stringColumn("search").get(j).equals(search) && !check.stringColumn("fold").get(j).startsWith("mean over")) {
                    double r = check.doubleColumn(RHO).getDouble(j);
                    if (!Double.isNaN(r)) { lo = Math.min(lo, r); hi = Math.max(hi, r); }
                }
            double ceiling = check.doubleColumn(CEILING).getDouble(i), rho = check.doubleColumn(RHO).getDouble(i);
            String agreement = Double.isNaN(rho) ? "with fewer than 3 candidates a fold has no rank correlation of validation and test UA"
                    : String.format(Locale.ROOT, "validation and test UA of the candidates agree with Spearman ρ %.2f on average (%.2f to %.2f per fold)", rho, lo, hi);
            out.add(String.format(Locale.ROOT, "%s, search seeds, %s: %s; the chosen candidates reach test UA %.1f against %.1f for the mean candidate and %.1f for a "
                            + "ceiling that picks each fold's best candidate on its test actors (a bound, not a result). %s", search, check.stringColumn("fold").get(i),
                    agreement, check.doubleColumn(CHOSEN_TEST).getDouble(i), check.doubleColumn(MEAN_TEST).getDouble(i), ceiling,
                    ceiling < GOAL_UA ? String.format(Locale.ROOT, "Even that ceiling is below the %.0f %% goal, so the shortfall lies in the candidates, not in selection.", GOAL_UA)
                            : String.format(Locale.ROOT, "The ceiling reaches the %.0f %% goal, so part of the shortfall lies in selection (its validation actors are few).", GOAL_UA)));
        }
        return out;
    }

    /** The goal of the study: a mean UA over seeds of at least this much on both fold sets (%). */
    public static final double GOAL_UA = 66.0;

    /**
     * Sentences from the tables: per arm what the search tried and cost, the nested result with both intervals and
     * whether the goal and the best from-scratch anchor are cleared by the seed interval's lower end, the baseline,
     * and what is still missing.
     */
    public List<String> sentences(CorpusSource corpora, Table cost) throws IOException {
        List<String> out = new ArrayList<>();
        PublishedAnchors.Anchor best = PublishedAnchors.bestFromScratch();
        for (Arm arm : arms) {
            ModelSearch search = arm.search();
            int row = cost.stringColumn(ResultColumns.GROUP).indexOf(search.name() + ": search");
            out.add(String.format(Locale.ROOT, "%s (%s folds): the search tried %d configurations; %d of %d search runs finished (seeds %s, %.1f h of wall time); "
                            + "selection read validation speakers only.", search.name(), arm.foldSet(), search.candidates().size(),
                    cost.intColumn(ResultColumns.RUNS).get(row), cost.intColumn(ResultColumns.PLANNED_RUNS).get(row), search.searchSeeds(),
                    cost.doubleColumn("wall time (h)").getDouble(row)));
            List<String> late = lateCandidates(search, search.candidates().stream().map(ExperimentConfig::name).collect(java.util.stream.Collectors.toSet()));
            if (!late.isEmpty()) out.add(search.name() + ": candidates " + DESIGNED_LATE + ": " + String.join(", ", late)
                    + "; a row of results names those among its runs, and every fold's choice still read validation speakers only.");
            String mixed = trainers(search, search.lastRound());
            if (!mixed.isEmpty()) out.add(search.name() + ": " + mixed.substring(MADE_BY.indexOf("its")) + ". Engine pins keep the candidates of older trainers on their "
                    + "records while the others were re-made by the current one (docs/reproducibility.md, \"Engine pins\"); single runs differ between "
                    + "trainers, so each fold's choice and the pooled choice, which compare validation scores across them, may differ from a choice among "
                    + "runs of one trainer (the repository's history has the earlier reports).");
            List<String> unconverged = search.unconvergedSearchRuns(corpora);
            if (!unconverged.isEmpty()) out.add(String.format(Locale.ROOT, "%s: %d search run(s) stopped at their epoch cap while still improving, and their "
                    + "validation scores entered selection as they were: %s.", search.name(), unconverged.size(), String.join(", ", unconverged)));
            List<Path> finals = arm.finalRuns(corpora);
            int planned = search.finalRuns(corpora).size();
            if (finals.isEmpty()) {
                out.add(search.name() + ": no final run has finished yet, so the nested result is missing (" + planned
                        + " final runs planned so far; a fold's final runs are planned once its search is complete).");
            } else {
                Evidence u = Evidence.of(finals, "UA");
                Statistics.Interval s = u.seedLevel();
                int folds = arm.baseline().folds() > 0 ? arm.baseline().folds() : (int) search.log(corpora).stringColumn("fold").unique().size();
                out.add(String.format(Locale.ROOT, "%s: the nested search winner reaches UA %s over %d seed(s) (mean over folds per seed, 95 %% t interval; "
                                + "%d runs on %d of %d folds, %d converged) and %s over %d recordings of %d speakers (resampling speakers, then recordings)%s.",
                        search.name(), Evidence.format(s), u.seeds(), finals.size(), u.foldsPerSeed().values().stream().mapToInt(Integer::intValue).max().orElse(0),
                        folds, u.converged(), Evidence.format(u.clustered()), u.recordings(), u.speakers(),
                        u.balanced() ? "" : "; seeds have unequal numbers of folds, so the seed-level mean is biased towards the complete ones"));
                if (u.unconverged() > 0) out.add(u.unconverged() + " of the " + finals.size() + " final runs stopped at their epoch cap while still improving: "
                        + "no comparison with the goal or the anchors rests on them.");
                else if (!corpus.equals("ravdess")) out.add("The published anchors are RAVDESS figures: on " + corpus + " no comparison with them is made.");
                else if (finals.size() < planned || planned < search.finalSeeds().size() * folds)
                    out.add(search.name() + ": " + finals.size() + " of " + search.finalSeeds().size() * folds + " final runs finished; no comparison with the goal or the anchors is claimed before all have.");
                else out.add(Double.isNaN(s.low()) ? "With fewer than two seeds there is no seed-level interval, so no comparison with the anchors is claimed."
                        : String.format(Locale.ROOT, "%s: goal %.0f %%: %s. Best published from-scratch figure (%s, %.1f %%, on %s): %s.", search.name(), GOAL_UA,
                            s.low() >= GOAL_UA ? "reached (the interval's lower end is above it)" : s.estimate() >= GOAL_UA ? "the mean reaches it but the interval's lower end does not"
                                    : "not reached", best.system(), best.ua(), best.foldSet(),
                            !arm.foldSet().equals(best.foldSet()) ? "measured on other folds, so not compared"
                                    : s.low() > best.ua() ? "the interval's lower end is above it" : "not exceeded (the interval's lower end is not above it)"));
            }
            for (int round = 1; round < search.lastRound(); round++) {
                List<Path> earlier = arm.finalRuns(corpora, round);
                if (earlier.isEmpty()) continue;
                Evidence e = Evidence.of(earlier, "UA");
                out.add(String.format(Locale.ROOT, "%s: after round %d, before round %d's candidates were added, the nested search winner reached UA %s over %d seed(s) "
                                + "(%d runs, %d converged) and %s over recordings; round %d's candidates were designed once those test results were known, "
                                + "which is why this figure is reported beside the latest one.", search.name(), round, round + 1, Evidence.format(e.seedLevel()),
                        e.seeds(), earlier.size(), e.converged(), Evidence.format(e.clustered()), round + 1));
            }
            List<Path> r = arm.baselineRuns();
            if (r.isEmpty()) { out.add("Baseline " + arm.baseline().name() + ": no run has finished."); continue; }
            Evidence u = Evidence.of(r, "UA");
            out.add(String.format(Locale.ROOT, "Baseline %s (%s): UA %s over %d seed(s), %s over recordings; %d of %d planned runs finished, %d converged.",
                    arm.baseline().name(), arm.baseline().model(), Evidence.format(u.seedLevel()), u.seeds(), Evidence.format(u.clustered()), r.size(),
                    StudyTables.plannedRuns(arm.baseline(), search.runsRoot()), u.converged()));
        }
        return out;
    }
}
