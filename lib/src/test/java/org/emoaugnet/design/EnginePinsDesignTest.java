package org.emoaugnet.design;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.run.CrossCorpus;
import org.emoaugnet.run.EnginePins;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.RecordFixtures;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.RunSpec;
import org.emoaugnet.util.OutputLog;
import org.emoaugnet.util.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed engine pins against the committed records and the designs: the pinned experiments are exactly the
 * earlier cross-corpus grid of notebook 05 (over EmoDB-2s, RAVDESS and synthetic, kept as it was; notebook 05 now runs
 * the four-corpus grid, whose runs, like the RAVDESS robustness models', are of the current engine) and notebook 06's
 * previous RAVDESS search (every candidate but the baselines), derived from the grid's design, the records and the
 * search folders; every record of a pinned experiment is of its pinned engine; no experiment of notebooks 02, 04 and 05
 * as {@code results/MANIFEST.json} lists them, the ledger, notebook 06's baselines and questions, or the synthetic-corpus
 * runs (the main job's) is pinned; and the designs plan every committed record of a pinned experiment with its recorded
 * spec hash, so the runner and the reports read them back as before.
 */
class EnginePinsDesignTest {
    @TempDir Path dir;

    static final Path ROOT = Path.of(System.getProperty("emoaug.projectRoot", "..")).toAbsolutePath().normalize();
    static final Path RUNS = ROOT.resolve("results/runs");
    static final String NB02 = "notebooks/02-augmentation-ablations.ipynb", NB04 = "notebooks/04-relu-vs-elu.ipynb",
            NB05 = "notebooks/05-cross-corpus.ipynb", NB06 = "notebooks/06-strongest-honest-model.ipynb", LEDGER = "environment/emoaug ledger";
    /** The corpora of notebook 05's earlier real-corpus grid (kept, pinned), in the order the corpora were configured. */
    static final List<String> REAL_GRID = List.of("emodb-2s", "ravdess", "synthetic");

    /** The experiments of the earlier grid ({@link #REAL_GRID}): its cells' and its diagonal's. */
    Set<String> earlierGrid() {
        var grid = CrossCorpusStudy.design(REAL_GRID, settings(true), List.of());
        Set<String> out = new TreeSet<>();
        for (CrossCorpusStudy.Cell c : grid.cells()) out.add(c.within() != null ? c.within().name() : CrossCorpus.experimentName(c.cross(), grid.classSet()));
        return out;
    }

    /** Settings of a run on real corpora (data configured) or of the main job on the synthetic corpus (none), not quick. */
    Settings settings(boolean data) {
        return new Settings(data ? Optional.of(dir.resolve("corpora")) : Optional.empty(), data ? List.of("ravdess") : List.of(), false,
                dir.resolve("results"), dir.resolve("cache"), 42, false, ROOT);
    }

    /** Every producer of the manifest's files with the experiments (first folder of each run's path) it used. */
    @SuppressWarnings("unchecked")
    static Map<String, Set<String>> notebooks() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) OutputLog.read(ROOT.resolve("results")).get("files"))
            for (String r : (List<String>) f.getOrDefault("runs", List.of()))
                out.computeIfAbsent(String.valueOf(f.get("producer")), k -> new TreeSet<>()).add(r.substring(0, r.indexOf('/')));
        return out;
    }

    /** The record files of an experiment (evaluations included, superseded runs not), read as stored. */
    static List<Properties> records(String experiment) throws IOException {
        List<Properties> out = new ArrayList<>();
        try (var s = Files.walk(RUNS.resolve(experiment))) {
            for (Path f : s.filter(p -> p.getFileName().toString().equals(RunRecord.FILE)).sorted().toList()) {
                if (RUNS.relativize(f).toString().contains("superseded")) continue;
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f)) { p.load(r); }
                out.add(p);
            }
        }
        return out;
    }

    static Set<String> experiments() throws IOException {
        try (var s = Files.list(RUNS)) {
            return new TreeSet<>(s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList());
        }
    }

    /** Whether a record reads a real corpus: its training or test corpus, or a grid class set shared with one. */
    static boolean real(Properties r) {
        String cs = r.getProperty("spec.class_set"), set = cs.substring(0, cs.indexOf('['));
        for (String c : List.of(r.getProperty("spec.corpus"), r.getProperty("spec.test_corpus", r.getProperty("spec.corpus"))))
            if (!c.startsWith("synthetic")) return true;
        return set.startsWith("common-") && !set.replace("synthetic-b", "").replace("synthetic", "").replace("-", "").equals("common");
    }

    /** The pinned experiments, each named exactly. */
    static Set<String> pinned() {
        Set<String> out = new TreeSet<>();
        for (EnginePins.Pin p : EnginePins.all()) {
            assertFalse(p.prefix(), "the committed pins name experiments exactly: " + p.experiment());
            out.add(p.experiment());
        }
        return out;
    }

    @Test
    void thePinsAreNotebook05sRealCorpusRunsAndNotebook06sPreviousSearchAndEveryRecordIsOfItsEngine() throws Exception {
        Map<String, Set<String>> nb = notebooks();
        Set<String> all = experiments(), expected = new TreeSet<>(earlierGrid());
        expected.retainAll(all);   // the cells it ran (the design now adds leave-one-corpus-out cells the earlier grid never had)
        StrongestModel study = StrongestModel.of("ravdess", settings(true), RUNS);
        Set<String> baselines = new TreeSet<>(), questions = new TreeSet<>();
        for (StrongestModel.Arm arm : study.arms()) {
            baselines.add(arm.baseline().name());
            for (ExperimentConfig c : arm.search().candidates()) if (!c.name().equals(arm.baseline().name())) expected.add(c.name());
        }
        ModelSearch first = study.arms().get(0).search();
        StrongModelQuestions.of(first.name(), first.candidates().get(0), List.of(1L, 2L, 3L)).experiments().forEach(c -> questions.add(c.name()));
        assertEquals(expected, pinned(), "the pins are notebook 05's earlier grid and notebook 06's previous search");
        assertTrue(all.containsAll(expected), "every pinned experiment has committed records");

        Map<String, Integer> counts = new TreeMap<>();
        for (EnginePins.Pin p : EnginePins.all()) {
            List<Properties> rs = records(p.experiment());
            assertFalse(rs.isEmpty(), p.experiment());
            for (Properties r : rs) {
                String what = p.experiment() + ": " + r.getProperty("experiment");
                assertEquals(p.engine().trainer(), r.getProperty("spec.trainer"), what);
                assertEquals(p.engine().network(), r.getProperty("spec.network"), what);
                assertEquals(p.engine().threads(), r.getProperty("spec.threads"), what);
                assertEquals(p.engine().version(), r.getProperty("spec.version"), what);
            }
            counts.put(p.experiment(), rs.size());
        }
        System.out.println("[engine pins] " + counts.size() + " experiments, " + counts.values().stream().mapToInt(Integer::intValue).sum() + " records: " + counts);

        // nothing else: notebooks 02 and 04, the ledger, notebook 06's baselines and questions, the synthetic-corpus runs
        for (String e : nb.getOrDefault(NB05, Set.of())) assertFalse(EnginePins.of(e).isPresent(), "notebook 05 uses " + e);
        for (String producer : List.of(NB02, NB04, LEDGER))
            for (String e : nb.get(producer)) assertFalse(EnginePins.of(e).isPresent(), producer + " uses " + e);
        for (String e : baselines) assertFalse(EnginePins.of(e).isPresent(), "notebook 06's baseline " + e);
        for (String e : questions) assertFalse(EnginePins.of(e).isPresent(), "notebook 06's question runs " + e);
        for (String e : all)
            if (records(e).stream().noneMatch(EnginePinsDesignTest::real)) assertFalse(EnginePins.of(e).isPresent(), "a synthetic-corpus experiment " + e);
        // what the main job (the synthetic corpus, no data) plans in notebooks 05 and 06, in full and quick mode
        for (boolean quick : List.of(false, true)) {
            Settings s = settings(false);
            s = new Settings(s.data(), s.corpora(), quick, s.results(), s.cache(), s.seed(), false, ROOT);
            var grid = CrossCorpusStudy.design(List.of("synthetic", "synthetic-b"), s, List.of());
            List<String> planned = new ArrayList<>();
            for (CrossCorpusStudy.Cell c : grid.cells()) planned.add(c.within() != null ? c.within().name() : CrossCorpus.experimentName(c.cross(), grid.classSet()));
            Robustness.design("synthetic", s, List.of()).experiments().forEach(c -> planned.add(c.name()));
            StrongestModel.of("synthetic", s, RUNS).candidates().forEach(c -> planned.add(c.name()));
            for (String e : planned) assertEquals(RunSpec.Engine.current(), RunSpec.Engine.forExperiment(e), "the main job's " + e);
        }
    }

    /**
     * Notebook 06's earlier searches choose among candidates of two trainers (candidate a, the baseline, re-made; the
     * others pinned): their labels say so, and a search of one trainer's candidates adds nothing.
     */
    @Test
    void aSearchWhoseCandidatesComeFromTwoTrainersSaysSoInItsLabels() throws Exception {
        List<StrongestModel.Arm> ravdess = StrongestModel.of("ravdess", settings(true), RUNS).arms(), synthetic = StrongestModel.of("synthetic", settings(false), RUNS).arms();
        assertEquals(2, ravdess.size(), "notebook 06's two RAVDESS searches");
        assertFalse(synthetic.isEmpty());
        for (StrongestModel.Arm arm : ravdess) {
            ModelSearch search = arm.search();
            assertEquals(StrongestModel.MADE_BY + "2 trainers: a by " + RunSpec.Engine.current().trainer() + " and b, c, d, e, f by fused-1/loop-2",
                    StrongestModel.trainers(search, search.lastRound()), search.name());
            assertEquals(StrongestModel.MADE_BY + "2 trainers: a by " + RunSpec.Engine.current().trainer() + " and b, c, d, e by fused-1/loop-2",
                    StrongestModel.trainers(search, 1), search.name() + ", round 1");
        }
        for (StrongestModel.Arm arm : synthetic)
            assertEquals("", StrongestModel.trainers(arm.search(), arm.search().lastRound()), arm.search().name());
    }

    /**
     * The spec every pinned experiment's design gives each of its committed runs (from the record's fold, seed and data)
     * has the record's hash: notebook 05's grid cells and diagonal experiments, its robustness models and their
     * evaluations, notebook 06's search candidates (search and final runs). An unpinned experiment's design gives the
     * current engine.
     */
    @Test
    void everyCommittedRecordOfAPinnedExperimentIsWhatItsDesignPlans() throws Exception {
        Settings real = settings(true);
        Map<String, Function<RunSpec, RunSpec>> designs = new LinkedHashMap<>();
        var grid = CrossCorpusStudy.design(REAL_GRID, real, List.of());
        for (CrossCorpusStudy.Cell c : grid.cells()) {
            if (c.within() != null) designs.put(c.within().name(), r -> c.within().spec(r.fold(), r.seed(), r.data()));
            else designs.put(CrossCorpus.experimentName(c.cross(), grid.classSet()), r -> c.cross().spec(grid.classSet(), r.data()));
        }
        for (StrongestModel.Arm arm : StrongestModel.of("ravdess", real, RUNS).arms())
            for (ExperimentConfig c : arm.search().candidates()) designs.put(c.name(), r -> c.spec(r.fold(), r.seed(), r.data()));
        int trained = 0, evaluations = 0;
        for (EnginePins.Pin p : EnginePins.all()) {
            var design = designs.get(p.experiment());
            assertNotNull(design, p.experiment() + " is none of the designs of notebooks 05 and 06");
            for (Path run : StudyReport.runs(RUNS.resolve(p.experiment()))) {
                RunRecord rec = RunRecord.read(run);
                RunSpec planned = design.apply(rec.spec());
                assertEquals(p.engine(), planned.engine(), run.toString());
                assertEquals(rec.specSha256(), planned.sha256(), run + ": planned\n" + planned.canonical() + "recorded\n" + rec.spec().canonical());
                assertEquals(rec.specSha256(), planned.planned(p.experiment(), rec.spec().data()).sha256(), "as the job makes it: " + run);
                trained++;
            }
        }
        assertEquals(163, trained, "every trained run of a pinned experiment (60 of the earlier grid, 103 of the search)");

        // the RAVDESS robustness models, re-made with the current engine: their design plans each committed model and evaluation
        for (ExperimentConfig c : Robustness.design("ravdess", real, List.of()).experiments())
            for (Path run : StudyReport.runs(RUNS.resolve(c.name()))) {
                RunRecord r = RunRecord.read(run);
                RunSpec planned = c.spec(r.spec().fold(), r.spec().seed(), r.spec().data());
                assertEquals(RunSpec.Engine.current(), planned.engine(), run.toString());
                assertEquals(r.specSha256(), planned.sha256(), run.toString());
                assertTrue(Robustness.finished(new PlannedRun(c.name(), planned, List.of(new org.emoaugnet.data.Corpus(planned.corpus(), dir, List.of(), Map.of())), true), RUNS),
                        "the robustness study reads its model back: " + run);
                for (Path ev : StudyReport.runs(run)) {
                    RunRecord e = RunRecord.read(ev);
                    assertEquals(e.specSha256(), RunSpec.evaluation((RunSpec.Within) planned, e.spec().evaluation()).sha256(), ev.toString());
                    evaluations++;
                }
            }
        assertEquals(416, evaluations, "every evaluation of the RAVDESS robustness models");

        // an unpinned experiment of the same notebooks plans with the current engine (the synthetic corpus's baseline)
        ExperimentConfig baseline = StrongestModel.of("synthetic", settings(false), RUNS).arms().get(0).baseline();
        RunRecord rec = RunRecord.read(StudyReport.runs(RUNS.resolve(baseline.name())).get(0));
        RunSpec now = baseline.spec(rec.spec().fold(), rec.spec().seed(), rec.spec().data());
        assertEquals(RunSpec.Engine.current(), now.engine());
        assertEquals(RunSpec.VERSION, now.version());
        var synth = CrossCorpusStudy.design(List.of("synthetic", "synthetic-b"), settings(false), List.of());
        for (CrossCorpusStudy.Cell c : synth.cells())
            if (c.cross() != null) assertEquals(RunSpec.Engine.current(), c.cross().spec(synth.classSet(), rec.spec().data()).engine());
    }

    /**
     * The reports select a pinned experiment's committed records by its design ({@link StudyTables#runs}, as the
     * grid's diagonal, notebook 06's baselines and questions and the ledger do); an unpinned experiment's records of
     * the old engine are stale and left out, as for any other changed spec.
     */
    @Test
    void theReportsSelectThePinnedRecordsAndLeaveOutAnUnpinnedExperimentsOldOnes() throws Exception {
        var grid = CrossCorpusStudy.design(REAL_GRID, settings(true), List.of());
        int diagonal = 0;
        for (CrossCorpusStudy.Cell c : grid.cells()) {
            if (c.within() == null) continue;
            List<Path> runs = StudyTables.runs(c.within(), RUNS);
            assertEquals(StudyReport.runs(RUNS.resolve(c.within().name())), runs, c.within().name());
            assertEquals(5, runs.size(), c.within().name());
            diagonal++;
        }
        assertEquals(6, diagonal);
        for (ExperimentConfig c : Robustness.design("ravdess", settings(true), List.of()).experiments())
            assertEquals(8, StudyTables.runs(c, RUNS).size(), c.name());

        // an unpinned experiment (notebook 06's baseline on the synthetic corpus) with a record of the old engine: left out
        ExperimentConfig baseline = StrongestModel.of("synthetic", settings(false), RUNS).arms().get(0).baseline();
        Path committed = StudyReport.runs(RUNS.resolve(baseline.name())).get(0);
        Path copy = RecordFixtures.copy(committed, dir.resolve("runs").resolve(baseline.name()).resolve(committed.getFileName().toString()));
        RunSpec old = RecordFixtures.withEngine(copy, new RunSpec.Engine("1", "2", "fused-1/loop-2"));
        assertFalse(old.engine().isCurrent());
        assertEquals(List.of(), StudyTables.runs(baseline, dir.resolve("runs")), "an unpinned experiment's fused-1 record is stale");
        RecordFixtures.withEngine(copy, RunSpec.Engine.current());
        assertEquals(List.of(copy), StudyTables.runs(baseline, dir.resolve("runs")), "and its record of the current engine is selected");
    }
}
