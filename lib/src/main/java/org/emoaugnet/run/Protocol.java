package org.emoaugnet.run;

/** The evaluation protocols, named in every output. */
public enum Protocol {
    /**
     * The public pipeline's protocol, reproduced on purpose and flagged as leaking: every file augmented, then a
     * random 80/20 split of rows (validation: 10 % of the training rows).
     */
    PAPER_STYLE,
    /** A random stratified 80/20 split of recordings, then augmentation of the training recordings only. */
    AUGMENT_AFTER_RANDOM_SPLIT,
    /**
     * Speaker-independent folds (RAVDESS: the published actor folds with their validation actors; IEMOCAP:
     * leave-one-session-out; otherwise speaker 5-fold), augmentation on training folds only.
     */
    SPEAKER_INDEPENDENT,
    /** Leave one speaker out: one fold per speaker, validation speakers carved from the others, augmentation on training only. */
    LEAVE_ONE_SPEAKER_OUT,
    /** Train on one corpus (validation from its held-out speakers), test on another corpus never seen in training. */
    CROSS_CORPUS;

    public boolean leaks() { return this == PAPER_STYLE; }
}
