package org.emoaugnet.run;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RecordImport}: finished runs of another runs folder brought in whole, checked first, never replacing a record. */
class RecordImportTest {
    static final Path RUNS = RecordIntegrityTest.RUNS;
    static final String ONE = RecordIntegrityTest.SAMPLE, TWO = "ravdess-si-compact-relu/fold-2-seed1",
            EVALUATED = "robustness-ravdess-elu-aug-public-4/fold-1-seed7", EVALUATION = EVALUATED + "/eval-white-10dB";

    /** A source folder with two runs, one with a kept network and a half-made hidden folder, and a run with an evaluation. */
    private static Path source(Path tmp) throws IOException {
        Path from = tmp.resolve("from");
        for (String r : List.of(ONE, TWO, EVALUATED, EVALUATION)) RecordFixtures.copy(RUNS.resolve(r), from.resolve(r));
        Files.createDirectories(from.resolve(ONE).resolve("model"));
        Files.writeString(from.resolve(ONE).resolve("model").resolve("weights.bin"), "not committed");
        Files.createDirectories(from.resolve("ravdess-si-compact-relu/.tmp-fold-3-seed1"));
        Files.writeString(from.resolve("ravdess-si-compact-relu/.tmp-fold-3-seed1/history.csv"), "in progress");
        return from;
    }

    @Test
    void importsEachRunWholeAndOnlyOnce(@TempDir Path tmp) throws IOException {
        Path from = source(tmp), to = tmp.resolve("runs");
        var first = RecordImport.into(from, to);
        assertEquals(List.of(ONE, TWO, EVALUATED, EVALUATION).stream().sorted().toList(), first.imported().stream().sorted().toList());
        assertEquals(List.of(), first.alreadyThere());
        for (String r : first.imported()) {
            assertEquals(List.of(), RecordCheck.full(to.resolve(r)), r);
            assertArrayEquals(Files.readAllBytes(from.resolve(r).resolve(RunRecord.FILE)), Files.readAllBytes(to.resolve(r).resolve(RunRecord.FILE)));
        }
        assertFalse(Files.exists(to.resolve(ONE).resolve("model")), "a kept network is never imported");
        assertFalse(Files.exists(to.resolve("ravdess-si-compact-relu/.tmp-fold-3-seed1")), "a run in progress is not imported");
        try (var s = Files.list(to.resolve("ravdess-si-compact-relu"))) {
            assertEquals(List.of("fold-1-seed1", "fold-2-seed1"), s.map(p -> p.getFileName().toString()).sorted().toList(), "no hidden copy left behind");
        }
        var again = RecordImport.into(from, to);
        assertEquals(List.of(), again.imported());
        assertEquals(4, again.alreadyThere().size());
    }

    @Test
    void refusesBeforeCopyingAnythingNamingEveryProblem(@TempDir Path tmp) throws IOException {
        Path from = source(tmp), to = tmp.resolve("runs");
        // a changed prediction file in the source, and a target that already holds another record
        Path predictions = from.resolve(TWO).resolve(Predictions.FILE);
        Files.writeString(predictions, Files.readString(predictions) + "\n");
        RecordFixtures.copy(RUNS.resolve("ravdess-si-compact-relu/fold-1-seed2"), to.resolve(ONE));
        var e = assertThrows(RecordImport.Refused.class, () -> RecordImport.into(from, to));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains(predictions.toString()) && p.contains("changed since the run was recorded")), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.contains(to.resolve(ONE).resolve(RunRecord.FILE).toString()) && p.contains("holds another record")), e.getMessage());
        assertFalse(Files.exists(to.resolve(EVALUATED)), "nothing copied");
        assertFalse(Files.exists(to.resolve(TWO)), "nothing copied");
    }

    @Test
    void refusesARecordOutOfItsPlace(@TempDir Path tmp) throws IOException {
        Path from = tmp.resolve("from"), to = tmp.resolve("runs");
        RecordFixtures.copy(RUNS.resolve(ONE), from.resolve("another-experiment/fold-1-seed1"));
        var e = assertThrows(RecordImport.Refused.class, () -> RecordImport.into(from, to));
        assertTrue(e.getMessage().contains("its experiment is ravdess-si-compact-relu, but it lies in another-experiment"), e.getMessage());
        assertThrows(IOException.class, () -> RecordImport.into(tmp.resolve("empty"), to), "no records to import");
    }
}
