package org.emoaugnet.features;

import org.emoaugnet.dsp.PadMode;
/**
 * Where speech starts in a recording, as {@code librosa.effects.trim} finds it: frame RMS (centred frames, zero
 * padding), in dB relative to the loudest frame; the first frame louder than {@code -topDb} starts the sound, at
 * sample {@code frame * hop}. Pure function.
 */
public final class SpeechOnset {
    public static final int FRAME_LENGTH = 2048, HOP = 512;

    private SpeechOnset() {}

    /** The first non-silent sample (0 for an all-silent or empty signal). */
    public static int sample(float[] y, double topDb) {
        if (y.length == 0) return 0;
        float[] rms = LibrosaFeatures.rms(y, FRAME_LENGTH, HOP, PadMode.CONSTANT);
        double max = 0;
        for (float r : rms) max = Math.max(max, r);
        if (max <= 0) return 0;
        double threshold = max * Math.pow(10, -topDb / 20);   // 20 log10(rms / max) > -topDb
        for (int i = 0; i < rms.length; i++) if (rms[i] > threshold) return Math.min(i * HOP, y.length - 1);
        return 0;
    }
}
