package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaugnet.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unknown options and unknown configuration keys are bad usage (exit code 1), named with suggestions, before any work. */
class StrictOptionsTest {
    @TempDir Path dir;

    @BeforeAll
    static void quiet() { Progress.setQuiet(true); }

    /** The researcher's file: {@code epoch=2} and {@code acitvation=elu} once trained ReLU for 25 epochs and exited 0. */
    @Test
    void anExperimentFileWithTyposExitsOneNamingEveryTypoAndTrainsNothing() throws Exception {
        Path f = dir.resolve("typo.properties");
        Files.writeString(f, "name=typo\ncorpus=synthetic\nepoch=2\nacitvation=elu\nseeds=1\nfolds=1\n");
        Path runs = dir.resolve("runs"), cache = dir.resolve("cache");
        MainTest.Run r = MainTest.run("experiment", "run", "--config", f.toString(), "--runs", runs.toString(), "--cache", cache.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(f.toString()), "the message names the file: " + r.err());
        assertTrue(r.err().contains("unknown key 'epoch' — did you mean 'epochs'?"), r.err());
        assertTrue(r.err().contains("unknown key 'acitvation' — did you mean 'activation'?"), r.err());
        assertFalse(Files.exists(runs), "no run folder is created");
        assertFalse(Files.exists(cache), "no features are extracted (nor the synthetic corpus generated)");
        assertEquals("", r.out());
    }

    @Test
    void anAblationDesignWithATypoExitsOne() throws Exception {
        Files.writeString(dir.resolve("base.properties"), "name=base\ncorpus=synthetic\nepochs=1\nfolds=1\n");
        Path design = dir.resolve("ablation.properties");
        Files.writeString(design, "base=base.properties\nrecipes=none,pitch\nseeds=1\nepoch_copy=4\n");
        Path runs = dir.resolve("runs");
        MainTest.Run r = MainTest.run("experiment", "ablation", "--design", design.toString(), "--runs", runs.toString(), "--cache", dir.resolve("cache").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(design.toString()) && r.err().contains("unknown key 'epoch_copy' — did you mean 'epoch_copies'?"), r.err());
        assertFalse(Files.exists(runs));
    }

    @Test
    void anUnknownOptionExitsOneWithTheNearestOptionOfThatCommand() {
        Path out = dir.resolve("synth");
        MainTest.Run r = MainTest.run("synth", "generate", "--out", out.toString(), "--speakers", "2", "--sead", "3");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("unknown option '--sead' — did you mean '--seed'?"), r.err());
        assertFalse(Files.exists(out), "nothing generated");
        MainTest.Run two = MainTest.run("experiment", "study", "--runz", dir.resolve("r").toString(), "--qiuck", "--dtaa", "x");   // --qiuck: a switch, no value
        assertEquals(1, two.code(), two.err());
        assertTrue(two.err().contains("'--runz' — did you mean '--runs'?") && two.err().contains("'--dtaa' — did you mean '--data'?")
                && two.err().contains("'--qiuck'"), "every unknown option is named: " + two.err());
        MainTest.Run other = MainTest.run("corpus", "find", "--config", "x.properties");
        assertEquals(1, other.code(), "an option of another command is unknown here");
        assertTrue(other.err().contains("unknown option '--config'") && !other.err().contains("did you mean"), other.err());
        MainTest.Run missing = MainTest.run("corpus", "list", "--data");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("option --data needs a value"), missing.err());
        MainTest.Run command = MainTest.run("experiment", "rn");
        assertEquals(1, command.code());
        assertTrue(command.err().contains("unknown command 'experiment rn' — did you mean 'experiment run'?"), command.err());
    }
}
