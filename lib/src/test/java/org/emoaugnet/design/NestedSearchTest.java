package org.emoaugnet.design;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.FoldFile;
import org.emoaugnet.data.FoldSet;
import org.emoaugnet.data.Gender;
import org.emoaugnet.data.InnerFolds;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.SpecJobs;
import org.emoaugnet.util.ConfigurationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-registered search with inner cross-validation, end to end on an 11-speaker synthetic corpus: two candidates,
 * two outer folds, three inner folds each; every run carries the plan's hash; no inner run trains, validates or scores
 * an outer test speaker; each outer fold's winner is the best mean inner score and is then trained there with the final
 * seeds; an edited plan reuses nothing; a plan is registered only when committed and unchanged.
 */
class NestedSearchTest {
    @TempDir static Path dir;
    static Corpus corpus;

    @BeforeAll
    static void corpus() throws Exception {
        corpus = org.emoaugnet.Fixtures.syntheticCorpus(dir.resolve("synth"), 11, 7);   // Actor_01 … Actor_11, odd ids male
    }

    static final String OUTER = "fold,test,validation\nsyn-outer-1,Actor_01 Actor_02,Actor_03 Actor_04\nsyn-outer-2,Actor_03 Actor_04,Actor_05 Actor_06\n";

    /** A plan folder: two candidates on the outer fold file, inner folds written by the rule with seed 3. */
    static Path plan(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.resolve("candidates"));
        Files.createDirectories(p.resolve("inner"));
        Files.writeString(p.resolve("outer.csv"), OUTER);
        Files.writeString(p.resolve(SearchPlan.TEXT), text);
        Files.writeString(p.resolve(NestedSearch.SETTINGS), "name=syn-nested\ninner_folds=inner\ninner_seeds=1\nfinal_seeds=1,2\n");
        String common = "corpus=synthetic\nrecipe=none\nfold_set=../outer.csv\nepochs=2\nbatch=64\nlr_schedule=warmup-cosine\nwarmup_epochs=1\nselection=last\n";
        Files.writeString(p.resolve("candidates/a.properties"), "name=syn-a\nactivation=relu\n" + common);
        Files.writeString(p.resolve("candidates/b.properties"), "name=syn-b\nactivation=elu\n" + common);
        Map<String, Gender> genders = new TreeMap<>();
        for (Utterance u : corpus.utterances()) genders.put(u.speaker(), u.gender());
        for (FoldSet.Members m : FoldFile.read(p.resolve("outer.csv")).folds())
            Files.writeString(p.resolve("inner/" + m.name() + "-inner.csv"), InnerFolds.text(InnerFolds.of(m, genders, 3, 3, m.name()), List.of("test")));
        return p;
    }

    @Test
    void innerRunsNeverSeeAnOuterTestSpeakerAndEachOuterFoldTrainsItsWinner() throws Exception {
        Path p = plan("plan-1", "# a plan\n");
        Path runs = dir.resolve("runs");
        NestedSearch s = NestedSearch.ofPlan(p, runs);
        SearchPlan plan = s.plan();
        CorpusSource corpora = CorpusSource.of(corpus);
        List<PlannedRun> inner = s.innerRuns(corpora);
        assertEquals(2 * 2 * 3, inner.size(), "2 candidates × 2 outer folds × 3 inner folds × 1 seed");
        for (PlannedRun r : inner) assertEquals(plan.sha256(), r.spec().plan(), "every run carries the plan's hash");
        assertTrue(s.finalRuns(corpora).isEmpty(), "no final run before the inner runs");
        assertTrue(s.mostChosen(corpora).isEmpty() && s.exportRun(corpora).isEmpty(), "no recipe to take away before every outer fold is decided");

        s.runUntilComplete(corpora, new FeatureCache(dir.resolve("cache")), runs);   // inner runs, then the finals and the questions they decide
        Map<String, Set<String>> outerTest = Map.of("syn-outer-1", Set.of("Actor_01", "Actor_02"), "syn-outer-2", Set.of("Actor_03", "Actor_04"));
        List<ModelSelection.ValidationScore> scores = new java.util.ArrayList<>();
        for (PlannedRun r : inner) {
            RunRecord rec = RunRecord.read(runs.resolve(r.experiment()).resolve(SpecJobs.runName(r.spec())));
            String outer = r.experiment().substring(r.experiment().indexOf("-inner-") + "-inner-".length());
            Set<String> seen = new TreeSet<>(rec.split().sides().train());
            seen.addAll(rec.split().sides().validation());
            seen.addAll(rec.split().sides().test());
            for (String t : outerTest.get(outer)) assertFalse(seen.contains(t), r.experiment() + " sees outer test speaker " + t);
            assertEquals(9, seen.size(), "every other speaker is in each inner run");
            scores.add(new ModelSelection.ValidationScore(r.experiment().substring(0, r.experiment().indexOf("-inner-")), outer, r.spec().seed(), rec.test().ua()));
        }
        Map<String, String> winners = s.winners(corpora);
        assertEquals(ModelSelection.nested(scores, List.of("syn-a", "syn-b")), winners, "the best mean inner score wins each outer fold");
        List<PlannedRun> finals = s.finalRuns(corpora);
        assertEquals(2 * 2, finals.size(), "each outer fold's winner with both final seeds");
        for (PlannedRun r : finals) {
            assertEquals(winners.get(r.spec().fold()), r.experiment());
            assertEquals(plan.sha256(), r.spec().plan());
            RunRecord rec = RunRecord.read(runs.resolve(r.experiment()).resolve(SpecJobs.runName(r.spec())));
            assertEquals(new TreeSet<>(outerTest.get(r.spec().fold())), new TreeSet<>(rec.split().sides().test()), "final runs test the outer test speakers");
            assertEquals("last", rec.spec().selection());
        }
        // the paper's questions at each fold's winner: its recipe arms and the other activation, seeds 1-3, on the folds it won
        List<PlannedRun> questions = s.questionRuns(corpora);
        for (PlannedRun r : questions) {
            String w = winners.get(r.spec().fold());
            assertTrue(r.experiment().startsWith(w), r.experiment() + " on " + r.spec().fold() + ", won by " + w);
            assertTrue(NestedSearch.QUESTION_SEEDS.contains(r.spec().seed()));
            assertEquals(plan.sha256(), r.spec().plan());
        }
        for (var e : winners.entrySet()) {
            Set<String> arms = new TreeSet<>();
            for (PlannedRun r : questions) if (r.spec().fold().equals(e.getKey())) arms.add(r.experiment().substring(e.getValue().length()));
            String other = e.getValue().equals("syn-a") ? "-elu" : "-relu";
            assertEquals(new TreeSet<>(List.of("", other, "-aug-public-4", "-aug-all")), arms, e.getKey() + ": its own runs, the other activation, two recipes");
            assertEquals(4 * 3, questions.stream().filter(r -> r.spec().fold().equals(e.getKey())).count());
        }
        for (PlannedRun r : questions)
            if (r.experiment().equals(winners.get(r.spec().fold())) && r.spec().seed() <= 2)
                assertTrue(finals.stream().anyMatch(f -> f.spec().sha256().equals(r.spec().sha256())), "the winner's own arm is its final runs");
        var log = s.log(corpora);
        assertEquals(4, log.rowCount());
        assertEquals(2, log.booleanColumn("chosen").countTrue());
        for (int i = 0; i < log.rowCount(); i++) assertEquals(3, log.intColumn("inner runs finished").get(i));

        // the report reads only the plan's runs and the baseline's
        ExperimentConfig a = s.candidates().get(0);
        ExperimentConfig base = new ExperimentConfig("syn-base", a.corpus(), a.classSet(), a.protocol(), a.features(), a.layout(), a.recipe(), a.model(),
                a.activation(), a.train(), List.of(1L, 2L), 0, a.split(), a.normalisation());
        org.emoaugnet.run.Runner.runAll(new SpecJobs(new FeatureCache(dir.resolve("cache")), runs).jobs(base.plan(corpora)));
        NestedReport report = new NestedReport(s, base);
        List<java.nio.file.Path> finalDirs = report.finalRuns(corpora);
        assertEquals(4, finalDirs.size());
        var test = report.baselineTest(corpora);
        assertEquals(1, test.rowCount());
        assertEquals(2, test.intColumn(org.emoaugnet.evidence.TestColumns.UNITS).get(0), "the outer fold is the unit");
        var results = report.results(corpora, test, Map.of());
        assertEquals(List.of(report.label(), "baseline syn-base"), results.stringColumn(org.emoaugnet.evidence.ResultColumns.EXPERIMENT).asList());
        assertEquals(4, results.intColumn(org.emoaugnet.evidence.ResultColumns.PLANNED_RUNS).get(0));
        assertFalse(results.stringColumn(org.emoaugnet.evidence.ResultColumns.VS_BASELINE).get(0).isEmpty(), "the nested row holds its primary test");
        // the ensemble: probabilities averaged per recording over each fold's runs, recomputed here from the files
        var ensemble = org.emoaugnet.evidence.ProbabilityEnsemble.of(finalDirs);
        assertEquals(2, ensemble.foldUa().size());
        for (String fold : ensemble.foldUa().keySet()) {
            Map<String, double[]> sum = new TreeMap<>();
            Map<String, Integer> truth = new TreeMap<>();
            for (java.nio.file.Path r : finalDirs) {
                RunRecord rec = RunRecord.read(r);
                if (!rec.spec().fold().equals(fold)) continue;
                var probs = org.emoaugnet.run.Probabilities.read(r.resolve(org.emoaugnet.run.Probabilities.FILE), rec.classes());
                var pred = org.emoaugnet.run.Predictions.read(r.resolve(org.emoaugnet.run.Predictions.FILE), rec.classes());
                for (int i = 0; i < probs.items().size(); i++) {
                    double[] v = sum.computeIfAbsent(probs.items().get(i), k -> new double[rec.classes().size()]);
                    for (int c = 0; c < v.length; c++) v[c] += probs.values()[i][c];
                    truth.put(probs.items().get(i), pred.truth()[i]);
                }
            }
            int[] y = truth.values().stream().mapToInt(Integer::intValue).toArray(), yp = new int[y.length];
            int k = 0;
            for (double[] v : sum.values()) {
                int best = 0;
                for (int c = 1; c < v.length; c++) if (v[c] > v[best]) best = c;
                yp[k++] = best;
            }
            assertEquals(100 * org.emoaugnet.eval.Metrics.of(a.classSet().classes(), y, yp).ua(), ensemble.foldUa().get(fold), 1e-9, fold);
        }
        assertEquals(1, report.ensemble(corpora).rowCount());
        var perFold = report.perFold(corpora);
        assertEquals(2, perFold.rowCount());
        for (int i = 0; i < 2; i++) assertEquals(winners.get(perFold.stringColumn("outer fold").get(i)), perFold.stringColumn("winner (inner CV)").get(i));
        assertEquals(a.classSet().classes().size(), report.perClass(corpora).rowCount());
        var fitting = report.fitting(corpora);
        assertEquals(4, fitting.rowCount());
        for (int i = 0; i < 4; i++) assertEquals(2, fitting.intColumn("epochs").get(i));
        for (String col : List.of("train_ua", "val_ua", org.emoaugnet.model.Trainer.TEST_UA)) {   // notebook 06's curves of the final runs
            Map<String, double[]> curves = org.emoaugnet.evidence.StudyReport.curves(finalDirs, col, true);
            assertEquals(4, curves.size(), col);
            for (double[] v : curves.values()) assertTrue(v.length == 2 && Double.isFinite(v[1]), col);
        }
        var byFold = report.curves(corpora, org.emoaugnet.model.Trainer.TEST_UA);
        assertEquals(List.of("syn-outer-1", "syn-outer-2"), List.copyOf(byFold.keySet()), "the final runs' curves by outer fold, in the plan's order");
        for (var runsOfFold : byFold.values()) assertEquals(2, runsOfFold.size(), "both final seeds");
        RunRecord last = RunRecord.read(finalDirs.get(0));
        assertEquals(100 * last.test().ua(), org.emoaugnet.evidence.StudyReport.curves(finalDirs.subList(0, 1), org.emoaugnet.model.Trainer.TEST_UA, false)
                .values().iterator().next()[1], 1e-9, "selection 'last': the last epoch's test UA is the run's");
        List<tech.tablesaw.api.Table> q = report.questions(corpora);
        assertEquals(List.of("public-4 − none (at each fold's winner)", "all − none (at each fold's winner)"),
                q.get(0).stringColumn(org.emoaugnet.evidence.TestColumns.COMPARISON).asList());
        assertEquals(1, q.get(1).rowCount(), "ReLU − ELU");
        for (tech.tablesaw.api.Table t : q) for (int i = 0; i < t.rowCount(); i++) assertEquals(2, t.intColumn(org.emoaugnet.evidence.TestColumns.UNITS).get(i));
        var cost = report.cost(corpora);
        assertEquals(List.of(12, 4, questions.size()), cost.intColumn(org.emoaugnet.evidence.ResultColumns.PLANNED_RUNS).asList().subList(0, 3));
        assertEquals(12, cost.intColumn(org.emoaugnet.evidence.ResultColumns.RUNS).get(0));
        List<String> sentences = report.sentences(corpora, results, cost, fitting);
        assertTrue(sentences.get(0).contains("12 of 12 inner runs finished, 2 of 2 outer folds decided, 4 of 4 final runs"), sentences.get(0));

        // with one final run missing the design is incomplete: the primary test and the questions give no row, and say how far they are
        Path aside = dir.resolve("aside");
        Files.move(finalDirs.get(0), aside);
        var waiting = report.baselineTest(corpora);
        assertEquals(0, waiting.rowCount());
        assertTrue(waiting.name().endsWith("(no test until all 4 final runs have finished: 3 so far)"), waiting.name());
        assertTrue(report.results(corpora, waiting, Map.of()).stringColumn(org.emoaugnet.evidence.ResultColumns.VS_BASELINE).get(0).isEmpty(), "no verdict on 3 of 4 runs");
        for (tech.tablesaw.api.Table t : report.questions(corpora)) {
            assertEquals(0, t.rowCount(), t.name());
            assertTrue(t.name().contains("question runs have finished: "), t.name());
        }
        Files.move(aside, finalDirs.get(0));
        assertEquals(1, report.baselineTest(corpora).rowCount());

        // the model a user takes away: the candidate most outer folds chose, trained on every speaker, with its card
        var choice = s.mostChosen(corpora).orElseThrow();
        long won = winners.values().stream().filter(choice.candidate().name()::equals).count();
        assertEquals(won, choice.foldsWon());
        for (ExperimentConfig c : s.candidates())
            assertTrue(winners.values().stream().filter(c.name()::equals).count() <= won, c.name() + " won more folds than the choice");
        PlannedRun export = s.exportRun(corpora).orElseThrow();
        assertEquals(plan.sha256(), export.spec().plan());
        assertEquals(NestedSearch.ALL_SPEAKERS, export.spec().fold());
        RunRecord exported = org.emoaugnet.run.Runner.runOrResume(new SpecJobs(new FeatureCache(dir.resolve("cache")), dir.resolve("model-runs")).job(export));
        assertEquals(11, exported.split().sides().train().size(), "every speaker trains");
        assertEquals(0, exported.split().rowsTest());
        assertEquals(corpus.utterances().size(), exported.split().rowsTrain());
        java.nio.file.Path model = dir.resolve("model-runs").resolve(export.experiment()).resolve(SpecJobs.runName(export.spec())).resolve("model");
        assertNotNull(org.emoaugnet.model.SavedModel.load(model, null), "its network is kept");
        String card = org.emoaugnet.publish.ModelCard.markdown(s, corpora, choice, exported);
        assertTrue(card.contains("`" + choice.candidate().name() + "` won " + won + " of the 2 "), card);
        assertTrue(card.contains("4 of 4 final runs)"), card);
        assertTrue(card.contains("| " + exported.classes().get(0) + " |") && card.contains("## Limitations"), card);

        // an edited plan is another search: none of these runs is its
        Files.writeString(p.resolve(SearchPlan.TEXT), "# a plan, edited after its runs\n");
        NestedSearch edited = NestedSearch.ofPlan(p, runs);
        assertNotEquals(plan.sha256(), edited.plan().sha256());
        assertTrue(edited.finished(edited.innerRuns(corpora)).isEmpty(), "no run of the first plan counts for the edited one");
        assertTrue(edited.winners(corpora).isEmpty());
    }

    @Test
    void aPlanMustHoldItsTextCandidatesAndInnerFoldsThatFitItsOuterFolds() throws Exception {
        Path p = plan("plan-bad", "# a plan\n");
        Files.delete(p.resolve("inner/syn-outer-2-inner.csv"));
        var e = assertThrows(ConfigurationException.class, () -> NestedSearch.ofPlan(p, dir.resolve("r")));
        assertTrue(e.getMessage().contains("syn-outer-2-inner.csv"), e.getMessage());
        Files.writeString(p.resolve("inner/syn-outer-2-inner.csv"), Files.readString(p.resolve("inner/syn-outer-1-inner.csv")));
        var wrong = assertThrows(ConfigurationException.class, () -> NestedSearch.ofPlan(p, dir.resolve("r")));
        assertTrue(wrong.getMessage().contains("must exclude exactly outer fold syn-outer-2's test speakers"), wrong.getMessage());
        Files.delete(p.resolve(SearchPlan.TEXT));
        assertEquals(p + ": a plan folder holds its text, plan.md", assertThrows(ConfigurationException.class, () -> SearchPlan.read(p)).getMessage());
        Path q = plan("plan-key", "# a plan\n");
        Files.writeString(q.resolve(NestedSearch.SETTINGS), "name=x\ninner_folds=inner\ninner_seed=1\n");
        assertTrue(assertThrows(ConfigurationException.class, () -> NestedSearch.ofPlan(q, dir.resolve("r"))).getMessage().contains("inner_seed"));
    }

    @Test
    void aPlanIsRegisteredOnlyWhenCommittedAndUnchanged() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo);
        git(repo, "init", "-q");
        git(repo, "config", "user.email", "t@example.org");
        git(repo, "config", "user.name", "t");
        Path p = repo.resolve("plan");
        Files.createDirectories(p);
        Files.writeString(p.resolve(SearchPlan.TEXT), "# plan\n");
        Files.writeString(repo.resolve("other.txt"), "x\n");
        git(repo, "add", "other.txt");
        git(repo, "commit", "-q", "-m", "other");
        assertFalse(SearchPlan.read(p).registration().registered(), "never committed");
        git(repo, "add", "plan");
        git(repo, "commit", "-q", "-m", "plan");
        SearchPlan.Registration r = SearchPlan.read(p).registration();
        assertTrue(r.registered());
        assertEquals(40, r.commit().length());
        assertTrue(r.committed().isPresent());
        Files.writeString(p.resolve("late-idea.properties"), "name=late\n");
        assertFalse(SearchPlan.read(p).registration().registered(), "an untracked file in the plan folder");
        Files.delete(p.resolve("late-idea.properties"));
        Files.writeString(p.resolve(SearchPlan.TEXT), "# plan, edited\n");
        assertFalse(SearchPlan.read(p).registration().registered(), "an edited plan text");
        git(repo, "checkout", "-q", "--", "plan");

        // files outside the folder that the plan reads (its inner fold files): not in the hash, but in the registration
        Path folds = repo.resolve("folds").resolve("outer-1-inner.csv");
        Files.createDirectories(folds.getParent());
        Files.writeString(folds, "fold,test,validation\n");
        SearchPlan reading = SearchPlan.read(p).reading(List.of(folds));
        assertEquals(SearchPlan.read(p).sha256(), reading.sha256(), "the hash is the folder's");
        assertFalse(reading.registration().registered(), "an input never committed");
        git(repo, "add", "folds");
        git(repo, "commit", "-q", "-m", "folds");
        SearchPlan.Registration withFolds = reading.registration();
        assertTrue(withFolds.registered());
        assertNotEquals(r.commit(), withFolds.commit(), "the last commit that changed the plan or what it reads");
        Files.writeString(folds, "fold,test,validation\n# edited\n");
        assertFalse(reading.registration().registered(), "an edited input");
        assertTrue(SearchPlan.read(p).registration().registered(), "the folder alone is unchanged");
        Files.writeString(repo.resolve(".gitignore"), "ignored.csv\n");
        Files.writeString(folds.resolveSibling("ignored.csv"), "fold,test,validation\n");
        assertFalse(SearchPlan.read(p).reading(List.of(folds.resolveSibling("ignored.csv"))).registration().registered(), "an ignored input is never committed");
    }

    static void git(Path repo, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(pr.getInputStream().readAllBytes());
        assertEquals(0, pr.waitFor(), String.join(" ", cmd) + ": " + out);
    }
}
