package org.emoaugnet.run;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.emoaugnet.model.TrainingDivergedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A run whose training diverges ends as failed: its failure is recorded in its own folder (never taken for a finished
 * run), a later run of the same spec fails at once naming it and how to retry, a retry or a changed spec trains again
 * (the failure kept aside), and a study finishes its other runs and reports the failed ones at the end.
 */
class FailedRunsTest {
    @TempDir Path dir;

    /** A job that counts its computations and diverges (after writing a partial history) while {@code diverge} says so. */
    static Runner.Job job(RunSpec spec, Path runDir, AtomicInteger calls, boolean diverge, boolean retry) {
        Runner.Job ok = RunnerTest.counting(spec, runDir, calls, false);
        return new Runner.Job(spec, "x", runDir, tmp -> {
            if (!diverge) return ok.work().compute(tmp);
            calls.incrementAndGet();
            Files.writeString(tmp.resolve("history.csv"), "epoch,train_loss\n1,1.9\n");   // what ExperimentRunner.fit keeps
            throw new TrainingDivergedException("tiny", 2, 3, 7, "the training loss", Double.NaN, 0.5, Table.create("history", IntColumn.create("epoch")));
        }, retry);
    }

    @Test
    void aDivergedRunIsRecordedAsFailedAndNotRetriedInALoop() throws Exception {
        Path runDir = dir.resolve("runs/x/fold-1-seed1");
        AtomicInteger calls = new AtomicInteger();
        RunSpec spec = RunnerTest.spec(3);
        var now = assertThrows(RunFailedException.class, () -> Runner.runOrResume(job(spec, runDir, calls, true, false)));
        assertEquals(1, calls.get());
        assertTrue(now.getMessage().startsWith("x/fold-1-seed1 (spec " + spec.shortHash() + ") failed: model 'tiny' diverged at epoch 2, batch 3 of 7: "
                + "the training loss is NaN (learning rate 0.5)"), now.getMessage());
        assertTrue(now.getMessage().contains("--retry-failed") && now.getMessage().contains("EMOAUG_RETRY_FAILED=1"), now.getMessage());
        assertInstanceOf(TrainingDivergedException.class, now.getCause());
        assertEquals(1, now.runs().size());
        assertFalse(now.runs().get(0).earlier());

        // the failure is in the run's own folder, with what was computed, and no reader takes it for a finished run
        assertTrue(Files.isRegularFile(runDir.resolve(RunFailure.FILE)));
        assertEquals("epoch,train_loss\n1,1.9\n", Files.readString(runDir.resolve("history.csv")), "the partial history is kept");
        assertFalse(RunRecord.finished(runDir));
        assertEquals(List.of(), RunRecord.folders(dir.resolve("runs")), "records check and the reports see no run");
        assertEquals(Runner.Status.MISSING, Runner.status(job(spec, runDir, calls, false, false)));
        RunFailure f = RunFailure.read(runDir).orElseThrow();
        assertEquals(spec.sha256(), f.specSha256());
        assertEquals(spec, f.spec());
        assertTrue(f.reason().contains("epoch 2, batch 3 of 7"));
        assertEquals("written by the runner", f.provenance().origin());
        try (var s = Files.list(runDir.getParent())) {
            assertEquals(List.of(runDir), s.toList(), "no temporary folder is left");
        }

        // a resumed study: the same spec fails at once, naming the earlier failure, and computes nothing
        var again = assertThrows(RunFailedException.class, () -> Runner.runOrResume(job(spec, runDir, calls, false, false)));
        assertEquals(1, calls.get(), "not trained again");
        assertTrue(again.runs().get(0).earlier());
        assertTrue(again.getMessage().contains("failed in an earlier attempt: model 'tiny' diverged at epoch 2")
                && again.getMessage().contains(runDir.resolve(RunFailure.FILE).toString())
                && again.getMessage().contains("retry with --retry-failed or EMOAUG_RETRY_FAILED=1"), again.getMessage());

        // retried: trained again, installed, and the failure kept aside
        RunRecord rec = Runner.runOrResume(job(spec, runDir, calls, false, true));
        assertEquals(2, calls.get());
        assertEquals(spec.sha256(), rec.specSha256());
        assertFalse(RunFailure.exists(runDir), "the finished run replaced the failure");
        Path aside = onlyChild(runDir.getParent().resolve("superseded"));
        assertTrue(aside.getFileName().toString().startsWith("fold-1-seed1-failed-"), aside.toString());
        assertEquals(spec.sha256(), RunFailure.read(aside).orElseThrow().specSha256(), "the earlier failure is kept");
    }

    @Test
    void aChangedSpecIgnoresTheOldFailureAndARetriedFailureReplacesItsPredecessor() throws Exception {
        Path runDir = dir.resolve("runs/x/fold-1-seed1");
        AtomicInteger calls = new AtomicInteger();
        assertThrows(RunFailedException.class, () -> Runner.runOrResume(job(RunnerTest.spec(3), runDir, calls, true, false)));
        // retried, and it diverges again: a new failure record in place, the old one aside
        var second = assertThrows(RunFailedException.class, () -> Runner.runOrResume(job(RunnerTest.spec(3), runDir, calls, true, true)));
        assertFalse(second.runs().get(0).earlier());
        assertEquals(2, calls.get());
        assertTrue(RunFailure.exists(runDir));
        onlyChild(runDir.getParent().resolve("superseded"));
        // another spec (a smaller epoch cap) trains at once, whatever failed before
        RunRecord rec = Runner.runOrResume(job(RunnerTest.spec(2), runDir, calls, false, false));
        assertEquals(3, calls.get());
        assertEquals(RunnerTest.spec(2).sha256(), rec.specSha256());
        try (var s = Files.list(runDir.getParent().resolve("superseded"))) {
            assertEquals(2, s.count(), "both failures are kept aside");
        }
    }

    @Test
    void aStudyFinishesItsOtherRunsAndReportsTheFailedOnesAtTheEnd() throws Exception {
        Path root = dir.resolve("study");
        AtomicInteger calls = new AtomicInteger();
        RunSpec a = RunnerTest.spec(3), b = RunnerTest.spec(4), c = RunnerTest.spec(5);
        List<Runner.Job> jobs = List.of(job(a, root.resolve("x/a"), calls, true, false), job(b, root.resolve("x/b"), calls, false, false));
        var log = new ByteArrayOutputStream();
        var e = assertThrows(RunFailedException.class, () -> Runner.runAll(jobs, 2, new PrintStream(log, true), true));
        assertEquals(2, calls.get(), "the other run was executed");
        assertTrue(RunRecord.finished(root.resolve("x/b")));
        assertEquals(List.of("x/a"), e.runs().stream().map(RunFailedException.Failed::run).toList());
        assertTrue(e.getMessage().startsWith("1 of 2 run(s) failed (the others are finished and kept):\n  x/a (spec " + a.shortHash() + ") failed: "),
                e.getMessage());
        assertTrue(log.toString().contains("[runner] FAILED x/a"), log.toString());

        // resumed: the finished run is read back, the failed one fails at once, a third is trained
        List<Runner.Job> resumed = List.of(job(a, root.resolve("x/a"), calls, false, false), job(b, root.resolve("x/b"), calls, false, false),
                job(c, root.resolve("x/c"), calls, false, false));
        var r = assertThrows(RunFailedException.class, () -> Runner.runAll(resumed, 2, new PrintStream(new ByteArrayOutputStream(), true), true));
        assertEquals(3, calls.get(), "only the new run was computed");
        assertTrue(r.runs().get(0).earlier());
        assertTrue(RunRecord.finished(root.resolve("x/c")));

        // a failure of another kind beside a failed run: an IOException naming both (bad data is not a failed run)
        Runner.Job broken = RunnerTest.counting(RunnerTest.spec(6), root.resolve("x/d"), calls, true);
        var mixed = assertThrows(IOException.class, () -> Runner.runAll(List.of(resumed.get(0), broken), 2, new PrintStream(new ByteArrayOutputStream(), true), true));
        assertFalse(mixed instanceof RunFailedException, mixed.toString());
        assertTrue(mixed.getMessage().contains("x/a (spec") && mixed.getMessage().contains("killed mid-way"), mixed.getMessage());
    }

    @Test
    void anEditedFailureRecordIsRefusedNamingIt() throws Exception {
        Path runDir = dir.resolve("runs/x/fold-1-seed1");
        assertThrows(RunFailedException.class, () -> Runner.runOrResume(job(RunnerTest.spec(3), runDir, new AtomicInteger(), true, false)));
        Path file = runDir.resolve(RunFailure.FILE);
        Files.writeString(file, Files.readString(file).replace("epoch 2", "epoch 9"));
        var e = assertThrows(IOException.class, () -> RunFailure.read(runDir));
        assertTrue(e.getMessage().startsWith(file + ": edited after it was written"), e.getMessage());
    }

    static Path onlyChild(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            List<Path> all = s.toList();
            assertEquals(1, all.size(), all.toString());
            return all.get(0);
        }
    }
}
