package org.emoaugnet.design;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.emoaugnet.eval.Confusion;
import org.emoaugnet.eval.Metrics;
import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.Evidence;
import org.emoaugnet.evidence.ProbabilityEnsemble;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.evidence.TestColumns;
import org.emoaugnet.model.StopReason;
import org.emoaugnet.plot.ResultFigures;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.util.Lineage;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a pre-registered nested search ({@link NestedSearch}) found, read from its runs only (every table below counts
 * runs whose specification carries the plan's hash, and the baseline's): the headline (the winners' final runs: the
 * nested UA with its seed and speaker intervals), the seed ensemble fixed by the plan (class probabilities averaged,
 * {@link ProbabilityEnsemble}), per fold, per class, the fitting check of the final runs, the primary test against
 * the baseline, the paper's questions at the winners and the cost. Nothing here chooses anything: the choices were
 * made by the inner runs ({@link NestedSearch#winners}) before any of these figures existed.
 *
 * @param search   the search, reading its records under its runs folder
 * @param baseline the network the plan's primary test compares with, run on the same folds and seeds (its records
 *                 under the same runs folder)
 */
public record NestedReport(NestedSearch search, ExperimentConfig baseline) {

    /**
     * The pre-registered plans of a corpus and their baselines, relative to {@code experiments/<corpus>/}: each plan
     * folder with the experiment file of the network its primary test compares with (as its {@code plan.md} names it).
     */
    public static final Map<String, List<String[]>> PLANS = Map.of("ravdess", List.<String[]>of(new String[] {"search-2", "eight-class/si8-emobox-compact-relu.properties"}));

    /**
     * The report of each pre-registered plan of {@code corpus} ({@link #PLANS}), reading its records under {@code runs};
     * none for a corpus without one, or in quick mode (the plans' budgets are the point of them).
     */
    public static List<NestedReport> forCorpus(String corpus, org.emoaugnet.util.Settings s, Path runs) throws IOException {
        List<NestedReport> out = new ArrayList<>();
        if (s.quick()) return out;
        Path root = s.projectRoot().resolve("experiments").resolve(corpus);
        for (String[] p : PLANS.getOrDefault(corpus, List.of()))
            out.add(new NestedReport(NestedSearch.ofPlan(root.resolve(p[0]), runs), ExperimentConfigs.load(root.resolve(p[1]))));
        return out;
    }

    /** Label of the nested result in the tables: {@code nested (plan ravdess-s2, c6e282f1ba6f)}. */
    public String label() { return "nested (plan " + search.name() + ", " + search.plan().shortHash() + ")"; }

    /** Label of the plan's second row, its seed ensemble. */
    public String ensembleLabel() { return label() + ", seed ensemble (probabilities averaged)"; }

    /** The finished final runs (each decided outer fold's winner with the final seeds), in plan order. */
    public List<Path> finalRuns(CorpusSource corpora) throws IOException { return search.finishedDirs(search.finalRuns(corpora)); }

    /** The finished runs of the baseline with its own seeds. */
    public List<Path> baselineRuns() throws IOException { return StudyTables.runs(baseline, search.runsRoot()); }

    /** How many final runs the plan makes once every outer fold is decided. */
    public int plannedFinalRuns() { return search.inner().size() * search.finalSeeds().size(); }

    /**
     * The results: the nested result (its finished final runs, with how many the plan makes), the baseline and any
     * {@code earlier} rows (label → runs: the earlier attempt's, labelled by the caller as what they are), each with
     * WA and UA over runs, over seeds with the t interval and over recordings with the speakers → recordings interval
     * ({@link StudyReport#tableOf}); the nested row holds its primary test ({@code baselineTest}, {@link #baselineTest}).
     */
    public Table results(CorpusSource corpora, Table baselineTest, Map<String, List<Path>> earlier) throws IOException {
        Map<String, List<Path>> rows = new LinkedHashMap<>();
        rows.put(label(), finalRuns(corpora));
        rows.put("baseline " + baseline.name(), baselineRuns());
        rows.putAll(earlier);
        rows.values().removeIf(List::isEmpty);
        if (rows.isEmpty()) return Table.create("the nested result beside its baseline (no run has finished yet)");
        Table t = StudyReport.tableOf(rows, baseline.corpus()).setName("plan " + search.name() + ": the nested result beside its baseline");
        IntColumn planned = IntColumn.create(ResultColumns.PLANNED_RUNS);
        StringColumn vs = StringColumn.create(ResultColumns.VS_BASELINE);
        for (String row : t.stringColumn(ResultColumns.EXPERIMENT)) {
            boolean nested = row.startsWith(label());
            planned.append(nested ? plannedFinalRuns() : row.startsWith("baseline ") ? StudyTables.plannedRuns(baseline, search.runsRoot()) : rows.get(row).size());
            vs.append(nested && baselineTest.rowCount() > 0 ? StrongestModel.baselineCell(baselineTest, 0) : "");
        }
        t.insertColumn(t.columnIndex(ResultColumns.RUNS) + 1, planned);
        return t.addColumns(vs);
    }

    /** The comparison of the primary test's row: {@code plan ravdess-s2: nested − baseline (compact-cnn-lstm)}. */
    public String baselineContrast() { return "plan " + search.name() + ": nested − baseline (" + baseline.model() + ")"; }

    /**
     * The primary test: the final runs minus the baseline's, paired by fold and seed, the outer fold the unit (its
     * seeds averaged), paired t with its 95 % interval, the sign-flip test and the speakers → recordings interval
     * beside it; a family of one ({@link StudyReport#comparisonTable}: Holm, minimal detectable difference). No row
     * until every final run the plan makes has finished and the baseline has runs: the plan's test is over all its
     * outer folds, and a test over the folds finished so far would be another (the table's name says how far it is).
     */
    public Table baselineTest(CorpusSource corpora) throws IOException {
        List<Path> a = finalRuns(corpora), b = baselineRuns();
        Map<String, Comparison> cmp = new LinkedHashMap<>();
        boolean complete = a.size() == plannedFinalRuns();
        if (complete && !b.isEmpty()) cmp.put(baselineContrast(), Comparison.of(a, b, "UA"));
        List<Path> used = new ArrayList<>(a);
        used.addAll(b);
        return Lineage.tag(StudyReport.comparisonTable("plan " + search.name() + ": the primary test, nested − baseline, UA (a family of one)"
                + (complete ? "" : inProgress(a.size(), plannedFinalRuns(), "final")), cmp), StudyReport.lineage(used));
    }

    /** How a test's title says it waits for its runs: {@code " (no test until all 30 final runs have finished: 5 so far)"}. */
    private static String inProgress(int finished, int planned, String runs) {
        return " (no test until all " + planned + " " + runs + " runs have finished: " + finished + " so far)";
    }

    /**
     * The plan's second row, fixed before its runs: each outer fold's winner's final runs, their class probabilities
     * averaged per recording ({@link ProbabilityEnsemble}); UA over recordings with the speakers → recordings interval
     * and the mean of the folds' UA with its t interval over folds. Empty until a final run has finished.
     */
    public Table ensemble(CorpusSource corpora) throws IOException {
        StringColumn name = StringColumn.create(ResultColumns.EXPERIMENT), overRecordings = StringColumn.create(ResultColumns.UA_OVER_RECORDINGS),
                wa = StringColumn.create(ResultColumns.WA_OVER_RECORDINGS), overFolds = StringColumn.create("UA mean over folds [95% t CI] (%)");
        IntColumn runs = IntColumn.create(ResultColumns.RUNS), folds = IntColumn.create(ResultColumns.FOLDS), recs = IntColumn.create(ResultColumns.TEST_RECORDINGS),
                spk = IntColumn.create(ResultColumns.TEST_SPEAKERS);
        List<Path> finals = finalRuns(corpora);
        if (!finals.isEmpty()) {
            ProbabilityEnsemble e = ProbabilityEnsemble.of(finals);
            name.append(ensembleLabel());
            runs.append(e.runs());
            folds.append(e.foldUa().size());
            recs.append(e.recordings());
            spk.append(e.speakers());
            wa.append(Evidence.format(e.wa()));
            overRecordings.append(Evidence.format(e.ua()));
            overFolds.append(Evidence.format(e.overFolds()));
        }
        return Lineage.tag(Table.create("plan " + search.name() + ": the seed ensemble of each fold's winner (fixed in the plan)", name, runs, folds, recs, spk,
                wa, overRecordings, overFolds), StudyReport.lineage(finals));
    }

    /**
     * One row per outer fold: its winner (chosen on inner folds of its training speakers; blank until its inner runs
     * have all finished) with its mean inner UA, the final runs finished there with their mean test UA and the
     * ensemble's UA, and the baseline's mean test UA on the same fold.
     */
    public Table perFold(CorpusSource corpora) throws IOException {
        StrongestModel.Chosen chosenOf = StrongestModel.Chosen.of(search.log(corpora), "outer fold", "inner UA (%)");
        Map<String, String> winner = chosenOf.winner();
        Map<String, Double> inner = chosenOf.score();
        List<Path> finals = finalRuns(corpora);
        Map<String, List<Double>> test = StrongestModel.testUa(finals), base = StrongestModel.testUa(baselineRuns());
        Map<String, Double> ens = finals.isEmpty() ? Map.of() : ProbabilityEnsemble.of(finals).foldUa();
        StringColumn fold = StringColumn.create("outer fold"), chosen = StringColumn.create("winner (inner CV)");
        DoubleColumn in = DoubleColumn.create("its mean inner UA (%)"), t = DoubleColumn.create("final test UA, mean over seeds (%)"),
                e = DoubleColumn.create("seed ensemble UA (%)"), b = DoubleColumn.create("baseline test UA, mean over seeds (%)");
        IntColumn n = IntColumn.create("final runs");
        for (String f : winner.keySet()) {
            fold.append(f);
            chosen.append(winner.get(f));
            in.append(inner.getOrDefault(f, Double.NaN));
            n.append(test.getOrDefault(f, List.of()).size());
            t.append(StrongestModel.mean(test.get(f)));
            e.append(ens.getOrDefault(f, Double.NaN));
            b.append(StrongestModel.mean(base.get(f)));
        }
        return Lineage.tag(Table.create("plan " + search.name() + ": per outer fold (winner chosen on inner folds; its test UA)", fold, chosen, in, n, t, e, b),
                StudyReport.lineage(finals));
    }

    /** Recall per class (%) of the final runs, pooled over them, of their seed ensemble and of the baseline's runs. */
    public Table perClass(CorpusSource corpora) throws IOException {
        List<Path> finals = finalRuns(corpora), base = baselineRuns();
        List<String> classes = baseline.classSet().classes();
        StringColumn cls = StringColumn.create("class");
        DoubleColumn nested = DoubleColumn.create("nested: recall, pooled runs (%)"), ens = DoubleColumn.create("seed ensemble: recall (%)"),
                b = DoubleColumn.create("baseline: recall, pooled runs (%)");
        double[] rn = recall(finals), rb = recall(base),
                re = finals.isEmpty() ? nan(classes.size()) : Metrics.of(ProbabilityEnsemble.of(finals).confusion()).recall();
        for (int c = 0; c < classes.size(); c++) {
            cls.append(classes.get(c));
            nested.append(100 * rn[c]);
            ens.append(100 * re[c]);
            b.append(100 * rb[c]);
        }
        List<Path> used = new ArrayList<>(finals);
        used.addAll(base);
        return Lineage.tag(Table.create("plan " + search.name() + ": recall per class", cls, nested, ens, b), StudyReport.lineage(used));
    }

    private double[] recall(List<Path> runs) throws IOException {
        if (runs.isEmpty()) return nan(baseline.classSet().classes().size());
        Confusion c = StudyReport.pooledConfusion(runs);
        return Metrics.of(c).recall();
    }

    /**
     * A history column ({@code train_ua}, {@code val_ua}, {@code test_ua}, ...) per epoch of every finished final run,
     * grouped by outer fold in the plan's order (accuracies in percent, as {@link StudyReport#curves}), each marked
     * converged or not by the plan's rule: the figure of the fitting check ({@link ResultFigures#curvesByGroup}).
     */
    public Map<String, List<ResultFigures.RunCurve>> curves(CorpusSource corpora, String column) throws IOException {
        Map<String, List<ResultFigures.RunCurve>> out = new LinkedHashMap<>();
        for (String fold : search.inner().keySet()) out.put(fold, new ArrayList<>());
        List<Path> finals = finalRuns(corpora);
        for (Path r : finals) {
            RunRecord rec = RunRecord.read(r);
            double[] v = StudyReport.curves(List.of(r), column, false).values().iterator().next();
            out.get(rec.spec().fold()).add(new ResultFigures.RunCurve(v, rec.training().converged()));
        }
        out.values().removeIf(List::isEmpty);
        return Lineage.tag(out, StudyReport.lineage(finals));
    }

    /**
     * The fitting check of the final runs, one row each: its outer fold and seed, epochs run, the training loss at the
     * last epoch and how much it fell over the last tenth of the schedule (the convergence rule,
     * {@link StopReason#lossFlat}), whether it converged by that rule, training UA at the last epoch (training mode,
     * with augmentation), validation UA and test UA at the last epoch.
     */
    public Table fitting(CorpusSource corpora) throws IOException {
        StringColumn run = StringColumn.create("run"), fold = StringColumn.create("outer fold");
        IntColumn seed = IntColumn.create("seed"), epochs = IntColumn.create("epochs");
        DoubleColumn loss = DoubleColumn.create("training loss, last epoch"), fall = DoubleColumn.create("its fall over the last tenth (% of the mean)"),
                trUa = DoubleColumn.create("training UA, last epoch (%)"), vaUa = DoubleColumn.create("validation UA, last epoch (%)"),
                teUa = DoubleColumn.create(ResultColumns.TEST_UA);
        BooleanColumn conv = BooleanColumn.create("converged");
        List<Path> finals = finalRuns(corpora);
        for (Path r : finals) {
            RunRecord rec = RunRecord.read(r);
            List<RunRecord.Epoch> h = rec.history();
            double[] l = h.stream().mapToDouble(RunRecord.Epoch::trainLoss).toArray();
            RunRecord.Epoch last = h.get(h.size() - 1);
            run.append(rec.experiment() + "/" + r.getFileName());
            fold.append(rec.spec().fold());
            seed.append((int) rec.spec().seed());
            epochs.append(h.size());
            loss.append(last.trainLoss());
            fall.append(100 * StopReason.lossFall(l));
            conv.append(rec.training().converged());
            trUa.append(100 * last.trainUa());
            vaUa.append(100 * last.valUa());
            teUa.append(100 * rec.test().ua());
        }
        return Lineage.tag(Table.create("plan " + search.name() + ": fitting check of the final runs", run, fold, seed, epochs, loss, fall, conv, trUa, vaUa, teUa),
                StudyReport.lineage(finals));
    }

    /** The comparisons of the paper's questions, by family: the recipes (public-4 − none, all − none), then the activation (ReLU − ELU). */
    public static final List<String> RECIPE_QUESTIONS = List.of("public-4", "all");

    /**
     * The paper's questions at the winners ({@link NestedSearch#questionRuns}): in each decided outer fold its winner
     * with one factor changed against the winner's own runs with the same seeds, paired by fold and seed over the folds,
     * the fold the unit. Two families, each Holm-adjusted on its own: the recipes ({@code public-4 − none},
     * {@code all − none}) and the activation ({@code ReLU − ELU}). No row until every outer fold is decided and every
     * question run of every fold has finished, as the plan asks them over all its outer folds (the tables' names say
     * how far they are).
     */
    public List<Table> questions(CorpusSource corpora) throws IOException {
        Map<String, String> winners = search.winners(corpora);
        List<PlannedRun> planned = search.questionRuns(corpora);
        Map<PlannedRun, RunRecord> finished = search.finished(planned);
        boolean complete = winners.size() == search.inner().size() && finished.size() == planned.size();
        String waiting = complete ? "" : winners.size() < search.inner().size()
                ? " (no test until all " + search.inner().size() + " outer folds are decided and their question runs have finished: " + winners.size() + " decided so far)"
                : inProgress(finished.size(), planned.size(), "question");
        Map<String, List<Path>> arms = new LinkedHashMap<>();   // arm → runs over the decided folds
        for (PlannedRun r : complete ? finished.keySet() : java.util.Set.<PlannedRun>of()) {
            String w = winners.get(r.spec().fold());
            if (w == null) continue;
            Path dir = search.finishedDirs(List.of(r)).get(0);
            for (String arm : armsOf(r.experiment(), w)) arms.computeIfAbsent(arm, k -> new ArrayList<>()).add(dir);
        }
        Map<String, Comparison> recipes = new LinkedHashMap<>(), activation = new LinkedHashMap<>();
        List<Path> none = arms.getOrDefault("recipe none", List.of());
        List<Path> used = new ArrayList<>(none);
        for (String q : RECIPE_QUESTIONS) {
            List<Path> a = arms.getOrDefault("recipe " + q, List.of());
            if (!a.isEmpty() && !none.isEmpty()) recipes.put(q + " − none (at each fold's winner)", Comparison.of(a, none, "UA"));
            used.addAll(a);
        }
        List<Path> relu = arms.getOrDefault("activation relu", List.of()), elu = arms.getOrDefault("activation elu", List.of());
        if (!relu.isEmpty() && !elu.isEmpty()) activation.put("ReLU − ELU (at each fold's winner)", Comparison.of(relu, elu, "UA"));
        used.addAll(relu);
        used.addAll(elu);
        List<String> lineage = StudyReport.lineage(used);
        return List.of(Lineage.tag(StudyReport.comparisonTable("plan " + search.name() + ": waveform augmentation − none at the winners, UA" + waiting, recipes), lineage),
                Lineage.tag(StudyReport.comparisonTable("plan " + search.name() + ": ReLU − ELU at the winners, UA" + waiting, activation), lineage));
    }

    /**
     * The question arms an experiment of winner {@code w}'s questions belongs to ({@link StrongModelQuestions}'s
     * names): the winner's own runs are both its recipe's arm and its activation's; a changed arm is named by what
     * it changed ({@code recipe none}, {@code activation elu}).
     */
    private List<String> armsOf(String experiment, String w) {
        ExperimentConfig c = search.candidates().stream().filter(x -> x.name().equals(w)).findFirst().orElseThrow();
        StrongModelQuestions q = StrongModelQuestions.of(search.name(), c, NestedSearch.QUESTION_SEEDS);
        List<String> out = new ArrayList<>();
        if (experiment.equals(q.strong().name())) out.add("activation " + c.activation());
        else if (experiment.equals(q.elu().name())) out.add("activation " + q.elu().activation());
        q.recipes().forEach((recipe, cfg) -> { if (cfg.name().equals(experiment)) out.add("recipe " + recipe); });
        return out;
    }

    /**
     * What the plan cost so far: per group (inner, final, questions) runs finished of those planned (the final runs:
     * all the plan makes, {@link #plannedFinalRuns}; the question runs: those of the outer folds decided so far), how
     * many converged by the plan's rule, and their summed recorded wall time; a last row over every distinct run.
     */
    public Table cost(CorpusSource corpora) throws IOException {
        // planned: the final runs the plan makes once every outer fold is decided; the others as planned so far
        record Group(String label, List<PlannedRun> runs, int planned) {}
        List<PlannedRun> inner = search.innerRuns(corpora), questions = search.questionRuns(corpora);
        List<Group> groups = List.of(new Group("inner runs (candidates on the inner folds)", inner, inner.size()),
                new Group("final runs (each fold's winner, seeds " + search.finalSeeds() + ")", search.finalRuns(corpora), plannedFinalRuns()),
                new Group("question runs (one factor changed at the winners, seeds " + NestedSearch.QUESTION_SEEDS + ")", questions, questions.size()));
        StringColumn group = StringColumn.create(ResultColumns.GROUP);
        IntColumn done = IntColumn.create(ResultColumns.RUNS), planned = IntColumn.create(ResultColumns.PLANNED_RUNS), conv = IntColumn.create(ResultColumns.CONVERGED_RUNS);
        DoubleColumn hours = DoubleColumn.create("wall time (h)");
        Map<String, Double> seen = new LinkedHashMap<>();
        Map<String, Boolean> converged = new LinkedHashMap<>();
        for (Group g : groups) {
            Map<PlannedRun, RunRecord> f = search.finished(g.runs());
            double sum = 0;
            int c = 0;
            for (var e : f.entrySet()) {
                String key = ModelSearch.key(e.getKey());
                if (!seen.containsKey(key)) sum += e.getValue().wallSeconds();
                seen.put(key, e.getValue().wallSeconds());
                converged.put(key, e.getValue().training().converged());
                if (e.getValue().training().converged()) c++;
            }
            group.append(g.label());
            done.append(f.size());
            planned.append(g.planned());
            conv.append(c);
            hours.append(sum / 3600);
        }
        group.append("all distinct runs (a winner's own question arm is its final runs)");
        done.append(seen.size());
        planned.appendMissing();
        conv.append((int) converged.values().stream().filter(Boolean::booleanValue).count());
        hours.append(seen.values().stream().mapToDouble(Double::doubleValue).sum() / 3600);
        return Table.create("plan " + search.name() + ": what it cost so far (planned runs grow as outer folds are decided)", group, done, planned, conv, hours);
    }

    /** {@link #sentences(CorpusSource, Table, Table, Table)} with the tables computed here. */
    public List<String> sentences(CorpusSource corpora) throws IOException {
        return sentences(corpora, results(corpora, baselineTest(corpora), Map.of()), cost(corpora), fitting(corpora));
    }

    /**
     * Sentences from the tables: how far the plan has come, then the headline against the goal and the baseline
     * (once every final run has finished), the ensemble, the fitting check and the questions.
     */
    public List<String> sentences(CorpusSource corpora, Table results, Table cost, Table fitting) throws IOException {
        List<String> out = new ArrayList<>();
        int inner = cost.intColumn(ResultColumns.RUNS).get(0), innerPlanned = cost.intColumn(ResultColumns.PLANNED_RUNS).get(0);
        int finals = cost.intColumn(ResultColumns.RUNS).get(1);
        long decided = search.winners(corpora).size();
        out.add(String.format(Locale.ROOT, "Plan %s (%s; %s): %d of %d inner runs finished, %d of %d outer folds decided, "
                        + "%d of %d final runs finished; %.1f hours of recorded wall time so far.", search.name(), search.plan().shortHash(), registration(corpora), inner, innerPlanned,
                decided, search.inner().size(), finals, plannedFinalRuns(), cost.doubleColumn("wall time (h)").getDouble(cost.rowCount() - 1)));
        if (fitting.rowCount() > 0) {
            long conv = fitting.booleanColumn("converged").asList().stream().filter(Boolean::booleanValue).count();
            DoubleColumn tr = fitting.doubleColumn("training UA, last epoch (%)");
            out.add(String.format(Locale.ROOT, "Fitting check: %d of %d final runs converged by the plan's rule; training UA at the last epoch %.1f–%.1f %% "
                    + "(median %.1f), against a test UA of %.1f %% on average.", conv, fitting.rowCount(), tr.min(), tr.max(), tr.median(),
                    fitting.doubleColumn(ResultColumns.TEST_UA).mean()));
        }
        if (finals < plannedFinalRuns()) {
            out.add("The headline is not given yet: it is the mean of all " + plannedFinalRuns() + " final runs, and " + (plannedFinalRuns() - finals)
                    + " have not finished.");
            return out;
        }
        out.addAll(StudyReport.sentences(results));
        return out;
    }

    /**
     * Whether the plan was committed before the first of its runs started, read from git ({@link SearchPlan#registration})
     * and the runs' records (start: finished time less wall time): "committed in 20365cb2 at …, before its first run
     * started (…)", or what contradicts it; where git cannot say (no repository), that, with git's message.
     */
    public String registration(CorpusSource corpora) throws IOException {
        SearchPlan.Registration r;
        try {
            r = search.plan().registration();
        } catch (IOException e) {
            // a checkout without git (an unpacked archive) cannot say when the plan was committed: the sentence says so, with git's message
            return "its registration cannot be read here (" + e.getMessage() + ")";
        }
        if (r.commit().isEmpty() || r.committed().isEmpty()) return "NOT committed";
        java.util.Optional<java.time.Instant> first = java.util.Optional.empty();
        List<PlannedRun> all = new ArrayList<>(search.innerRuns(corpora));
        all.addAll(search.finalRuns(corpora));
        all.addAll(search.questionRuns(corpora));
        for (RunRecord rec : search.finished(all).values()) {
            var s = rec.startedUtc();
            if (s.isPresent() && (first.isEmpty() || s.get().isBefore(first.get()))) first = s;
        }
        String at = "committed in " + r.commit().substring(0, 8) + " at " + r.committed().get() + (r.clean() ? "" : ", edited since (a new plan)");
        if (first.isEmpty()) return at + "; no run has finished yet";
        return at + (r.committed().get().isBefore(first.get()) ? ", before its first run started (" : ", NOT before its first run started (") + first.get() + ")";
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }
}
