package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emoaugnet.cli.TrainingProfile.Pass;
import org.emoaugnet.cli.TrainingProfile.Stage;
import org.emoaugnet.model.ConvBlock;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.ModelFactory;
import org.emoaugnet.model.fused.FusedNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench profile}'s arithmetic (FLOPs, GFLOP/s, share of the GEMM peak, the FLOP-weighted criterion over the
 * convolutions after the first) on hand-made stages, and its table and files on a tiny network. No timing is
 * asserted: every check relates the written figures to each other and to the network's own FLOP counts.
 */
class TrainingProfileTest {
    @TempDir Path dir;

    private static Stage stage(int i, String d, long f, long b, double inf, double fwd, double bwd) {
        return new Stage(i, d, f, b, new double[] {inf, fwd, bwd});
    }

    private static final GemmBenchmark.Peak PEAK = new GemmBenchmark.Peak(64, "given", List.of());

    @Test
    void ratesAndSharesOfHandMadeStages() {
        // 1 MFLOP per sample on 32 samples in 2 ms: 32 MFLOP / 2 ms = 16 GFLOP/s, a quarter of a 64 GFLOP/s peak
        assertEquals(16, TrainingProfile.gflops(1e6, 32, 2), 1e-12);
        assertEquals(0.25, TrainingProfile.share(16, 64), 1e-12);
        assertTrue(Double.isNaN(TrainingProfile.gflops(0, 32, 2)), "a stage without counted FLOPs has no rate");
        assertTrue(Double.isNaN(TrainingProfile.gflops(1e6, 32, 0)));
        List<Stage> stages = List.of(
                stage(0, "ConvStage 4×20 → 8×20", 1_000_000, 1_000_000, 1, 1, 2),
                stage(1, "BatchNormStage 8×20 → 8×20", 0, 0, 0.5, 0.5, 0.5),
                stage(2, "ConvStage 8×20 → 8×20", 2_000_000, 4_000_000, 2, 2, 4),     // 32 GF/s forward, 32 backward: share 0.5
                stage(3, "ConcatPoolStage 8×20 → 16×1", 0, 0, 0.1, 0.1, 0.1),
                stage(4, "Conv2dStage 1×8×20 → 8×8×20", 1_000_000, 2_000_000, 1, 2, 1), // 32 / 16 forward, 64 backward: 0.5 / 0.25, 1.0
                stage(5, "DenseStage 16×1 → 3×1", 96, 192, 0.01, 0.01, 0.01));
        assertEquals(List.of(true, false, true, false, true, false), stages.stream().map(Stage::convolution).toList(), "Conv… names are convolutions, ConcatPool is not");
        List<Stage> conv = TrainingProfile.convolutionsAfterFirst(stages);
        assertEquals(List.of(2, 4), conv.stream().map(Stage::index).toList());
        assertEquals(32, stages.get(2).gflops(Pass.BACKWARD, 32), 1e-12);
        // training passes, weight = FLOPs per sample: (2·0.5 + 4·0.5 + 1·0.25 + 2·1.0) / (2 + 4 + 1 + 2) = 5.25 / 9
        assertEquals(5.25 / 9, TrainingProfile.flopWeightedShare(conv, TrainingProfile.TRAINING, 32, 64), 1e-12);
        // inference: (2·0.5 + 1·0.5) / 3
        assertEquals(0.5, TrainingProfile.flopWeightedShare(conv, List.of(Pass.INFERENCE), 32, 64), 1e-12);
        // as a group: 3 MFLOP·32 in 3 ms (inference) = 32 GF/s; all stages: 4.000096 MFLOP·32 in 4.61 ms
        assertEquals(32, TrainingProfile.aggregateGflops(conv, Pass.INFERENCE, 32), 1e-12);
        assertEquals(4_000_096.0 * 32 / (4.61 * 1e6), TrainingProfile.aggregateGflops(stages, Pass.INFERENCE, 32), 1e-9);
        assertTrue(TrainingProfile.convolutionsAfterFirst(stages.subList(0, 2)).isEmpty(), "one convolution: nothing after the first");
        var p = new TrainingProfile.Profile("m", "relu", 32, 2, 1, stages, PEAK, 20, 6, 1, false);
        assertEquals(5.25 / 9, p.criterion(), 1e-12);
        var noConv = new TrainingProfile.Profile("m", "relu", 32, 2, 1, stages.subList(0, 2), PEAK, 20, 6, 1, false);
        assertTrue(Double.isNaN(noConv.criterion()));
        assertEquals("n/a", TrainingProfile.summary(noConv).get("criterion.conv_after_first.flop_weighted_peak_share.training"));
    }

    @Test
    void theTableHasARowPerStageTheTotalAndTheConvolutionsAfterTheFirst() {
        List<Stage> stages = List.of(stage(0, "ConvStage a", 1_000_000, 1_000_000, 1, 1, 2), stage(1, "ActivationStage b", 0, 0, 1, 1, 1),
                stage(2, "ConvStage c", 2_000_000, 4_000_000, 2, 2, 4));
        var t = TrainingProfile.table(new TrainingProfile.Profile("A", "relu", 32, 2, 1, stages, PEAK, 20, 6, 1, false));
        assertEquals("profile-a-relu", t.name());
        assertEquals(List.of("0", "1", "2", TrainingProfile.TOTAL, TrainingProfile.CONV_AFTER_FIRST), t.stringColumn("stage").asList());
        assertTrue(Double.isNaN(t.doubleColumn("backward_gflops").getDouble(1)), "no rate for a stage without FLOPs");
        assertEquals(3_000_000, t.longColumn("forward_flops_per_sample").get(3));
        assertEquals(4, t.doubleColumn("infer_forward_ms").getDouble(3), 1e-12);
        assertEquals(3e6 * 32 / 4e6 / 64, t.doubleColumn("infer_forward_peak_share").getDouble(3), 1e-12, "the total's share is that of its sums");
        assertEquals("stages 2", t.stringColumn("description").get(4));
        assertEquals(0.5, t.doubleColumn("backward_peak_share").getDouble(4), 1e-12);
    }

    @Test
    void profilesATinyNetworkAndWritesItsTableAndEnvironment() throws Exception {
        ModelConfig tiny = new ModelConfig("tiny", List.of(new ConvBlock(8, 3, 1, true, 2, 2, 0), new ConvBlock(8, 3, 1, true, 1, 1, 0),
                new ConvBlock(6, 3, 1, false, 1, 1, 0.2)), List.of(), 0, List.of(5), 0.2, false, "relu", List.of("test"), false, ModelConfig.Pooling.MEAN_MAX);
        var sub = new TrainingBenchmark.Subject(tiny, 4, 20, 3);
        int batch = 4;
        var p = TrainingProfile.measure(sub, "tiny", "relu", batch, 2, 1, 7, 1, new GemmBenchmark.Peak(10, "given for the test", List.of()));
        var expected = FusedNetwork.compile(ModelFactory.build(tiny, 4, 20, 3, 1e-3, 7), 4, 20, batch, 7).stageInfo();
        assertEquals(expected.size(), p.stages().size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).description(), p.stages().get(i).description());
            assertEquals(expected.get(i).forwardFlops(), p.stages().get(i).forwardFlops());
            assertEquals(expected.get(i).backwardFlops(), p.stages().get(i).backwardFlops());
        }
        // the first convolution: 2 · 8 filters · 4 channels · 3 taps · 20 frames forward; its backward computes no input gradient
        assertEquals(2L * 8 * 4 * 3 * 20, p.stages().get(0).forwardFlops());
        assertEquals(p.stages().get(0).forwardFlops(), p.stages().get(0).backwardFlops());
        assertEquals(2, TrainingProfile.convolutionsAfterFirst(p.stages()).size());
        var env = new java.util.LinkedHashMap<>(BenchEnvironment.current());
        env.put("load_warning", "no (test)");
        Path csv = TrainingProfile.write(p, env, dir);
        assertEquals(dir.resolve("profile-tiny-relu.csv"), csv);
        List<Map<String, String>> rows = BenchEnvironment.readCsv(csv);
        assertEquals(p.stages().size() + 2, rows.size());
        for (Map<String, String> r : rows) {
            for (Pass pass : Pass.values()) {
                String g = r.get(pass.column + "_gflops");
                long flops = Long.parseLong(r.get(pass == Pass.BACKWARD ? "backward_flops_per_sample" : "forward_flops_per_sample"));
                if (flops == 0) {
                    assertEquals("", g, r.toString());
                    continue;
                }
                double ms = Double.parseDouble(r.get(pass.column + "_ms"));
                if (g.isEmpty()) {
                    assertEquals(0, ms, 0, "a rate is missing only where no time was measured: " + r);
                    continue;
                }
                assertEquals(flops * (double) batch / (ms * 1e6), Double.parseDouble(g), 1e-9 * Double.parseDouble(g), r.toString());
                assertEquals(Double.parseDouble(g) / 10, Double.parseDouble(r.get(pass.column + "_peak_share")), 1e-12, r.toString());
            }
        }
        Map<String, String> total = rows.get(rows.size() - 2), conv = rows.get(rows.size() - 1);
        assertEquals(TrainingProfile.TOTAL, total.get("stage"));
        assertEquals(p.stages().stream().mapToLong(Stage::backwardFlops).sum(), Long.parseLong(total.get("backward_flops_per_sample")));
        assertEquals("yes", conv.get("convolution"));
        Map<String, String> written = BenchEnvironment.read(dir.resolve("profile-tiny-relu-environment.csv"));
        assertEquals("no (test)", written.get("load_warning"));
        assertEquals("given for the test", written.get("peak_source"));
        assertEquals("10.0000", written.get("peak_gflops"));
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", p.criterion()), written.get("criterion.conv_after_first.flop_weighted_peak_share.training"));
        var out = new java.io.ByteArrayOutputStream();
        TrainingProfile.print(p, new java.io.PrintStream(out, true));
        assertTrue(out.toString().contains("CRITERION model=tiny conv_after_first_flop_weighted_peak_share training="), out.toString());
    }
}
