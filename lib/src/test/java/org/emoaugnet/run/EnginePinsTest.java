package org.emoaugnet.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine pins ({@link EnginePins}, {@code experiments/engine-pins.csv}): the file's format and its errors, the
 * engine a pinned and an unpinned experiment get ({@link RunSpec.Engine#forExperiment}), and the runner, which reads a
 * pinned run back but never trains it ({@link Runner#refusal}).
 */
class EnginePinsTest {
    @TempDir Path dir;

    static final String OLD = "fused-1/loop-2";
    static final String PINNED = "ravdess-si-common-emodb-2s-ravdess-synthetic-relu-aug-none-onset1.5s", RUN = "fold-1-seed1";

    private static List<EnginePins.Pin> parse(String... lines) { return EnginePins.parse(List.of(lines), "pins.csv"); }

    private static IllegalArgumentException bad(String... lines) { return assertThrows(IllegalArgumentException.class, () -> parse(lines)); }

    @Test
    void theFormatAndWhatAPinMatches() {
        var pins = parse("# a comment", "", EnginePins.HEADER, "exp-a,fused-1/loop-2,2,1,05,\"why, with a comma\",later", "grid-*," + OLD + ",2,,05,\"say \"\"why\"\"\",later");
        assertEquals(2, pins.size());
        EnginePins.Pin a = pins.get(0), g = pins.get(1);
        assertEquals(new RunSpec.Engine("1", "2", OLD), a.engine());
        assertEquals(RunSpec.VERSION_2, a.engine().version(), "a thread count: a run-spec/2 engine, as the committed records'");
        assertEquals(RunSpec.VERSION, g.engine().version(), "no thread count: run-spec/3");
        assertEquals("why, with a comma", a.reason());
        assertEquals("say \"why\"", g.reason());
        assertEquals(4, a.line());
        assertEquals(EnginePins.FILE + ", line 4", a.where());
        assertTrue(a.matches("exp-a") && a.matches("exp-a/fold-1-seed1"), "an experiment and its evaluations (<experiment>/<run>)");
        assertFalse(a.matches("exp-ab") || a.matches("exp"), "a name is a whole name");
        assertTrue(g.prefix() && g.matches("grid-x") && g.matches("grid-") && !g.matches("grid"));
        assertEquals(a, EnginePins.of("exp-a/fold-2-seed1", pins).orElseThrow());
        assertTrue(EnginePins.of("other", pins).isEmpty());
    }

    @Test
    void aBadFileIsRefusedNamingTheFileAndTheLine() {
        String h = EnginePins.HEADER, ok = "exp-a," + OLD + ",2,1,05,why,later";
        record Case(String message, String[] lines) {}
        List<Case> cases = List.of(
                new Case("pins.csv, line 1: the header must be exactly", new String[] {"experiment,trainer", ok}),
                new Case("pins.csv: no header line", new String[] {"# only a comment"}),
                new Case("pins.csv, line 2: 6 field(s); a pin has 7", new String[] {h, "exp-a," + OLD + ",2,1,05,why"}),
                new Case("pins.csv, line 3: empty reason", new String[] {h, ok, "exp-b," + OLD + ",2,1,05,,later"}),
                new Case("pins.csv, line 2: threads 'two' is not a positive integer", new String[] {h, "exp-a," + OLD + ",2,two,05,why,later"}),
                new Case("pins.csv, line 2: a quote is not closed", new String[] {h, "exp-a," + OLD + ",2,1,05,\"why,later"}),
                new Case("pins.csv, line 2: experiment 'exp a' is not an experiment name", new String[] {h, "exp a," + OLD + ",2,1,05,why,later"}),
                new Case("pins.csv, line 2: exp-a is pinned to this checkout's own engine", new String[] {h,
                        "exp-a," + RunSpec.Engine.current().trainer() + "," + RunSpec.Engine.current().network() + ",,05,why,later"}),
                new Case("pins.csv, line 2: no git tag is defined for trainer fused-0/loop-9", new String[] {h, "exp-a,fused-0/loop-9,2,1,05,why,later"}),
                new Case("pins.csv, line 4: exp-a is already pinned by line 2", new String[] {h, ok, "exp-b," + OLD + ",2,1,05,why,later", ok}),
                new Case("pins.csv, line 3: exp-* is already pinned by line 2 (exp-a)", new String[] {h, ok, "exp-*," + OLD + ",2,1,05,why,later"}));
        for (Case c : cases) {
            var e = bad(c.lines());
            assertTrue(e.getMessage().startsWith(c.message()), c.message() + " <- " + e.getMessage());
        }
    }

    @Test
    void theCommittedFileIsTheOneInTheJarAndPinsOnlyToATaggedOlderEngine() throws Exception {
        Path file = RunSpecRoundTripTest.RUNS.getParent().getParent().resolve(EnginePins.FILE);
        assertEquals(EnginePins.parse(Files.readAllLines(file), EnginePins.FILE), EnginePins.all(), "the build copies " + EnginePins.FILE + " into the jar");
        assertFalse(EnginePins.all().isEmpty());
        for (EnginePins.Pin p : EnginePins.all()) {
            assertFalse(p.engine().isCurrent(), p.experiment());
            assertEquals(java.util.Optional.of(EngineTags.FUSED_1), EngineTags.of(p.engine()), p.experiment());
        }
    }

    @Test
    void aPinnedExperimentGetsItsPinnedEngineAndAnyOtherTheCurrentOne() {
        RunSpec.Engine pinned = RunSpec.Engine.forExperiment(PINNED);
        assertEquals(new RunSpec.Engine("1", "2", OLD), pinned);
        assertEquals(pinned, RunSpec.Engine.forExperiment(PINNED + "/" + RUN), "its evaluations' experiment <experiment>/<run>");
        for (String free : List.of("robustness-synthetic-relu-aug-none", "synthetic-speaker-independent-compact-relu", "synthetic-strong-a-compact", "x", PINNED + "-quick"))
            assertEquals(RunSpec.Engine.current(), RunSpec.Engine.forExperiment(free), free);
    }

    /** A committed record of a pinned experiment, copied under {@code dir/runs}; returns its run folder. */
    private Path committed(String experiment, String run) throws Exception {
        return RecordFixtures.copy(RunSpecRoundTripTest.RUNS.resolve(experiment).resolve(run), dir.resolve("runs").resolve(experiment).resolve(run));
    }

    /** A job of experiment {@code experiment} whose work fails the test if it is ever called. */
    private static Runner.Job never(RunSpec spec, String experiment, Path runDir, AtomicInteger calls) {
        return new Runner.Job(spec, experiment, runDir, tmp -> {
            calls.incrementAndGet();
            throw new AssertionError("a run of another engine was computed");
        });
    }

    @Test
    void thePlannedSpecOfAPinnedRunIsTheCommittedRecordsAndIsReadBack() throws Exception {
        Path runDir = committed(PINNED, RUN);
        RunRecord rec = RunRecord.read(runDir);
        assertEquals(OLD, rec.spec().trainer());
        // the spec as SpecJobs.job makes it from a design's spec (any engine) for this experiment
        RunSpec planned = rec.spec().withEngine(RunSpec.Engine.current()).planned(PINNED, rec.spec().data());
        assertEquals(rec.specSha256(), planned.sha256(), "the pinned engine gives the committed record's spec hash");
        AtomicInteger calls = new AtomicInteger();
        Runner.Job job = never(planned, PINNED, runDir, calls);
        assertEquals(Runner.Status.FINISHED, Runner.status(job));
        assertEquals(rec.predictionsSha256(), Runner.runOrResume(job).predictionsSha256(), "read back");
        assertEquals(1, Runner.runAll(List.of(job), 1, System.err, true).size());
        assertEquals(0, calls.get());
        assertNotEquals(rec.specSha256(), rec.spec().planned("unpinned", rec.spec().data()).sha256(), "an unpinned experiment's spec is a run-spec/3 one of the current engine");
    }

    @Test
    void theRunnerRefusesToTrainAPinnedRunThatIsMissingOrStaleNamingTheTag() throws Exception {
        RunRecord rec = RunRecord.read(RunSpecRoundTripTest.RUNS.resolve(PINNED).resolve(RUN));
        RunSpec spec = rec.spec().planned(PINNED, rec.spec().data());
        AtomicInteger calls = new AtomicInteger();

        // missing
        Path missing = dir.resolve("runs").resolve(PINNED).resolve("fold-1-seed99");
        Runner.Job job = never(spec, PINNED, missing, calls);
        var e = assertThrows(OtherEngineException.class, () -> Runner.runOrResume(job));
        String m = e.getMessage();
        assertTrue(m.startsWith(PINNED + "/fold-1-seed99 (spec " + spec.shortHash() + ") is not trained here: its run is missing"), m);
        assertTrue(m.contains("pinned to another engine (trainer " + OLD + ", network 2, threads 1) by " + EnginePins.FILE + ", line "), m);
        assertTrue(m.contains("git tag " + EngineTags.FUSED_1 + ": git worktree add ../emoaugnet-" + EngineTags.FUSED_1 + " " + EngineTags.FUSED_1), m);
        assertTrue(m.contains("This checkout (" + EngineTags.describe(RunSpec.Engine.current()) + ") trains only with its own engine"), m);
        assertFalse(Files.exists(missing.getParent()), "nothing created");

        // stale: the folder holds a record of another spec; it is left where it is
        Path stale = committed(PINNED, RUN);
        RunSpec other = spec.withLearning(RunSpec.Learning.of(spec.training(), 99));
        Runner.Job staleJob = never(other, PINNED, stale, calls);
        assertEquals(Runner.Status.STALE, Runner.status(staleJob));
        e = assertThrows(OtherEngineException.class, () -> Runner.runOrResume(staleJob));
        assertTrue(e.getMessage().contains("its folder holds a run of another spec (" + rec.specSha256().substring(0, 12) + ")"), e.getMessage());
        assertEquals(rec.specSha256(), RunRecord.read(stale).specSha256(), "the record stays in place");
        assertFalse(Files.exists(stale.getParent().resolve("superseded")), "nothing moved aside");

        // runAll: refused before any work, named; the finished runs beside it are still read back
        Path done = stale;
        Runner.Job finished = never(spec, PINNED, done, calls);
        var all = assertThrows(OtherEngineException.class, () -> Runner.runAll(List.of(finished, job), 2, System.err, true));
        assertTrue(all.getMessage().startsWith("1 of 1 run(s) to compute are of another engine and were not trained"), all.getMessage());
        assertTrue(all.getMessage().contains(PINNED + "/fold-1-seed99") && all.getMessage().contains(EngineTags.FUSED_1), all.getMessage());

        // report-only mode: just missing
        assertEquals(1, Runner.runAll(List.of(finished, job), 2, System.err, false).size());
        assertEquals(0, calls.get(), "nothing was ever computed");
        assertFalse(Files.exists(missing));
    }
}
