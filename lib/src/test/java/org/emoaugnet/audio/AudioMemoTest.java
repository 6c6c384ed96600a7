package org.emoaugnet.audio;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.emoaugnet.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioMemoTest {
    @TempDir Path tmp;

    @Test
    void givesTheLoadersSamplesAsACopyAndReadsAnEditedFileAgain() throws Exception {
        Path f = Fixtures.wav(tmp.resolve("a.wav"), 16000, 0.5, 1);
        float[] first = AudioMemo.load(f, 22050, 0.1, 0.3);
        assertArrayEquals(AudioLoader.load(f, 22050, 0.1, 0.3), first);
        first[0] = 42;   // a caller's copy: changing it changes nothing held
        assertArrayEquals(AudioLoader.load(f, 22050, 0.1, 0.3), AudioMemo.load(f, 22050, 0.1, 0.3));
        assertArrayEquals(AudioLoader.load(f, 22050, 0, -1), AudioMemo.load(f, 22050, 0, -1), "another request, another entry");

        FileTime before = Files.getLastModifiedTime(f);
        Fixtures.wav(f, 16000, 0.5, 2);   // same size, other samples
        Files.setLastModifiedTime(f, FileTime.fromMillis(before.toMillis() + 2000));
        assertArrayEquals(AudioLoader.load(f, 22050, 0.1, 0.3), AudioMemo.load(f, 22050, 0.1, 0.3), "an edited file is read again");
    }

    @Test
    void aMissingFileGetsTheLoadersError() {
        Path missing = tmp.resolve("missing.wav");
        Exception e = assertThrows(Exception.class, () -> AudioMemo.load(missing, 22050, 0, -1));
        assertTrue(e.getMessage().contains("missing.wav"), e.getMessage());
    }
}
