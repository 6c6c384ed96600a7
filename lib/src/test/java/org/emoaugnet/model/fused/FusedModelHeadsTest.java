package org.emoaugnet.model.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.emoaugnet.model.ConvBlock;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.ModelConfig.Pooling;
import org.emoaugnet.model.ModelFactory;
import org.emoaugnet.model.TimePoolingLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The heads of {@link ModelConfig} ({@link ModelConfig#bidirectional}, {@link Pooling}) as {@link ModelFactory} builds
 * them, fused against DL4J exactly as {@link FusedPresetEquivalenceTest} compares the presets (same dropout masks on
 * both sides, same tolerances, justified there): inference and training-mode outputs, the loss, every parameter's
 * gradient, every parameter after one Adam step. The DL4J side of MEAN_MAX and of a bidirectional LAST is
 * {@link TimePoolingLayer}'s ND4J computation; of MEAN, DL4J's GlobalPoolingLayer. Small shapes (batch of 4, 4
 * channels, 12 to 13 steps).
 */
class FusedModelHeadsTest {
    static final int MB = FusedPresetEquivalenceTest.MB, CLASSES = FusedPresetEquivalenceTest.CLASSES, CHANNELS = 4;

    record Head(ModelConfig model, int length) {
        @Override
        public String toString() { return model.name() + " " + model.activation(); }
    }

    /**
     * Conv (BN, act, pool) → [LSTM layers] → head → dense → dropout, with dropout after the conv block and each LSTM;
     * {@code pooledLast}: a second conv block with batch normalisation and no max pooling, whose output DL4J leaves in
     * batch normalisation's per-time-step view, so that the head must be given the sequence back.
     */
    static ModelConfig model(String name, List<Integer> lstm, boolean bi, Pooling p, String act, boolean bnLast) {
        List<ConvBlock> conv = bnLast ? List.of(new ConvBlock(6, 3, 1, true, 2, 2, 0.2), new ConvBlock(5, 3, 1, true, 1, 1, 0.2))
                : List.of(new ConvBlock(6, 3, 1, true, 2, 2, 0.2));
        return new ModelConfig(name, conv, lstm, lstm.isEmpty() ? 0 : 0.25, List.of(5), 0.3, false, act, List.of(), bi, p);
    }

    static ModelConfig model(String name, List<Integer> lstm, boolean bi, Pooling p, String act) { return model(name, lstm, bi, p, act, false); }

    static Stream<Head> heads() {
        return Stream.of(
                new Head(model("lstm-mean", List.of(5), false, Pooling.MEAN, "relu"), 12),
                new Head(model("lstm-meanmax", List.of(5), false, Pooling.MEAN_MAX, "elu"), 13),
                new Head(model("bilstm-last", List.of(5), true, Pooling.LAST, "relu"), 12),
                new Head(model("bilstm-mean", List.of(4), true, Pooling.MEAN, "elu"), 12),
                new Head(model("bilstm2-meanmax", List.of(4, 3), true, Pooling.MEAN_MAX, "relu"), 13),
                new Head(model("conv-mean", List.of(), false, Pooling.MEAN, "elu"), 12),
                new Head(model("conv-meanmax", List.of(), false, Pooling.MEAN_MAX, "relu"), 13),
                new Head(model("conv-meanmax-elu", List.of(), false, Pooling.MEAN_MAX, "elu"), 12),
                new Head(model("conv-bn-mean", List.of(), false, Pooling.MEAN, "relu", true), 12),
                new Head(model("conv-bn-meanmax", List.of(), false, Pooling.MEAN_MAX, "elu", true), 13),
                new Head(model("conv-bn-bilstm-last", List.of(4), true, Pooling.LAST, "relu", true), 12));
    }

    static MultiLayerNetwork stepped(Head h) {
        Nd4j.getRandom().setSeed(17);
        MultiLayerNetwork net = ModelFactory.build(h.model(), CHANNELS, h.length(), CLASSES, FusedPresetEquivalenceTest.LR, 11);
        INDArray x = Nd4j.create(FusedPresetEquivalenceTest.input(MB * CHANNELS * h.length(), 100), new long[] {MB, CHANNELS, h.length()}, 'c');
        net.fit(new DataSet(x, FusedPresetEquivalenceTest.oneHot(FusedPresetEquivalenceTest.labels(200))));
        return net;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("heads")
    void headMatchesDl4jUnderTheSameDropoutMasks(Head h) {
        FusedPresetEquivalenceTest.assertMatchesDl4j(FusedPresetEquivalenceTest.run(h.toString(), stepped(h), CHANNELS, h.length()), 2, java.util.Set.of());
    }

    /** The layers each head becomes: the layer types after the convolution block, in order. */
    @Test
    void headsBuildTheLayersTheyName() {
        assertEquals(List.of("LastTimeStep", "DropoutLayer", "DenseLayer", "DropoutLayer", "OutputLayer"),
                layersAfterConv(model("x", List.of(5), false, Pooling.LAST, "relu")));
        assertEquals(List.of("Bidirectional", "DropoutLayer", "TimePoolingLayer", "DenseLayer", "DropoutLayer", "OutputLayer"),
                layersAfterConv(model("x", List.of(5), true, Pooling.LAST, "relu")));
        assertEquals(List.of("LSTM", "DropoutLayer", "GlobalPoolingLayer", "DenseLayer", "DropoutLayer", "OutputLayer"),
                layersAfterConv(model("x", List.of(5), false, Pooling.MEAN, "relu")));
        assertEquals(List.of("TimePoolingLayer", "DenseLayer", "DropoutLayer", "OutputLayer"),
                layersAfterConv(model("x", List.of(), false, Pooling.MEAN_MAX, "relu")));
        MultiLayerNetwork bi = ModelFactory.build(model("x", List.of(5), true, Pooling.MEAN_MAX, "relu"), CHANNELS, 12, CLASSES, 1e-3, 1);
        int pool = (int) java.util.Arrays.stream(bi.getLayers()).filter(l -> l.conf().getLayer() instanceof TimePoolingLayer).findFirst()
                .orElseThrow().getIndex();
        assertEquals(ConcatPooling.Kind.MEAN_MAX, ((TimePoolingLayer) bi.getLayer(pool).conf().getLayer()).getKind());
        assertEquals(2 * 2 * 5, ((org.deeplearning4j.nn.conf.layers.DenseLayer) bi.getLayer(pool + 1).conf().getLayer()).getNIn(),
                "mean and max of both directions' 5 units");
        assertTrue(bi.getLayerWiseConfigurations().getConf(pool - 2).getLayer() instanceof Bidirectional b && b.getMode() == Bidirectional.Mode.CONCAT);
    }

    static List<String> layersAfterConv(ModelConfig m) {
        MultiLayerNetwork net = ModelFactory.build(m, CHANNELS, 12, CLASSES, 1e-3, 1);
        List<String> all = java.util.stream.IntStream.range(0, net.getnLayers())
                .mapToObj(i -> net.getLayerWiseConfigurations().getConf(i).getLayer().getClass().getSimpleName()).toList();
        return all.subList(all.indexOf("Subsampling1DLayer") + 2, all.size()); // after the block's max pooling and dropout
    }

    /**
     * A bidirectional LAST head reads both directions' end states: with the forward direction zeroed, changing the
     * first input step changes the output (the backward direction's first step has read it), unlike DL4J's
     * LastTimeStep around a Bidirectional, where only the last input step reaches the backward half.
     */
    @Test
    void bidirectionalLastReadsTheBackwardDirectionsWholeSequence() {
        MultiLayerNetwork net = ModelFactory.build(new ModelConfig("bi", List.of(), List.of(5), 0, List.of(), 0, false, "relu", List.of(), true,
                Pooling.LAST), CHANNELS, 9, CLASSES, 1e-3, 3);
        for (String k : new String[] {"fW", "fRW", "fb"}) net.getLayer(0).getParam(k).assign(0);
        FusedNetwork f = FusedNetwork.compile(net, CHANNELS, 9, MB, 5);
        float[] x = FusedPresetEquivalenceTest.input(MB * CHANNELS * 9, 1), first = x.clone();
        for (int i = 0; i < first.length; i += 9) first[i] += 1f;
        assertTrue(FusedRecurrentHeadsTest.maxDiff(f.output(x, MB), f.output(first, MB)) > 1e-4, "fused: the first step reaches the output");
        INDArray a = Nd4j.create(x, new long[] {MB, CHANNELS, 9}, 'c'), b = Nd4j.create(first, new long[] {MB, CHANNELS, 9}, 'c');
        assertTrue(FusedRecurrentHeadsTest.maxDiff(net.output(a).data().asFloat(), net.output(b).data().asFloat()) > 1e-4, "DL4J: so it does");
        assertTrue(!(net.getLayerWiseConfigurations().getConf(0).getLayer() instanceof LastTimeStep));
    }

    /** A network with a TimePoolingLayer saves and loads (JSON of the custom layer) and predicts the same afterwards. */
    @Test
    void timePoolingSavesAndLoads(@TempDir Path dir) throws Exception {
        Head h = heads().filter(x -> x.model().name().equals("bilstm2-meanmax")).findFirst().orElseThrow();
        MultiLayerNetwork net = stepped(h);
        Path file = dir.resolve("n.zip");
        ModelSerializer.writeModel(net, file.toFile(), true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        assertTrue(Files.size(file) > 0);
        assertEquals(net.getLayerWiseConfigurations(), back.getLayerWiseConfigurations());
        INDArray x = Nd4j.create(FusedPresetEquivalenceTest.input(MB * CHANNELS * h.length(), 9), new long[] {MB, CHANNELS, h.length()}, 'c');
        assertArrayEquals(net.output(x).data().asFloat(), back.output(x).data().asFloat());
        assertArrayEquals(FusedNetwork.compile(net, CHANNELS, h.length(), MB, 1).output(x.data().asFloat(), MB),
                FusedNetwork.compile(back, CHANNELS, h.length(), MB, 1).output(x.data().asFloat(), MB));
    }

    @Test
    void configurationsThatMeanNothingAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> model("x", List.of(), false, Pooling.LAST, "relu"), "LAST without an LSTM");
        assertThrows(IllegalArgumentException.class, () -> model("x", List.of(4), false, Pooling.FLATTEN, "relu"), "FLATTEN after an LSTM");
        assertThrows(IllegalArgumentException.class, () -> model("x", List.of(), true, Pooling.MEAN, "relu"), "bidirectional without an LSTM");
        assertTrue(ModelFactory.build(model("x", List.of(), false, Pooling.MEAN, "relu"), CHANNELS, 12, CLASSES, 1e-3, 1).getLayers().length > 0);
        assertTrue(GlobalPoolingLayer.class.isAssignableFrom(ModelFactory.build(model("x", List.of(), false, Pooling.MEAN, "relu"), CHANNELS, 12, CLASSES,
                1e-3, 1).getLayerWiseConfigurations().getConf(5).getLayer().getClass()));
    }
}
