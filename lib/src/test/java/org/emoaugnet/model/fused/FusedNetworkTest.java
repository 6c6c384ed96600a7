package org.emoaugnet.model.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.emoaugnet.model.ConvBlock;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.ModelFactory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused path against DL4J's own layers on the same weights: inference outputs, the loss, every parameter's
 * gradient and the state after one optimiser step (batch-norm running statistics included), on networks that
 * cover each stage (two convolution block orders, odd lengths under same padding, one-channel input, stacked LSTMs
 * returning sequences then the last step, flatten, dense batch norm, ReLU and ELU). Dropout is left out of these
 * networks because DL4J draws its masks from its own generator; it is tested separately.
 */
class FusedNetworkTest {
    static final int MB = 7, CLASSES = 5;

    static ModelConfig sequence(String act) {
        return new ModelConfig("t-seq", List.of(new ConvBlock(12, 5, 1, true, 2, 2, 0), new ConvBlock(10, 3, 1, true, 3, 2, 0, true)),
                List.of(9, 8), 0, List.of(6), 0, false, act, List.of());
    }

    static ModelConfig flat(String act) {
        return new ModelConfig("t-flat", List.of(new ConvBlock(8, 5, 1, true, 5, 2, 0, true), new ConvBlock(6, 3, 1, false, 3, 2, 0)),
                List.of(), 0, List.of(11), 0, true, act, List.of());
    }

    static ModelConfig singleChannelLstm(String act) {
        return new ModelConfig("t-b", List.of(new ConvBlock(8, 5, 1, true, 5, 2, 0), new ConvBlock(6, 5, 1, false, 5, 2, 0)),
                List.of(7), 0, List.of(4), 0, false, act, List.of());
    }

    record Case(ModelConfig model, int channels, int length) {}

    static List<Case> cases() {
        return List.of(new Case(sequence("relu"), 6, 21), new Case(sequence("elu"), 6, 21), new Case(flat("relu"), 1, 50),
                new Case(flat("elu"), 1, 47), new Case(singleChannelLstm("relu"), 1, 60));
    }

    static float[] input(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    static int[] labels(int mb, long seed) {
        Random r = new Random(seed);
        int[] y = new int[mb];
        for (int i = 0; i < mb; i++) y[i] = r.nextInt(CLASSES);
        return y;
    }

    static INDArray oneHot(int[] y) {
        INDArray l = Nd4j.zeros(DataType.FLOAT, y.length, CLASSES);
        for (int i = 0; i < y.length; i++) l.putScalar(i, y[i], 1f);
        return l;
    }

    static MultiLayerNetwork network(Case c) {
        return ModelFactory.build(c.model(), c.channels(), c.length(), CLASSES, 1e-3, 11);
    }

    static FusedNetwork fused(MultiLayerNetwork net, Case c) {
        return FusedNetwork.compile(net, c.channels(), c.length(), MB, 5).orElseThrow(() -> new AssertionError("not compiled: " + c.model().name()));
    }

    /** Runs a few DL4J steps first so that batch-norm statistics and weights are not at their initial values. */
    static MultiLayerNetwork trained(Case c) {
        MultiLayerNetwork net = network(c);
        for (int s = 0; s < 3; s++) {
            INDArray x = Nd4j.create(input(MB * c.channels() * c.length(), 100 + s), new long[] {MB, c.channels(), c.length()}, 'c');
            net.fit(new DataSet(x, oneHot(labels(MB, 200 + s))));
        }
        return net;
    }

    @Test
    void inferenceMatchesDl4j() {
        for (Case c : cases()) {
            MultiLayerNetwork net = trained(c);
            float[] x = input(MB * c.channels() * c.length(), 1);
            float[] expected = net.output(Nd4j.create(x, new long[] {MB, c.channels(), c.length()}, 'c'), false).data().asFloat();
            float[] actual = fused(net, c).output(x, MB);
            for (int i = 0; i < expected.length; i++)
                assertEquals(expected[i], actual[i], 2e-5, c.model().name() + " " + c.model().activation() + " output " + i);
        }
    }

    @Test
    void gradientsAndLossMatchDl4j() {
        for (Case c : cases()) {
            MultiLayerNetwork net = trained(c);
            float[] x = input(MB * c.channels() * c.length(), 2);
            int[] y = labels(MB, 3);
            FusedNetwork f = fused(net, c);
            float[] ours = f.gradient(x, y, MB);
            net.setInput(Nd4j.create(x, new long[] {MB, c.channels(), c.length()}, 'c'));
            net.setLabels(oneHot(y));
            net.computeGradientAndScore();
            float[] theirs = net.getFlattenedGradients().data().asFloat();
            String what = c.model().name() + " " + c.model().activation();
            for (var layer : net.getLayers()) {
                for (var e : layer.paramTable().entrySet()) {
                    String key = e.getKey();
                    if (key.equals("mean") || key.equals("log10stdev") || key.equals("var")) continue;
                    int from = (int) (e.getValue().offset() - net.params().offset()), n = (int) e.getValue().length();
                    double scale = 0, diff = 0;
                    for (int i = from; i < from + n; i++) {
                        scale = Math.max(scale, Math.abs(theirs[i] / MB));
                        diff = Math.max(diff, Math.abs(theirs[i] / MB - ours[i]));
                    }
                    assertTrue(scale > 0, what + " layer " + layer.getIndex() + " " + key + ": DL4J gradient is zero");
                    assertTrue(diff <= 1e-3 * scale + 1e-7, what + " layer " + layer.getIndex() + " " + key + ": max |diff| " + diff + " at scale " + scale);
                }
            }
        }
    }

    @Test
    void oneStepMatchesDl4jFit() {
        for (Case c : cases()) {
            MultiLayerNetwork a = trained(c), b = a.clone();
            float[] x = input(MB * c.channels() * c.length(), 4);
            int[] y = labels(MB, 5);
            // both sides start Adam afresh (iteration 0, zero moments) from the same trained weights
            MultiLayerNetwork fresh = a.clone();
            fresh.setUpdater(null);
            fresh.getLayerWiseConfigurations().setIterationCount(0);
            FusedNetwork g = fused(b, c);
            fresh.fit(new DataSet(Nd4j.create(x, new long[] {MB, c.channels(), c.length()}, 'c'), oneHot(y)));
            double loss = g.fit(x, y, MB);
            assertEquals(fresh.score(), loss, 1e-5 * Math.max(1, Math.abs(loss)), "loss");
            float[] pa = fresh.params().data().asFloat(), pb = b.params().data().asFloat();
            int close = 0;
            for (int i = 0; i < pa.length; i++) if (Math.abs(pa[i] - pb[i]) <= 2e-5) close++;
            assertTrue(close >= 0.99 * pa.length, c.model().name() + ": only " + close + " of " + pa.length + " parameters agree after one step");
            for (var layer : fresh.getLayers())
                for (var e : layer.paramTable().entrySet())
                    if (e.getKey().equals("mean") || e.getKey().equals("log10stdev")) {
                        int from = (int) (e.getValue().offset() - fresh.params().offset());
                        for (int i = from; i < from + e.getValue().length(); i++)
                            assertEquals(pa[i], pb[i], 1e-5, "running statistic " + e.getKey() + " of layer " + layer.getIndex());
                    }
        }
    }

    @Test
    void seededTrainingIsDeterministicAndDropoutDrops() {
        Case c = new Case(ModelConfig.compactCnnLstm("relu"), 6, 24);
        float[][] runs = new float[2][];
        for (int r = 0; r < 2; r++) {
            MultiLayerNetwork net = network(c);
            FusedNetwork f = fused(net, c);
            for (int s = 0; s < 4; s++) f.fit(input(MB * 6 * 24, 10 + s), labels(MB, 20 + s), MB);
            runs[r] = net.params().data().asFloat();
        }
        assertArrayEquals(runs[0], runs[1], "same seed, same numbers");
        MultiLayerNetwork net = network(c);
        FusedNetwork f = fused(net, c);
        float[] x = input(MB * 6 * 24, 30);
        float[] first = f.gradient(x, labels(MB, 31), MB), second = f.gradient(x, labels(MB, 31), MB);
        assertTrue(!java.util.Arrays.equals(first, second), "dropout masks change between training passes");
        assertArrayEquals(f.output(x, MB), f.output(x, MB), "inference has no dropout");
    }
}
