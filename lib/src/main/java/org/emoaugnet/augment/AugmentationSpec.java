package org.emoaugnet.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses augmentations from text (CLI flags, configuration files): steps joined by {@code +}, applied left to
 * right, e.g. {@code pitch:0.7+noise}.
 * <pre>
 *   noise                    public rule (0.035 · U · max)
 *   noise:RATE               public rule with another rate
 *   snr:DB[:white|pink|brown]  noise at a signal-to-noise ratio
 *   pitch:STEPS[:SPREAD]     pitch shift in semitones (random ± SPREAD)
 *   stretch:RATE[:SPREAD]    time stretch (rate &gt; 1 faster)
 *   shift                    public rule: circular roll, uniform ±5000 samples
 *   shift:MS[:zero]          fixed shift in ms, circular or zero-filled
 *   none                     identity
 * </pre>
 * {@code impl} picks the pitch/stretch algorithm.
 */
public final class AugmentationSpec {
    private AugmentationSpec() {}

    public static Augmentation parse(String text, PitchShift.Impl impl) {
        List<Augmentation> steps = new ArrayList<>();
        for (String step : text.split("\\+")) steps.add(step(step.trim().toLowerCase(Locale.ROOT), impl));
        return steps.size() == 1 ? steps.get(0) : Chain.of(steps.toArray(new Augmentation[0]));
    }

    private static Augmentation step(String s, PitchShift.Impl impl) {
        String[] p = s.split(":");
        try {
            switch (p[0]) {
                case "none": return Augmentation.NONE;
                case "noise": return p.length > 1 ? Noise.publicRule(Double.parseDouble(p[1])) : Noise.publicRule();
                case "snr": return Noise.snr(Double.parseDouble(p[1]), p.length > 2 ? Noise.Colour.valueOf(p[2].toUpperCase(Locale.ROOT)) : Noise.Colour.WHITE);
                case "pitch": return new PitchShift(Double.parseDouble(p[1]), p.length > 2 ? Double.parseDouble(p[2]) : 0, impl);
                case "stretch": return new TimeStretch(Double.parseDouble(p[1]), p.length > 2 ? Double.parseDouble(p[2]) : 0, impl);
                case "shift": return p.length == 1 ? TimeShift.publicRule() : TimeShift.fixedMs(Double.parseDouble(p[1]), !(p.length > 2 && p[2].equals("zero")));
                default: throw new IllegalArgumentException("unknown augmentation '" + p[0] + "' in '" + s + "'");
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("cannot read augmentation '" + s + "': " + e.getMessage());
        }
    }
}
