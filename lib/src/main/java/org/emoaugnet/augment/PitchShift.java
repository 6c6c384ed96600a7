package org.emoaugnet.augment;

import java.util.SplittableRandom;

/**
 * Pitch shift by {@code nSteps} semitones (length kept). The public pipeline calls
 * {@code librosa.effects.pitch_shift(data, sr, 0.7)}: its argument is named {@code pitch_factor} but is a
 * semitone count, so the shift is +0.7 semitone, fixed. With {@code maxSteps > 0} the shift is drawn uniformly
 * from {@code [nSteps - maxSteps, nSteps + maxSteps]} with the seed.
 */
public record PitchShift(double nSteps, double maxSteps, Impl impl) implements Augmentation {
    /** Which algorithm: librosa's phase vocoder (paper-faithful) or TarsosDSP's WSOLA. */
    public enum Impl { PHASE_VOCODER, WSOLA }

    public static PitchShift publicRule() { return new PitchShift(0.7, 0, Impl.PHASE_VOCODER); }

    public static PitchShift of(double nSteps) { return new PitchShift(nSteps, 0, Impl.PHASE_VOCODER); }

    public static PitchShift random(double centre, double spread) { return new PitchShift(centre, spread, Impl.PHASE_VOCODER); }

    public PitchShift using(Impl i) { return new PitchShift(nSteps, maxSteps, i); }

    public double steps(long seed) {
        return maxSteps > 0 ? nSteps + (new SplittableRandom(seed).nextDouble() * 2 - 1) * maxSteps : nSteps;
    }

    @Override
    public float[] apply(float[] y, int sr, long seed) {
        double s = steps(seed);
        return impl == Impl.PHASE_VOCODER ? PhaseVocoder.pitchShift(y, sr, s) : Wsola.pitchShift(y, sr, s);
    }

    /** A fixed shift ({@code maxSteps = 0}) ignores the seed. */
    @Override
    public boolean seedFree() { return maxSteps == 0; }

    @Override
    public String name() {
        String c = (nSteps >= 0 ? "+" : "") + Seeds.num(nSteps);
        return maxSteps > 0 ? "pitch" + c + "±" + Seeds.num(maxSteps) : "pitch" + c;
    }

    @Override
    public String key() {
        return "pitch(n_steps=" + nSteps + ",spread=" + maxSteps + ",impl=" + impl + ")";
    }
}
