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
 * networks because DL4J draws its masks from its own generator; {@link FusedPresetEquivalenceTest} gives both sides
 * the same masks on every preset, and the last test here checks the fused path's own seeded masks.
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
        return FusedNetwork.compile(net, c.channels(), c.length(), MB, 5);
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

    /** One change to a compiled-for network's configuration that the fused path does not implement, and the words its refusal must name. */
    record Unsupported(String what, java.util.function.Consumer<MultiLayerNetwork> change, String... named) {}

    static org.deeplearning4j.nn.conf.layers.BaseLayer layerConf(MultiLayerNetwork net, int i) {
        return (org.deeplearning4j.nn.conf.layers.BaseLayer) net.getLayerWiseConfigurations().getConf(i).getLayer();
    }

    static void everyLayer(MultiLayerNetwork net, java.util.function.Consumer<org.deeplearning4j.nn.conf.layers.BaseLayer> change) {
        for (int i = 0; i < net.getnLayers(); i++)
            if (net.getLayerWiseConfigurations().getConf(i).getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer b) change.accept(b);
    }

    /**
     * Every setting DL4J would train with and the fused path does not implement is refused with an error that names the
     * layer and the setting, instead of training something else (the unchanged network compiles: see the other tests).
     * The network is {@code flat("relu")} on 1 × 50: layers 0 Conv1D, 1 BN, 2 MaxPool, 3 Conv1D, 4 MaxPool, 5 Dense,
     * 6 BN, 7 Output.
     */
    @Test
    void refusesWhatItDoesNotImplementNamingIt() {
        Case c = new Case(flat("relu"), 1, 50);
        List<Unsupported> changes = List.of(
                new Unsupported("L2", n -> layerConf(n, 5).setRegularization(List.of(new org.nd4j.linalg.learning.regularization.L2Regularization(1e-4))),
                        "layer 5 (DenseLayer)", "regularisation"),
                new Unsupported("weight noise", n -> layerConf(n, 3).setWeightNoise(new org.deeplearning4j.nn.conf.weightnoise.DropConnect(0.9)),
                        "layer 3 (Convolution1DLayer)", "weight noise"),
                new Unsupported("clipping", n -> layerConf(n, 7).setGradientNormalization(org.deeplearning4j.nn.conf.GradientNormalization.ClipL2PerLayer),
                        "layer 7 (OutputLayer)", "gradient normalisation ClipL2PerLayer"),
                new Unsupported("input dropout", n -> layerConf(n, 5).setIDropout(new org.deeplearning4j.nn.conf.dropout.Dropout(0.8)),
                        "layer 5 (DenseLayer)", "dropout on its input"),
                new Unsupported("constraint", n -> layerConf(n, 0).setConstraints(List.of(new org.deeplearning4j.nn.conf.constraint.MaxNormConstraint(1, 1))),
                        "layer 0 (Convolution1DLayer)", "constraints"),
                new Unsupported("bias updater", n -> layerConf(n, 5).setBiasUpdater(new org.nd4j.linalg.learning.config.Sgd(0.1)),
                        "layer 5 (DenseLayer)", "bias updater"),
                new Unsupported("layer norm", n -> ((org.deeplearning4j.nn.conf.layers.DenseLayer) layerConf(n, 5)).setHasLayerNorm(true),
                        "layer 5 (DenseLayer)", "layer normalisation"),
                new Unsupported("activation", n -> layerConf(n, 5).setActivationFn(new org.nd4j.linalg.activations.impl.ActivationLReLU()),
                        "layer 5 (DenseLayer)", "activation leakyrelu"),
                new Unsupported("SGD", n -> everyLayer(n, b -> b.setIUpdater(new org.nd4j.linalg.learning.config.Sgd(0.1))), "Sgd, not Adam"),
                new Unsupported("two updaters", n -> layerConf(n, 5).setIUpdater(new org.nd4j.linalg.learning.config.Adam(0.5)), "do not share one updater"),
                new Unsupported("schedule", n -> everyLayer(n, b -> ((org.nd4j.linalg.learning.config.Adam) b.getIUpdater()).setLearningRateSchedule(
                        new org.nd4j.linalg.schedule.ExponentialSchedule(org.nd4j.linalg.schedule.ScheduleType.EPOCH, 1e-3, 0.9))), "learning-rate schedule"),
                new Unsupported("TBPTT", n -> n.getLayerWiseConfigurations().setBackpropType(org.deeplearning4j.nn.conf.BackpropType.TruncatedBPTT),
                        "TruncatedBPTT"),
                new Unsupported("sum of gradients", n -> n.getLayerWiseConfigurations().getConf(3).setMiniBatch(false), "layer 3", "miniBatch false"));
        for (Unsupported u : changes) {
            MultiLayerNetwork net = network(c);
            u.change().accept(net);
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> FusedNetwork.compile(net, 1, 50, MB, 5), u.what());
            for (String word : u.named()) assertTrue(e.getMessage().contains(word), u.what() + ": '" + e.getMessage() + "' names " + word);
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
