package org.emoaugnet.audio;

/**
 * What a WAV header says.
 *
 * @param sampleRate    frames per second
 * @param channels      interleaved channels
 * @param bitsPerSample container bits per sample (8, 16, 24, 32, 64)
 * @param floatingPoint IEEE float samples (format 3) rather than integer PCM (format 1)
 * @param frames        number of complete frames in the data chunk
 */
public record WavInfo(int sampleRate, int channels, int bitsPerSample, boolean floatingPoint, long frames) {
    public double durationSeconds() { return frames / (double) sampleRate; }

    public String encoding() {
        return (floatingPoint ? "float" : "pcm") + bitsPerSample;
    }
}
