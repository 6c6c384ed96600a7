package org.emoaugnet.model;

import org.emoaugnet.util.Range;

/**
 * Training options beyond the paper's recipe, each off by default ({@link #NONE}: training as before, numbers and run
 * specifications unchanged).
 *
 * @param labelSmoothing ε of label-smoothed cross-entropy (targets {@code (1 − ε)·q + ε/K}); 0: off
 * @param specAugment    time and channel masks on every training batch ({@link SpecAugment}); {@link SpecAugment#NONE}: off
 * @param mixupAlpha     α of mixup: each training batch is mixed with a permutation of itself by λ ~ Beta(α, α), inputs
 *                       and one-hot targets alike (soft targets); 0: off
 * @param weightDecay    decoupled weight decay λ (AdamW): every trainable parameter is multiplied by {@code 1 − lr·λ}
 *                       before each Adam step; 0: plain Adam
 * @param schedule       the learning-rate schedule
 * @param warmupEpochs   epochs of linear warm-up of {@link Schedule#WARMUP_COSINE} (0 with PLATEAU)
 * @param selection      which epoch's weights the run keeps ({@link Selection#LAST} needs the warmup-cosine schedule,
 *                       a fixed budget; early stopping off is checked by {@link TrainConfig})
 */
public record TrainOptions(double labelSmoothing, SpecAugment specAugment, double mixupAlpha, double weightDecay, Schedule schedule, int warmupEpochs,
                           Selection selection) {
    /** How the learning rate moves over epochs. */
    public enum Schedule {
        /** The learning rate × {@code lrFactor} after {@code lrPatience} epochs without a better validation UA (the paper recipe). */
        PLATEAU,
        /** {@link TrainOptions#rate}: linear warm-up over {@code warmupEpochs}, then a half cosine to 0 at the epoch cap; no plateau drops. */
        WARMUP_COSINE;

        /** The name experiment files and run specifications use: {@code plateau}, {@code warmup-cosine}. */
        public String key() { return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'); }

        /** Every schedule's {@link #key}, in declaration order. */
        public static java.util.List<String> keys() { return java.util.Arrays.stream(values()).map(Schedule::key).toList(); }

        /** The schedule of {@code key} ({@link #key}); an error naming the known ones for another. */
        public static Schedule of(String key) {
            for (Schedule s : values()) if (s.key().equals(key)) return s;
            throw new IllegalArgumentException("unknown learning-rate schedule '" + key + "' (" + String.join(", ", keys()) + ")");
        }
    }

    /** Time masks (whole frames) and channel masks (whole channels, e.g. frequency bands) on training batches. */
    public record SpecAugment(int timeMasks, int maxTimeWidth, int channelMasks, int maxChannelWidth) {
        /** Each of the four: a count of masks or a width in frames or channels (declared before {@link #NONE}, which it checks). */
        public static final Range COUNT = Range.integers(0, 10_000);

        public static final SpecAugment NONE = new SpecAugment(0, 0, 0, 0);

        public SpecAugment {
            if (!COUNT.contains(timeMasks) || !COUNT.contains(maxTimeWidth) || !COUNT.contains(channelMasks) || !COUNT.contains(maxChannelWidth))
                throw new IllegalArgumentException("SpecAugment counts and widths must each be " + COUNT.describe());
            if ((timeMasks > 0) != (maxTimeWidth > 0) || (channelMasks > 0) != (maxChannelWidth > 0))
                throw new IllegalArgumentException("SpecAugment masks need a width and widths need masks: time " + timeMasks + " × " + maxTimeWidth
                        + ", channels " + channelMasks + " × " + maxChannelWidth);
        }

        public boolean on() { return timeMasks > 0 || channelMasks > 0; }
    }

    /** Label smoothing's ε: 0 (off) up to, not including, 1 (where the targets no longer name a class). */
    public static final Range LABEL_SMOOTHING = Range.numbers(0, true, 1, false);
    /** Mixup's α (0: off). */
    public static final Range MIXUP_ALPHA = Range.numbersFrom(0);
    /**
     * AdamW's decoupled weight decay λ (0: plain Adam); at most 1, so that each step's factor {@code 1 − lr·λ} (with
     * the learning rate at most 1) never turns a weight's sign.
     */
    public static final Range WEIGHT_DECAY = Range.numbers(0, true, 1, true);
    /** Warm-up epochs of the warmup-cosine schedule (fewer than the epoch cap, checked by {@link TrainConfig}). */
    public static final Range WARMUP_EPOCHS = Range.integers(0, 10_000);

    /** Every option off (declared after the ranges, which its construction checks). */
    public static final TrainOptions NONE = new TrainOptions(0, SpecAugment.NONE, 0, 0, Schedule.PLATEAU, 0);

    public TrainOptions {
        java.util.Objects.requireNonNull(specAugment, "specAugment");
        java.util.Objects.requireNonNull(schedule, "schedule");
        java.util.Objects.requireNonNull(selection, "selection");
        LABEL_SMOOTHING.require("label smoothing", labelSmoothing);
        MIXUP_ALPHA.require("mixup α", mixupAlpha);
        WEIGHT_DECAY.require("weight decay", weightDecay);
        WARMUP_EPOCHS.require("warm-up epochs", warmupEpochs);
        if (schedule == Schedule.PLATEAU && warmupEpochs != 0) throw new IllegalArgumentException("warm-up epochs belong to the warmup-cosine schedule");
        if (selection == Selection.LAST && schedule != Schedule.WARMUP_COSINE)
            throw new IllegalArgumentException("selection 'last' keeps the last epoch of a fixed budget: it needs the warmup-cosine schedule, not "
                    + schedule.key() + " (whose drops read the validation score)");
    }

    /** Options that keep the epoch with the best validation UA ({@link Selection#VAL_UA}), as every run before the fixed-budget search. */
    public TrainOptions(double labelSmoothing, SpecAugment specAugment, double mixupAlpha, double weightDecay, Schedule schedule, int warmupEpochs) {
        this(labelSmoothing, specAugment, mixupAlpha, weightDecay, schedule, warmupEpochs, Selection.VAL_UA);
    }

    public TrainOptions withLabelSmoothing(double e) { return new TrainOptions(e, specAugment, mixupAlpha, weightDecay, schedule, warmupEpochs, selection); }

    public TrainOptions withSpecAugment(SpecAugment s) { return new TrainOptions(labelSmoothing, s, mixupAlpha, weightDecay, schedule, warmupEpochs, selection); }

    public TrainOptions withMixup(double a) { return new TrainOptions(labelSmoothing, specAugment, a, weightDecay, schedule, warmupEpochs, selection); }

    public TrainOptions withWeightDecay(double w) { return new TrainOptions(labelSmoothing, specAugment, mixupAlpha, w, schedule, warmupEpochs, selection); }

    public TrainOptions withSchedule(Schedule s, int warmup) { return new TrainOptions(labelSmoothing, specAugment, mixupAlpha, weightDecay, s, warmup, selection); }

    public TrainOptions withSelection(Selection s) { return new TrainOptions(labelSmoothing, specAugment, mixupAlpha, weightDecay, schedule, warmupEpochs, s); }

    /**
     * The learning rate of epoch {@code epoch} (1-based) under {@link Schedule#WARMUP_COSINE} with base rate
     * {@code base} and cap {@code epochs}: {@code base · epoch / W} for the W warm-up epochs, then
     * {@code base · ½(1 + cos(π · (epoch − W − 1) / (epochs − W)))}: the base rate at the first epoch after warm-up,
     * falling to {@code base · ½(1 + cos(π · (epochs − W − 1)/(epochs − W)))} at the cap.
     */
    public static double rate(double base, int epoch, int epochs, int warmup) {
        if (epoch < 1 || epoch > epochs) throw new IllegalArgumentException("epoch " + epoch + " outside 1.." + epochs);
        if (epoch <= warmup) return base * epoch / warmup;
        return base * 0.5 * (1 + Math.cos(Math.PI * (epoch - warmup - 1) / (epochs - warmup)));
    }
}
