package org.emoaugnet.augment;

import java.util.SplittableRandom;

/**
 * Time stretch by {@code rate} (&gt; 1 faster and shorter; output length {@code round(n / rate)}). The public
 * pipeline defines {@code time_stretch(data, rate=0.8)} (25 % longer) but never uses it in its 4-copy recipe;
 * its sibling pipeline uses it inside pitch∘stretch. With {@code spread > 0} the rate is drawn uniformly from
 * {@code [rate - spread, rate + spread]}.
 */
public record TimeStretch(double rate, double spread, PitchShift.Impl impl) implements Augmentation {
    public static TimeStretch publicRule() { return new TimeStretch(0.8, 0, PitchShift.Impl.PHASE_VOCODER); }

    public static TimeStretch of(double rate) { return new TimeStretch(rate, 0, PitchShift.Impl.PHASE_VOCODER); }

    public TimeStretch using(PitchShift.Impl i) { return new TimeStretch(rate, spread, i); }

    public double rate(long seed) {
        return spread > 0 ? rate + (new SplittableRandom(seed).nextDouble() * 2 - 1) * spread : rate;
    }

    @Override
    public float[] apply(float[] y, int sr, long seed) {
        double r = rate(seed);
        return impl == PitchShift.Impl.PHASE_VOCODER ? PhaseVocoder.timeStretch(y, r) : Wsola.timeStretch(y, sr, r);
    }

    /** A fixed rate ({@code spread = 0}) ignores the seed. */
    @Override
    public boolean seedFree() { return spread == 0; }

    @Override
    public String name() {
        return spread > 0 ? "stretch" + Seeds.num(rate) + "±" + Seeds.num(spread) : "stretch" + Seeds.num(rate);
    }

    @Override
    public String key() {
        return "stretch(rate=" + rate + ",spread=" + spread + ",impl=" + impl + ")";
    }
}
