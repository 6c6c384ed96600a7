package org.emoaugnet.features;

import org.emoaugnet.features.FeatureConfig.Representation;

/** What is extracted from each file: the feature parameters and the clip window. */
public record FeatureSpec(FeatureConfig features, ClipWindow window) {
    /** The public pipeline: librosa defaults on 2.5 s from 0.6 s, aligned (108 frames, 2376 flat values). */
    public static FeatureSpec publicPipeline() { return new FeatureSpec(FeatureConfig.librosa(), ClipWindow.publicPipeline()); }

    /** The cross-corpus spec: librosa defaults on 1.5 s from the speech onset (see {@link ClipWindow#fromSpeechOnset}). */
    public static FeatureSpec crossCorpus() { return new FeatureSpec(FeatureConfig.librosa(), ClipWindow.fromSpeechOnset(1.5)); }

    /** librosa defaults on whole files (variable length; sequence models and statistics). */
    public static FeatureSpec wholeFile() { return new FeatureSpec(FeatureConfig.librosa(), ClipWindow.whole()); }

    /** Seconds of the log-mel window, from the speech onset. */
    public static final double LOG_MEL_WINDOW_SECONDS = 3.0;

    /**
     * 64-band log-mel ({@link FeatureConfig#logMel64}: 16 kHz, 32 ms frames, 10 ms hop, 50 Hz–8 kHz) on
     * {@value #LOG_MEL_WINDOW_SECONDS} s from the speech onset (top_db 40), aligned: 301 frames × 64 channels.
     *
     * <p>Why this window: a RAVDESS recording is one short sentence ("Kids are talking by the door" / "Dogs are
     * sitting by the door") after 0.5–1 s of silence. A fixed file offset (the public pipeline's 0.6 s) starts some
     * clips in silence and others after the first word; starting at the speech onset aligns every clip on the first
     * word. Measured on the 1440 RAVDESS recordings (test-scope {@code LogMelTiming}): the speech from the onset to the
     * last frame within 40 dB of the loudest lasts 2.05 s at the median; 3.0 s holds all of it for 90% of the
     * recordings, 2.5 s for 76%. The audio after the onset is shorter than 3.0 s in 36% of the files (2.04 s at the
     * least); those clips are zero-padded at the end, which the log-mel floors at top_db below the clip's maximum.
     * Random crops for training, if wanted, are cut from these fixed-length sequences.
     */
    public static FeatureSpec logMel64() {
        return new FeatureSpec(FeatureConfig.logMel64(Representation.LOG_MEL), ClipWindow.fromSpeechOnset(LOG_MEL_WINDOW_SECONDS));
    }

    /** {@link #logMel64()} with first and second deltas: 301 frames × 192 channels. */
    public static FeatureSpec logMelDeltas64() {
        return new FeatureSpec(FeatureConfig.logMel64(Representation.LOG_MEL_DELTAS), ClipWindow.fromSpeechOnset(LOG_MEL_WINDOW_SECONDS));
    }

    /** Channels per frame ({@link FeatureConfig#channels}). */
    public int channels() { return features.channels(); }

    /**
     * Frames per clip of a fixed-length window (centred frames: 1 + samples / hop; 108 for the public pipeline's 2.5 s,
     * 301 for log-mel's 3.0 s); 0 for a whole-file window, whose length varies.
     */
    public int frames() { return window.fixedLength() ? 1 + window.samples(features.sampleRate()) / features.hop() : 0; }

    /** What each frame holds. */
    public Representation representation() { return features.representation(); }

    public String key() { return features.key() + ";" + window.key(); }

    /**
     * The specifications an experiment file may name ({@code features=}), by those names: {@code public-pipeline},
     * {@code cross-corpus}, {@code log-mel-64} and {@code log-mel-deltas-64} (the whole-file window varies in length,
     * which no preset takes).
     */
    public static java.util.Map<String, FeatureSpec> named() {
        java.util.Map<String, FeatureSpec> m = new java.util.LinkedHashMap<>();
        m.put("public-pipeline", publicPipeline());
        m.put("cross-corpus", crossCorpus());
        m.put("log-mel-64", logMel64());
        m.put("log-mel-deltas-64", logMelDeltas64());
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Every named specification of the suite, for resolving a recorded key (a run spec's, a saved model's). */
    public static java.util.List<FeatureSpec> known() {
        return java.util.List.of(publicPipeline(), crossCorpus(), wholeFile(), logMel64(), logMelDeltas64());
    }

    /** The named specification whose {@link #key()} is {@code key}; an error naming the key when none is. */
    public static FeatureSpec byKey(String key) {
        for (FeatureSpec f : known()) if (f.key().equals(key)) return f;
        throw new IllegalArgumentException("features '" + key + "' are none of the known specifications (public pipeline, cross-corpus, whole file, log-mel 64, log-mel 64 with deltas)");
    }
}
