package org.emoaugnet.model;

import java.util.List;

/**
 * An EmoAugNet-style network: 1-D convolution blocks over time, optionally LSTM layer(s) (unidirectional or
 * bidirectional), a reduction of the sequence to features ({@link Pooling}), then dense layers and a softmax. Input is
 * NCW: {@code [batch, channels, time]}. The presets of the paper reproduction use the two original heads: the last LSTM
 * returns its final time step ({@link Pooling#LAST}), or without LSTM layers the convolution output is flattened
 * (channels × time, {@link Pooling#FLATTEN}) into the dense head, as in the public Conv1D model; the nine-argument
 * constructor picks these, so those presets build the networks they always built. With a {@link Trunk#CONV2D} trunk the
 * same {@code [channels, time]} input is read as a one-channel image (channels as rows, e.g. mel bands) and the blocks
 * are 2-D convolutions; after them the mean over the remaining rows leaves a sequence for the same heads.
 *
 * @param name         preset name
 * @param conv         convolution blocks
 * @param lstm         LSTM units per layer (empty: flatten the convolution output instead)
 * @param lstmDropout  Keras-style drop probability after each LSTM (0: none)
 * @param dense        hidden dense layer sizes
 * @param denseDropout drop probability after each hidden dense layer
 * @param denseBatchNorm batch normalisation after each hidden dense layer (after its activation)
 * @param activation   activation of conv and dense layers (relu, elu, ...)
 * @param assumptions  every choice that fills a gap in the paper, stated
 * @param bidirectional every LSTM layer is a bidirectional one (DL4J's Bidirectional, CONCAT: 2 × units outputs per
 *                     step, forward units first)
 * @param pooling      how the sequence becomes features before the dense head
 * @param trunk        how the convolution blocks read the input: 1-D over time (every preset before {@code cnn2d-ref})
 *                     or 2-D over channels × time
 */
public record ModelConfig(String name, List<ConvBlock> conv, List<Integer> lstm, double lstmDropout, List<Integer> dense,
                          double denseDropout, boolean denseBatchNorm, String activation, List<String> assumptions, boolean bidirectional,
                          Pooling pooling, Trunk trunk) {
    /** How the convolution blocks read the {@code [channels, time]} input. */
    public enum Trunk {
        /** 1-D convolutions over time with the channels as input channels (NCW {@code [batch, channels, time]}). */
        CONV1D,
        /**
         * 2-D convolutions over the input as a one-channel image of channels rows (height, e.g. mel bands) by time
         * columns (width): NCHW {@code [batch, 1, channels, time]}, the same memory as NCW {@code [batch, channels, time]}.
         * A block is a kernel × kernel convolution (Same padding, stride × stride) → [BatchNorm] → activation (or
         * activation → BatchNorm with {@code bnAfterActivation}) → [pool × pool max pooling, stride poolStride × poolStride,
         * Truncate mode: floor, as PyTorch's MaxPool2d] → [Dropout]. After the last block the mean over the remaining
         * rows ({@link HeightPoolingLayer}) leaves a sequence {@code [filters, time']} for the head (LSTM layers or
         * {@link Pooling}), as a 1-D trunk does.
         */
        CONV2D
    }

    /**
     * How the last sequence (of the LSTM layers, or of the convolution blocks without them) becomes features. With
     * pooled heads the LSTM dropout ({@code lstmDropout}) acts on each LSTM's sequence, before the pooling.
     */
    public enum Pooling {
        /**
         * The last LSTM's final state: a unidirectional LSTM's last step (DL4J's LastTimeStep, followed by the LSTM
         * dropout), or a bidirectional one's two end states concatenated (the forward direction's last step and the
         * backward direction's first, {@link TimePoolingLayer}). Needs LSTM layers.
         */
        LAST,
        /** The convolution output flattened channel-major into channels × time features; only without LSTM layers. */
        FLATTEN,
        /** The mean of each channel over time (DL4J's GlobalPoolingLayer, AVG). */
        MEAN,
        /** Each channel's mean and maximum over time, concatenated: 2 × channels features ({@link TimePoolingLayer}). */
        MEAN_MAX
    }

    public ModelConfig {
        conv = List.copyOf(conv);
        lstm = List.copyOf(lstm);
        dense = List.copyOf(dense);
        assumptions = List.copyOf(assumptions);
        java.util.Objects.requireNonNull(pooling, "pooling");
        if (conv.isEmpty() && lstm.isEmpty()) throw new IllegalArgumentException("a model needs convolution blocks or LSTM layers");
        if (pooling == Pooling.LAST && lstm.isEmpty()) throw new IllegalArgumentException("pooling LAST takes the last LSTM's state: the model has no LSTM layers");
        if (pooling == Pooling.FLATTEN && !lstm.isEmpty()) throw new IllegalArgumentException("pooling FLATTEN flattens a convolution output: the model has LSTM layers");
        if (bidirectional && lstm.isEmpty()) throw new IllegalArgumentException("bidirectional needs LSTM layers");
        java.util.Objects.requireNonNull(trunk, "trunk");
        if (trunk == Trunk.CONV2D && conv.isEmpty()) throw new IllegalArgumentException("a 2-D trunk needs convolution blocks");
    }

    /** A network with a 1-D convolution trunk (every preset before {@code cnn2d-ref}). */
    public ModelConfig(String name, List<ConvBlock> conv, List<Integer> lstm, double lstmDropout, List<Integer> dense, double denseDropout,
                       boolean denseBatchNorm, String activation, List<String> assumptions, boolean bidirectional, Pooling pooling) {
        this(name, conv, lstm, lstmDropout, dense, denseDropout, denseBatchNorm, activation, assumptions, bidirectional, pooling, Trunk.CONV1D);
    }

    /** The original heads: a unidirectional LSTM's last step, or without LSTM layers the flattened convolution output. */
    public ModelConfig(String name, List<ConvBlock> conv, List<Integer> lstm, double lstmDropout, List<Integer> dense, double denseDropout,
                       boolean denseBatchNorm, String activation, List<String> assumptions) {
        this(name, conv, lstm, lstmDropout, dense, denseDropout, denseBatchNorm, activation, assumptions, false,
                lstm.isEmpty() ? Pooling.FLATTEN : Pooling.LAST);
    }

    public ModelConfig withActivation(String a) {
        return new ModelConfig(name, conv, lstm, lstmDropout, dense, denseDropout, denseBatchNorm, a, assumptions, bidirectional, pooling, trunk);
    }

    /** The same network with another recurrent part and head (tests and searches over heads). */
    public ModelConfig withHead(String newName, boolean bi, Pooling p) {
        return new ModelConfig(newName, conv, lstm, lstmDropout, dense, denseDropout, denseBatchNorm, activation, assumptions, bi, p, trunk);
    }

    /**
     * {@code compact-cnn-lstm}: the reference network A of the project's benchmark, on the frame sequence
     * (T × C): Conv1D 64 k5 → BN → act → MaxPool 2 → Conv1D 128 k5 → BN → act → MaxPool 2 → Dropout 0.3 →
     * LSTM 128 (last step) → Dense 64 → Dropout 0.3 → softmax. Small enough for 2 CPU cores.
     */
    public static ModelConfig compactCnnLstm(String activation) {
        return new ModelConfig("compact-cnn-lstm",
                List.of(new ConvBlock(64, 5, 1, true, 2, 2, 0), new ConvBlock(128, 5, 1, true, 2, 2, 0.3)),
                List.of(128), 0, List.of(64), 0.3, false, activation,
                List.of("input: the frame sequence (MFCC 1-20, RMS, ZCR per frame) instead of the paper's undisclosed vector",
                        "two conv blocks, one LSTM, one dense layer: sizes of the project's reference network A, not the paper's (unknown)",
                        "activation applied to conv and dense layers; LSTM keeps tanh/sigmoid"));
    }

    /**
     * {@code paper-cnn-lstm}: the CNN-LSTM variant of the public pipeline (paper-notes §5.2) on the 2,376-value
     * flat vector as a 1-channel sequence: Conv1D 1024/512/256 k5 each with MaxPool 2, BN, Dropout 0.3; LSTM 128 ×3;
     * Dense 128, 64, 32; softmax. About 3.8 M parameters.
     */
    public static ModelConfig paperCnnLstm(String activation) {
        return new ModelConfig("paper-cnn-lstm",
                List.of(new ConvBlock(1024, 5, 1, true, 2, 2, 0.3), new ConvBlock(512, 5, 1, true, 2, 2, 0.3),
                        new ConvBlock(256, 5, 1, true, 2, 2, 0.3)),
                List.of(128, 128, 128), 0.3, List.of(128, 64, 32), 0, false, activation,
                List.of("layer sizes from the public notebook's commented-out CNN-LSTM (never run there); the paper gives none",
                        "BN between convolution and activation, before pooling, in our blocks (the Keras code has Conv with activation → MaxPool → BN)",
                        "input: the public pipeline's 2,376-value vector (ZCR, RMS, MFCC frame-major) as 2,376 steps × 1 channel"));
    }

    /**
     * {@code public-conv1d}: the public pipeline's Conv1D model (paper-notes §5.1), whose 97.25 % headline the
     * paper's numbers most resemble, on the 2,376-value flat vector: Conv1D 512 k5 → BN → MaxPool 5/2; Conv1D 512 k5 →
     * BN → MaxPool 5/2 → Dropout 0.2; Conv1D 256 k5 → BN → MaxPool 5/2; Conv1D 256 k3 → BN → MaxPool 5/2 → Dropout
     * 0.2; Conv1D 128 k3 → BN → MaxPool 3/2 → Dropout 0.2; Flatten (75 × 128) → Dense 512 → BN → softmax. Keras
     * prints 7,193,223 parameters, of which 4,352 are BatchNorm moving statistics: 7,188,871 trainable. No LSTM:
     * it is the baseline the CNN-LSTM claims to beat, not EmoAugNet.
     */
    public static ModelConfig publicConv1d(String activation) {
        return new ModelConfig("public-conv1d",
                List.of(new ConvBlock(512, 5, 1, true, 5, 2, 0, true), new ConvBlock(512, 5, 1, true, 5, 2, 0.2, true),
                        new ConvBlock(256, 5, 1, true, 5, 2, 0, true), new ConvBlock(256, 3, 1, true, 5, 2, 0.2, true),
                        new ConvBlock(128, 3, 1, true, 3, 2, 0.2, true)),
                List.of(), 0, List.of(512), 0, true, activation,
                List.of("layers exactly as the public notebook's Conv1D model (Keras order: Conv1D with activation, then BN, then MaxPool)",
                        "flatten order is channel-major (DL4J NCW) instead of Keras' time-major: a fixed permutation of the dense weights",
                        "input: the public pipeline's 2,376-value vector as 2,376 steps × 1 channel"));
    }

    /**
     * The convolution trunk of the {@code strong-*} presets: three 128-filter blocks, max pooling 2 after the first and
     * the second (300 frames become 75 steps: one epoch over 4,000 such sequences stays well under a minute on one core).
     */
    private static List<ConvBlock> strongTrunk() {
        return List.of(new ConvBlock(128, 5, 1, true, 2, 2, 0), new ConvBlock(128, 3, 1, true, 2, 2, 0), new ConvBlock(128, 3, 1, true, 1, 1, 0.3));
    }

    /**
     * {@code strong-cnn-bilstm}: a search candidate beyond the paper, for frame sequences (e.g. 64 channels × 300
     * frames): Conv1D 128 k5 → BN → act → MaxPool 2; Conv1D 128 k3 → BN → act → MaxPool 2; Conv1D 128 k3 → BN → act → Dropout 0.3;
     * bidirectional LSTM 64 per direction over every step; mean and max over time of its 128 outputs (256 features);
     * Dense 64 → act → Dropout 0.3 → softmax.
     */
    public static ModelConfig strongCnnBilstm(String activation) {
        return new ModelConfig("strong-cnn-bilstm", strongTrunk(), List.of(64), 0, List.of(64), 0.3, false, activation,
                List.of("not the paper's network: a candidate of the speaker-independent model search, chosen on validation actors",
                        "pooling over time (mean and max of both LSTM directions) instead of one last step, so every frame reaches the head"),
                true, Pooling.MEAN_MAX);
    }

    /**
     * {@code strong-cnn-pool}: the {@code strong-cnn-bilstm} trunk without the recurrent layer: three conv blocks, mean
     * and max over time of the 128 channels (256 features), Dense 64 → act → Dropout 0.3 → softmax.
     */
    public static ModelConfig strongCnnPool(String activation) {
        return new ModelConfig("strong-cnn-pool", strongTrunk(), List.of(), 0, List.of(64), 0.3, false, activation,
                List.of("not the paper's network: a convolution-only candidate of the speaker-independent model search",
                        "pooling over time (mean and max per channel) instead of a flatten, so the head does not depend on the sequence length"),
                false, Pooling.MEAN_MAX);
    }

    /**
     * {@code cnn2d-ref}: a reference 2-D network for log-mel input (64 mel rows × 301 frames, read as a one-channel
     * image, {@link Trunk#CONV2D}): four blocks of Conv2D 3×3 (Same, stride 1, biased) → BN → act → MaxPool 2×2
     * (stride 2, floor) with 16, 32, 64 and 64 channels (64 × 301 → 32 × 150 → 16 × 75 → 8 × 37 → 4 × 18); the mean over
     * the 4 remaining rows; each channel's mean and maximum over the 18 steps (128 features); Dense 64 → act → Dropout
     * 0.3 → softmax. 69,352 trainable parameters for 8 classes; about 116 MFLOP per sample forward (docs/benchmarks.md).
     */
    public static ModelConfig cnn2dRef(String activation) {
        ConvBlock[] blocks = new ConvBlock[4];
        int[] filters = {16, 32, 64, 64};
        for (int b = 0; b < 4; b++) blocks[b] = new ConvBlock(filters[b], 3, 1, true, 2, 2, 0);
        return new ModelConfig("cnn2d-ref", List.of(blocks), List.of(), 0, List.of(64), 0.3, false, activation,
                List.of("not the paper's network: a small 2-D CNN over the log-mel image, the reference of the 2-D benchmark and its PyTorch twin",
                        "frequency is averaged away after the last block, then mean and max over time per channel, so the head does not depend on the sequence length"),
                false, Pooling.MEAN_MAX, Trunk.CONV2D);
    }

    /**
     * Names of the presets experiments may name ({@code model} in an experiment file, a run specification): those
     * {@link #preset} builds and the fused trainer trains.
     */
    public static final List<String> PRESETS = List.of("compact-cnn-lstm", "paper-cnn-lstm", "public-conv1d", "strong-cnn-bilstm", "strong-cnn-pool", "cnn2d-ref");

    /**
     * The activations a preset may use, as experiment files name them: those the fused trainer implements with DL4J's
     * definitions ({@code model.fused.Activation}; a test keeps the two lists together). A network built here by hand
     * may name any DL4J activation, and the trainer refuses it, naming the layer, where the fused path lacks it.
     */
    public static final List<String> ACTIVATIONS = List.of("relu", "elu", "tanh", "sigmoid", "identity");

    /**
     * The named presets of {@link #PRESETS} with an activation of {@link #ACTIVATIONS}.
     *
     * @throws IllegalArgumentException naming the known presets or activations when either is unknown
     */
    public static ModelConfig preset(String name, String activation) {
        if (!ACTIVATIONS.contains(activation))
            throw new IllegalArgumentException("unknown activation '" + activation + "' (" + String.join(", ", ACTIVATIONS) + ")");
        switch (name) {
            case "compact-cnn-lstm": return compactCnnLstm(activation);
            case "paper-cnn-lstm": return paperCnnLstm(activation);
            case "public-conv1d": return publicConv1d(activation);
            case "strong-cnn-bilstm": return strongCnnBilstm(activation);
            case "strong-cnn-pool": return strongCnnPool(activation);
            case "cnn2d-ref": return cnn2dRef(activation);
            default: throw new IllegalArgumentException("unknown model preset '" + name + "' (" + String.join(", ", PRESETS) + ")");
        }
    }
}
