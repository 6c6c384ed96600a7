package org.emoaugnet.data;

import org.emoaugnet.data.loaders.Corpora;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.emoaugnet.util.Progress;
import org.emoaugnet.util.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusScanTest {
    @TempDir Path dir;

    @BeforeAll
    static void quiet() { Progress.setQuiet(true); }

    @Test
    void everyBadFileIsReportedAtOnceAndCanBeSkipped() throws Exception {
        Path root = FixtureTrees.ravdess(dir.resolve("data/ravdess"), 2);
        Files.write(root.resolve("Actor_01/03-01-03-01-01-01-01.wav"), new byte[0]);
        Files.writeString(root.resolve("Actor_02/03-01-04-02-01-01-02.wav"), "not audio at all");
        Settings s = Settings.resolve(Map.of("EMOAUG_DATA", dir.resolve("data").toString()), Map.of());
        CorpusException e = assertThrows(CorpusException.class, () -> Corpora.open(s));
        assertEquals(2, e.badFiles().size());
        assertTrue(e.getMessage().contains("03-01-03-01-01-01-01.wav: empty file"), e.getMessage());
        assertTrue(e.getMessage().contains("03-01-04-02-01-01-02.wav: not a RIFF/WAVE file"), e.getMessage());

        Settings skip = Settings.resolve(Map.of("EMOAUG_DATA", dir.resolve("data").toString(), "EMOAUG_SKIP_BAD", "1"), Map.of());
        var reports = Corpora.open(skip);
        assertEquals(1, reports.size());
        assertEquals(28, reports.get(0).corpus().size());
        assertEquals(2, reports.get(0).bad().size());
    }

    @Test
    void identicalAudioIsFoundWhateverTheFileName() throws Exception {
        Path root = FixtureTrees.ravdess(dir.resolve("ravdess"), 1);
        Files.copy(root.resolve("Actor_01/03-01-03-01-01-01-01.wav"), root.resolve("Actor_01/03-01-03-01-01-02-01.wav"));
        var rep = CorpusScan.scan(new org.emoaugnet.data.loaders.RavdessLoader().load(root).corpus());
        assertEquals(1, rep.duplicateGroups().size());
        assertEquals(2, rep.duplicateGroups().get(0).size());
        assertEquals(16, rep.table().rowCount());
        assertEquals(0.2, rep.files().get(0).duration(), 1e-9);
    }

    @Test
    void aDataFolderWithoutCorporaIsAClearError() throws Exception {
        Files.createDirectories(dir.resolve("empty/sub"));
        Settings s = Settings.resolve(Map.of("EMOAUG_DATA", dir.resolve("empty").toString()), Map.of());
        var e = assertThrows(CorpusException.class, () -> Corpora.open(s));
        assertTrue(e.getMessage().contains("no known corpus layout"));
        Settings wrong = Settings.resolve(Map.of("EMOAUG_DATA", dir.toString(), "EMOAUG_CORPUS", "iemocap"), Map.of());
        FixtureTrees.emodb(dir.resolve("emodb"), false);
        var e2 = assertThrows(CorpusException.class, () -> Corpora.open(wrong));
        assertTrue(e2.getMessage().contains("iemocap"));
    }
}
