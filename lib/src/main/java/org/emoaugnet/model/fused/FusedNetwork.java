package org.emoaugnet.model.fused;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToCnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * A faster trainer for the project's DL4J networks (1-D convolution, batch normalisation, max pooling, dropout,
 * LSTM returning every step or the last, Bidirectional LSTM (CONCAT, ADD, AVERAGE; every step or DL4J's last step),
 * global pooling over time (AVG, MAX, SUM), the project's {@link ConcatPooling} layers (mean and max over time
 * concatenated; a bidirectional sequence's two end states), dense, softmax with cross-entropy, Adam), bound to a
 * {@link MultiLayerNetwork}: it reads and writes that network's own flat parameter vector, so the network saves,
 * loads and predicts as before, and a network trained here cannot be told from one trained by {@code fit} except by
 * speed. Forward outputs, gradients and Adam steps equal DL4J's within float tolerance (tested on small networks
 * covering every stage, on networks with pooled and bidirectional recurrent heads, and on every {@code ModelFactory}
 * preset, with dropout given the same masks on both sides); dropout masks come from this object's seeded generator,
 * so the same seed gives the same numbers.
 *
 * <p>Where the time goes: convolutions run libnd4j's oneDNN ops once per pass (DL4J's Convolution1DLayer recomputes
 * the forward pass in backprop and computes input gradients the first layer never needs), the LSTM makes one matrix
 * product for all input projections and one per step, and the element-wise work runs on Java arrays that HotSpot
 * vectorises, instead of hundreds of small native calls per batch.
 *
 * <p>{@link #compile} refuses a network it does not cover (other layers, activations, pre-processors, updaters and
 * their schedules, regularisation, constraints, gradient normalisation, truncated backpropagation, Bidirectional's MUL
 * mode, PNORM or uncollapsed global pooling) with an error naming the layer and what is not implemented; nothing falls
 * back to DL4J's {@code fit} or {@code output}. Two DL4J behaviours of the recurrent heads are reproduced, not
 * corrected (docs/dl4j-notes.md): LastTimeStep around a Bidirectional LSTM takes the backward direction's first step,
 * whose recurrent weights therefore get no gradient; and the RnnToFeedForwardPreProcessor DL4J puts after global
 * pooling passes the pooled values through. What goes beyond DL4J, off unless asked for: label smoothing in the
 * loss ({@link #setLabelSmoothing}), soft targets ({@link #fit(float[], float[], int)}, e.g. mixup's) and decoupled
 * weight decay ({@link #setWeightDecay}).
 */
public final class FusedNetwork {
    /** Revision of the fused trainer's numerics (part of run specifications through {@code Trainer.ENGINE}). */
    public static final String REVISION = "fused-2";

    /**
     * Lanes a batch is split into ({@link Lane#split}): a constant of the numerics, so that the thread count
     * ({@link #setThreads}) never changes a number.
     */
    public static final int LANES = 4;

    /** Marks an input pre-processor that flattens {@code [batch, channels, time]} channel-major into features. */
    public interface ChannelMajorFlatten {}

    private final MultiLayerNetwork net;
    /** The stages being built, then lane 0's (the one whose batch-norm stages keep the batch statistics). */
    private List<Stage> stages;
    private final Lane[] lanes;
    private final int capacity, laneCapacity, inputSize, classes, paramCount;
    private final float[] theta, grad, adamM, adamV, logits, probs, dLogits;
    private final NativeArray params;
    private final List<int[]> trainable = new ArrayList<>();
    private LaneRunner runner = new LaneRunner(defaultThreads());
    private final double beta1, beta2, epsilon;
    private double learningRate;
    private long iteration;
    /** Masks given instead of drawn (tests only; null in training). */
    private DropoutMasks givenMasks;
    /** DL4J's softmax clip in MCXENT (read from the output layer's loss by {@link #build}). */
    private float softmaxClip;
    /** Label smoothing ε of the loss (0: off, DL4J's MCXENT; see {@link #setLabelSmoothing}). */
    private double labelSmoothing;
    /** Decoupled weight decay λ (0: plain Adam; see {@link #setWeightDecay}). */
    private double weightDecay;

    private FusedNetwork(MultiLayerNetwork net, int channels, int length, int capacity, Adam adam, long seed) {
        this.net = net;
        this.capacity = capacity;
        INDArray p = net.params();
        this.params = new NativeArray(p);
        this.paramCount = (int) p.length();
        this.theta = new float[paramCount];
        this.grad = new float[paramCount];
        this.adamM = new float[paramCount];
        this.adamV = new float[paramCount];
        this.learningRate = adam.getLearningRate();
        this.beta1 = adam.getBeta1();
        this.beta2 = adam.getBeta2();
        this.epsilon = adam.getEpsilon();
        this.laneCapacity = (capacity + LANES - 1) / LANES;
        SplittableRandom root = new SplittableRandom(seed);
        this.lanes = new Lane[LANES];
        for (int l = 0; l < LANES; l++) lanes[l] = new Lane(this, l, paramCount, root.split());
        this.inputSize = channels * length;
        Layer outLayer = net.getLayer(net.getnLayers() - 1);
        this.classes = (int) ((OutputLayer) outLayer.conf().getLayer()).getNOut();
        this.logits = new float[capacity * classes];
        this.probs = new float[capacity * classes];
        this.dLogits = new float[capacity * classes];
        pullParams();
    }

    /**
     * The fused trainer for {@code net} on inputs of {@code channels × length}.
     *
     * @param capacity the largest batch it will be given (training batches; predictions are split into chunks)
     * @param seed     seed of the dropout masks
     * @throws IllegalArgumentException where the network uses something the fused path does not implement (the
     *                                  message names the layer and the thing)
     */
    public static FusedNetwork compile(MultiLayerNetwork net, int channels, int length, int capacity, long seed) {
        String refusal = networkRefusal(net);
        if (refusal != null) throw new IllegalArgumentException("the fused trainer does not implement this network: " + refusal);
        FusedNetwork f = new FusedNetwork(net, channels, length, capacity, (Adam) commonUpdater(net), seed);
        for (Lane lane : f.lanes) {
            f.stages = lane.stages;
            f.trainable.clear();
            refusal = f.build(channels, length);
            if (refusal != null) throw new IllegalArgumentException("the fused trainer does not implement this network: " + refusal);
            lane.allocate(f.laneCapacity * f.inputSize, f.laneCapacity * f.classes);
        }
        f.stages = f.lanes[0].stages;
        return f;
    }

    /**
     * The most floats the stages of a network compiled for prediction may hold on the heap (activations and input
     * gradients of every lane, {@link Stage#y}, {@link Stage#dx}): 2^27, 512 MB. A 2-D network's activations are large
     * (cnn2d-ref holds millions of floats per sample), so {@link #inferenceCapacity} predicts fewer samples at once rather than
     * exhaust the heap; the 1-D presets stay below it at the capacities they are asked for.
     */
    public static final long INFERENCE_HEAP_FLOATS = 1L << 27;

    /** Floats the stages of every lane hold on the heap per sample of capacity ({@link Stage#y}, {@link Stage#dx}). */
    public long heapFloatsPerSample() {
        long n = 0;
        for (Lane lane : lanes)
            for (Stage s : lane.stages) n += s.y.length + (s.dx == null ? 0 : s.dx.length);
        return (n + (long) laneCapacity * LANES - 1) / ((long) laneCapacity * LANES);
    }

    /**
     * The capacity to compile {@code net} at for predicting {@code wanted} samples at once: {@code wanted}, or as many as
     * keep the stages' arrays within {@link #INFERENCE_HEAP_FLOATS} (at least {@link #LANES}). Inference treats every
     * sample alone, but how many samples share a matrix product can move the last bits of their probabilities, so the
     * capacity is a fixed function of the network's shapes and that constant (never of the thread count or the machine):
     * changing the constant re-makes the predictions of the networks it bounds (the 2-D ones).
     */
    public static int inferenceCapacity(MultiLayerNetwork net, int channels, int length, int wanted) {
        long per = compile(net, channels, length, LANES, 0).heapFloatsPerSample();
        return (int) Math.max(Math.min(LANES, wanted), Math.min(wanted, INFERENCE_HEAP_FLOATS / Math.max(1, per)));
    }

    /** What makes the whole network unsupported (its data type, updater, output, training mode), or null. */
    private static String networkRefusal(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        int n = net.getnLayers();
        if (n == 0) return "it has no layers";
        if (net.params().dataType() != DataType.FLOAT) return "its parameters are " + net.params().dataType() + ", not FLOAT";
        if (!(conf.getConf(n - 1).getLayer() instanceof OutputLayer))
            return "its last layer is " + conf.getConf(n - 1).getLayer().getClass().getSimpleName() + ", not an OutputLayer";
        if (conf.getBackpropType() != BackpropType.Standard) return "it trains with " + conf.getBackpropType() + " backpropagation";
        IUpdater updater = commonUpdater(net);
        if (updater == null) return "its layers do not share one updater";
        if (!(updater instanceof Adam adam)) return "its updater is " + updater.getClass().getSimpleName() + ", not Adam";
        if (adam.getLearningRateSchedule() != null) return "its Adam has a learning-rate schedule";
        for (int i = 0; i < n; i++) {
            NeuralNetConfiguration c = conf.getConf(i);
            if (!c.isMiniBatch()) return "layer " + i + " does not average gradients over the mini-batch (miniBatch false)";
            if (c.getOptimizationAlgo() != OptimizationAlgorithm.STOCHASTIC_GRADIENT_DESCENT)
                return "layer " + i + " optimises with " + c.getOptimizationAlgo();
        }
        return null;
    }

    private int offset(Layer layer, String key) {
        INDArray v = layer.getParam(key);
        return (int) (v.offset() - net.params().offset());
    }

    /** What a layer adds to its plain computation and the fused path does not implement, or null. */
    private static String extras(org.deeplearning4j.nn.conf.layers.Layer l) {
        if (l.getIDropout() != null) return "dropout on its input";
        if (l.getConstraints() != null && !l.getConstraints().isEmpty()) return "parameter constraints";
        if (l instanceof BaseLayer b) {
            if (!b.getRegularization().isEmpty() || !b.getRegularizationBias().isEmpty()) return "regularisation";
            if (b.getWeightNoise() != null) return "weight noise";
            if (b.getGradientNormalization() != null && b.getGradientNormalization() != org.deeplearning4j.nn.conf.GradientNormalization.None)
                return "gradient normalisation " + b.getGradientNormalization();
            if (b.getBiasUpdater() != null && !b.getBiasUpdater().equals(b.getIUpdater())) return "a bias updater of its own";
        }
        return null;
    }

    /**
     * Translates the layers into stages; returns null, or at the first thing the fused path does not implement, what
     * that is and where.
     */
    private String build(int channels, int length) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        int c = channels, t = length;
        boolean sequence = true;
        // image: activations [channels, h, t] (2-D layers); a sequence [c, t] meets its first 2-D convolution of one
        // input channel as the image [1, c, t] (the same memory: log-mel bands become the image's rows)
        boolean image = false;
        int h = 1;
        int n = net.getnLayers();
        for (int i = 0; i < n; i++) {
            InputPreProcessor pre = conf.getInputPreProcess(i);
            Layer layer = net.getLayer(i);
            org.deeplearning4j.nn.conf.layers.Layer lc = conf.getConf(i).getLayer();
            String where = "layer " + i + " (" + lc.getClass().getSimpleName() + "): ";
            if (pre instanceof ChannelMajorFlatten) {
                if (!sequence) return where + "flattens an input that is not a sequence";
                c = c * t;
                t = 1;
                sequence = false;
            } else if (pre instanceof RnnToCnnPreProcessor r) {
                // the per-time-step view batch normalisation gets; another use of it would reorder what follows
                if (!(lc instanceof BatchNormalization) || r.getNumChannels() != c || r.getInputHeight() != 1 || r.getInputWidth() != 1
                        || r.getRnnDataFormat() != RNNFormat.NCW)
                    return where + "an RnnToCnnPreProcessor other than batch normalisation's [batch·time, channels, 1, 1] view";
            } else if (pre instanceof CnnToRnnPreProcessor r) {
                if (r.getNumChannels() != c || r.getInputHeight() != 1 || r.getInputWidth() != 1 || r.getRnnDataFormat() != RNNFormat.NCW)
                    return where + "a CnnToRnnPreProcessor other than the way back from batch normalisation's per-time-step view";
            } else if (pre instanceof RnnToFeedForwardPreProcessor r && !sequence && t == 1 && r.getRnnDataFormat() == RNNFormat.NCW) {
                // what DL4J puts after a GlobalPoolingLayer (whose output type it reports as still recurrent): on the
                // pooled [batch, features] it passes the values through (docs/dl4j-notes.md)
            } else if (pre != null) {
                return where + "input pre-processor " + pre.getClass().getSimpleName();
            }
            if (image && (pre != null
                    || !(lc instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer || lc instanceof BatchNormalization
                    || lc instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer || lc instanceof SubsamplingLayer
                    || lc instanceof GlobalPoolingLayer || lc instanceof DropoutLayer)))
                return where + "a layer or pre-processor the fused path does not implement on an image [" + c + ", " + h + ", " + t + "]";
            boolean needsDx = !stages.isEmpty();
            if (lc instanceof DropoutLayer dl) {
                if (!(dl.getIDropout() instanceof Dropout d) || d.getClass() != Dropout.class || d.getPSchedule() != null || d.getP() <= 0 || d.getP() > 1)
                    return where + "dropout other than plain Dropout with a fixed retain probability in (0, 1]: " + dl.getIDropout();
                stages.add(new DropoutStage(i, d.getP(), c, h * t, laneCapacity));
                continue;
            }
            String extra = extras(lc);
            if (extra != null) return where + extra;
            if (lc instanceof Convolution1DLayer cv) {
                if (!sequence || image || cv.getConvolutionMode() != ConvolutionMode.Same || cv.getDilation()[0] != 1 || !cv.hasBias()
                        || cv.getRnnDataFormat() != RNNFormat.NCW || cv.getNIn() != c)
                    return where + "only Same-mode, undilated, biased NCW convolution of a sequence of " + c + " channels";
                ConvStage s = new ConvStage(c, 1, t, (int) cv.getNOut(), new int[] {1, cv.getKernelSize()[0]}, new int[] {1, cv.getStride()[0]},
                        ConvStage.Layout.TAP_MAJOR, offset(layer, "W"), offset(layer, "b"), laneCapacity, needsDx);
                stages.add(s);
                trainable(layer, "W", "b");
                c = s.outC;
                t = s.outT;
                if (!activation(cv.getActivationFn(), c, t)) return where + "activation " + cv.getActivationFn();
            } else if (lc instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer cv) {
                if (!image && sequence && cv.getNIn() == 1 && i == 0) {
                    image = true;
                    h = c;
                    c = 1;
                }
                if (!image || cv.getConvolutionMode() != ConvolutionMode.Same || cv.getDilation()[0] != 1 || cv.getDilation()[1] != 1 || !cv.hasBias()
                        || cv.getCnn2dDataFormat() != org.deeplearning4j.nn.conf.CNN2DFormat.NCHW || cv.getNIn() != c)
                    return where + "only Same-mode, undilated, biased NCHW 2-D convolution of an image of " + c + " channels";
                ConvStage s = new ConvStage(c, h, t, (int) cv.getNOut(), cv.getKernelSize(), cv.getStride(), ConvStage.Layout.CHANNEL_MAJOR,
                        offset(layer, "W"), offset(layer, "b"), laneCapacity, needsDx);
                stages.add(s);
                trainable(layer, "W", "b");
                c = s.outC;
                h = Stage.sameOut(h, cv.getStride()[0]);
                t = Stage.sameOut(t, cv.getStride()[1]);
                if (!activation(cv.getActivationFn(), c, h * t)) return where + "activation " + cv.getActivationFn();
            } else if (lc instanceof BatchNormalization bn) {
                if (bn.isLockGammaBeta() || bn.getNOut() != c) return where + "only trainable gamma and beta over " + c + " channels";
                if (image && bn.getCnn2DFormat() != org.deeplearning4j.nn.conf.CNN2DFormat.NCHW) return where + "only NCHW batch normalisation of an image";
                boolean logStd = bn.isUseLogStd();
                stages.add(new BatchNormStage(c, h * t, laneCapacity, offset(layer, "gamma"), offset(layer, "beta"), offset(layer, "mean"),
                        offset(layer, logStd ? "log10stdev" : "var"), logStd, bn.getEps(), bn.getDecay()));
                trainable(layer, "gamma", "beta");
                // DL4J 1.0.0-M2.1's BatchNormalization layer never applies the activation function it is given
                // (activate() returns preOutput()); the fused path does the same, and ModelFactory adds explicit
                // ActivationLayers instead.
            } else if (lc instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer al) {
                if (!activation(al.getActivationFn(), c, h * t)) return where + "activation " + al.getActivationFn();
            } else if (lc instanceof SubsamplingLayer sub && !(lc instanceof Subsampling1DLayer) && image) {
                int[] k = sub.getKernelSize(), st = sub.getStride(), pad = sub.getPadding(), dil = sub.getDilation();
                if (sub.getPoolingType() != org.deeplearning4j.nn.conf.layers.PoolingType.MAX || sub.getConvolutionMode() != ConvolutionMode.Truncate
                        || pad[0] != 0 || pad[1] != 0 || dil[0] != 1 || dil[1] != 1 || sub.getCnn2dDataFormat() != org.deeplearning4j.nn.conf.CNN2DFormat.NCHW)
                    return where + "only Truncate-mode, unpadded, undilated NCHW 2-D max pooling of an image";
                MaxPool2dStage s = new MaxPool2dStage(c, h, t, k, st, laneCapacity);
                stages.add(s);
                h = s.outHeight();
                t = s.outWidth();
            } else if (lc instanceof GlobalPoolingLayer gp && image) {
                // the project's HeightPoolingLayer: DL4J's own pooling over dimension 2 only, collapsed to the sequence
                // [channels, width] (dl4j-notes §2)
                if (!gp.isCollapseDimensions() || gp.getPoolingType() != org.deeplearning4j.nn.conf.layers.PoolingType.AVG || gp.getPoolingDimensions() == null
                        || !java.util.Arrays.equals(gp.getPoolingDimensions(), new int[] {2}))
                    return where + "only the collapsed mean over the height (dimension 2) of an image";
                stages.add(new HeightMeanStage(c, h, t, laneCapacity, needsDx));
                h = 1;
                image = false;
            } else if (lc instanceof Subsampling1DLayer sub) {
                if (!sequence || sub.getPoolingType() != org.deeplearning4j.nn.conf.layers.PoolingType.MAX || sub.getConvolutionMode() != ConvolutionMode.Same
                        || sub.getDilation()[0] != 1) return where + "only Same-mode, undilated max pooling of a sequence";
                MaxPoolStage s = new MaxPoolStage(c, t, sub.getKernelSize()[0], sub.getStride()[0], laneCapacity);
                stages.add(s);
                t = s.outT;
            } else if (lc instanceof GlobalPoolingLayer gp) {
                int[] dims = gp.getPoolingDimensions();
                if (!sequence || !gp.isCollapseDimensions() || (dims != null && !java.util.Arrays.equals(dims, new int[] {2})))
                    return where + "only global pooling over the time axis of a sequence, collapsed to [batch, channels]";
                GlobalPoolStage.Kind kind;
                switch (gp.getPoolingType()) {
                    case AVG: kind = GlobalPoolStage.Kind.AVG; break;
                    case MAX: kind = GlobalPoolStage.Kind.MAX; break;
                    case SUM: kind = GlobalPoolStage.Kind.SUM; break;
                    default: return where + "pooling type " + gp.getPoolingType() + " (AVG, MAX and SUM are implemented)";
                }
                stages.add(new GlobalPoolStage(kind, c, t, laneCapacity, needsDx));
                t = 1;
                sequence = false;
            } else if (lc instanceof ConcatPooling cp) {
                if (!sequence) return where + "only pooling over the time axis of a sequence";
                if (cp.concatKind() == ConcatPooling.Kind.BIDIRECTIONAL_ENDS && c % 2 != 0)
                    return where + "bidirectional end states of an odd number of channels (" + c + ")";
                ConcatPoolStage s = new ConcatPoolStage(cp.concatKind(), c, t, laneCapacity, needsDx);
                stages.add(s);
                c = s.outC;
                t = 1;
                sequence = false;
            } else if (lc instanceof LSTM || lc instanceof LastTimeStep || lc instanceof Bidirectional) {
                boolean last = lc instanceof LastTimeStep;
                org.deeplearning4j.nn.conf.layers.Layer inner = last ? ((LastTimeStep) lc).getUnderlying() : lc;
                if (inner instanceof Bidirectional bi) {
                    String refused = bidirectional(layer, bi, last, c, t, sequence, needsDx);
                    if (refused != null) return where + refused;
                    c = stages.get(stages.size() - 1).outC;
                } else {
                    if (!(inner instanceof LSTM l)) return where + "LastTimeStep only around an LSTM or a Bidirectional LSTM";
                    String refused = lstmRefusal(l, c, sequence);
                    if (refused != null) return where + refused;
                    if (last && extras(l) != null) return where + extras(l);
                    int units = (int) l.getNOut();
                    stages.add(new LstmStage(c, t, units, last, offset(layer, "W"), offset(layer, "RW"), offset(layer, "b"), laneCapacity, needsDx));
                    trainable(layer, "W", "RW", "b");
                    c = units;
                }
                if (last) {
                    t = 1;
                    sequence = false;
                }
            } else if (lc instanceof DenseLayer d) {
                if (sequence || d.getNIn() != c || !d.hasBias() || d.hasLayerNorm())
                    return where + "only a biased dense layer without layer normalisation on " + c + " features";
                stages.add(new DenseStage(c, (int) d.getNOut(), offset(layer, "W"), offset(layer, "b"), laneCapacity, needsDx));
                trainable(layer, "W", "b");
                c = (int) d.getNOut();
                if (!activation(d.getActivationFn(), c, t)) return where + "activation " + d.getActivationFn();
            } else if (lc instanceof OutputLayer o && i == n - 1) {
                if (sequence || o.getNIn() != c || !o.hasBias() || !(o.getActivationFn() instanceof ActivationSoftmax)
                        || !(o.getLossFn() instanceof LossMCXENT loss) || loss.getWeights() != null)
                    return where + "only a biased softmax output with unweighted MCXENT on " + c + " features";
                softmaxClip = (float) loss.getSoftmaxClipEps();
                stages.add(new DenseStage(c, (int) o.getNOut(), offset(layer, "W"), offset(layer, "b"), laneCapacity, needsDx));
                trainable(layer, "W", "b");
            } else {
                return where + "a layer type the fused path does not implement";
            }
        }
        return null;
    }

    /** What keeps {@code l} from being an LSTM stage over a sequence of {@code c} channels, or null. */
    private static String lstmRefusal(LSTM l, int c, boolean sequence) {
        if (!sequence || l.getNIn() != c || l.getRnnDataFormat() != RNNFormat.NCW || Activation.of(l.getActivationFn()) != Activation.TANH
                || Activation.of(l.getGateActivationFn()) != Activation.SIGMOID)
            return "only an NCW LSTM with tanh and sigmoid gates over a sequence of " + c + " channels";
        return null;
    }

    /**
     * Adds the stage of a Bidirectional LSTM (inside LastTimeStep when {@code last}); returns null, or what the fused
     * path does not implement about it.
     */
    private String bidirectional(Layer layer, Bidirectional bi, boolean last, int c, int t, boolean sequence, boolean needsDx) {
        BidirectionalLstmStage.Combine combine;
        switch (bi.getMode()) {
            case CONCAT: combine = BidirectionalLstmStage.Combine.CONCAT; break;
            case ADD: combine = BidirectionalLstmStage.Combine.ADD; break;
            case AVERAGE: combine = BidirectionalLstmStage.Combine.AVERAGE; break;
            default: return "Bidirectional mode " + bi.getMode() + " (CONCAT, ADD and AVERAGE are implemented)";
        }
        if (!(bi.getFwd() instanceof LSTM f) || !(bi.getBwd() instanceof LSTM b))
            return "Bidirectional only around an LSTM, not " + bi.getFwd().getClass().getSimpleName();
        for (LSTM l : new LSTM[] {f, b}) {
            String refused = lstmRefusal(l, c, sequence);
            if (refused == null) refused = extras(l);
            if (refused != null) return "Bidirectional " + refused;
        }
        if (f.getNOut() != b.getNOut()) return "Bidirectional with directions of different sizes";
        stages.add(new BidirectionalLstmStage(c, t, (int) f.getNOut(), combine, last,
                new int[] {offset(layer, "fW"), offset(layer, "fRW"), offset(layer, "fb")},
                new int[] {offset(layer, "bW"), offset(layer, "bRW"), offset(layer, "bb")}, laneCapacity, needsDx));
        trainable(layer, "fW", "fRW", "fb", "bW", "bRW", "bb");
        return null;
    }

    private void trainable(Layer layer, String... keys) {
        for (String k : keys) trainable.add(new int[] {offset(layer, k), (int) layer.getParam(k).length()});
    }

    private boolean activation(org.nd4j.linalg.activations.IActivation fn, int c, int t) {
        Activation a = Activation.of(fn);
        if (a == null) return false;
        if (a != Activation.IDENTITY) stages.add(new ActivationStage(a, c, t, laneCapacity));
        return true;
    }

    /** Receives the time each stage took in a pass (the benchmark's profile; null: not timed). */
    public interface StageClock {
        /** @param stage index into {@link #stageInfo()} */
        void add(int stage, boolean backward, long nanos);
    }

    /** One stage as profiles show it: what it is, its shapes, and its floating-point operations per sample. */
    public record StageInfo(int index, String description, long forwardFlops, long backwardFlops) {}

    private StageClock clock;

    /** Times every stage of every later pass into {@code c} (null: stop timing). */
    public void setStageClock(StageClock c) { clock = c; }

    /** The stages in pass order (the first never computes an input gradient). */
    public List<StageInfo> stageInfo() {
        List<StageInfo> out = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            out.add(new StageInfo(i, s.describe(), s.forwardFlops(), s.backwardFlops(i > 0)));
        }
        return out;
    }

    /** Samples of one batch the trainer takes at most. */
    public int capacity() { return capacity; }

    public void setLearningRate(double rate) { learningRate = rate; }

    /**
     * Trains on label-smoothed targets from now on: the loss is the cross-entropy with {@code q = (1 − ε)·onehot + ε/K}
     * over the K classes, {@code −mean Σₖ qₖ·log(max(pₖ, clip))}, and its gradient with respect to the logits is
     * {@code (max(p, clip) − q) / mb} (DL4J's MCXENT gradient with q for the one-hot target; Σ q = 1). DL4J has no
     * smoothing in MCXENT, so there is nothing of DL4J's to compare with: the test checks the loss against this formula,
     * the gradient against finite differences, and that 0 (the default) is the unsmoothed path, bit for bit.
     * {@link #fit} then returns the smoothed loss.
     *
     * @param epsilon in [0, 1); 0 turns smoothing off
     */
    public void setLabelSmoothing(double epsilon) {
        if (!(epsilon >= 0 && epsilon < 1)) throw new IllegalArgumentException("label smoothing " + epsilon + " outside [0, 1)");
        labelSmoothing = epsilon;
    }

    /**
     * Decoupled weight decay (AdamW, Loshchilov and Hutter; PyTorch's AdamW): before each Adam step every trainable
     * parameter is multiplied by {@code 1 − lr·λ} (lr: the current learning rate), apart from the gradient and Adam's
     * moments. DL4J 1.0.0-M2.1 has no AdamW; the test checks the step against DL4J's Adam step plus this decay, computed
     * by hand. 0 (the default) is plain Adam, bit for bit.
     */
    public void setWeightDecay(double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("weight decay " + lambda + " must be 0 or positive");
        weightDecay = lambda;
    }

    /** Uses {@code masks} for every later training pass's dropout instead of drawing them (tests; null: draw again). */
    void giveDropoutMasks(DropoutMasks masks) { givenMasks = masks; }

    DropoutMasks givenDropoutMasks() { return givenMasks; }

    /**
     * One Adam step on a batch, as DL4J's {@code fit} makes it: {@code x} holds {@code mb} samples of channels ×
     * time (channel-major, NCW), {@code labels} their classes. Returns the mean cross-entropy before the step
     * (DL4J's score).
     */
    public double fit(float[] x, int[] labels, int mb) {
        if (mb < 1 || mb > capacity) throw new IllegalArgumentException("batch of " + mb + " samples; this trainer takes 1 to " + capacity);
        softmax(forward(x, mb, true), mb);
        double loss = crossEntropy(labels, mb);
        step(mb);
        return loss;
    }

    /**
     * One Adam step on a batch with soft targets ({@code targets}: {@code mb × classes}, each row a distribution, e.g.
     * mixup's): the loss is {@code −mean Σₖ qₖ·log(max(pₖ, clip))} with q the target smoothed by {@link
     * #setLabelSmoothing} ({@code (1 − ε)·q + ε/K}), its logit gradient {@code (max(p, clip) − q) / mb}; on one-hot
     * targets this is {@link #fit(float[], int[], int)}'s loss and gradient. Returns the loss before the step.
     */
    public double fit(float[] x, float[] targets, int mb) {
        if (mb < 1 || mb > capacity) throw new IllegalArgumentException("batch of " + mb + " samples; this trainer takes 1 to " + capacity);
        softmax(forward(x, mb, true), mb);
        double loss = softCrossEntropy(targets, mb);
        step(mb);
        return loss;
    }

    private void step(int mb) {
        backward(mb);
        adam();
        for (Stage st : lanes[0].stages) st.afterStep(this);
        pushParams();
        iteration++;
    }

    /** The soft-target loss and its logit gradient (see {@link #fit(float[], float[], int)}). */
    private double softCrossEntropy(float[] targets, int mb) {
        if (targets.length < mb * classes) throw new IllegalArgumentException("targets for " + targets.length / classes + " samples, batch of " + mb);
        double off = labelSmoothing / classes, loss = 0;
        for (int s = 0; s < mb; s++) {
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                float q = targets[s * classes + k];
                if (!(q >= 0)) throw new IllegalArgumentException("target " + q + " of sample " + s + " is not a probability");
                sum += q;
            }
            if (Math.abs(sum - 1) > 1e-4) throw new IllegalArgumentException("targets of sample " + s + " sum to " + sum + ", not 1");
            for (int k = 0; k < classes; k++) {
                int i = s * classes + k;
                double p = Math.max(probs[i], softmaxClip), q = (1 - labelSmoothing) * targets[i] + off;
                if (q != 0) loss -= q * Math.log(p);
                dLogits[i] = (float) ((p - q) / mb);
            }
        }
        return loss / mb;
    }

    /**
     * The classes the last {@link #fit} batch predicted before its step (training mode: dropout on, batch statistics),
     * written to {@code out[0..mb)}: the training accuracy as the batches saw it, without another pass.
     */
    public void lastTrainingPredictions(int[] out, int mb) {
        for (int i = 0; i < mb; i++) {
            int best = 0;
            for (int k = 1; k < classes; k++) if (probs[i * classes + k] > probs[i * classes + best]) best = k;
            out[i] = best;
        }
    }

    /** Class probabilities of {@code mb ≤ capacity} samples in inference mode (running statistics, no dropout). */
    public float[] output(float[] x, int mb) {
        pullParams();
        if (mb < 1 || mb > capacity) throw new IllegalArgumentException("batch of " + mb + " samples; this network takes 1 to " + capacity);
        softmax(forward(x, mb, false), mb);
        return java.util.Arrays.copyOf(probs, mb * classes);
    }

    /** Predicted class of every sample, in chunks of at most {@link #capacity()} (inference mode): {@link #argmax} of {@link #probabilities}. */
    public int[] predict(float[][] samples) { return argmax(probabilities(samples)); }

    /**
     * Class probabilities of every sample (one row of {@link #classes} per sample), in chunks of at most
     * {@link #capacity()} (inference mode); {@link #predict} is their {@link #argmax}.
     */
    public float[][] probabilities(float[][] samples) {
        pullParams();
        float[][] out = new float[samples.length][];
        float[] x = new float[capacity * inputSize];
        for (int s = 0; s < samples.length; s += capacity) {
            int mb = Math.min(capacity, samples.length - s);
            for (int i = 0; i < mb; i++) System.arraycopy(samples[s + i], 0, x, i * inputSize, inputSize);
            softmax(forward(x, mb, false), mb);
            for (int i = 0; i < mb; i++) out[s + i] = java.util.Arrays.copyOfRange(probs, i * classes, (i + 1) * classes);
        }
        return out;
    }

    /** The class of each row's largest probability (the first of equal ones). */
    public static int[] argmax(float[][] probabilities) {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            float[] p = probabilities[i];
            int best = 0;
            for (int k = 1; k < p.length; k++) if (p[k] > p[best]) best = k;
            out[i] = best;
        }
        return out;
    }

    /** Class probabilities of a training-mode pass (batch statistics, dropout) without changing anything (for tests). */
    float[] trainingOutput(float[] x, int mb) {
        softmax(forward(x, mb, true), mb);
        return java.util.Arrays.copyOf(probs, mb * classes);
    }

    /** The mean loss of a training-mode pass without changing anything (for tests of the loss and its gradient). */
    double trainingLoss(float[] x, int[] labels, int mb) {
        softmax(forward(x, mb, true), mb);
        return crossEntropy(labels, mb);
    }

    /** The mean soft-target loss of a training-mode pass without changing anything (tests). */
    double trainingLoss(float[] x, float[] targets, int mb) {
        softmax(forward(x, mb, true), mb);
        return softCrossEntropy(targets, mb);
    }

    /** Gradient of the mean soft-target loss without changing anything (tests). */
    float[] gradient(float[] x, float[] targets, int mb) {
        softmax(forward(x, mb, true), mb);
        softCrossEntropy(targets, mb);
        backward(mb);
        return grad.clone();
    }

    /** Gradient of the mean loss on a batch without changing anything (for tests against DL4J's gradients). */
    float[] gradient(float[] x, int[] labels, int mb) {
        softmax(forward(x, mb, true), mb);
        crossEntropy(labels, mb);
        backward(mb);
        return grad.clone();
    }

    /**
     * Runs every stage on every lane and returns the logits {@code [mb, classes]}. Lanes run in parallel between the
     * points where they must meet: the batch-normalisation stages of a training pass, whose statistics cover the whole
     * batch (sums per lane, added in lane order). With a stage clock every stage is its own step, timed as a whole.
     */
    private float[] forward(float[] x, int mb, boolean train) {
        int[] sizes = Lane.split(mb, LANES);
        int used = sizes.length, n = lanes[0].stages.size();
        for (int l = 0, from = 0; l < used; from += sizes[l], l++) {
            Lane lane = lanes[l];
            lane.from = from;
            lane.mb = sizes[l];
            lane.batch = mb;
            System.arraycopy(x, from * inputSize, lane.input, 0, sizes[l] * inputSize);
        }
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && !(train && lanes[0].stages.get(j) instanceof BatchNormStage) && (clock == null || j == i)) j++;
            int first = i, end = j;
            boolean collective = end < n && train && lanes[0].stages.get(end) instanceof BatchNormStage;
            if (end > first) {
                long t0 = System.nanoTime();
                runner.run(used, lane -> {
                    float[] in = stageInput(lane, first);
                    for (int k = first; k < end; k++) {
                        Stage st = lane.stages.get(k);
                        st.forward(lane, in, lane.mb, train);
                        in = st.y;
                    }
                });
                if (clock != null) clock.add(first, false, System.nanoTime() - t0);
            }
            if (collective) {
                long t0 = System.nanoTime();
                batchNormForward(end, used);
                if (clock != null) clock.add(end, false, System.nanoTime() - t0);
            }
            i = collective ? end + 1 : end;
        }
        for (int l = 0; l < used; l++) System.arraycopy(lanes[l].stages.get(n - 1).y, 0, logits, lanes[l].from * classes, lanes[l].mb * classes);
        return logits;
    }

    /** The input of stage {@code k} in {@code lane} during a forward pass. */
    private static float[] stageInput(Lane lane, int k) { return k == 0 ? lane.input : lane.stages.get(k - 1).y; }

    /** The output gradient of stage {@code k} in {@code lane} during a backward pass. */
    private static float[] stageOutputGradient(Lane lane, int k) {
        return k == lane.stages.size() - 1 ? lane.dLogits : lane.stages.get(k + 1).dx;
    }

    /** A training pass's batch normalisation at stage {@code k}: the whole batch's statistics, then each lane. */
    private void batchNormForward(int k, int used) {
        int c = lanes[0].stages.get(k).inC;
        double count = 0;
        double[][] part = new double[used][];
        runner.run(used, lane -> {
            part[lane.index] = new double[c];
            ((BatchNormStage) lane.stages.get(k)).channelSums(stageInput(lane, k), lane.mb, part[lane.index]);
        });
        double[] mean = new double[c], var = new double[c];
        for (int l = 0; l < used; l++) {
            count += (double) lanes[l].mb * lanes[l].stages.get(k).inT;
            for (int ch = 0; ch < c; ch++) mean[ch] += part[l][ch];
        }
        for (int ch = 0; ch < c; ch++) mean[ch] /= count;
        runner.run(used, lane -> {
            part[lane.index] = new double[c];
            ((BatchNormStage) lane.stages.get(k)).channelDeviations(stageInput(lane, k), lane.mb, mean, part[lane.index]);
        });
        for (int l = 0; l < used; l++) for (int ch = 0; ch < c; ch++) var[ch] += part[l][ch];
        for (int ch = 0; ch < c; ch++) var[ch] /= count;
        runner.run(used, lane -> {
            BatchNormStage bn = (BatchNormStage) lane.stages.get(k);
            bn.setBatchStatistics(mean, var);
            bn.normalize(lane, stageInput(lane, k), lane.mb);
        });
    }

    /** The backward pass of a batch-normalisation stage: sums over the batch, then each lane's input gradient. */
    private void batchNormBackward(int k, int used) {
        int c = lanes[0].stages.get(k).inC;
        double[][] sb = new double[used][], sg = new double[used][];
        runner.run(used, lane -> {
            sb[lane.index] = new double[c];
            sg[lane.index] = new double[c];
            ((BatchNormStage) lane.stages.get(k)).gradientSums(stageOutputGradient(lane, k), lane.mb, sb[lane.index], sg[lane.index]);
        });
        double[] b = new double[c], g = new double[c];
        double count = 0;
        for (int l = 0; l < used; l++) {
            count += (double) lanes[l].mb * lanes[l].stages.get(k).inT;
            for (int ch = 0; ch < c; ch++) {
                b[ch] += sb[l][ch];
                g[ch] += sg[l][ch];
            }
        }
        ((BatchNormStage) lanes[0].stages.get(k)).parameterGradient(lanes[0], b, g);
        if (k == 0) return;
        double n = count;
        runner.run(used, lane -> ((BatchNormStage) lane.stages.get(k)).inputGradient(lane, stageOutputGradient(lane, k), lane.mb, b, g, n));
    }

    private void backward(int mb) {
        int[] sizes = Lane.split(mb, LANES);
        int used = sizes.length, n = lanes[0].stages.size();
        for (int l = 0; l < used; l++) {
            Lane lane = lanes[l];
            lane.clearGradient();
            System.arraycopy(dLogits, lane.from * classes, lane.dLogits, 0, lane.mb * classes);
        }
        int i = n - 1;
        while (i >= 0) {
            int j = i;
            while (j >= 0 && !(lanes[0].stages.get(j) instanceof BatchNormStage) && (clock == null || j == i)) j--;
            int last = i, stop = j;
            boolean collective = stop >= 0 && lanes[0].stages.get(stop) instanceof BatchNormStage;
            if (stop < last) {
                long t0 = System.nanoTime();
                runner.run(used, lane -> {
                    for (int k = last; k > stop; k--) lane.stages.get(k).backward(lane, stageOutputGradient(lane, k), lane.mb, k > 0);
                });
                if (clock != null) clock.add(last, true, System.nanoTime() - t0);
            }
            if (collective) {
                long t0 = System.nanoTime();
                batchNormBackward(stop, used);
                if (clock != null) clock.add(stop, true, System.nanoTime() - t0);
            }
            i = collective ? stop - 1 : stop;
        }
        runner.run(used, Lane::gradient);
        System.arraycopy(lanes[0].gradient(), 0, grad, 0, paramCount);
        for (int l = 1; l < used; l++) {
            float[] g = lanes[l].gradient();
            for (int[] r : trainable) for (int p = r[0], end = r[0] + r[1]; p < end; p++) grad[p] += g[p];
        }
    }

    /**
     * Runs one lane per thread-slot: up to {@code threads} threads (this one included) share the lanes, lane {@code l}
     * on slot {@code l mod threads}; it only changes which thread computes a lane, never what a lane computes.
     *
     * @param threads 1 or more; more than {@link #LANES} are never used
     */
    public void setThreads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        runner = new LaneRunner(Math.min(threads, LANES));
    }

    /** The threads this network runs its lanes on ({@link #defaultThreads} unless {@link #setThreads} changed it). */
    public int threads() { return runner.threads(); }

    /** The setting that chooses the fused trainer's threads (a positive whole number; unset: every core, at most {@link #LANES}). */
    public static final String THREADS_VARIABLE = "EMOAUG_THREADS";

    /**
     * Threads a new network runs its lanes on: {@value #THREADS_VARIABLE} when set, otherwise this machine's cores
     * shared among the runs training at once ({@link #shareCores}), at least 1 and at most {@link #LANES}. Never
     * changes a number, only the speed.
     *
     * @throws IllegalArgumentException when the variable is set to something other than a positive whole number
     */
    public static int defaultThreads() {
        String v = System.getenv(THREADS_VARIABLE);
        if (v == null || v.isBlank()) return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() / runsAtOnce, LANES));
        try {
            int t = Integer.parseInt(v.trim());
            if (t >= 1) return Math.min(t, LANES);
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException(THREADS_VARIABLE + "=" + v + ": the fused trainer's threads must be a positive whole number");
    }

    static {
        // every product runs on the lane's own thread: OpenBLAS's threads would only compete with the lanes' (and a
        // product's value must not depend on how many threads OpenBLAS would have split it over)
        Nd4j.factory().blas().setMaxThreads(1);
    }

    private static volatile int runsAtOnce = 1;

    /** Tells networks compiled from now on that {@code runs} trainings share this machine's cores (the runner's parallelism). */
    public static void shareCores(int runs) { runsAtOnce = Math.max(1, runs); }

    /** Worker threads shared by every network (daemons; idle ones end after a minute). */
    private static final java.util.concurrent.ExecutorService WORKERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fused-lane");
        t.setDaemon(true);
        return t;
    });

    /** Parallel runs of a step over the lanes in use. */
    private final class LaneRunner {
        private final int threads;

        LaneRunner(int threads) { this.threads = threads; }

        int threads() { return threads; }

        void run(int used, java.util.function.Consumer<Lane> step) {
            if (threads == 1 || used == 1) {
                for (int l = 0; l < used; l++) step.accept(lanes[l]);
                return;
            }
            List<java.util.concurrent.Future<?>> others = new ArrayList<>();
            for (int slot = 1; slot < Math.min(threads, used); slot++) {
                int first = slot;
                others.add(WORKERS.submit(() -> { for (int l = first; l < used; l += threads) step.accept(lanes[l]); }));
            }
            RuntimeException failure = null;
            try {
                for (int l = 0; l < used; l += threads) step.accept(lanes[l]);
            } catch (RuntimeException e) {
                failure = e;   // rethrown below, once every other lane has stopped (no lane may still write its buffers)
            }
            for (java.util.concurrent.Future<?> f : others) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    // rethrown below with the first failure of any lane
                    if (failure == null) failure = new IllegalStateException("interrupted while lanes ran", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    // a lane's failure: rethrown below (the first one), after every lane has stopped
                    if (failure == null) failure = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                }
            }
            if (failure != null) throw failure;
        }
    }

    /**
     * DL4J's MCXENT on {@link #probs}: the mean of −log(max(p, clip)) over the batch, returned, and its gradient with
     * respect to the logits, {@code (max(p, clip) − onehot) / mb}, written to {@link #dLogits}.
     */
    private double crossEntropy(int[] labels, int mb) {
        if (labelSmoothing != 0) return smoothedCrossEntropy(labels, mb);
        double loss = 0;
        for (int i = 0; i < mb * classes; i++) dLogits[i] = Math.max(probs[i], softmaxClip) / mb;
        for (int s = 0; s < mb; s++) {
            int y = labels[s];
            if (y < 0 || y >= classes) throw new IllegalArgumentException("label " + y + " outside 0.." + (classes - 1));
            loss -= Math.log(Math.max(probs[s * classes + y], softmaxClip));
            dLogits[s * classes + y] -= 1f / mb;
        }
        return loss / mb;
    }

    /** The label-smoothed cross-entropy and its logit gradient (see {@link #setLabelSmoothing}). */
    private double smoothedCrossEntropy(int[] labels, int mb) {
        double off = labelSmoothing / classes, on = 1 - labelSmoothing + off, loss = 0;
        for (int s = 0; s < mb; s++) {
            int y = labels[s];
            if (y < 0 || y >= classes) throw new IllegalArgumentException("label " + y + " outside 0.." + (classes - 1));
            for (int k = 0; k < classes; k++) {
                int i = s * classes + k;
                double p = Math.max(probs[i], softmaxClip), q = k == y ? on : off;
                loss -= q * Math.log(p);
                dLogits[i] = (float) ((p - q) / mb);
            }
        }
        return loss / mb;
    }

    /** Softmax of the logits into {@link #probs}. */
    private void softmax(float[] logits, int mb) {
        for (int s = 0; s < mb; s++) {
            int o = s * classes;
            float m = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) m = Math.max(m, logits[o + k]);
            double sum = 0;
            for (int k = 0; k < classes; k++) sum += Math.exp(logits[o + k] - m);
            for (int k = 0; k < classes; k++) probs[o + k] = (float) (Math.exp(logits[o + k] - m) / sum);
        }
    }

    /**
     * DL4J's Adam (libnd4j adam_updater): bias correction folded into the step size. One known difference: the step
     * size here uses β₂ in double and the second moment uses it rounded to float ({@code 1 − 0.999f} is 9.99987e-4),
     * a mix DL4J does not make, so these steps are larger by a relative 6.4e-6 (measured against DL4J: 6.8e-6). The
     * equivalence tests allow for it; it stays because changing it would change the numbers of every run trained so
     * far (a new {@link #REVISION}).
     */
    private void adam() {
        long t = iteration + 1;
        float alpha = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        float b1 = (float) beta1, b2 = (float) beta2, eps = (float) epsilon, c1 = 1f - b1, c2 = 1f - b2;
        float[] m = adamM, v = adamV, g = grad, p = theta;
        if (weightDecay != 0) {
            float keep = (float) (1 - learningRate * weightDecay);
            for (int[] r : trainable) for (int i = r[0], end = r[0] + r[1]; i < end; i++) p[i] *= keep;
        }
        for (int[] r : trainable) {
            for (int i = r[0], end = r[0] + r[1]; i < end; i++) {
                float gi = g[i];
                float mi = b1 * m[i] + gi * c1, vi = b2 * v[i] + gi * gi * c2;
                m[i] = mi;
                v[i] = vi;
                p[i] -= mi * alpha / ((float) Math.sqrt(vi) + eps);
            }
        }
    }

    float[] theta() { return theta; }

    /** The index of the first parameter that is not finite (NaN or infinite), or -1 when every one is. */
    public int firstNonFiniteParameter() {
        float[] p = theta;
        for (int i = 0; i < paramCount; i++) if (!Float.isFinite(p[i])) return i;
        return -1;
    }

    /** The number of parameters (trainable and running statistics). */
    public int parameterCount() { return paramCount; }

    /** Parameter {@code i} as the trainer holds it. */
    public float parameter(int i) { return theta[i]; }

    float[] grad() { return grad; }

    NativeArray nativeParams() { return params; }


    private static IUpdater commonUpdater(MultiLayerNetwork net) {
        IUpdater u = null;
        for (int i = 0; i < net.getnLayers(); i++) {
            for (BaseLayer b : parameterLayers(net.getLayerWiseConfigurations().getConf(i).getLayer())) {
                if (u == null) u = b.getIUpdater();
                else if (!u.equals(b.getIUpdater())) return null;
            }
        }
        return u;
    }

    /** The layers with parameters (and an updater) in {@code l}: itself, or what a LastTimeStep or Bidirectional wraps. */
    private static List<BaseLayer> parameterLayers(org.deeplearning4j.nn.conf.layers.Layer l) {
        if (l instanceof BaseLayer b) return List.of(b);
        if (l instanceof BaseWrapperLayer w) return parameterLayers(w.getUnderlying());
        if (l instanceof Bidirectional bi) {
            List<BaseLayer> out = new ArrayList<>(parameterLayers(bi.getFwd()));
            out.addAll(parameterLayers(bi.getBwd()));
            return out;
        }
        return List.of();
    }

    /** Reads the network's current parameters (after it was changed from outside, e.g. restored to a best epoch). */
    public void pullParams() { params.get(0, theta, 0, paramCount); }

    private void pushParams() { params.put(0, theta, 0, paramCount); }
}
