package org.emoaugnet.it;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.data.CorpusScan;
import org.emoaugnet.data.Emotion;
import org.emoaugnet.data.SplitReport;
import org.emoaugnet.util.Settings;
import org.junit.jupiter.api.Test;

/**
 * Scans the real corpora of the project's reference material when present: {@code EMOAUG_TEST_DATA}, else
 * {@code ../shared/data} beside the checkout. Skipped where neither exists.
 */
class SharedDataIT {
    static Path data() {
        String env = System.getenv("EMOAUG_TEST_DATA");
        if (env != null && !env.isBlank()) return Path.of(env);
        return NotebooksIT.root().resolve("../shared/data").normalize();
    }

    @Test
    void ravdessAndEmoDb2sScanCompletely() throws Exception {
        Path data = data();
        assumeTrue(Files.isDirectory(data), "no shared data at " + data);
        Settings s = Settings.resolve(Map.of("EMOAUG_HOME", NotebooksIT.root().toString(), "EMOAUG_DATA", data.toString()), Map.of());
        List<CorpusScan.Report> reports = Corpora.open(s);
        CorpusScan.Report rav = reports.stream().filter(r -> r.corpus().name().equals("ravdess")).findFirst().orElseThrow();
        assertEquals(1440, rav.files().size());
        assertTrue(rav.bad().isEmpty());
        assertEquals(24, rav.corpus().speakers().size());
        rav.corpus().countBySpeaker().forEach((k, v) -> assertEquals(60, v, k));
        assertEquals(96, rav.corpus().countByEmotion().get(Emotion.NEUTRAL));
        assertEquals(192, rav.corpus().countByEmotion().get(Emotion.CALM));
        assertEquals(List.of(List.of("ravdess/03-01-03-01-02-01-07", "ravdess/03-01-03-01-02-02-07")), rav.duplicateGroups(),
                "the byte-identical pair in Actor_07 (PROVENANCE.md)");
        assertTrue(rav.files().stream().allMatch(f -> f.sampleRate() == 16000 && f.channels() == 1));

        CorpusScan.Report emo = reports.stream().filter(r -> r.corpus().name().equals("emodb-2s")).findFirst().orElseThrow();
        assertEquals(535, emo.files().size());
        assertEquals(10, emo.corpus().speakers().size());
        assertEquals(127, emo.corpus().countByEmotion().get(Emotion.ANGRY));
        assertEquals(81, emo.corpus().countByEmotion().get(Emotion.BOREDOM));
        assertTrue(emo.files().stream().allMatch(f -> f.sampleRate() == 22050 && Math.abs(f.duration() - 2.0) < 1e-9));

        List<SplitReport> diag = Corpora.splitDiagnostics(rav, ClassSet.RAVDESS_7_PAPER, 42);
        assertEquals(24, diag.get(0).overlappingSpeakers().size(), "paper-style split shares all 24 actors");
        assertEquals(6, diag.size());
        for (SplitReport r : diag.subList(1, diag.size())) assertFalse(r.leaks(), r.summary());
    }
}
