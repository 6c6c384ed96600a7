package org.emoaugnet.model.fused;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A test-only DL4J dropout that applies one given mask instead of drawing one: the activations (forward) and the
 * gradient (backward) are multiplied by {@code mask}, which already holds DL4J's inverted-dropout values ({@code 1/p}
 * where kept, 0 where dropped). It does what DL4J's own {@code Dropout} does after drawing its mask (a {@code MulOp}
 * of the input and the mask into the output; the same product on the gradient), so a DL4J network carrying it and a
 * {@link FusedNetwork} given the same keep pattern compute the same training pass.
 */
final class FixedMaskDropout implements IDropout {
    private final INDArray mask;
    private int applied, backpropagated;

    FixedMaskDropout(INDArray mask) {
        this.mask = mask;
    }

    @Override
    public INDArray applyDropout(INDArray input, INDArray output, int iteration, int epoch, LayerWorkspaceMgr workspaceMgr) {
        if (!Arrays.equals(input.shape(), mask.shape()))
            throw new IllegalStateException("dropout input " + Arrays.toString(input.shape()) + " but mask " + Arrays.toString(mask.shape()));
        Nd4j.getExecutioner().exec(new MulOp(input, mask, output));
        applied++;
        return output;
    }

    @Override
    public INDArray backprop(INDArray gradAtOutput, INDArray gradAtInput, int iteration, int epoch) {
        Nd4j.getExecutioner().exec(new MulOp(gradAtOutput, mask, gradAtInput));
        backpropagated++;
        return gradAtInput;
    }

    /** Training passes (forward, backward) that used this mask: a test checks that DL4J really went through it. */
    int[] uses() { return new int[] {applied, backpropagated}; }

    @Override
    public void clear() {
        // nothing to clear: the mask is fixed for the dropout's lifetime, not drawn per pass
    }

    @Override
    public IDropout clone() {
        return this; // the mask is never written; tests give a network its masks after cloning it
    }
}
