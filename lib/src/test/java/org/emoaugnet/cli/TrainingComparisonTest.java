package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.emoaugnet.model.ConvBlock;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.ModelFactory;
import org.emoaugnet.model.fused.FusedNetwork;
import org.junit.jupiter.api.Test;

/** {@code bench compare}'s derived figures (achieved GFLOP/s, share of the peak, scaling) and the thread option, without timing anything. */
class TrainingComparisonTest {
    @Test
    void achievedRatesSharesAndScalingFromTheMedians() {
        var m = new TrainingBenchmark.Measurement(100, 400, 10, 3_000_000, 1_000_000, false);
        var peak = new GemmBenchmark.Peak(60, "given", List.of());
        // 3 MFLOP per training sample at 100 samples/s: 0.3 GFLOP/s; inference 1 MFLOP at 400: 0.4
        var f = TrainingComparison.figures(m, new double[] {100, 400}, new double[] {180, 600}, 2, false, peak, null);
        assertEquals("0.30 (FLOPs per training sample × median samples/s)", f.environment().get("fused.train_gflops"));
        assertEquals("0.40", f.environment().get("fused.infer_gflops"));
        assertEquals("0.0050", f.environment().get("fused.train_peak_share"));
        assertEquals("1.800 (fused at 2 threads / at 1, medians)", f.environment().get("scaling.train"));
        assertEquals("1.500", f.environment().get("scaling.infer"));
        assertTrue(f.environment().get("engine_threads").contains("NOT CONNECTED"));
        assertTrue(f.lines().stream().anyMatch(l -> l.startsWith("SCALING threads=2 train=1.80 infer=1.50") && l.contains("NOT CONNECTED")), f.lines().toString());
        assertTrue(f.lines().stream().noneMatch(l -> l.startsWith("PROFILE")), "no profile asked");
        var one = TrainingComparison.figures(m, new double[] {100, 400}, new double[] {100, 400}, 1, true, null, null);
        assertFalse(one.environment().containsKey("scaling.train"), "one thread: no scaling figure");
        assertFalse(one.environment().containsKey("fused.train_peak_share"), "no peak: no share");
        assertEquals("dl4j-fused", TrainingComparison.fusedSide(1));
        assertEquals("dl4j-fused-threads-2", TrainingComparison.fusedSide(2));
        assertTrue(TrainingComparison.MODELS.contains("cnn2d-ref"));
    }

    @Test
    void threadsAreACountOrAllAndReachTheEngineWhereItTakesThem() throws Exception {
        assertEquals(3, TrainingBenchmark.threads("3"));
        assertEquals(Runtime.getRuntime().availableProcessors(), TrainingBenchmark.threads("all"));
        assertThrows(IllegalArgumentException.class, () -> TrainingBenchmark.threads("0"));
        assertThrows(IllegalArgumentException.class, () -> TrainingBenchmark.threads("two"));
        ModelConfig tiny = new ModelConfig("tiny", List.of(new ConvBlock(4, 3, 1, false, 1, 1, 0)), List.of(), 0, List.of(4), 0, false, "relu", List.of("test"),
                false, ModelConfig.Pooling.MEAN_MAX);
        FusedNetwork f = FusedNetwork.compile(ModelFactory.build(tiny, 2, 8, 3, 1e-3, 1), 2, 8, 2, 1);
        boolean engineHasIt;
        try {
            FusedNetwork.class.getMethod("setThreads", int.class);
            engineHasIt = true;
        } catch (NoSuchMethodException e) {
            engineHasIt = false;
        }
        assertEquals(engineHasIt, TrainingBenchmark.setEngineThreads(f, 1), "connected exactly when FusedNetwork has setThreads(int)");
        long[] flops = TrainingBenchmark.flopsPerSample(f);
        long fwd = f.stageInfo().stream().mapToLong(FusedNetwork.StageInfo::forwardFlops).sum();
        assertEquals(fwd, flops[1]);
        assertEquals(fwd + f.stageInfo().stream().mapToLong(FusedNetwork.StageInfo::backwardFlops).sum(), flops[0]);
    }
}
