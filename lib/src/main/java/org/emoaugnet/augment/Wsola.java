package org.emoaugnet.augment;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;
import be.tarsos.dsp.WaveformSimilarityBasedOverlapAdd;
import be.tarsos.dsp.io.TarsosDSPAudioFormat;
import be.tarsos.dsp.io.UniversalAudioInputStream;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.emoaugnet.audio.ArbitraryResampler;

/**
 * TarsosDSP's WSOLA (SoundTouch TDStretch port) with its speech defaults (sequence 40 ms, seek 15 ms, overlap
 * 12 ms), fed 32-bit float samples (no 16-bit round trip), the output padded or cut to {@code round(n / rate)}
 * because WSOLA's length is only approximately right. Pitch shift = WSOLA stretch by {@code 2^(-n/12)}, then our
 * band-limited resampler from {@code sr / rate} to {@code sr} instead of TarsosDSP's low-quality
 * {@code RateTransposer}. Artefacts differ from the phase vocoder: splices and repeated pitch periods instead of
 * phasiness; level is kept (the phase vocoder loses up to a few dB on noise-like signals).
 */
public final class Wsola {
    private Wsola() {}

    public static float[] timeStretch(float[] y, int sr, double rate) {
        if (rate <= 0) throw new IllegalArgumentException("rate must be positive: " + rate);
        int target = (int) Math.rint(y.length / rate);
        WaveformSimilarityBasedOverlapAdd w = create(rate, sr);
        // pad the input so that the last full WSOLA buffer still covers the end of the signal
        float[] in = java.util.Arrays.copyOf(y, y.length + 2 * w.getInputBufferSize());
        ByteBuffer bytes = ByteBuffer.allocate(4 * in.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : in) bytes.putFloat(v);
        TarsosDSPAudioFormat fmt = new TarsosDSPAudioFormat(be.tarsos.dsp.io.TarsosDSPAudioFloatConverter.PCM_FLOAT, sr, 32, 1, 4, sr, false);
        AudioDispatcher d = new AudioDispatcher(new UniversalAudioInputStream(new ByteArrayInputStream(bytes.array()), fmt),
                w.getInputBufferSize(), w.getOverlap());
        w.setDispatcher(d);
        float[][] out = {new float[target + 4096]};
        int[] len = {0};
        d.addAudioProcessor(w);
        d.addAudioProcessor(new AudioProcessor() {
            @Override
            public boolean process(AudioEvent e) {
                float[] b = e.getFloatBuffer();
                if (len[0] + b.length > out[0].length) out[0] = java.util.Arrays.copyOf(out[0], 2 * (len[0] + b.length));
                System.arraycopy(b, 0, out[0], len[0], b.length);
                len[0] += b.length;
                return true;
            }

            @Override
            public void processingFinished() {}
        });
        d.run();
        return java.util.Arrays.copyOf(out[0], target);
    }

    /** TarsosDSP prints "New overlapLength..." to standard output on construction; keep it out of notebooks. */
    private static synchronized WaveformSimilarityBasedOverlapAdd create(double rate, int sr) {
        java.io.PrintStream out = System.out;
        try {
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            return new WaveformSimilarityBasedOverlapAdd(WaveformSimilarityBasedOverlapAdd.Parameters.speechDefaults(rate, sr));
        } finally {
            System.setOut(out);
        }
    }

    public static float[] pitchShift(float[] y, int sr, double nSteps) {
        double rate = Math.pow(2, -nSteps / 12.0);
        float[] ys = timeStretch(y, sr, rate);
        return java.util.Arrays.copyOf(ArbitraryResampler.resample(ys, sr / rate, sr), y.length);
    }
}
