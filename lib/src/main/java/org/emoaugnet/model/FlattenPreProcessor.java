package org.emoaugnet.model;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras' {@code Flatten} for 1-D convolution output: NCW {@code [batch, channels, time]} becomes
 * {@code [batch, channels × time]} (channel-major). DL4J's own RnnToFeedForwardPreProcessor instead turns every time
 * step into its own example, which is not what a Conv1D → Flatten → Dense model means.
 */
public final class FlattenPreProcessor implements InputPreProcessor, org.emoaugnet.model.fused.FusedNetwork.ChannelMajorFlatten {
    private long channels, length;

    /** For JSON deserialisation of saved models. */
    public FlattenPreProcessor() {}

    public FlattenPreProcessor(long channels, long length) {
        this.channels = channels;
        this.length = length;
    }

    public long getChannels() { return channels; }
    public void setChannels(long c) { channels = c; }
    public long getLength() { return length; }
    public void setLength(long l) { length = l; }

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr mgr) {
        if (input.rank() != 3 || input.size(1) != channels || input.size(2) != length)
            throw new IllegalArgumentException("flatten expects [batch, " + channels + ", " + length + "], got " + java.util.Arrays.toString(input.shape()));
        INDArray in = input.ordering() == 'c' && !input.isView() ? input : input.dup('c');
        return mgr.leverageTo(ArrayType.ACTIVATIONS, in.reshape('c', input.size(0), channels * length));
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr mgr) {
        INDArray g = output.ordering() == 'c' ? output : output.dup('c');
        return mgr.leverageTo(ArrayType.ACTIVATION_GRAD, g.reshape('c', output.size(0), channels, length));
    }

    @Override
    public InputPreProcessor clone() { return new FlattenPreProcessor(channels, length); }

    @Override
    public InputType getOutputType(InputType inputType) { return InputType.feedForward(channels * length); }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        return new Pair<>(null, currentMaskState);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FlattenPreProcessor f && f.channels == channels && f.length == length;
    }

    @Override
    public int hashCode() { return Long.hashCode(channels * 31 + length); }
}
