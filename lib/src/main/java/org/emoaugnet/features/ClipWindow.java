package org.emoaugnet.features;

/**
 * Which part of a file becomes a clip, and how clips of the wrong length are made to fit a fixed-size vector.
 *
 * @param offset     seconds skipped at the start (counted at the native rate, as librosa), or after the speech onset
 * @param duration   seconds kept; ≤ 0 keeps the whole file (then no fixed length)
 * @param fit        how a clip of another length is fitted
 * @param onsetTopDb &gt; 0: the window starts at the speech onset ({@link SpeechOnset}, librosa's trim rule with this
 *                   top_db) plus {@code offset}, found at the working rate; 0: at the file's start plus {@code offset}
 */
public record ClipWindow(double offset, double duration, Fit fit, double onsetTopDb) {
    public ClipWindow(double offset, double duration, Fit fit) { this(offset, duration, fit, 0); }

    /** How a clip that is shorter (or, after time stretch, longer) than the window is fitted. */
    public enum Fit {
        /**
         * Aligned (default): the audio is zero-padded at the end, or cut, to exactly the window length before
         * features are computed, so every block of the flat vector has the same frames at the same positions.
         */
        ALIGNED,
        /**
         * The public pipeline's legacy behaviour, for reproducing it only: features of the short clip are
         * flattened and the whole vector is zero-filled at its end (pandas NaN → 0), so the RMS and MFCC blocks of
         * short clips shift left and are misaligned with other rows.
         */
        LEGACY_END_OF_VECTOR
    }

    /** The public pipeline's window: 2.5 s from 0.6 s, aligned. */
    public static ClipWindow publicPipeline() { return new ClipWindow(0.6, 2.5, Fit.ALIGNED); }

    /**
     * The cross-corpus window: {@code duration} seconds from the speech onset (top_db 40), aligned. Corpora differ in
     * how much silence precedes speech (RAVDESS about 0.5–1 s, EmoDB-2s almost none) and in length (EmoDB-2s files are
     * cut to 2.0 s), so a window at a fixed file offset compares speech with silence and padding across corpora.
     */
    public static ClipWindow fromSpeechOnset(double duration) { return new ClipWindow(0, duration, Fit.ALIGNED, 40); }

    public boolean fromOnset() { return onsetTopDb > 0; }

    /** The whole file. */
    public static ClipWindow whole() { return new ClipWindow(0, 0, Fit.ALIGNED); }

    public boolean fixedLength() { return duration > 0; }

    /** Samples of a full window at {@code sr} (55,125 for 2.5 s at 22,050 Hz). */
    public int samples(int sr) {
        return (int) Math.round(duration * sr);
    }

    /** Fits a clip to the window length ({@link Fit#ALIGNED} only; other fits return the clip unchanged). */
    public float[] fit(float[] y, int sr) {
        if (!fixedLength() || fit != Fit.ALIGNED) return y;
        int n = samples(sr);
        return y.length == n ? y : java.util.Arrays.copyOf(y, n);
    }

    public String key() { return "offset=" + offset + ",duration=" + duration + ",fit=" + fit + (fromOnset() ? ",from_onset_top_db=" + onsetTopDb : ""); }
}
