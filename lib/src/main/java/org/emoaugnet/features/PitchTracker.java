package org.emoaugnet.features;

import org.emoaugnet.dsp.Stft;
import org.emoaugnet.dsp.PadMode;
import be.tarsos.dsp.pitch.FastYin;
import be.tarsos.dsp.pitch.McLeodPitchMethod;
import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.PitchDetector;
import be.tarsos.dsp.pitch.Yin;

/**
 * F0 contour with TarsosDSP's YIN or McLeod (MPM) pitch detector on centred frames (librosa framing, zero padding),
 * one value per frame; unvoiced frames are {@code NaN}. Not part of the paper's features: used for analysis.
 */
public final class PitchTracker {
    /** YIN (direct difference function), FAST_YIN (the same via FFT: much faster on long frames), McLeod MPM. */
    public enum Method { YIN, FAST_YIN, MCLEOD }

    private PitchTracker() {}

    public static float[] contour(float[] y, int sr, int frameLength, int hop, Method method) {
        PitchDetector d = switch (method) {
            case YIN -> new Yin(sr, frameLength);
            case FAST_YIN -> new FastYin(sr, frameLength);
            case MCLEOD -> new McLeodPitchMethod(sr, frameLength);
        };
        int t = Stft.frames(y.length, hop);
        float[] out = new float[t], buf = new float[frameLength];
        for (int f = 0; f < t; f++) {
            int start = f * hop - frameLength / 2;
            for (int i = 0; i < frameLength; i++) buf[i] = PadMode.CONSTANT.at(y, start + i);
            PitchDetectionResult r = d.getPitch(buf);
            out[f] = r.isPitched() && r.getPitch() > 0 ? r.getPitch() : Float.NaN;
        }
        return out;
    }

    /** Median F0 of the voiced frames, NaN if none. */
    public static double medianVoiced(float[] f0) {
        double[] v = java.util.stream.IntStream.range(0, f0.length).filter(i -> !Float.isNaN(f0[i])).mapToDouble(i -> f0[i]).sorted().toArray();
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }
}
