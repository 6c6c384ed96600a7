package org.emoaugnet.data.synth;

/**
 * A synthetic speaker: base F0, a vocal-tract length factor that scales every formant, a habitual level and
 * voice-quality offsets. Speakers differ more than some emotions do, as real speakers do.
 *
 * @param id           RAVDESS-style actor number (odd male, even female)
 * @param f0           base F0 in Hz
 * @param formantScale formant frequency factor (shorter vocal tract = higher)
 * @param levelDb      habitual level offset in dB
 * @param tiltOffset   added to the emotion's spectral tilt
 * @param rateFactor   habitual speaking-rate factor
 */
public record Voice(int id, double f0, double formantScale, double levelDb, double tiltOffset, double rateFactor) {
    public boolean male() { return id % 2 == 1; }

    /** Speaker {@code id}'s voice, drawn deterministically from the corpus seed. */
    public static Voice draw(int id, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed * 1_000_003L + id * 7919L);
        boolean male = id % 2 == 1;
        double f0 = male ? 95 + 45 * r.nextDouble() : 175 + 70 * r.nextDouble();
        double scale = (male ? 1.0 : 1.16) * (0.94 + 0.12 * r.nextDouble());
        double level = -4 + 8 * r.nextDouble();
        double tilt = -0.12 + 0.24 * r.nextDouble();
        double rate = 0.88 + 0.24 * r.nextDouble();
        return new Voice(id, f0, scale, level, tilt, rate);
    }
}
