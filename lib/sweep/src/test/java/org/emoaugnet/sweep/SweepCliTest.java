package org.emoaugnet.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sweep command accepts only its options: a typo is bad usage (exit 1) named with the nearest option, before Spark starts. */
class SweepCliTest {
    @Test
    void anUnknownOptionIsBadUsageNamedWithTheNearestOne() throws Exception {
        PrintStream old = System.err;
        var err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(1, SweepCli.run(new String[] {"study", "--mastr", "local[1]", "--sead", "3"}));
            assertEquals(1, SweepCli.run(new String[] {"study", "--design", "x.properties"}), "--design belongs to ablation sweeps");
            assertEquals(1, SweepCli.run(new String[] {"cross", "--activations", "relu"}), "--activations belongs to robustness sweeps");
            assertEquals(1, SweepCli.run(new String[] {"robustness", "--variant", "main"}));
            assertEquals(1, SweepCli.run(new String[] {"cross", "--variants", "mian"}));
            assertEquals(1, SweepCli.run(new String[] {"robustness", "--activations", "tanh"}));
            assertEquals(1, SweepCli.run(new String[] {"crosss"}));
        } finally {
            System.setErr(old);
        }
        String m = err.toString(StandardCharsets.UTF_8);
        assertTrue(m.contains("unknown option '--mastr' — did you mean '--master'?") && m.contains("unknown option '--sead' — did you mean '--seed'?"), m);
        assertTrue(m.contains("unknown option '--design'"), m);
        assertTrue(m.contains("unknown option '--activations'"), m);
        assertTrue(m.contains("unknown option '--variant'"), m);
        assertTrue(m.contains("unknown variant 'mian'"), m);
        assertTrue(m.contains("got 'tanh'"), m);
        assertTrue(m.contains("unknown sweep 'crosss' — did you mean 'cross'?"), m);
    }
}
