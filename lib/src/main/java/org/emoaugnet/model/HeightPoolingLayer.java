package org.emoaugnet.model;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;

/**
 * DL4J's {@link GlobalPoolingLayer} over the height axis of NCHW activations only, collapsed: {@code [batch, channels,
 * height, width]} becomes the NCW sequence {@code [batch, channels, width]} (with AVG each channel's mean over the rows:
 * the mel bands a 2-D trunk leaves, {@link ModelConfig.Trunk#CONV2D}). DL4J 1.0.0-M2.1 computes this (its layer
 * reduces over the configured dimensions and, collapsed, returns the 3-D result; backprop spreads the gradient over
 * the pooled rows), but its configuration cannot say it: {@code setNIn}, which {@code setInputType} calls, replaces the
 * pooling dimensions of a convolutional input by {@code [2, 3]} whatever was configured, and {@code getOutputType}
 * reports {@code feedForward(channels)} (uncollapsed, {@code [batch, channels, 1, 1]}, which the layer then fails to
 * produce for a partial pooling: dl4j-notes §2). This subclass keeps pooling dimension 2, collapsed, and reports
 * the recurrent type; the computation stays DL4J's own, and the layer is a {@code GlobalPoolingLayer} to everything
 * that asks. Saved and loaded with the network (JSON: DL4J's own properties).
 */
public final class HeightPoolingLayer extends GlobalPoolingLayer {
    /** For JSON deserialisation of saved models; AVG. */
    public HeightPoolingLayer() {
        this(PoolingType.AVG);
    }

    public HeightPoolingLayer(PoolingType type) {
        super(type);
        setPoolingDimensions(new int[] {2});
        setCollapseDimensions(true);
    }

    /** Keeps pooling dimension 2 (DL4J's own replaces it by [2, 3] for a convolutional input). */
    @Override
    public void setNIn(InputType inputType, boolean override) {
        // no input size to set: a pooling layer has no parameters
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType in) {
        if (!(in instanceof InputType.InputTypeConvolutional c) || c.getFormat() != CNN2DFormat.NCHW)
            throw new IllegalArgumentException("layer " + layerIndex + " (HeightPoolingLayer): input must be NCHW convolutional activations, got " + in);
        return InputType.recurrent(c.getChannels(), c.getWidth(), RNNFormat.NCW);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) { return null; }

    @Override
    public HeightPoolingLayer clone() { return (HeightPoolingLayer) super.clone(); }

    @Override
    public String toString() {
        return "HeightPoolingLayer(poolingType=" + getPoolingType() + ", poolingDimensions=" + java.util.Arrays.toString(getPoolingDimensions())
                + ", collapseDimensions=" + isCollapseDimensions() + ")";
    }
}
