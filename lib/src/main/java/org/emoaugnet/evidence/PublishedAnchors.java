package org.emoaugnet.evidence;

import java.util.List;

/**
 * Published speaker-independent RAVDESS results (speech, 8 classes, calm kept) that a model of this suite is measured
 * against in notebook 06. These are other authors' figures as their papers report them, not our results; each names
 * its protocol, because the fold sets differ.
 */
public final class PublishedAnchors {
    private PublishedAnchors() {}

    /** How the anchor's model was trained. */
    public enum Training { FROM_SCRATCH, FROZEN_SELF_SUPERVISED }

    /**
     * One published figure.
     *
     * @param system   the model as its paper names it
     * @param training from scratch, or a frozen self-supervised encoder with a small trained head
     * @param ua       unweighted accuracy (%), as reported (a mean over seeds where the paper gives one)
     * @param spread   the reported variation ("" where none is reported)
     * @param foldSet  the fold set it was measured on (the suite's name for it: {@code reslstm-5}, {@code emobox-6})
     * @param protocol how the folds were used, including anything that makes the figure optimistic
     * @param source   where it is reported
     */
    public record Anchor(String system, Training training, double ua, String spread, String foldSet, String protocol, String source) {}

    public static final List<Anchor> RAVDESS_8 = List.of(
            new Anchor("ResLSTM-SA (47k parameters, MFCC + chroma)", Training.FROM_SCRATCH, 62.3, "± 1.2 over 10 seeds (best 65.2)", "reslstm-5",
                    "5 actor folds, 2 validation actors per fold; hyperparameters chosen on the pooled test folds (optimistic)", "arXiv 2606.03359"),
            new Anchor("wav2vec2-base, frozen, small head", Training.FROZEN_SELF_SUPERVISED, 54.3, "", "emobox-6", "EmoBox, 6 actor folds", "arXiv 2406.07162"),
            new Anchor("WavLM-base, frozen, small head", Training.FROZEN_SELF_SUPERVISED, 61.6, "", "emobox-6", "EmoBox, 6 actor folds", "arXiv 2406.07162"),
            new Anchor("HuBERT-base, frozen, small head", Training.FROZEN_SELF_SUPERVISED, 65.4, "", "emobox-6", "EmoBox, 6 actor folds", "arXiv 2406.07162"),
            new Anchor("HuBERT-large, frozen, small head", Training.FROZEN_SELF_SUPERVISED, 70.0, "", "emobox-6", "EmoBox, 6 actor folds", "arXiv 2406.07162"),
            new Anchor("WavLM-large, frozen, small head", Training.FROZEN_SELF_SUPERVISED, 72.0, "", "emobox-6", "EmoBox, 6 actor folds", "arXiv 2406.07162"),
            new Anchor("Whisper-large-v3, frozen, small head", Training.FROZEN_SELF_SUPERVISED, 75.3, "", "emobox-6", "EmoBox, 6 actor folds", "arXiv 2406.07162"));

    /** The best published from-scratch figure. */
    public static Anchor bestFromScratch() {
        return RAVDESS_8.stream().filter(a -> a.training() == Training.FROM_SCRATCH).max(java.util.Comparator.comparingDouble(Anchor::ua)).orElseThrow();
    }
}
