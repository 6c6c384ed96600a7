package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The load figures every benchmark records: parsing /proc's lines and the arithmetic of other processes' cores. */
class BenchLoadTest {
    @Test
    void readsTheOneMinuteLoadAndTheBusyTicks() {
        assertEquals(2.41, BenchLoad.oneMinute("2.41 1.23 0.53"), 0);
        assertTrue(Double.isNaN(BenchLoad.oneMinute("unknown")));
        // user nice system idle iowait irq softirq steal: idle, iowait and steal are not busy
        assertEquals(24589 + 3 + 10031 + 5 + 257, BenchLoad.busyTicks("cpu  24589 3 10031 338790 249 5 257 11 0 0"));
        assertThrows(IllegalArgumentException.class, () -> BenchLoad.busyTicks("cpu0 1 2 3 4 5 6 7"));
        // utime, stime, cutime, cstime are fields 14 to 17; a command name with spaces and parentheses does not shift them
        String stat = "16527 (java (x) y) S 16523 16523 12159 0 -1 4194304 99 0 0 0 700 50 30 20 20 0 1 0 187269 3133440 394";
        assertEquals(700 + 50 + 30 + 20, BenchLoad.processTicks(stat));
    }

    @Test
    void otherCoresAreTheBusyTicksLessThisProcesssOverTheWallTime() {
        // 10 s: all processors busy for 1,500 ticks (15 s of one core), of which this process 1,000 (10 s): 0.5 cores of other work
        assertEquals(0.5, BenchLoad.otherCores(1500, 1000, 10), 1e-12);
        assertEquals(0, BenchLoad.otherCores(900, 1000, 10), 0, "ticks are counted apart and may cross: never below zero");
        assertTrue(Double.isNaN(BenchLoad.otherCores(1, 1, 0)));
    }

    @Test
    void recordsBeforeAndAfterAndSaysWhetherItWarned() {
        var bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true);
        BenchLoad l = BenchLoad.start("a test", out);
        l.finish(out);
        var r = l.record();
        assertEquals(java.util.List.of("load_average_before", "load_average_after", "other_processes_cores_during", "load_warning"), java.util.List.copyOf(r.keySet()));
        assertEquals(l.warned(), r.get("load_warning").startsWith("yes"));
        assertEquals(l.warned(), bytes.toString().contains("WARNING:"), bytes.toString());
    }
}
