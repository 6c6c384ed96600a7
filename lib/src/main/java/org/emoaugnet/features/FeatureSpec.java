package org.emoaugnet.features;

/** What is extracted from each file: the feature parameters and the clip window. */
public record FeatureSpec(FeatureConfig features, ClipWindow window) {
    /** The public pipeline: librosa defaults on 2.5 s from 0.6 s, aligned (108 frames, 2376 flat values). */
    public static FeatureSpec publicPipeline() { return new FeatureSpec(FeatureConfig.librosa(), ClipWindow.publicPipeline()); }

    /** The cross-corpus spec: librosa defaults on 1.5 s from the speech onset (see {@link ClipWindow#fromSpeechOnset}). */
    public static FeatureSpec crossCorpus() { return new FeatureSpec(FeatureConfig.librosa(), ClipWindow.fromSpeechOnset(1.5)); }

    /** librosa defaults on whole files (variable length; sequence models and statistics). */
    public static FeatureSpec wholeFile() { return new FeatureSpec(FeatureConfig.librosa(), ClipWindow.whole()); }

    public String key() { return features.key() + ";" + window.key(); }
}
