package org.emoaugnet.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
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
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds a DL4J network from a {@link ModelConfig}, with the workarounds DL4J 1.0.0-M2.1 needs
 * (docs/dl4j-notes.md): NCW throughout; BatchNormalization after Convolution1DLayer gets an explicit
 * {@link RnnToCnnPreProcessor} (per-time-step 4-D view, mathematically the same BN); dropout is given as a
 * <em>retain</em> probability ({@code 1 − p}) on explicit {@link DropoutLayer}s, as Keras places it. DL4J's
 * BatchNormalization layer accepts an activation function but never applies it ({@code activate} returns the
 * normalised values), so a block's activation after batch normalisation is an explicit {@link ActivationLayer}.
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
        for (ConvBlock cb : m.conv()) {
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
        MultiLayerConfiguration conf = b.setInputType(InputType.recurrent(channels, length, RNNFormat.NCW)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
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
