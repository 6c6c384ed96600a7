package org.emoaugnet.model.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.emoaugnet.model.fused.FusedNetworkTest.Case;
import org.junit.jupiter.api.Test;

/**
 * Label smoothing in the fused loss ({@link FusedNetwork#setLabelSmoothing}). DL4J's MCXENT has no smoothing, so the
 * references are: the formula itself (the loss from the network's own probabilities, in double), the exact change it
 * makes to the output bias's gradient, finite differences of the loss for the gradient of the parameters it reaches
 * most, and the unsmoothed path (0, the default) for bit-identity. The network is {@code FusedNetworkTest.sequence}
 * with ELU (convolution, batch norm, max pooling, two LSTMs, dense; no dropout, no kinks of ReLU in the finite
 * differences) on 6 × 21, a batch of 7.
 */
class FusedLabelSmoothingTest {
    static final int MB = FusedNetworkTest.MB, K = FusedNetworkTest.CLASSES;
    static final double EPS = 0.1;
    static final Case CASE = new Case(FusedNetworkTest.sequence("elu"), 6, 21);

    static float[] x() { return FusedNetworkTest.input(MB * CASE.channels() * CASE.length(), 7); }

    static int[] y() { return FusedNetworkTest.labels(MB, 8); }

    @Test
    void zeroIsTheUnsmoothedLossBitForBit() {
        MultiLayerNetwork net = FusedNetworkTest.trained(CASE);
        FusedNetwork plain = FusedNetworkTest.fused(net.clone(), CASE), zero = FusedNetworkTest.fused(net.clone(), CASE);
        zero.setLabelSmoothing(EPS);
        zero.setLabelSmoothing(0);
        assertArrayEquals(plain.gradient(x(), y(), MB), zero.gradient(x(), y(), MB));
        assertEquals(plain.trainingLoss(x(), y(), MB), zero.trainingLoss(x(), y(), MB));
    }

    @Test
    void lossIsTheSmoothedCrossEntropyOfTheNetworksProbabilities() {
        FusedNetwork f = FusedNetworkTest.fused(FusedNetworkTest.trained(CASE), CASE);
        f.setLabelSmoothing(EPS);
        float[] p = f.trainingOutput(x(), MB);
        int[] y = y();
        double expected = 0;
        for (int s = 0; s < MB; s++)
            for (int k = 0; k < K; k++) expected -= ((k == y[s] ? 1 - EPS : 0) + EPS / K) * Math.log(p[s * K + k]);
        expected /= MB;
        double loss = f.trainingLoss(x(), y, MB);
        assertEquals(expected, loss, 1e-9 * Math.abs(expected), "smoothed loss");
        FusedNetwork plain = FusedNetworkTest.fused(FusedNetworkTest.trained(CASE), CASE);
        assertTrue(Math.abs(plain.trainingLoss(x(), y, MB) - loss) > 1e-3, "smoothing changes the loss");
    }

    /** Smoothing moves the logit gradient by (onehot − q)/mb, so the output bias's by ε·(share of class k in the batch − 1/K). */
    @Test
    void outputBiasGradientMovesByTheSmoothingExactly() {
        MultiLayerNetwork net = FusedNetworkTest.trained(CASE);
        FusedNetwork plain = FusedNetworkTest.fused(net.clone(), CASE), smooth = FusedNetworkTest.fused(net.clone(), CASE);
        smooth.setLabelSmoothing(EPS);
        float[] gp = plain.gradient(x(), y(), MB), gs = smooth.gradient(x(), y(), MB);
        var out = net.getLayer(net.getnLayers() - 1);
        int b = (int) (out.getParam("b").offset() - net.params().offset());
        int[] y = y();
        for (int k = 0; k < K; k++) {
            final int kk = k;
            double share = IntStream.of(y).filter(c -> c == kk).count() / (double) MB;
            assertEquals(EPS * (share - 1.0 / K), gs[b + k] - gp[b + k], 1e-6, "output bias " + k);
        }
    }

    /**
     * The smoothed gradient against central differences of the smoothed loss (step 1e-3 on float32 parameters), on the
     * 40 parameters with the largest gradients and on the largest of every parameter block: within 0.2 % + 5e-5
     * (measured: at most 4e-5 apart, typically 1e-4 relative; a gradient computed with the one-hot target instead of
     * q fails by 10 %). A step of 1e-2 is too coarse: it moves max-pooling winners in the first convolution.
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        MultiLayerNetwork net = FusedNetworkTest.trained(CASE);
        FusedNetwork f = FusedNetworkTest.fused(net, CASE);
        f.setLabelSmoothing(EPS);
        float[] g = f.gradient(x(), y(), MB);
        java.util.Set<Integer> checked = new java.util.TreeSet<>();
        IntStream.range(0, g.length).boxed().sorted(Comparator.comparingDouble(i -> -Math.abs(g[i]))).limit(40).forEach(checked::add);
        for (var layer : net.getLayers())
            for (var e : layer.paramTable().entrySet()) {
                if (e.getKey().equals("mean") || e.getKey().equals("var") || e.getKey().equals("log10stdev")) continue;
                int from = (int) (e.getValue().offset() - net.params().offset()), best = from;
                for (int i = from; i < from + e.getValue().length(); i++) if (Math.abs(g[i]) > Math.abs(g[best])) best = i;
                checked.add(best);
            }
        assertTrue(checked.size() >= 50);
        double h = 1e-3;
        for (int i : checked) {
            float v = net.params().getFloat(i);
            net.params().putScalar(i, v + h);
            f.pullParams();
            double up = f.trainingLoss(x(), y(), MB);
            net.params().putScalar(i, v - h);
            f.pullParams();
            double down = f.trainingLoss(x(), y(), MB);
            net.params().putScalar(i, v);
            f.pullParams();
            double fd = (up - down) / (2 * h);
            assertEquals(fd, g[i], 2e-3 * Math.abs(fd) + 5e-5, "parameter " + i);
        }
    }

    @Test
    void refusesSmoothingOutsideZeroToOne() {
        FusedNetwork f = FusedNetworkTest.fused(FusedNetworkTest.network(CASE), CASE);
        for (double e : new double[] {-0.1, 1, Double.NaN})
            assertThrows(IllegalArgumentException.class, () -> f.setLabelSmoothing(e), "label smoothing " + e);
    }
}
