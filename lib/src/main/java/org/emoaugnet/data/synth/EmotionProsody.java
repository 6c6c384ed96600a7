package org.emoaugnet.data.synth;

import org.emoaugnet.data.Emotion;

/**
 * Prosodic and voice-quality cues of one emotion relative to neutral speech, after the directions reported in
 * the vocal-emotion literature (Scherer 2003; Juslin &amp; Laukka 2003; Banse &amp; Scherer 1996): high-arousal
 * emotions (anger, fear, happiness, surprise) raise F0 level, F0 range, loudness and tempo and flatten the
 * spectral tilt; sadness and calm lower them; fear adds jitter; sadness adds breathiness. The magnitudes are
 * deliberately moderate so that speaker differences and per-utterance variation overlap the classes.
 *
 * @param f0Shift    F0 level change in semitones
 * @param f0Range    F0 excursion (accent depth) as a factor of neutral
 * @param tempo      syllable rate as a factor of neutral
 * @param loudnessDb level change in dB
 * @param jitter     cycle-to-cycle F0 perturbation (fraction, s.d.)
 * @param tilt       source low-pass coefficient (higher = steeper spectral tilt, softer voice)
 * @param breath     aspiration noise level relative to the voiced source
 * @param finalRise  F0 rise at the end of the utterance in semitones (questions, surprise)
 */
public record EmotionProsody(double f0Shift, double f0Range, double tempo, double loudnessDb, double jitter,
                             double tilt, double breath, double finalRise) {

    public static EmotionProsody neutral() { return of(Emotion.NEUTRAL); }

    public static EmotionProsody of(Emotion e) {
        switch (e) {
            case NEUTRAL:   return new EmotionProsody(0.0, 1.0, 1.00, 0.0, 0.006, 0.55, 0.04, 0.0);
            case CALM:      return new EmotionProsody(-1.0, 0.8, 0.90, -2.0, 0.005, 0.65, 0.06, -0.5);
            case HAPPY:     return new EmotionProsody(3.0, 1.6, 1.10, 2.5, 0.008, 0.45, 0.04, 1.0);
            case SAD:       return new EmotionProsody(-2.0, 0.6, 0.78, -4.0, 0.010, 0.72, 0.12, -1.5);
            case ANGRY:     return new EmotionProsody(4.0, 1.5, 1.12, 5.0, 0.012, 0.30, 0.03, -1.0);
            case FEARFUL:   return new EmotionProsody(5.0, 1.1, 1.20, 0.5, 0.025, 0.50, 0.10, 1.5);
            case DISGUST:   return new EmotionProsody(-1.0, 1.2, 0.85, 1.0, 0.012, 0.50, 0.07, -2.0);
            case SURPRISED: return new EmotionProsody(4.0, 2.0, 1.00, 2.0, 0.008, 0.45, 0.05, 4.0);
            default: throw new IllegalArgumentException("no prosody profile for " + e);
        }
    }

    /** Moves every cue {@code k} times as far from neutral (RAVDESS "strong" intensity uses k = 1.5). */
    public EmotionProsody scaled(double k) {
        EmotionProsody n = neutral();
        return new EmotionProsody(n.f0Shift + k * (f0Shift - n.f0Shift), n.f0Range * Math.pow(f0Range / n.f0Range, k),
                n.tempo * Math.pow(tempo / n.tempo, k), n.loudnessDb + k * (loudnessDb - n.loudnessDb),
                n.jitter + k * (jitter - n.jitter), clamp(n.tilt + k * (tilt - n.tilt), 0.05, 0.9),
                Math.max(0, n.breath + k * (breath - n.breath)), n.finalRise + k * (finalRise - n.finalRise));
    }

    private static double clamp(double v, double lo, double hi) { return Math.max(lo, Math.min(hi, v)); }
}
