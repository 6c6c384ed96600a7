package org.emoaugnet.publish;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/benchmarks.md's throughput tables give each row's machine, read from the environment file beside the table. */
class BenchTableTest {
    @Test
    void theMachineColumnComesFromTheEnvironmentFile() {
        assertEquals("not recorded", ReadmeTables.machine(Map.of()));
        Map<String, String> legacy = Map.of("cpu", "AMD EPYC (2 cores)", "cpu_simd", "avx512", "env.OPENBLAS_CORETYPE", "Haswell", "env.OMP_NUM_THREADS", "1",
                "date", "2026-11-26", "load_average_at_start", "1.84 2.13 1.86");
        assertEquals("AMD EPYC (2 cores), avx512; OPENBLAS_CORETYPE=Haswell, OMP_NUM_THREADS=1; 2026-11-26; load 1.84 at start, above 0.5",
                ReadmeTables.machine(legacy));
        Map<String, String> now = Map.of("cpu", "X (16 cores)", "env.OPENBLAS_CORETYPE", "Haswell", "env.OMP_NUM_THREADS", "1", "date", "2026-12-07",
                "load_average_before", "0.10 0.20 0.30", "load_warning", "yes: other work was running");
        assertEquals("X (16 cores); OPENBLAS_CORETYPE=Haswell, OMP_NUM_THREADS=1; 2026-12-07; load 0.10 at start, other work running (load_warning)",
                ReadmeTables.machine(now));
        String table = ReadmeTables.throughput(List.of(
                Map.of("side", "dl4j-fused", "train_samples_per_s", "100", "infer_samples_per_s", "300"),
                Map.of("side", "dl4j-fused-threads-2", "train_samples_per_s", "190", "infer_samples_per_s", "500"),
                Map.of("side", "pytorch", "train_samples_per_s", "100", "infer_samples_per_s", "600")), "the machine");
        assertTrue(table.startsWith("| side | repeats | train (samples/s, median) | inference (samples/s, median) | train / PyTorch | inference / PyTorch | machine |"),
                table);
        assertTrue(table.contains("| DL4J, fused trainer, 2 threads asked | 1 | 190.0 | 500.0 | **1.90** | **0.83** | the machine |"), table);
    }
}
