package org.emoaugnet.features;

import org.emoaugnet.dsp.PadMode;
/**
 * Every parameter of feature extraction, defaulting to librosa's ({@code load} at 22,050 Hz, {@code n_fft} 2048,
 * hop 512, 128 Slaney mels from 0 Hz to sr/2, 20 MFCC, top_db 80, zero padding as in librosa ≥ 0.9).
 *
 * @param sampleRate working rate; audio is resampled to it
 * @param nFft       FFT size (also the RMS and ZCR frame length, as in the public pipeline)
 * @param hop        hop length
 * @param nMels      mel bands
 * @param nMfcc      MFCC coefficients
 * @param fmin       lowest mel edge (Hz)
 * @param fmax       highest mel edge (Hz); ≤ 0 means sr/2
 * @param topDb      dynamic-range floor of power_to_db relative to the clip maximum
 * @param pad        padding of the STFT and RMS frames ({@link PadMode#REFLECT} = librosa 0.7/0.8 behaviour)
 */
public record FeatureConfig(int sampleRate, int nFft, int hop, int nMels, int nMfcc, double fmin, double fmax,
                            double topDb, PadMode pad) {
    public FeatureConfig {
        if (Integer.bitCount(nFft) != 1) throw new IllegalArgumentException("nFft must be a power of two: " + nFft);
        if (hop <= 0 || nMels <= 0 || nMfcc <= 0 || nMfcc > nMels) throw new IllegalArgumentException("bad sizes: hop " + hop + ", nMels " + nMels + ", nMfcc " + nMfcc);
        if (pad == PadMode.EDGE) throw new IllegalArgumentException("EDGE padding is only used by ZCR");
    }

    /** librosa 0.10/0.11 defaults. */
    public static FeatureConfig librosa() {
        return new FeatureConfig(22050, 2048, 512, 128, 20, 0, 0, 80, PadMode.CONSTANT);
    }

    public FeatureConfig withPad(PadMode p) {
        return new FeatureConfig(sampleRate, nFft, hop, nMels, nMfcc, fmin, fmax, topDb, p);
    }

    /** Channels per frame of the sequence layout: MFCC, RMS, ZCR. */
    public int channels() { return nMfcc + 2; }

    /** A stable text form used in cache keys and run records. */
    public String key() {
        return "sr=" + sampleRate + ",n_fft=" + nFft + ",hop=" + hop + ",n_mels=" + nMels + ",n_mfcc=" + nMfcc
                + ",fmin=" + fmin + ",fmax=" + fmax + ",top_db=" + topDb + ",pad=" + pad;
    }
}
