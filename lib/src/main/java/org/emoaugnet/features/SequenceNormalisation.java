package org.emoaugnet.features;

/**
 * How the frame sequences of the sequence layout are standardised per channel. The names equal the values of the
 * run spec's {@code normalisation} field, whose default {@code TRAIN_SCALER} is what every committed within-corpus
 * run records.
 */
public enum SequenceNormalisation {
    /**
     * The default: one mean and s.d. per channel, fitted on all frames of the training rows
     * ({@link Scaler#fitSequences}) and applied to training, validation and test rows alike.
     */
    TRAIN_SCALER,
    /**
     * Every recording standardised by its own frames' per-channel mean and s.d. ({@link Scaler#standardiseUtterance}):
     * zero mean and unit variance per channel within each recording, removing its overall level and spectral tilt
     * (recording gain, a speaker's voice). Not transductive: a test recording's input depends on that recording
     * alone, never on other test recordings. No training statistics are fitted ({@link #fit} gives the identity).
     */
    PER_UTTERANCE;

    /** One recording's sequence {@code [T][C]} as this normalisation prepares it before the fitted scaler. */
    public float[][] apply(float[][] seq) {
        return switch (this) {
            case TRAIN_SCALER -> seq;
            case PER_UTTERANCE -> Scaler.standardiseUtterance(seq);
        };
    }

    /** The scaler fitted on the training sequences {@code [n][T][C]} (after {@link #apply}). */
    public Scaler fit(float[][][] trainingSequences) {
        if (trainingSequences.length == 0 || trainingSequences[0].length == 0) throw new IllegalArgumentException("no training frames to fit on");
        return switch (this) {
            case TRAIN_SCALER -> Scaler.fitSequences(trainingSequences);
            case PER_UTTERANCE -> Scaler.identity(trainingSequences[0][0].length);
        };
    }

    /** The normalisation named {@code name} (an enum name, case-sensitive); unknown names are errors. */
    /** The name experiment files use: {@code train-scaler}, {@code per-utterance}. */
    public String key() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

    /** Every normalisation's {@link #key}, in declaration order (the default, {@link #TRAIN_SCALER}, first). */
    public static java.util.List<String> keys() { return java.util.Arrays.stream(values()).map(SequenceNormalisation::key).toList(); }

    /** The normalisation of {@code key} ({@link #key}); an error naming the known ones for another. */
    public static SequenceNormalisation ofKey(String key) {
        for (SequenceNormalisation n : values()) if (n.key().equals(key)) return n;
        throw new IllegalArgumentException("unknown normalisation '" + key + "' (" + String.join(", ", keys()) + ")");
    }

    public static SequenceNormalisation parse(String name) {
        for (SequenceNormalisation n : values()) if (n.name().equals(name)) return n;
        throw new IllegalArgumentException("unknown sequence normalisation '" + name + "', expected one of " + java.util.Arrays.toString(values()));
    }
}
