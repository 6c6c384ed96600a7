package org.emoaugnet.model.fused;

/**
 * A DL4J layer (defined outside this package, e.g. {@code model.TimePoolingLayer}) that reduces a sequence
 * {@code [batch, channels, time]} to features {@code [batch, features]} by concatenating two summaries over time,
 * which DL4J's own MultiLayerNetwork layers cannot express: the fused path recognises it by this interface and runs
 * it as a {@link ConcatPoolStage}.
 */
public interface ConcatPooling {
    /** The two summaries concatenated. */
    enum Kind {
        /** {@code [mean over time (channels), max over time (channels)]}: 2 × channels features. */
        MEAN_MAX,
        /**
         * The end states of a bidirectional CONCAT sequence of 2h channels: the forward half at the last step and the
         * backward half at the first step (each has read the whole sequence; Keras' {@code return_sequences=False}),
         * 2h features, unlike DL4J's LastTimeStep, which takes both halves at the last step.
         */
        BIDIRECTIONAL_ENDS
    }

    Kind concatKind();
}
