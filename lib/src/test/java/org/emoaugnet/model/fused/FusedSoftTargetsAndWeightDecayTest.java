package org.emoaugnet.model.fused;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.emoaugnet.model.ConvBlock;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.ModelFactory;
import org.junit.jupiter.api.Test;

/**
 * The fused trainer's soft-target loss (mixup) and decoupled weight decay (AdamW), on a small network without
 * dropout: soft one-hot targets give the hard-label loss and gradient; smoothing applies to soft targets as to hard
 * ones; the AdamW step is DL4J's Adam step (checked equal to the fused one in {@link FusedPresetEquivalenceTest}) plus
 * {@code −lr·λ·θ}, computed here by hand; λ = 0 is plain Adam bit for bit.
 */
class FusedSoftTargetsAndWeightDecayTest {
    static final int MB = 5, CLASSES = 4, C = 3, T = 16;
    static final double LR = 1e-3;

    static MultiLayerNetwork net() {
        ModelConfig m = new ModelConfig("t", List.of(new ConvBlock(6, 3, 1, true, 2, 2, 0)), List.of(5), 0, List.of(6), 0, false, "relu", List.of(),
                true, ModelConfig.Pooling.MEAN_MAX);
        return ModelFactory.build(m, C, T, CLASSES, LR, 3);
    }

    static final float[] X = FusedPresetEquivalenceTest.input(MB * C * T, 4);
    static final int[] Y = {0, 3, 1, 1, 2};

    static float[] oneHot(int[] y) {
        float[] q = new float[y.length * CLASSES];
        for (int i = 0; i < y.length; i++) q[i * CLASSES + y[i]] = 1f;
        return q;
    }

    @Test
    void softOneHotTargetsAreTheHardLabelLoss() {
        for (double eps : new double[] {0, 0.1}) {
            FusedNetwork f = FusedNetwork.compile(net(), C, T, MB, 1);
            f.setLabelSmoothing(eps);
            double hard = f.trainingLoss(X, Y, MB), soft = f.trainingLoss(X, oneHot(Y), MB);
            assertEquals(hard, soft, 1e-12 + 1e-9 * hard, "loss, ε " + eps);
            float[] gh = f.gradient(X, Y, MB), gs = f.gradient(X, oneHot(Y), MB);
            double scale = 0, diff = 0;
            for (int i = 0; i < gh.length; i++) {
                scale = Math.max(scale, Math.abs(gh[i]));
                diff = Math.max(diff, Math.abs(gh[i] - gs[i]));
            }
            assertTrue(scale > 0 && diff <= 1e-6 * scale, "gradient, ε " + eps + ": " + diff + " at " + scale);
        }
        FusedNetwork f = FusedNetwork.compile(net(), C, T, MB, 1);
        float[] mixed = oneHot(Y);
        mixed[0] = 0.7f;
        mixed[1] = 0.3f; // sample 0: 0.7 of class 0, 0.3 of class 1
        float[] p = f.output(X, MB); // no dropout: training and inference passes differ only by batch statistics
        double expected = 0, lossNow = f.trainingLoss(X, mixed, MB);
        float[] train = f.trainingOutput(X, MB);
        for (int s = 0; s < MB; s++)
            for (int k = 0; k < CLASSES; k++) if (mixed[s * CLASSES + k] != 0) expected -= mixed[s * CLASSES + k] * Math.log(train[s * CLASSES + k]);
        assertEquals(expected / MB, lossNow, 1e-6, "soft loss: −mean Σ q log p");
        assertEquals(p.length, train.length);
        float[] bad = oneHot(Y);
        bad[0] = 0.5f;
        assertThrows(IllegalArgumentException.class, () -> f.trainingLoss(X, bad, MB), "targets that do not sum to 1");
    }

    @Test
    void adamWStepIsAdamsStepPlusDecoupledDecay() {
        double lambda = 0.05;
        int mb = FusedPresetEquivalenceTest.MB;
        ModelConfig m = new ModelConfig("t", List.of(new ConvBlock(6, 3, 1, true, 2, 2, 0)), List.of(5), 0, List.of(6), 0, false, "relu", List.of(),
                true, ModelConfig.Pooling.MEAN_MAX);
        MultiLayerNetwork base = ModelFactory.build(m, C, T, FusedPresetEquivalenceTest.CLASSES, LR, 3);
        // DL4J's own Adam step (no AdamW in DL4J 1.0.0-M2.1) and the plain fused one, with both gradients, on run()'s batch
        FusedPresetEquivalenceTest.Run r = FusedPresetEquivalenceTest.run("adamw", base, C, T);
        float[] x = FusedPresetEquivalenceTest.input(mb * C * T, 1);
        int[] y = FusedPresetEquivalenceTest.labels(2);
        MultiLayerNetwork decayedNet = base.clone();
        FusedNetwork f = FusedNetwork.compile(decayedNet, C, T, mb, 5);
        f.setWeightDecay(lambda);
        f.fit(x, y, mb);
        float[] after = decayedNet.params().data().asFloat();
        int checked = 0;
        for (FusedPresetEquivalenceTest.Block b : r.blocks())
            for (int i = b.from(); i < b.from() + b.length(); i++) {
                if (b.runningStatistic()) {
                    assertEquals(r.afterFused()[i], after[i], b + ": running statistics are not decayed");
                    continue;
                }
                // by hand: DL4J's Adam step, then the decoupled decay θ' = adam(θ) − lr·λ·θ; the tolerance of the plain step
                double byHand = r.afterDl4j()[i] - LR * lambda * r.before()[i];
                assertEquals(byHand, after[i], FusedPresetEquivalenceTest.stepTolerance(r, i) + 2 * Math.ulp(after[i]), b + " at " + i);
                // and exactly the fused plain step less lr·λ·θ (float rounding of the product and the sum)
                assertEquals(r.afterFused()[i] - LR * lambda * r.before()[i], after[i], 2 * Math.ulp(Math.abs(r.before()[i])) + 1e-12, b + " decay at " + i);
                checked++;
            }
        assertTrue(checked > 100);
        MultiLayerNetwork zeroNet = base.clone();
        FusedNetwork zero = FusedNetwork.compile(zeroNet, C, T, mb, 5);
        zero.setWeightDecay(0);
        zero.fit(x, y, mb);
        assertArrayEquals(r.afterFused(), zeroNet.params().data().asFloat(), "λ = 0 is plain Adam, bit for bit");
        assertThrows(IllegalArgumentException.class, () -> zero.setWeightDecay(-1));
    }
}
