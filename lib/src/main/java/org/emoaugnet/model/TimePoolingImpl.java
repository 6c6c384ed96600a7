package org.emoaugnet.model;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.emoaugnet.model.fused.ConcatPooling;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's computation of a {@link TimePoolingLayer} with ND4J operations: the reference the fused stage is tested
 * against. MEAN_MAX: the mean's gradient spread as {@code dy / time} over every step, the maximum's sent to the first
 * step that holds the maximum (as the fused path and DL4J's IsMax do). BIDIRECTIONAL_ENDS: each end state's gradient
 * to the step it was taken from.
 */
final class TimePoolingImpl extends AbstractLayer<TimePoolingLayer> {
    TimePoolingImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        INDArray in = input;
        long b = in.size(0), c = in.size(1), t = in.size(2);
        if (layerConf().getKind() == ConcatPooling.Kind.MEAN_MAX) {
            INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, in.dataType(), new long[] {b, 2 * c}, 'c');
            out.get(all(), interval(0, c)).assign(in.mean(2));
            out.get(all(), interval(c, 2 * c)).assign(in.max(2));
            return out;
        }
        long h = c / 2;
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, in.dataType(), new long[] {b, c}, 'c');
        out.get(all(), interval(0, h)).assign(in.get(all(), interval(0, h), point(t - 1)));
        out.get(all(), interval(h, c)).assign(in.get(all(), interval(h, c), point(0)));
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray in = input;
        long b = in.size(0), c = in.size(1), t = in.size(2);
        INDArray dx = mgr.create(ArrayType.ACTIVATION_GRAD, in.dataType(), new long[] {b, c, t}, 'c');
        if (layerConf().getKind() == ConcatPooling.Kind.MEAN_MAX) {
            INDArray dMean = epsilon.get(all(), interval(0, c)).div(t);
            Nd4j.getExecutioner().exec(new BroadcastAddOp(dx, dMean, dx, 0, 1));
            float[] x = in.dup('c').data().asFloat();
            for (int s = 0; s < b; s++)
                for (int ch = 0; ch < c; ch++) {
                    int from = (int) ((s * c + ch) * t), best = from;
                    for (int i = from + 1; i < from + t; i++) if (x[i] > x[best]) best = i;
                    long step = best - from;
                    dx.putScalar(new long[] {s, ch, step}, dx.getDouble(s, ch, step) + epsilon.getDouble(s, c + ch));
                }
        } else {
            long h = c / 2;
            dx.get(all(), interval(0, h), point(t - 1)).assign(epsilon.get(all(), interval(0, h)));
            dx.get(all(), interval(h, c), point(0)).assign(epsilon.get(all(), interval(h, c)));
        }
        return new Pair<>(new DefaultGradient(), dx);
    }

    @Override
    public Type type() { return Type.SUBSAMPLING; }

    @Override
    public boolean isPretrainLayer() { return false; }

    @Override
    public void clearNoiseWeightParams() {
        // no parameters, so no weight noise
    }

    @Override
    public INDArray params() { return null; }

    @Override
    public double calcRegularizationScore(boolean backpropOnlyParams) { return 0; }
}
