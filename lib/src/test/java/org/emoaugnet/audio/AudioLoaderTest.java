package org.emoaugnet.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.emoaugnet.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioLoaderTest {
    @TempDir Path dir;

    @Test
    void windowIsCountedAtTheNativeRateThenResampled() throws Exception {
        Path f = dir.resolve("a.wav");
        WavWriter.write(f, new float[][] {Fixtures.sine(16000, 4.0, 300, 0.3), Fixtures.sine(16000, 4.0, 300, 0.3)}, 16000, 16, false);
        float[] y = AudioLoader.load(f, 22050, 0.6, 2.5);
        // int(2.5 * 16000) = 40000 native frames -> ceil(40000 * 22050 / 16000) = 55125 samples
        assertEquals(55125, y.length);
        float[] all = AudioLoader.load(f, 22050);
        assertEquals(88200, all.length);
    }

    @Test
    void offsetPastTheEndIsAnErrorNamingTheFile() throws Exception {
        Path f = Fixtures.wav(dir.resolve("short.wav"), 16000, 0.5, 1);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioLoader.load(f, 22050, 0.6, 2.5));
        assertTrue(e.getMessage().contains("short.wav"));
    }
}
