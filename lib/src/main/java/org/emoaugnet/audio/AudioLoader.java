package org.emoaugnet.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code librosa.load} in Java: decode, cut the window (offset and duration counted in native frames, truncated
 * toward zero), mix to mono (float32 mean), resample to the working rate with {@link Resampler}.
 */
public final class AudioLoader {
    /** librosa's default working rate. */
    public static final int DEFAULT_RATE = 22050;

    private AudioLoader() {}

    /** Loads the whole file, mono, at {@code targetRate}. */
    public static float[] load(Path file, int targetRate) throws IOException {
        return load(file, targetRate, 0.0, -1.0);
    }

    /**
     * Loads {@code duration} seconds starting at {@code offset} seconds (duration &lt; 0: to the end), mono, at
     * {@code targetRate}. A file shorter than the window yields fewer samples, as librosa does.
     */
    public static float[] load(Path file, int targetRate, double offset, double duration) throws IOException {
        WavInfo info = WavReader.info(file);
        int sr = info.sampleRate();
        long off = (long) (offset * sr);
        long len = duration < 0 ? -1 : (long) (duration * sr);
        WavReader.Decoded d = WavReader.read(file, off, len);
        float[] mono = d.mono();
        if (mono.length == 0) throw new AudioFormatException(file, "no audio after offset " + offset + " s (file lasts " + info.durationSeconds() + " s)");
        return Resampler.resample(mono, sr, targetRate);
    }
}
