package org.emoaugnet.features;

import org.emoaugnet.dsp.PadMode;
/**
 * Every parameter of feature extraction, defaulting to librosa's ({@code load} at 22,050 Hz, {@code n_fft} 2048,
 * hop 512, 128 Slaney mels from 0 Hz to sr/2, 20 MFCC, top_db 80, zero padding as in librosa ≥ 0.9) and to the
 * paper's frame features (MFCC, RMS, ZCR).
 *
 * @param sampleRate     working rate; audio is resampled to it
 * @param nFft           FFT size (also the RMS and ZCR frame length, as in the public pipeline)
 * @param hop            hop length
 * @param nMels          mel bands
 * @param nMfcc          MFCC coefficients (used by {@link Representation#MFCC_RMS_ZCR} only)
 * @param fmin           lowest mel edge (Hz)
 * @param fmax           highest mel edge (Hz); ≤ 0 means sr/2
 * @param topDb          dynamic-range floor of power_to_db relative to the clip maximum
 * @param pad            padding of the STFT and RMS frames ({@link PadMode#REFLECT} = librosa 0.7/0.8 behaviour)
 * @param representation what each frame holds
 */
public record FeatureConfig(int sampleRate, int nFft, int hop, int nMels, int nMfcc, double fmin, double fmax,
                            double topDb, PadMode pad, Representation representation) {
    /**
     * What one frame of a clip holds. Every representation starts from the same power mel spectrogram
     * ({@code librosa.feature.melspectrogram(y, sr, n_fft, hop_length, n_mels, fmin, fmax, power=2.0)}, Hann window,
     * centred frames) and the same {@code power_to_db(S, ref=1.0, amin=1e-10, top_db)}: decibels re a power of 1
     * (full scale), floored {@code top_db} below the clip's maximum, exactly as librosa's {@code mfcc} does inside.
     */
    public enum Representation {
        /** The paper's features (the default): MFCC 1..nMfcc, RMS, ZCR; {@code nMfcc + 2} channels. */
        MFCC_RMS_ZCR,
        /** The log-mel spectrogram in dB; {@code nMels} channels. */
        LOG_MEL,
        /**
         * Log-mel plus its first and second deltas along time ({@code librosa.feature.delta(S, width=9, order=1|2,
         * mode='interp')}, see {@link Deltas}); {@code 3 · nMels} channels, ordered bands, then Δ, then ΔΔ.
         */
        LOG_MEL_DELTAS
    }

    public FeatureConfig {
        if (Integer.bitCount(nFft) != 1) throw new IllegalArgumentException("nFft must be a power of two: " + nFft);
        if (hop <= 0 || nMels <= 0 || nMfcc <= 0 || nMfcc > nMels) throw new IllegalArgumentException("bad sizes: hop " + hop + ", nMels " + nMels + ", nMfcc " + nMfcc);
        if (pad == PadMode.EDGE) throw new IllegalArgumentException("EDGE padding is only used by ZCR");
        if (representation == null) throw new IllegalArgumentException("representation is required");
    }

    /** The paper's representation ({@link Representation#MFCC_RMS_ZCR}). */
    public FeatureConfig(int sampleRate, int nFft, int hop, int nMels, int nMfcc, double fmin, double fmax, double topDb, PadMode pad) {
        this(sampleRate, nFft, hop, nMels, nMfcc, fmin, fmax, topDb, pad, Representation.MFCC_RMS_ZCR);
    }

    /** librosa 0.10/0.11 defaults. */
    public static FeatureConfig librosa() {
        return new FeatureConfig(22050, 2048, 512, 128, 20, 0, 0, 80, PadMode.CONSTANT);
    }

    /**
     * The usual front end of speech models: 16 kHz (RAVDESS's prepared rate, so nothing is resampled), {@code n_fft}
     * 512 (32 ms), hop 160 (10 ms), 64 Slaney mel bands from 50 Hz to 8 kHz, top_db 80, zero padding; in the given
     * log-mel representation.
     */
    public static FeatureConfig logMel64(Representation representation) {
        if (representation == Representation.MFCC_RMS_ZCR) throw new IllegalArgumentException("logMel64 is a log-mel configuration");
        return new FeatureConfig(16000, 512, 160, 64, 20, 50, 8000, 80, PadMode.CONSTANT, representation);
    }

    public FeatureConfig withPad(PadMode p) {
        return new FeatureConfig(sampleRate, nFft, hop, nMels, nMfcc, fmin, fmax, topDb, p, representation);
    }

    public FeatureConfig withRepresentation(Representation r) {
        return new FeatureConfig(sampleRate, nFft, hop, nMels, nMfcc, fmin, fmax, topDb, pad, r);
    }

    /** Channels per frame of the sequence layout: MFCC, RMS, ZCR ({@code nMfcc + 2}); mels; or mels × 3. */
    public int channels() {
        return switch (representation) {
            case MFCC_RMS_ZCR -> nMfcc + 2;
            case LOG_MEL -> nMels;
            case LOG_MEL_DELTAS -> 3 * nMels;
        };
    }

    /**
     * A stable text form used in cache keys and run records. The representation appears only when it is not the
     * default, so that the keys of the paper's configurations (hashed into committed run specs) never change.
     */
    public String key() {
        return "sr=" + sampleRate + ",n_fft=" + nFft + ",hop=" + hop + ",n_mels=" + nMels + ",n_mfcc=" + nMfcc
                + ",fmin=" + fmin + ",fmax=" + fmax + ",top_db=" + topDb + ",pad=" + pad
                + (representation == Representation.MFCC_RMS_ZCR ? "" : ",representation=" + representation);
    }
}
