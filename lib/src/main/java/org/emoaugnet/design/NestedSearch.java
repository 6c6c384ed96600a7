package org.emoaugnet.design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.emoaugnet.data.FoldFile;
import org.emoaugnet.data.FoldSet;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.util.ConfigValues;
import org.emoaugnet.util.ConfigurationException;
import org.emoaugnet.util.KnownKeys;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A pre-registered search with inner cross-validation as a {@link Design}: in each outer fold of the candidates' fold
 * set, every candidate is trained and scored on that fold's inner folds ({@link org.emoaugnet.data.InnerFolds}: folds
 * over the outer fold's training speakers, its test speakers excluded) with the inner seeds; the candidate with the
 * highest mean inner score (the UA on the inner folds' held-out speakers, over inner folds and seeds; ties go to the
 * earlier candidate, {@link ModelSelection#nested}) wins the outer fold, and is then trained on the outer fold's training
 * speakers with the final seeds and tested on its test speakers, under its own experiment name. Selection reads only the
 * inner runs' records, whose speakers never include an outer test speaker; a fold's final runs are planned once all its
 * inner runs have finished, so a resumed search continues where it stopped.
 *
 * <p>Every run's specification carries the plan's hash ({@link SearchPlan#sha256}, {@code plan}), so an edited plan is
 * another search whose runs are all new, and a run of another plan is never read as this one's.
 *
 * @param name        the search's name (its plan's {@code name})
 * @param plan        the plan the search runs
 * @param candidates  the candidates, in order (ties go to the earlier one); same corpus, class set, protocol
 *                    (speaker-independent) and split
 * @param inner       per outer fold (its name), the fold file of its inner folds
 * @param innerSeeds  training seeds of the inner runs
 * @param finalSeeds  training seeds of each outer fold's winner
 * @param runsRoot    where the records are (the plan depends on which inner runs have finished)
 */
public record NestedSearch(String name, SearchPlan plan, List<ExperimentConfig> candidates, Map<String, FoldFile> inner, List<Long> innerSeeds,
                           List<Long> finalSeeds, Path runsRoot) implements Design {
    public NestedSearch {
        candidates = List.copyOf(candidates);
        inner = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inner));
        innerSeeds = List.copyOf(innerSeeds);
        finalSeeds = List.copyOf(finalSeeds);
        if (candidates.isEmpty()) throw new IllegalArgumentException(name + ": a search needs candidates");
        ExperimentConfig first = candidates.get(0);
        Set<String> names = new TreeSet<>();
        for (ExperimentConfig c : candidates) {
            if (!names.add(c.name())) throw new IllegalArgumentException(name + ": two candidates named " + c.name());
            if (!c.corpus().equals(first.corpus()) || !c.classSet().equals(first.classSet()) || c.protocol() != first.protocol() || !c.split().equals(first.split()))
                throw new IllegalArgumentException(name + ": candidate " + c.name() + " differs from " + first.name()
                        + " in corpus, class set, protocol or split: candidates are compared on the same folds");
        }
        if (first.protocol() != Protocol.SPEAKER_INDEPENDENT)
            throw new IllegalArgumentException(name + ": nested cross-validation over speakers needs the speaker-independent protocol, not " + first.protocol());
        FoldSet outer = first.split().foldSet();
        for (FoldSet.Members m : outer.folds()) {
            FoldFile f = inner.get(m.name());
            if (f == null) throw new IllegalArgumentException(name + ": outer fold " + m.name() + " has no inner folds");
            for (FoldSet.Members i : f.folds()) {
                if (!new TreeSet<>(i.excluded()).equals(new TreeSet<>(m.test())))
                    throw new IllegalArgumentException(name + ": inner fold " + i.name() + " must exclude exactly outer fold " + m.name() + "'s test speakers "
                            + new TreeSet<>(m.test()) + ", not " + new TreeSet<>(i.excluded()));
            }
        }
        if (!inner.keySet().equals(new java.util.LinkedHashSet<>(outer.folds().stream().map(FoldSet.Members::name).toList())))
            throw new IllegalArgumentException(name + ": inner folds for " + inner.keySet() + ", but the outer folds are " + outer.folds().stream().map(FoldSet.Members::name).toList());
        if (innerSeeds.isEmpty() || finalSeeds.isEmpty()) throw new IllegalArgumentException(name + ": inner and final seeds are needed");
    }

    /** The plan's settings file, beside its text. */
    public static final String SETTINGS = "plan.properties";

    /** The folder of a plan that holds its candidates' experiment files, one per candidate, in file-name order. */
    public static final String CANDIDATES = "candidates";

    /** The keys of {@link #SETTINGS}. */
    static final List<String> KEYS = List.of("name", "inner_folds", "inner_seeds", "final_seeds");

    /**
     * The search a plan folder describes: {@value #SETTINGS} ({@code name}; {@code inner_folds}, the folder of the
     * inner fold files, {@code <outer fold>-inner.csv}, relative to the plan; {@code inner_seeds}; {@code final_seeds})
     * and the candidates in {@value #CANDIDATES}/ (experiment files).
     *
     * @throws ConfigurationException naming the file and what is wrong, before anything runs
     */
    public static NestedSearch ofPlan(Path dir, Path runsRoot) throws IOException {
        SearchPlan plan = SearchPlan.read(dir);
        Path settings = dir.resolve(SETTINGS);
        Properties p = ExperimentConfigs.read(settings, "plan settings file");
        KnownKeys.check(settings.toString(), p.stringPropertyNames(), KEYS, "plan setting", "");
        ConfigValues v = new ConfigValues(settings.toString(), p);
        String name = v.required("name", "the search's name");
        Path innerDir = dir.resolve(v.required("inner_folds", "the folder of the inner fold files")).normalize();
        List<Long> innerSeeds = v.integers("inner_seeds", org.emoaugnet.model.TrainConfig.SEED, List.of(1L));
        List<Long> finalSeeds = v.integers("final_seeds", org.emoaugnet.model.TrainConfig.SEED, List.of(1L, 2L, 3L, 4L, 5L));
        Path cdir = dir.resolve(CANDIDATES);
        if (!Files.isDirectory(cdir)) throw new ConfigurationException(dir + ": a plan holds its candidates in " + CANDIDATES + "/");
        List<ExperimentConfig> candidates = new ArrayList<>();
        try (var list = Files.list(cdir)) {
            for (Path f : list.filter(x -> x.toString().endsWith(".properties")).sorted().toList()) candidates.add(ExperimentConfigs.load(f));
        }
        if (candidates.isEmpty()) throw new ConfigurationException(cdir + ": no candidate experiment files (*.properties)");
        Map<String, FoldFile> inner = new LinkedHashMap<>();
        List<Path> innerFiles = new ArrayList<>();
        for (FoldSet.Members m : candidates.get(0).split().foldSet().folds()) {
            innerFiles.add(innerDir.resolve(m.name() + "-inner.csv"));
            inner.put(m.name(), FoldFile.read(innerFiles.get(innerFiles.size() - 1)));
        }
        try {
            return new NestedSearch(name, plan.reading(innerFiles), candidates, inner, innerSeeds, finalSeeds, runsRoot);
        } catch (IllegalArgumentException e) {   // candidates or folds that do not fit together: named with the plan
            throw new ConfigurationException(dir + ": " + e.getMessage(), e);
        }
    }

    /** The same search reading and writing its records under {@code root}. */
    public NestedSearch withRunsRoot(Path root) { return new NestedSearch(name, plan, candidates, inner, innerSeeds, finalSeeds, root); }

    @Override
    public String describe() {
        return "nested search " + name + " (plan " + plan.shortHash() + "): " + candidates.size() + " candidates × " + inner.size() + " outer folds × "
                + inner.values().iterator().next().size() + " inner folds × inner seeds " + innerSeeds + ", each outer fold's winner × seeds " + finalSeeds;
    }

    /** The experiment name of a candidate's inner runs in one outer fold. */
    public static String innerExperiment(String candidate, String outerFold) { return candidate + "-inner-" + outerFold; }

    /** A candidate as an experiment of its own name, fold set and seeds, every fold. */
    private static ExperimentConfig as(ExperimentConfig c, String name, org.emoaugnet.run.SplitSpec split, List<Long> seeds) {
        return new ExperimentConfig(name, c.corpus(), c.classSet(), c.protocol(), c.features(), c.layout(), c.recipe(), c.model(), c.activation(),
                c.train(), seeds, 0, split, c.normalisation());
    }

    /** {@code runs} made for this plan: their specifications carry its hash. */
    private List<PlannedRun> ofPlan(List<PlannedRun> runs) {
        return runs.stream().map(r -> new PlannedRun(r.experiment(), r.spec().withLearning(r.spec().learning().withPlan(plan.sha256())), r.corpora(), r.keepModel())).toList();
    }

    /**
     * Every inner run: each candidate on every inner fold of every outer fold with the inner seeds, outer fold by outer
     * fold (so that each outer fold is decided, and its final runs planned, as early as its own inner runs allow).
     */
    public List<PlannedRun> innerRuns(CorpusSource corpora) throws IOException {
        List<PlannedRun> out = new ArrayList<>();
        for (var e : inner.entrySet())
            for (ExperimentConfig c : candidates)
                out.addAll(as(c, innerExperiment(c.name(), e.getKey()), c.split().withFoldSet(e.getValue()), innerSeeds).plan(corpora));
        return ofPlan(out);
    }

    /** The candidate and the outer fold of an inner run (its experiment, {@link #innerExperiment}). */
    private record Inner(String candidate, String outerFold) {}

    private Inner innerOf(PlannedRun r) {
        for (ExperimentConfig c : candidates)
            for (String o : inner.keySet()) if (r.experiment().equals(innerExperiment(c.name(), o))) return new Inner(c.name(), o);
        throw new IllegalArgumentException(r.experiment() + " is not an inner experiment of " + name);
    }

    /** The outer fold an inner run scores for. */
    private String outerFoldOf(PlannedRun r) { return innerOf(r).outerFold(); }

    /**
     * Outer fold by outer fold: its inner runs, then, once they have all finished, its winner's final runs and the
     * question runs at its winner ({@link #questionRuns}); a run planned twice (a winner's own arm of a question is its
     * final runs with the first seeds) once. A resumed search thus finishes the folds already decided before it goes on.
     */
    @Override
    public List<PlannedRun> plan(CorpusSource corpora) throws IOException {
        Map<String, PlannedRun> out = new LinkedHashMap<>();
        List<PlannedRun> innerRuns = innerRuns(corpora);
        Map<String, String> winners = winners(innerRuns);   // once: the final and question runs both follow them
        List<PlannedRun> decided = new ArrayList<>(finalRuns(corpora, winners));
        decided.addAll(questionRuns(corpora, winners));
        for (String o : inner.keySet()) {
            for (PlannedRun r : innerRuns) if (outerFoldOf(r).equals(o)) out.put(ModelSearch.key(r), r);
            for (PlannedRun r : decided) if (r.spec().fold().equals(o)) out.putIfAbsent(ModelSearch.key(r), r);
        }
        return List.copyOf(out.values());
    }

    /** The seeds of the question runs, as the plans of this design fix them (plan ravdess-s2: 3 seeds, 1–3). */
    public static final List<Long> QUESTION_SEEDS = List.of(1L, 2L, 3L);

    /**
     * The paper's questions at the winners: in each decided outer fold, its winner with only one factor changed
     * ({@link StrongModelQuestions}: the recipe none, public-4 or all, its own recipe's arm being its own runs; the
     * other activation), with {@link #QUESTION_SEEDS}, on that fold only; the fold is the unit of their tests.
     */
    public List<PlannedRun> questionRuns(CorpusSource corpora) throws IOException { return questionRuns(corpora, winners(corpora)); }

    private List<PlannedRun> questionRuns(CorpusSource corpora, Map<String, String> winners) throws IOException {
        Map<String, PlannedRun> out = new LinkedHashMap<>();
        for (ExperimentConfig c : candidates) {
            Set<String> won = new TreeSet<>();
            winners.forEach((fold, w) -> { if (w.equals(c.name())) won.add(fold); });
            if (won.isEmpty()) continue;
            StrongModelQuestions q = StrongModelQuestions.of(name, as(c, c.name(), c.split(), QUESTION_SEEDS), QUESTION_SEEDS);
            for (PlannedRun r : q.plan(corpora)) if (won.contains(r.spec().fold())) out.putIfAbsent(ModelSearch.key(r), r);
        }
        return ofPlan(List.copyOf(out.values()));
    }

    /** The records of the finished runs among {@code planned} whose specification is unchanged, in plan order. */
    Map<PlannedRun, RunRecord> finished(List<PlannedRun> planned) throws IOException { return ModelSearch.finished(planned, runsRoot); }

    /**
     * The inner scores of the finished inner runs: per run, its candidate, its outer fold, its seed and its UA on the
     * inner fold's held-out speakers (training speakers of the outer fold; no outer test speaker is among them).
     */
    List<ModelSelection.ValidationScore> innerScores(Map<PlannedRun, RunRecord> records) {
        List<ModelSelection.ValidationScore> out = new ArrayList<>();
        for (var e : records.entrySet()) {
            Inner i = innerOf(e.getKey());
            out.add(new ModelSelection.ValidationScore(i.candidate(), i.outerFold(), e.getKey().spec().seed(), e.getValue().test().ua()));
        }
        return out;
    }

    /** Each outer fold's winner (outer fold → candidate) among the folds whose inner runs have all finished. */
    public Map<String, String> winners(CorpusSource corpora) throws IOException { return winners(innerRuns(corpora)); }

    private Map<String, String> winners(List<PlannedRun> innerRuns) throws IOException { return winners(innerRuns, innerScores(finished(innerRuns))); }

    private Map<String, String> winners(List<PlannedRun> runs, List<ModelSelection.ValidationScore> scores) {
        return ModelSearch.winners(runs, scores, candidates.stream().map(ExperimentConfig::name).toList(), this::outerFoldOf);
    }

    /**
     * The recipe a user takes away, as plans of this design fix it: the candidate that won the most outer folds, ties
     * going to the higher mean inner score over every outer fold (then to the earlier candidate); no test metric is
     * read. Empty until every outer fold is decided.
     *
     * @param candidate  the chosen candidate
     * @param foldsWon   how many outer folds it won
     * @param meanInner  its mean inner UA over all its inner runs (fraction)
     */
    public record Choice(ExperimentConfig candidate, int foldsWon, double meanInner) {}

    /** {@link Choice}: the most chosen candidate once every outer fold is decided. */
    public java.util.Optional<Choice> mostChosen(CorpusSource corpora) throws IOException {
        List<PlannedRun> runs = innerRuns(corpora);
        List<ModelSelection.ValidationScore> scores = innerScores(finished(runs));
        Map<String, String> winners = winners(runs, scores);
        if (winners.size() < inner.size()) return java.util.Optional.empty();
        Choice best = null;
        for (ExperimentConfig c : candidates) {
            int won = (int) winners.values().stream().filter(c.name()::equals).count();
            double mean = scores.stream().filter(x -> x.candidate().equals(c.name())).mapToDouble(ModelSelection.ValidationScore::validation).average().orElse(Double.NaN);
            if (best == null || won > best.foldsWon() || (won == best.foldsWon() && mean > best.meanInner())) best = new Choice(c, won, mean);
        }
        return java.util.Optional.of(best);
    }

    /** The fold of a model made to be taken away: every speaker trains, none validates or is tested ({@link FoldFile#NONE}). */
    public static final String ALL_SPEAKERS = "all-speakers";

    /**
     * The run that makes the model a user takes away: the {@link #mostChosen} candidate trained on every speaker of its
     * corpus (no validation, no test: {@link #ALL_SPEAKERS}) with the first final seed, its network kept, under
     * {@code <candidate>-all-speakers}, its specification carrying the plan's hash. Empty until every outer fold is decided.
     */
    public java.util.Optional<PlannedRun> exportRun(CorpusSource corpora) throws IOException {
        var choice = mostChosen(corpora);
        if (choice.isEmpty()) return java.util.Optional.empty();
        ExperimentConfig c = choice.get().candidate();
        FoldFile all = FoldFile.ofMembers(name + ": every speaker trains", List.of(new FoldSet.Members(ALL_SPEAKERS, List.of(), List.of())));
        List<PlannedRun> runs = ofPlan(as(c, c.name() + "-" + ALL_SPEAKERS, c.split().withFoldSet(all), finalSeeds.subList(0, 1)).plan(corpora));
        PlannedRun r = runs.get(0);
        return java.util.Optional.of(new PlannedRun(r.experiment(), r.spec(), r.corpora(), true));
    }

    /** The folders of the finished runs among {@code planned}, in plan order. */
    public List<Path> finishedDirs(List<PlannedRun> planned) throws IOException {
        return finished(planned).keySet().stream().map(r -> ModelSearch.dir(r, runsRoot)).toList();
    }

    /** The nested result's runs: each decided outer fold's winner there with the final seeds, under the winner's own name. */
    public List<PlannedRun> finalRuns(CorpusSource corpora) throws IOException { return finalRuns(corpora, winners(corpora)); }

    private List<PlannedRun> finalRuns(CorpusSource corpora, Map<String, String> winners) throws IOException {
        List<PlannedRun> out = new ArrayList<>();
        for (ExperimentConfig c : candidates)
            for (PlannedRun r : as(c, c.name(), c.split(), finalSeeds).plan(corpora))
                if (c.name().equals(winners.get(r.spec().fold()))) out.add(r);
        return ofPlan(out);
    }

    /**
     * The search log: per outer fold and candidate, the inner runs finished of those planned, how many converged, their
     * mean inner score (%) and whether the candidate won the outer fold (once all its inner runs have finished).
     */
    public Table log(CorpusSource corpora) throws IOException {
        List<PlannedRun> runs = innerRuns(corpora);
        Map<PlannedRun, RunRecord> records = finished(runs);
        List<ModelSelection.ValidationScore> scores = innerScores(records);
        Map<String, String> winners = winners(runs, scores);
        StringColumn fold = StringColumn.create("outer fold"), candidate = StringColumn.create("candidate");
        IntColumn done = IntColumn.create("inner runs finished"), planned = IntColumn.create("inner runs planned"), converged = IntColumn.create("inner runs converged");
        DoubleColumn score = DoubleColumn.create("inner UA (%)");
        BooleanColumn chosen = BooleanColumn.create("chosen");
        for (String o : inner.keySet())
            for (ExperimentConfig c : candidates) {
                String exp = innerExperiment(c.name(), o);
                fold.append(o);
                candidate.append(c.name());
                planned.append((int) runs.stream().filter(r -> r.experiment().equals(exp)).count());
                done.append((int) records.keySet().stream().filter(r -> r.experiment().equals(exp)).count());
                converged.append((int) records.entrySet().stream().filter(e -> e.getKey().experiment().equals(exp) && e.getValue().training().converged()).count());
                score.append(100 * scores.stream().filter(s -> s.fold().equals(o) && s.candidate().equals(c.name()))
                        .mapToDouble(ModelSelection.ValidationScore::validation).average().orElse(Double.NaN));
                chosen.append(c.name().equals(winners.get(o)));
            }
        return Table.create(name + ": the search log (inner folds of each outer fold's training speakers; plan " + plan.shortHash() + ")",
                fold, candidate, done, planned, converged, score, chosen);
    }
}
