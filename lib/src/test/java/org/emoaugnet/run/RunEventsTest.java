package org.emoaugnet.run;

import org.emoaugnet.run.RunEvents;
import org.emoaugnet.run.RunSpec;
import org.emoaugnet.run.Runner;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner appends what it did with every run it resolves (trained or read back) to the events file, and nothing without one. */
class RunEventsTest {
    @TempDir Path dir;

    @AfterEach
    void reset() { RunEvents.setFile(null); }

    static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());

    /** The events file's lines as "outcome label spec-prefix", checking every field is present. */
    static List<String> events(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(l -> {
            String[] f = l.split("\t", -1);
            assertEquals(5, f.length, "five fields: " + l);
            assertTrue(f[3].endsWith("Z") && f[4].contains("@"), "time and pid@host: " + l);
            return f[0] + " " + f[1] + " " + f[2].substring(0, 12);
        }).toList();
    }

    @Test
    void trainedAndReadBackRunsAreRecordedOnePerResolution() throws Exception {
        Path events = dir.resolve("events/run-events.tsv");
        RunEvents.setFile(events);
        AtomicInteger calls = new AtomicInteger();
        RunSpec s3 = RunnerTest.spec(3), s4 = RunnerTest.spec(4);
        String h3 = s3.shortHash(), h4 = s4.shortHash();
        Runner.Job a = RunnerTest.counting(s3, dir.resolve("runs/x/events-a"), calls, false);
        Runner.Job b = RunnerTest.counting(s3, dir.resolve("runs/x/events-b"), calls, false);

        Runner.runAll(List.of(a, b), 2, QUIET, true);
        assertEquals(2, calls.get());
        assertEquals(List.of("trained x/events-a " + h3, "trained x/events-b " + h3),
                events(events).stream().sorted().toList(), "two runs trained (in either order: they ran concurrently)");

        Runner.runAll(List.of(a, b), 2, QUIET, true);
        Runner.runOrResume(a);
        assertEquals(2, calls.get(), "nothing trained again");
        assertEquals(List.of("read-back x/events-a " + h3, "read-back x/events-b " + h3, "read-back x/events-a " + h3),
                events(events).subList(2, 5), "every resolution of a finished run is a read-back");

        Runner.runOrResume(RunnerTest.counting(s4, dir.resolve("runs/x/events-a"), calls, false));
        assertEquals(3, calls.get());
        assertEquals("trained x/events-a " + h4, events(events).get(5), "a changed spec trains anew and says so");

        Runner.runAll(List.of(RunnerTest.counting(s3, dir.resolve("runs/x/events-c"), calls, false)), 1, QUIET, false);
        assertEquals(6, events(events).size(), "training off: a missing run is neither trained nor read back");
    }

    @Test
    void withoutAnEventsFileNothingIsWrittenAndAnUnwritableOneFailsNamingIt() throws Exception {
        assumeNoVariable();
        AtomicInteger calls = new AtomicInteger();
        Runner.runOrResume(RunnerTest.counting(RunnerTest.spec(3), dir.resolve("runs/x/quiet"), calls, false));
        try (var s = Files.walk(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().contains("events")).toList());
        }
        Path notAFolder = dir.resolve("plain-file");
        Files.writeString(notAFolder, "x\n");
        RunEvents.setFile(notAFolder.resolve("run-events.tsv"));
        IOException e = assertThrows(IOException.class,
                () -> Runner.runOrResume(RunnerTest.counting(RunnerTest.spec(3), dir.resolve("runs/x/quiet"), calls, false)));
        assertTrue(e.getMessage().contains(notAFolder.resolve("run-events.tsv").toString()) && e.getMessage().contains(RunEvents.ENV)
                && e.getMessage().contains("x/quiet"), e.getMessage());
    }

    private static void assumeNoVariable() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(RunEvents.ENV) == null, RunEvents.ENV + " is set for this test JVM");
    }
}
