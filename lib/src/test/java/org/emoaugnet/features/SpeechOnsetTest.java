package org.emoaugnet.features;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class SpeechOnsetTest {
    static float[] silenceToneSilence(int sr, double start, double length, float noise) {
        float[] y = new float[sr * 2];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < y.length; i++) {
            double t = (double) i / sr;
            y[i] = (float) (noise * r.nextGaussian() + (t >= start && t < start + length ? 0.5 * Math.sin(2 * Math.PI * 220 * t) : 0));
        }
        return y;
    }

    @Test
    void findsTheFirstFrameWithinTopDbOfTheLoudestAsLibrosaTrim() {
        int sr = 16000;
        // a centred 2048-sample frame reaches the tone up to 1024 samples before it starts, plus up to one hop of 512
        int onset = SpeechOnset.sample(silenceToneSilence(sr, 0.5, 0.5, 0), 40);
        assertTrue(onset >= 8000 - 1536 && onset <= 8000, "onset " + onset);
        assertEquals(0, onset % SpeechOnset.HOP, "onsets fall on frame starts (frame * hop)");
        // noise 46 dB below the tone's RMS stays silent at top_db 40, but not at top_db 60
        float[] noisy = silenceToneSilence(sr, 0.5, 0.5, 0.0018f);
        assertTrue(SpeechOnset.sample(noisy, 40) >= 8000 - 1536);
        assertEquals(0, SpeechOnset.sample(noisy, 60));
        assertEquals(0, SpeechOnset.sample(new float[4000], 40), "all silent: from the start");
        assertEquals(0, SpeechOnset.sample(new float[0], 40));
    }

    @Test
    void onsetWindowsKeepThePublicKeyAndNameTheirOwn() {
        assertEquals("offset=0.6,duration=2.5,fit=ALIGNED", ClipWindow.publicPipeline().key(), "feature-cache keys of the public window unchanged");
        assertEquals("offset=0.0,duration=1.5,fit=ALIGNED,from_onset_top_db=40.0", ClipWindow.fromSpeechOnset(1.5).key());
        assertNotEquals(FeatureSpec.publicPipeline().key(), FeatureSpec.crossCorpus().key());
    }

    @Test
    void onsetWindowStartsAtTheSpeech(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        int sr = 22050;
        float[] y = silenceToneSilence(sr, 0.8, 1.0, 0);
        java.nio.file.Path wav = dir.resolve("a.wav");
        org.emoaugnet.audio.WavWriter.writeFloat32(wav, y, sr);
        var u = new org.emoaugnet.data.Utterance("a", wav, "test", "s1", org.emoaugnet.data.Gender.FEMALE, "x", org.emoaugnet.data.Emotion.NEUTRAL, java.util.Map.of());
        float[] clip = FeatureExtraction.load(u, FeatureSpec.crossCorpus());
        int onset = SpeechOnset.sample(y, 40);
        assertEquals(Math.min(Math.round(1.5 * sr), y.length - onset), clip.length, "1.5 s from the onset, or up to the file's end (fitted later)");
        assertEquals(Math.round(1.5 * sr), ClipWindow.fromSpeechOnset(1.5).fit(clip, sr).length);
        int lead = (int) Math.round(0.8 * sr) - onset;
        assertTrue(lead >= 0 && lead <= 1536, "at most a frame and a hop of silence before the tone: " + lead);
        for (int i = lead + 10; i < lead + 1000; i++) if (Math.abs(clip[i]) > 0.1) return;
        fail("no tone right after the onset");
    }
}
