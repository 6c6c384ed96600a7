package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** {@code bench gemm}: the product it times is the one asked for, its arithmetic, and the file bench profile reads the peak from. No timing is asserted. */
class GemmBenchmarkTest {
    @TempDir Path dir;

    @Test
    void theTimedCallIsTheRowMajorProductOfTheShape() {
        var s = new GemmBenchmark.Shape("t", 3, 5, 4);
        var a = Nd4j.rand(DataType.FLOAT, 3, 5);
        var b = Nd4j.rand(DataType.FLOAT, 5, 4);
        var c = Nd4j.create(DataType.FLOAT, new long[] {3, 4}, 'c');
        GemmBenchmark.product(s, GemmBenchmark.pointer(a), GemmBenchmark.pointer(b), GemmBenchmark.pointer(c));
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++) {
                double e = 0;
                for (int k = 0; k < 5; k++) e += a.getFloat(i, k) * b.getFloat(k, j);
                assertEquals(e, c.getFloat(i, j), 1e-5, i + "," + j);
            }
    }

    @Test
    void shapesFlopsAndRates() {
        var s = GemmBenchmark.Shape.parse("conv=128x320x4816");
        assertEquals(new GemmBenchmark.Shape("conv", 128, 320, 4816), s);
        assertEquals(2L * 128 * 320 * 4816, s.flops());
        assertEquals("64x64x64", GemmBenchmark.Shape.parse("64X64x64").label());
        assertThrows(IllegalArgumentException.class, () -> GemmBenchmark.Shape.parse("64x64"));
        assertThrows(IllegalArgumentException.class, () -> GemmBenchmark.Shape.parse("0x1x1"));
        assertEquals(50.0, GemmBenchmark.gflops(1e9, 0.02), 1e-12, "1 GFLOP in 20 ms");
        var r = new GemmBenchmark.Result(s, 3, 0.01);
        assertEquals(s.flops() / 0.01 / 1e9, r.gflops(), 1e-9);
        var slow = new GemmBenchmark.Result(GemmBenchmark.Shape.parse("8x8x8"), 1, 1);
        assertEquals(r.gflops(), GemmBenchmark.peak(List.of(slow, r)), 0);
        assertEquals(s, GemmBenchmark.peakShape(List.of(slow, r)));
    }

    @Test
    void measuresOnOneThreadWritesThePeakAndReadsItBack() throws Exception {
        int before = BenchEnvironment.blasThreads();
        var out = new ByteArrayOutputStream();
        List<GemmBenchmark.Result> results = GemmBenchmark.measure(List.of(GemmBenchmark.Shape.parse("16x16x16"), GemmBenchmark.Shape.parse("small=8x4x2")), 1, 0.001,
                new PrintStream(out, true));
        assertEquals(before, BenchEnvironment.blasThreads(), "the thread count is restored");
        assertTrue(out.toString().contains("one OpenBLAS thread"), out.toString());
        Map<String, String> env = new HashMap<>(BenchEnvironment.current());
        env.putAll(GemmBenchmark.summary(results, 1, 0.001));
        GemmBenchmark.write(results, env, dir);
        List<Map<String, String>> rows = BenchEnvironment.readCsv(dir.resolve("gemm-peak.csv"));
        assertEquals(List.of("16x16x16", "small"), rows.stream().map(r -> r.get("shape")).toList());
        assertEquals(String.valueOf(2L * 8 * 4 * 2), rows.get(1).get("flop_per_product"));
        var peak = GemmBenchmark.read(dir, BenchEnvironment.current()).orElseThrow();
        assertEquals(GemmBenchmark.peak(results), peak.gflops(), 1e-9 * peak.gflops());
        assertTrue(peak.differences().isEmpty(), peak.differences().toString());
        assertTrue(peak.source().startsWith("read from " + dir.resolve("gemm-peak.csv")), peak.source());
        Map<String, String> elsewhere = new HashMap<>(BenchEnvironment.current());
        elsewhere.put("env.OPENBLAS_CORETYPE", "SkylakeX");
        assertEquals(1, GemmBenchmark.read(dir, elsewhere).orElseThrow().differences().size(), "a peak measured under other kernels is flagged");
        assertTrue(GemmBenchmark.read(dir.resolve("none"), env).isEmpty());
    }
}
