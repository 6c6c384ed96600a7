package org.emoaugnet.features;

import org.emoaugnet.dsp.Stft;
/**
 * Extracts MFCC, RMS and ZCR exactly as librosa's defaults do, from audio already at the working rate. Holds
 * buffers: one instance per thread ({@link #forThread} keeps one per config per thread). Pure: the same samples
 * give the same features.
 */
public final class FeatureExtractor {
    private final FeatureConfig cfg;
    private final Stft stft;
    private final MelFilterbank mel;
    private final double[][] dct;
    private float[] power;

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
        float[][] db = LibrosaFeatures.powerToDb(melPower(y), 1e-10, cfg.topDb());
        return LibrosaFeatures.mfccFromDb(db, dct);
    }

    /** All three features of a clip. */
    public Features extract(float[] y) {
        return new Features(mfcc(y), LibrosaFeatures.rms(y, cfg.nFft(), cfg.hop(), cfg.pad()),
                LibrosaFeatures.zeroCrossingRate(y, cfg.nFft(), cfg.hop()));
    }
}
