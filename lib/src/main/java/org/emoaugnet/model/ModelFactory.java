package org.emoaugnet.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.emoaugnet.model.fused.ConcatPooling;
import org.deeplearning4j.nn.conf.preprocessor.CnnToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds a DL4J network from a {@link ModelConfig}, with the workarounds DL4J 1.0.0-M2.1 needs
 * (docs/dl4j-notes.md): NCW throughout; BatchNormalization after Convolution1DLayer gets an explicit
 * {@link RnnToCnnPreProcessor} (per-time-step 4-D view, mathematically the same BN); dropout is given as a
 * <em>retain</em> probability ({@code 1 − p}) on explicit {@link DropoutLayer}s, as Keras places it. DL4J's
 * BatchNormalization layer accepts an activation function but never applies it ({@code activate} returns the
 * normalised values), so a block's activation after batch normalisation is an explicit {@link ActivationLayer}.
 *
 * <p>A 2-D trunk ({@link ModelConfig.Trunk#CONV2D}) takes the same {@code [channels, time]} input as an NCHW image
 * {@code [batch, 1, channels, time]} (the same memory): per block ConvolutionLayer (k × k, Same, NCHW, biased) →
 * BatchNormalization on the 4-D activations directly (no pre-processor) → ActivationLayer → SubsamplingLayer (MAX,
 * Truncate) → [DropoutLayer], then {@link HeightPoolingLayer} (AVG over the rows) gives the sequence the head reads.
 * DL4J's own {@code fit}/{@code output} then need a 4-D array: {@link #networkInput}.
 */
public final class ModelFactory {
    private ModelFactory() {}

    /**
     * What a {@link ModelConfig} becomes as layers; part of every run specification. Bump it whenever a preset or this
     * builder changes the network. Revision 1 (runs before 2026-11-26) handed the block activation to
     * BatchNormalization, which DL4J ignores: those convolution blocks had no activation at all. The heads added since
     * (bidirectional LSTMs, pooling over time: {@link ModelConfig.Pooling}) left every network of revision 2 as it
     * was (the nine-argument ModelConfig builds the same layers), so they did not bump it; a new preset is a new name.
     */
    public static final String REVISION = "2";

    public static MultiLayerNetwork build(ModelConfig m, int channels, int length, int classes, double learningRate, long seed) {
        Activation act = Activation.valueOf(m.activation().toUpperCase(java.util.Locale.ROOT));
        var b = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(learningRate)).weightInit(WeightInit.XAVIER)
                .convolutionMode(ConvolutionMode.Same).list();
        int i = 0, c = channels, t = length;
        // after batch normalisation's per-time-step view ([batch·time, channels, 1, 1]) the activations stay in that view
        // until a layer asks DL4J for a CnnToRnnPreProcessor (convolution, pooling, LSTM); global pooling layers do not
        boolean perStepView = false;
        boolean image = m.trunk() == ModelConfig.Trunk.CONV2D;
        if (image) {
            t = trunk2dWidth(m, channels, length);
            i = conv2d(b, m, act);
            c = m.conv().get(m.conv().size() - 1).filters();
        }
        java.util.List<ConvBlock> blocks1d = image ? java.util.List.of() : m.conv();
        for (ConvBlock cb : blocks1d) {
            boolean bnCarriesActivation = cb.batchNorm() && !cb.bnAfterActivation();
            b.layer(i++, new Convolution1DLayer.Builder().nIn(c).nOut(cb.filters()).kernelSize(cb.kernel()).stride(cb.stride())
                    .activation(bnCarriesActivation ? Activation.IDENTITY : act).rnnDataFormat(RNNFormat.NCW).build());
            c = cb.filters();
            t = (t + cb.stride() - 1) / cb.stride();
            if (cb.batchNorm()) {
                b.inputPreProcessor(i, new RnnToCnnPreProcessor(1, 1, c, RNNFormat.NCW));
                b.layer(i++, new BatchNormalization.Builder().nOut(c).activation(Activation.IDENTITY).build());
                if (bnCarriesActivation) b.layer(i++, new ActivationLayer.Builder().activation(act).build());
            }
            if (cb.pool() > 1) {
                b.layer(i++, new Subsampling1DLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(cb.pool()).stride(cb.poolStride()).build());
                t = (t + cb.poolStride() - 1) / cb.poolStride();
            }
            perStepView = cb.batchNorm() && cb.pool() <= 1;
            if (cb.dropout() > 0) {
                // the dropout of a block without max pooling after batch normalisation gets the sequence back first, so
                // that its mask is over [batch, channels, time] as the fused path draws it (revision-2 presets all pool)
                if (perStepView) b.inputPreProcessor(i, new CnnToRnnPreProcessor(1, 1, c, RNNFormat.NCW));
                perStepView = false;
                b.layer(i++, new DropoutLayer.Builder(1 - cb.dropout()).build());
            }
        }
        boolean lastStep = m.pooling() == ModelConfig.Pooling.LAST && !m.bidirectional();
        for (int l = 0; l < m.lstm().size(); l++) {
            boolean last = l == m.lstm().size() - 1;
            LSTM lstm = new LSTM.Builder().nOut(m.lstm().get(l)).activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID)
                    .dataFormat(RNNFormat.NCW).build();
            if (m.bidirectional()) b.layer(i++, new Bidirectional(Bidirectional.Mode.CONCAT, lstm));
            else b.layer(i++, last && lastStep ? new LastTimeStep(lstm) : lstm);
            c = m.bidirectional() ? 2 * m.lstm().get(l) : m.lstm().get(l);
            if (m.lstmDropout() > 0) b.layer(i++, new DropoutLayer.Builder(1 - m.lstmDropout()).build());
        }
        boolean pooled = m.pooling() == ModelConfig.Pooling.MEAN || m.pooling() == ModelConfig.Pooling.MEAN_MAX;
        if (pooled && m.lstm().isEmpty() && perStepView) b.inputPreProcessor(i, new CnnToRnnPreProcessor(1, 1, c, RNNFormat.NCW));
        switch (m.pooling()) {
            case FLATTEN -> b.inputPreProcessor(i, new FlattenPreProcessor(c, t));
            case LAST -> { if (m.bidirectional()) b.layer(i++, new TimePoolingLayer(ConcatPooling.Kind.BIDIRECTIONAL_ENDS)); }
            case MEAN -> b.layer(i++, new GlobalPoolingLayer.Builder(PoolingType.AVG).build());
            case MEAN_MAX -> b.layer(i++, new TimePoolingLayer(ConcatPooling.Kind.MEAN_MAX));
        }
        for (int units : m.dense()) {
            b.layer(i++, new DenseLayer.Builder().nOut(units).activation(act).build());
            if (m.denseBatchNorm()) b.layer(i++, new BatchNormalization.Builder().nOut(units).activation(Activation.IDENTITY).build());
            if (m.denseDropout() > 0) b.layer(i++, new DropoutLayer.Builder(1 - m.denseDropout()).build());
        }
        if (m.pooling() == ModelConfig.Pooling.FLATTEN && m.dense().isEmpty()) throw new IllegalArgumentException("a flatten head needs at least one dense layer");
        b.layer(i, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build());
        MultiLayerConfiguration conf = b.setInputType(image ? InputType.convolutional(channels, length, 1, CNN2DFormat.NCHW)
                : InputType.recurrent(channels, length, RNNFormat.NCW)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * The 2-D trunk's layers from index 0 on a one-channel image, ending with the mean over the remaining rows
     * ({@link HeightPoolingLayer}); returns the next layer index.
     */
    private static int conv2d(NeuralNetConfiguration.ListBuilder b, ModelConfig m, Activation act) {
        int i = 0, f = 1;
        for (ConvBlock cb : m.conv()) {
            boolean bnCarriesActivation = cb.batchNorm() && !cb.bnAfterActivation();
            b.layer(i++, new ConvolutionLayer.Builder(cb.kernel(), cb.kernel()).stride(cb.stride(), cb.stride()).nIn(f).nOut(cb.filters())
                    .convolutionMode(ConvolutionMode.Same).dataFormat(CNN2DFormat.NCHW).hasBias(true)
                    .activation(bnCarriesActivation ? Activation.IDENTITY : act).build());
            f = cb.filters();
            if (cb.batchNorm()) {
                b.layer(i++, new BatchNormalization.Builder().nOut(f).activation(Activation.IDENTITY).build());
                if (bnCarriesActivation) b.layer(i++, new ActivationLayer.Builder().activation(act).build());
            }
            if (cb.pool() > 1)
                b.layer(i++, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(cb.pool(), cb.pool())
                        .stride(cb.poolStride(), cb.poolStride()).convolutionMode(ConvolutionMode.Truncate).dataFormat(CNN2DFormat.NCHW).build());
            if (cb.dropout() > 0) b.layer(i++, new DropoutLayer.Builder(1 - cb.dropout()).build());
        }
        b.layer(i++, new HeightPoolingLayer(PoolingType.AVG));
        return i;
    }

    /**
     * The number of columns (time steps) a 2-D trunk leaves of a {@code height × width} input: Same convolutions keep
     * ⌈n / stride⌉, Truncate max pooling ⌊(n − pool) / poolStride⌋ + 1 in each direction.
     *
     * @throws IllegalArgumentException where a pooling meets fewer rows or columns than its window
     */
    static int trunk2dWidth(ModelConfig m, int height, int width) {
        int h = height, w = width;
        for (ConvBlock cb : m.conv()) {
            h = (h + cb.stride() - 1) / cb.stride();
            w = (w + cb.stride() - 1) / cb.stride();
            if (cb.pool() > 1) {
                if (h < cb.pool() || w < cb.pool())
                    throw new IllegalArgumentException("model '" + m.name() + "': a " + cb.pool() + " × " + cb.pool() + " max pooling meets " + h + " × " + w
                            + " (input " + height + " × " + width + " is too small for its 2-D trunk)");
                h = (h - cb.pool()) / cb.poolStride() + 1;
                w = (w - cb.pool()) / cb.poolStride() + 1;
            }
        }
        return w;
    }

    /**
     * Whether the network takes 4-D NCHW images {@code [batch, 1, channels, time]} (a 2-D trunk) rather than NCW
     * sequences {@code [batch, channels, time]}: its first layer is a 2-D convolution.
     */
    public static boolean takesImages(MultiLayerNetwork net) {
        var first = net.getLayerWiseConfigurations().getConf(0).getLayer();
        return first instanceof ConvolutionLayer && !(first instanceof Convolution1DLayer)
                && !(first instanceof org.deeplearning4j.nn.conf.layers.Convolution3D);
    }

    /**
     * The array DL4J's own {@code fit}/{@code output} take for inputs held as NCW {@code [batch, channels, time]}
     * (what {@link Dataset} holds and the fused trainer reads as flat rows): the array itself for a 1-D network, for a
     * 2-D one the {@code [batch, 1, channels, time]} view of the same memory.
     */
    public static INDArray networkInput(MultiLayerNetwork net, INDArray ncw) {
        if (ncw.rank() != 3) throw new IllegalArgumentException("inputs are [batch, channels, time], got " + java.util.Arrays.toString(ncw.shape()));
        if (!takesImages(net)) return ncw;
        INDArray c = ncw.ordering() == 'c' && !ncw.isView() ? ncw : ncw.dup('c');
        return c.reshape('c', ncw.size(0), 1, ncw.size(1), ncw.size(2));
    }

    /** Trainable parameters (DL4J's numParams counts BatchNorm running mean/variance too). */
    public static long trainableParams(MultiLayerNetwork net) {
        long n = 0;
        for (var layer : net.getLayers()) {
            for (var e : layer.paramTable().entrySet()) {
                String k = e.getKey();
                if (NetworkSummary.isRunningStatistic(layer, k)) continue;
                n += e.getValue().length();
            }
        }
        return n;
    }
}
