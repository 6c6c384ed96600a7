package org.emoaugnet.run;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the runner says: failed runs as their own error type, report-only mode's missing runs, why a run folder is moved aside. */
class RunnerMessagesTest {
    @TempDir Path dir;

    @Test
    void failedRunsEndAsRunsFailed() {
        AtomicInteger calls = new AtomicInteger();
        List<Runner.Job> jobs = List.of(RunnerTest.counting(RunnerTest.spec(3), dir.resolve("x/a"), calls, true),
                RunnerTest.counting(RunnerTest.spec(3), dir.resolve("x/b"), calls, false));
        var e = assertThrows(IOException.class, () -> Runner.runAll(jobs, 1, new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("1 of 2 run(s) failed") && e.getMessage().contains("x/a"), e.getMessage());
    }

    @Test
    void reportOnlyModeNamesTheMissingRuns() {
        List<Runner.Job> missing = new ArrayList<>();
        for (int i = 0; i < Runner.MISSING_NAMED + 3; i++)
            missing.add(RunnerTest.counting(RunnerTest.spec(3), dir.resolve("exp/seed" + i), new AtomicInteger(), false));
        String some = Runner.reportOnly(missing.subList(0, 2), 5);
        assertTrue(some.contains("2 of 5 planned run(s) are missing") && some.contains("missing: x/seed0 (spec ") && some.contains("missing: x/seed1"), some);
        assertTrue(some.contains("cover only the 3 run(s) that exist"), some);
        String all = Runner.reportOnly(missing, missing.size());
        assertTrue(all.contains("no planned run exists yet: the reports below have no rows"), all);
        assertTrue(all.contains("... and 3 more") && !all.contains("x/seed" + (Runner.MISSING_NAMED + 1)), all);
    }

    @Test
    void aRunFolderWithoutItsRecordIsCalledIncompleteNotAnotherSpec() throws Exception {
        Path run = dir.resolve("x/seed1");
        Files.createDirectories(run);
        Files.writeString(run.resolve("history.csv"), "left by a run whose record was deleted\n");
        PrintStream before = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            Runner.runOrResume(RunnerTest.counting(RunnerTest.spec(3), run, new AtomicInteger(), false));
        } finally {
            System.setErr(before);
        }
        assertTrue(err.toString().contains("a run folder without a record (deleted or never finished)") && !err.toString().contains("another spec"), err.toString());
        assertTrue(RunRecord.finished(run));
    }

    @Test
    void aChildStartedByRecordsVerifyDoesNotCallItselfUnpinned() {
        for (NumericKernels.Mode m : NumericKernels.Mode.values()) {
            String s = NumericKernels.announcement(m, true).orElseThrow();
            assertTrue(s.contains("started by records verify") && !s.contains("was not started through") && !s.contains("machine-specific"), s);
        }
        assertTrue(NumericKernels.announcement(NumericKernels.Mode.NATIVE_NOT_PINNED, false).orElseThrow().contains("was not started through"));
        assertTrue(NumericKernels.announcement(NumericKernels.Mode.PINNED, false).isEmpty());
    }
}
