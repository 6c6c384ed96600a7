package org.emoaugnet.features;

import org.emoaugnet.dsp.Stft;
/**
 * Extracts the features of a {@link FeatureConfig} exactly as librosa does, from audio already at the working rate:
 * MFCC, RMS and ZCR with librosa's defaults, or the log-mel spectrogram (with deltas). Holds
 * buffers: one instance per thread ({@link #forThread} keeps one per config per thread). Pure: the same samples
 * give the same features.
 */
public final class FeatureExtractor {
    private final FeatureConfig cfg;
    private final Stft stft;
    private final MelFilterbank mel;
    private final double[][] dct;
    private float[] power;

    /** librosa's default delta width (9 frames, 90 ms at a 10 ms hop). */
    public static final int DELTA_WIDTH = 9;

    private static final ThreadLocal<java.util.Map<FeatureConfig, FeatureExtractor>> LOCAL =
            ThreadLocal.withInitial(java.util.HashMap::new);

    public FeatureExtractor(FeatureConfig cfg) {
        this.cfg = cfg;
        this.stft = new Stft(cfg.nFft(), cfg.hop(), cfg.pad());
        this.mel = MelFilterbank.create(cfg.sampleRate(), cfg.nFft(), cfg.nMels(), cfg.fmin(), cfg.fmax(), false);
        this.dct = LibrosaFeatures.dctBasis(cfg.nMfcc(), cfg.nMels());
        this.power = new float[stft.bins()];
    }

    /** This thread's extractor for {@code cfg}. */
    public static FeatureExtractor forThread(FeatureConfig cfg) {
        return LOCAL.get().computeIfAbsent(cfg, FeatureExtractor::new);
    }

    public FeatureConfig config() { return cfg; }

    public MelFilterbank filterbank() { return mel; }

    /** {@code melspectrogram(y)} (power) {@code [T][nMels]}. */
    public float[][] melPower(float[] y) {
        int t = Stft.frames(y.length, cfg.hop());
        float[][] m = new float[t][cfg.nMels()];
        for (int f = 0; f < t; f++) {
            stft.power(y, f, power);
            mel.apply(power, m[f]);
        }
        return m;
    }

    /** {@code mfcc(y)} {@code [T][nMfcc]}. */
    public float[][] mfcc(float[] y) {
        return LibrosaFeatures.mfccFromDb(logMel(y), dct);
    }

    /**
     * {@code power_to_db(melspectrogram(y), ref=1.0, amin=1e-10, top_db)} {@code [T][nMels]}: decibels re a power of
     * 1, floored {@code top_db} below the clip's maximum (the log-mel that librosa's {@code mfcc} takes its DCT of).
     */
    public float[][] logMel(float[] y) {
        return LibrosaFeatures.powerToDb(melPower(y), 1e-10, cfg.topDb());
    }

    /** The features of a clip in the configuration's representation. */
    public Features extract(float[] y) {
        return switch (cfg.representation()) {
            case MFCC_RMS_ZCR -> mfccRmsZcr(y);
            case LOG_MEL -> new Features.LogMel(logMel(y));
            case LOG_MEL_DELTAS -> {
                float[][] db = logMel(y);
                yield new Features.LogMelDeltas(db, Deltas.delta(db, DELTA_WIDTH, 1), Deltas.delta(db, DELTA_WIDTH, 2));
            }
        };
    }

    /** The paper's three features of a clip (whatever the configured representation). */
    public Features.MfccRmsZcr mfccRmsZcr(float[] y) {
        return new Features.MfccRmsZcr(mfcc(y), LibrosaFeatures.rms(y, cfg.nFft(), cfg.hop(), cfg.pad()),
                LibrosaFeatures.zeroCrossingRate(y, cfg.nFft(), cfg.hop()));
    }
}
