package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emoaugnet.model.ModelFactory;
import org.emoaugnet.publish.LedgerTest;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch twin ({@code environment/bench/torch_twin.py}) builds every network {@code bench compare} names with DL4J's
 * trainable parameter count, and runs (a tiny training and inference pass, as {@link TrainingComparison} calls it).
 * Skipped where no Python with torch is installed (Debian: {@code apt-get install python3-torch libopenblas0-pthread}).
 */
class TorchTwinParametersTest {
    /**
     * Trainable parameters of each network, 8 classes. cnn2d-ref by hand (Cnn2dRefTest has the sum): conv 160 + 4,640 +
     * 18,496 + 36,928, batch-norm gamma and beta 352, dense 8,256, output 520 = 69,352.
     */
    static final Map<String, Long> TRAINABLE = Map.of("A", 195_336L, "B", 546_216L, "strong-cnn-pool", 157_384L,
            "strong-cnn-bilstm", 256_200L, "cnn2d-ref", 69_352L);

    private static final Pattern COUNT = Pattern.compile("trainable_params=(\\d+)");

    @Test
    void dl4jCountsArePinned() {
        Map<String, Long> dl4j = new TreeMap<>();
        for (String m : TrainingComparison.MODELS) {
            var s = TrainingBenchmark.subject(m, "relu");
            dl4j.put(m, ModelFactory.trainableParams(ModelFactory.build(s.config(), s.channels(), s.length(), s.classes(), 1e-3, 1)));
        }
        assertEquals(new TreeMap<>(TRAINABLE), dl4j);
    }

    @Test
    void theTwinBuildsTheSameCountsAndRuns() throws Exception {
        String python = TrainingComparison.python();
        assumeTrue(TrainingComparison.torchVersion(python) != null, "no Python with torch: " + python);
        Path twin = LedgerTest.projectRoot().resolve("environment/bench/torch_twin.py");
        for (String m : TrainingComparison.MODELS) {
            Process p = new ProcessBuilder(python, twin.toString(), "model=" + m, "act=elu", "n=4", "batch=4", "epochs=2", "threads=1")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), m + ": " + out);
            Matcher c = COUNT.matcher(out);
            assertTrue(c.find(), out);
            assertEquals(TRAINABLE.get(m), Long.parseLong(c.group(1)), m + ": " + out);
            assertTrue(out.contains("RESULT train_sps_median=") && out.contains("RESULT infer_sps_median="), out);
        }
    }
}
