package org.emoaugnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.emoaugnet.model.fused.ConcatPooling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The {@code cnn2d-ref} preset as DL4J builds it (2-D trunk, {@link ModelConfig.Trunk#CONV2D}) on its log-mel input of
 * 64 mel rows × 301 frames, 8 classes: the exact layer sequence the fused trainer will map, the shapes through it, the
 * trainable parameter count the PyTorch twin must match, and DL4J's own {@code output} and {@code fit} on a random batch.
 */
class Cnn2dRefTest {
    static final int ROWS = 64, FRAMES = 301, CLASSES = 8;

    static MultiLayerNetwork net(String act) {
        return ModelFactory.build(ModelConfig.preset("cnn2d-ref", act), ROWS, FRAMES, CLASSES, 1e-3, 42);
    }

    static INDArray batch(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * ROWS * FRAMES];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        return Nd4j.create(x, new long[] {n, ROWS, FRAMES}, 'c');   // [batch, 64 mel rows, 301 frames], as the 1-D presets take it
    }

    @Test
    void layersAreTheSpecifiedSequence() {
        for (String act : List.of("relu", "elu")) {
            MultiLayerConfiguration conf = net(act).getLayerWiseConfigurations();
            assertEquals(21, conf.getConfs().size());
            int[] filters = {16, 32, 64, 64};
            for (int b = 0; b < 4; b++) {
                ConvolutionLayer cv = assertInstanceOf(ConvolutionLayer.class, layer(conf, 4 * b));
                assertEquals(ConvolutionLayer.class, cv.getClass(), "a 2-D convolution, not a subclass");
                assertArrayEquals(new int[] {3, 3}, cv.getKernelSize());
                assertArrayEquals(new int[] {1, 1}, cv.getStride());
                assertArrayEquals(new int[] {1, 1}, cv.getDilation());
                assertEquals(ConvolutionMode.Same, cv.getConvolutionMode());
                assertEquals(CNN2DFormat.NCHW, cv.getCnn2dDataFormat());
                assertTrue(cv.hasBias());
                assertInstanceOf(ActivationIdentity.class, cv.getActivationFn());
                assertEquals(b == 0 ? 1 : filters[b - 1], cv.getNIn());
                assertEquals(filters[b], cv.getNOut());
                BatchNormalization bn = assertInstanceOf(BatchNormalization.class, layer(conf, 4 * b + 1));
                assertEquals(filters[b], bn.getNOut());
                assertInstanceOf(ActivationIdentity.class, bn.getActivationFn());
                assertEquals(actClass(act), assertInstanceOf(ActivationLayer.class, layer(conf, 4 * b + 2)).getActivationFn().getClass());
                SubsamplingLayer pool = assertInstanceOf(SubsamplingLayer.class, layer(conf, 4 * b + 3));
                assertEquals(SubsamplingLayer.class, pool.getClass());
                assertEquals(org.deeplearning4j.nn.conf.layers.PoolingType.MAX, pool.getPoolingType());
                assertArrayEquals(new int[] {2, 2}, pool.getKernelSize());
                assertArrayEquals(new int[] {2, 2}, pool.getStride());
                assertArrayEquals(new int[] {0, 0}, pool.getPadding());
                assertEquals(ConvolutionMode.Truncate, pool.getConvolutionMode());
            }
            GlobalPoolingLayer height = assertInstanceOf(HeightPoolingLayer.class, layer(conf, 16));
            assertEquals(PoolingType.AVG, height.getPoolingType());
            assertArrayEquals(new int[] {2}, height.getPoolingDimensions(), "the mean over the rows only, kept through setInputType");
            assertTrue(height.isCollapseDimensions());
            assertEquals(ConcatPooling.Kind.MEAN_MAX, assertInstanceOf(TimePoolingLayer.class, layer(conf, 17)).getKind());
            DenseLayer dense = assertInstanceOf(DenseLayer.class, layer(conf, 18));
            assertEquals(128, dense.getNIn());
            assertEquals(64, dense.getNOut());
            assertTrue(dense.hasBias());
            assertEquals(actClass(act), dense.getActivationFn().getClass());
            Dropout drop = assertInstanceOf(Dropout.class, assertInstanceOf(DropoutLayer.class, layer(conf, 19)).getIDropout());
            assertEquals(0.7, drop.getP(), 0, "Keras-style 0.3 as DL4J's retain probability");
            OutputLayer out = assertInstanceOf(OutputLayer.class, layer(conf, 20));
            assertEquals(64, out.getNIn());
            assertEquals(CLASSES, out.getNOut());
            assertInstanceOf(ActivationSoftmax.class, out.getActivationFn());
            assertInstanceOf(LossMCXENT.class, out.getLossFn());
            for (int i = 0; i < conf.getConfs().size(); i++) {
                assertNull(conf.getInputPreProcess(i), "no pre-processor anywhere, layer " + i);
                if (!(layer(conf, i) instanceof DropoutLayer)) assertNull(layer(conf, i).getIDropout(), "dropout only as DropoutLayer, layer " + i);
            }
        }
    }

    private static Layer layer(MultiLayerConfiguration conf, int i) { return conf.getConf(i).getLayer(); }

    private static Class<?> actClass(String act) {
        return org.nd4j.linalg.activations.Activation.valueOf(act.toUpperCase(java.util.Locale.ROOT)).getActivationFunction().getClass();
    }

    @Test
    void shapesThroughTheNetwork() {
        MultiLayerNetwork net = net("relu");
        INDArray x = ModelFactory.networkInput(net, batch(3, 1));
        List<INDArray> a = net.feedForward(x, false);   // the input, then every layer's output
        long[][] expected = {{3, 1, 64, 301},
                {3, 16, 64, 301}, {3, 16, 64, 301}, {3, 16, 64, 301}, {3, 16, 32, 150},
                {3, 32, 32, 150}, {3, 32, 32, 150}, {3, 32, 32, 150}, {3, 32, 16, 75},
                {3, 64, 16, 75}, {3, 64, 16, 75}, {3, 64, 16, 75}, {3, 64, 8, 37},
                {3, 64, 8, 37}, {3, 64, 8, 37}, {3, 64, 8, 37}, {3, 64, 4, 18},
                {3, 64, 18}, {3, 128}, {3, 64}, {3, 64}, {3, CLASSES}};
        assertEquals(expected.length, a.size());
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], a.get(i).shape(), "output of layer " + (i - 1));
        INDArray pooled = a.get(16), seq = a.get(17), features = a.get(18);
        assertTrue(seq.equalsWithEps(pooled.mean(2), 1e-6), "layer 16: each channel's mean over the 4 rows");
        assertTrue(features.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 64))
                .equalsWithEps(seq.mean(2), 1e-6), "layer 17: the means over the 18 steps first");
        assertTrue(features.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(64, 128))
                .equalsWithEps(seq.max(2), 1e-6), "then the maxima");
    }

    @Test
    void trainableParametersCountedByHand() {
        MultiLayerNetwork net = net("relu");
        // conv 3×3: 1·16·9 + 16 = 160;  16·32·9 + 32 = 4,640;  32·64·9 + 64 = 18,496;  64·64·9 + 64 = 36,928  (60,224)
        // batch norm gamma and beta: 2·(16 + 32 + 64 + 64) = 352
        // dense 128 → 64: 128·64 + 64 = 8,256;  output 64 → 8: 64·8 + 8 = 520
        // 60,224 + 352 + 8,256 + 520 = 69,352 (the PyTorch twin's count, environment/bench/torch_twin.py model=cnn2d-ref)
        assertEquals(69_352, ModelFactory.trainableParams(net));
        assertEquals(69_352 + 352, net.numParams(), "DL4J also counts the batch-norm running mean and log10 std of 176 channels");
    }

    @Test
    void dl4jOutputAndFitRunOnARandomBatch() {
        MultiLayerNetwork net = net("elu");
        INDArray ncw = batch(8, 2);
        INDArray x = ModelFactory.networkInput(net, ncw);
        assertArrayEquals(new long[] {8, 1, ROWS, FRAMES}, x.shape());
        assertArrayEquals(ncw.data().asFloat(), x.dup('c').data().asFloat(), "the same memory order as the 1-D presets' input");
        INDArray flat = Nd4j.create(ncw.data().asFloat(), new long[] {8, ROWS * FRAMES}, 'c');   // what the fused trainer reads
        INDArray p = net.output(x, false);
        assertTrue(p.equalsWithEps(net.output(flat.reshape('c', 8, 1, ROWS, FRAMES), false), 0), "the flat rows are the same image");
        assertArrayEquals(new long[] {8, CLASSES}, p.shape());
        for (int i = 0; i < 8; i++) assertEquals(1.0, p.getRow(i).sumNumber().doubleValue(), 1e-5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, CLASSES);
        for (int i = 0; i < 8; i++) y.putScalar(i, i % CLASSES, 1f);
        INDArray before = net.params().dup();
        for (int step = 0; step < 2; step++) net.fit(new DataSet(x, y));
        assertTrue(Double.isFinite(net.score()), "loss " + net.score());
        assertFalse(before.equalsWithEps(net.params(), 1e-7), "a training step changes the parameters");
        for (float v : net.params().data().asFloat()) assertTrue(Float.isFinite(v), "a parameter is " + v);
    }

    /** DL4J's backprop through the row mean: each row gets a quarter of the gradient of its (channel, step). */
    @Test
    void heightPoolingSpreadsTheGradientOverTheRows() {
        MultiLayerNetwork net = net("relu");
        var layer = net.getLayer(16);
        INDArray in = Nd4j.rand(DataType.FLOAT, 2, 64, 4, 18), eps = Nd4j.rand(DataType.FLOAT, 2, 64, 18);
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(in, mgr);
        assertTrue(layer.activate(true, mgr).equalsWithEps(in.mean(2), 1e-6));
        INDArray dx = layer.backpropGradient(eps, mgr).getSecond();
        assertArrayEquals(in.shape(), dx.shape());
        for (int r = 0; r < 4; r++)
            assertTrue(dx.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(r), org.nd4j.linalg.indexing.NDArrayIndex.all()).equalsWithEps(eps.div(4), 1e-6));
    }

    @Test
    void savedAndLoadedWithItsPoolingDimension(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = net("relu");
        INDArray x = ModelFactory.networkInput(net, batch(2, 3));
        java.io.File f = dir.resolve("cnn2d.zip").toFile();
        net.save(f, false);
        MultiLayerNetwork back = MultiLayerNetwork.load(f, false);
        HeightPoolingLayer h = assertInstanceOf(HeightPoolingLayer.class, back.getLayerWiseConfigurations().getConf(16).getLayer());
        assertArrayEquals(new int[] {2}, h.getPoolingDimensions());
        assertTrue(ModelFactory.takesImages(back));
        assertTrue(net.output(x, false).equalsWithEps(back.output(x, false), 0));
    }

    @Test
    void oneDimensionalPresetsTakeTheirInputAsItIs() {
        MultiLayerNetwork pool = ModelFactory.build(ModelConfig.preset("strong-cnn-pool", "relu"), 6, 24, 5, 1e-3, 1);
        assertFalse(ModelFactory.takesImages(pool));
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 6, 24);
        assertSame(x, ModelFactory.networkInput(pool, x));
        assertEquals(ModelConfig.Trunk.CONV1D, ModelConfig.preset("strong-cnn-pool", "relu").trunk());
    }

    @Test
    void aTooSmallInputIsRefusedNamingTheModel() {
        var e = assertThrows(IllegalArgumentException.class, () -> ModelFactory.build(ModelConfig.cnn2dRef("relu"), 12, 301, 8, 1e-3, 1));
        assertTrue(e.getMessage().contains("cnn2d-ref") && e.getMessage().contains("12 × 301"), e.getMessage());
    }

    @Test
    void anExperimentPreset() {
        assertEquals("cnn2d-ref", ModelConfig.preset("cnn2d-ref", "relu").name());
        assertTrue(ModelConfig.PRESETS.contains("cnn2d-ref"), "the fused trainer implements its layers (FusedPresetEquivalenceTest)");
        var e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.preset("cnn3d", "relu"));
        assertTrue(e.getMessage().contains("cnn2d-ref") && e.getMessage().contains("strong-cnn-pool"), e.getMessage());
    }
}
