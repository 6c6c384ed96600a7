package org.emoaugnet.model;

import java.util.Collection;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.params.EmptyParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.emoaugnet.model.fused.ConcatPooling;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A DL4J layer configuration for two summaries of a sequence over time, concatenated into features, which a
 * MultiLayerNetwork of DL4J's own layers cannot express (that needs a ComputationGraph's MergeVertex): MEAN_MAX,
 * {@code [batch, c, time]} to {@code [batch, 2c]} (each channel's mean, then each channel's maximum); and
 * BIDIRECTIONAL_ENDS, on a Bidirectional CONCAT sequence of 2h channels, the forward half's last step and the backward
 * half's first step (the end states of both directions, as Keras' Bidirectional with {@code return_sequences=False};
 * DL4J's LastTimeStep takes the backward half at the last step, where it has read one input step). It reports a
 * feed-forward output, so DL4J puts no pre-processor after it. No parameters; saved and loaded with the network
 * (JSON: the {@code kind} property). Its DL4J computation is {@link TimePoolingImpl}; the fused trainer runs it as its
 * own stage (recognised through {@link ConcatPooling}).
 */
public final class TimePoolingLayer extends NoParamLayer implements ConcatPooling {
    private Kind kind;

    /** For JSON deserialisation of saved models. */
    public TimePoolingLayer() {}

    public TimePoolingLayer(Kind kind) {
        this.kind = java.util.Objects.requireNonNull(kind);
    }

    public Kind getKind() { return kind; }

    public void setKind(Kind k) { kind = k; }

    @Override
    public Kind concatKind() { return kind; }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index,
                                                       INDArray paramsView, boolean initializeParams, DataType dataType) {
        TimePoolingImpl l = new TimePoolingImpl(conf, dataType);
        l.setListeners(listeners);
        l.setIndex(index);
        l.setParamsViewArray(paramsView);
        l.setParamTable(initializer().init(conf, paramsView, initializeParams));
        l.setConf(conf);
        return l;
    }

    @Override
    public ParamInitializer initializer() { return EmptyParamInitializer.getInstance(); }

    @Override
    public InputType getOutputType(int layerIndex, InputType in) {
        if (!(in instanceof InputType.InputTypeRecurrent r))
            throw new IllegalArgumentException("layer " + layerIndex + " (TimePoolingLayer): input must be a sequence, got " + in);
        long c = r.getSize();
        if (kind == Kind.BIDIRECTIONAL_ENDS && c % 2 != 0)
            throw new IllegalArgumentException("layer " + layerIndex + " (TimePoolingLayer): bidirectional end states need an even number of channels, got " + c);
        return InputType.feedForward(kind == Kind.MEAN_MAX ? 2 * c : c);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) { return null; }

    @Override
    public LayerMemoryReport getMemoryReport(InputType in) {
        return new LayerMemoryReport.Builder(layerName, TimePoolingLayer.class, in, getOutputType(-1, in)).standardMemory(0, 0)
                .workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    @Override
    public TimePoolingLayer clone() { return (TimePoolingLayer) super.clone(); }

    @Override
    public boolean equals(Object o) { return o instanceof TimePoolingLayer t && super.equals(o) && t.kind == kind; }

    @Override
    public int hashCode() { return 31 * super.hashCode() + java.util.Objects.hashCode(kind); }

    @Override
    public String toString() { return "TimePoolingLayer(" + kind + ")"; }
}
