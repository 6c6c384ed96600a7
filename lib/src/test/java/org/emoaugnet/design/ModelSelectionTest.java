package org.emoaugnet.design;

import org.emoaugnet.publish.LedgerTest;

import org.emoaugnet.design.ModelSelection;
import org.emoaugnet.run.RunRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.emoaugnet.design.ModelSelection.ValidationScore;
import org.junit.jupiter.api.Test;

class ModelSelectionTest {
    private static final List<String> CANDIDATES = List.of("ravdess-si-compact-relu", "ravdess-si-compact-elu");

    /** The committed speaker-independent ReLU and ELU runs as two candidates: 5 folds × 3 seeds each. */
    private static List<RunRecord> committed() throws IOException {
        Path runs = LedgerTest.projectRoot().resolve("results/runs");
        List<RunRecord> out = new ArrayList<>();
        for (String c : CANDIDATES)
            for (int fold = 1; fold <= 5; fold++)
                for (int seed = 1; seed <= 3; seed++) out.add(RunRecord.read(runs.resolve(c).resolve("fold-" + fold + "-seed" + seed)));
        return out;
    }

    private static List<ValidationScore> scores(List<RunRecord> records) {
        return records.stream().map(r -> ValidationScore.of(r.experiment(), r)).toList();
    }

    /** The same record with its test metrics replaced: what a selection that peeked at the test side would react to. */
    private static RunRecord withTestUa(RunRecord r, double ua) {
        RunRecord.Test t = r.test();
        RunRecord.Test poisoned = new RunRecord.Test(ua, ua, ua, ua, ua, ua, ua, Collections.nCopies(t.recall().size(), ua));
        return new RunRecord(r.experiment(), r.spec(), r.specSha256(), r.provenance(), r.split(), r.training(), poisoned, r.classes(), r.history(),
                r.files(), r.finishedUtc(), r.wallSeconds(), r.note());
    }

    @Test
    void selectionCannotReadTestActorMetrics() throws IOException {
        List<RunRecord> records = committed();
        Map<String, String> honest = ModelSelection.nested(scores(records), CANDIDATES);
        String pooled = ModelSelection.pooled(scores(records), CANDIDATES);
        // make every nested loser perfect and every winner hopeless on the test actors: a selection reading the test side flips
        List<RunRecord> poisoned = records.stream()
                .map(r -> withTestUa(r, r.experiment().equals(honest.get(r.spec().fold())) ? 0.0 : 1.0)).toList();
        assertEquals(honest, ModelSelection.nested(scores(poisoned), CANDIDATES));
        assertEquals(pooled, ModelSelection.pooled(scores(poisoned), CANDIDATES));
        // and what selection sees has no component but candidate, fold, seed and the validation score
        assertEquals(List.of("candidate", "fold", "seed", "validation"),
                Arrays.stream(ValidationScore.class.getRecordComponents()).map(c -> c.getName()).toList());
    }

    @Test
    void validationScoresDoDecide() throws IOException {
        List<RunRecord> records = committed();
        Map<String, String> honest = ModelSelection.nested(scores(records), CANDIDATES);
        // lower every validation score of fold-1's winner far below the other candidate's: fold-1 changes hands
        String winner = honest.get("fold-1");
        List<ValidationScore> lowered = scores(records).stream()
                .map(s -> s.fold().equals("fold-1") && s.candidate().equals(winner) ? new ValidationScore(s.candidate(), s.fold(), s.seed(), 0.0) : s).toList();
        assertNotEquals(winner, ModelSelection.nested(lowered, CANDIDATES).get("fold-1"));
    }

    @Test
    void nestedAndPooledOnAConstructedCase() {
        List<ValidationScore> s = List.of(
                new ValidationScore("a", "f1", 1, 0.60), new ValidationScore("b", "f1", 1, 0.50),
                new ValidationScore("a", "f2", 1, 0.40), new ValidationScore("b", "f2", 1, 0.70),
                new ValidationScore("a", "f3", 1, 0.60), new ValidationScore("b", "f3", 1, 0.40),
                new ValidationScore("a", "f3", 2, 0.60), new ValidationScore("b", "f3", 2, 0.90));
        assertEquals(Map.of("f1", "a", "f2", "b", "f3", "b"), ModelSelection.nested(s, List.of("a", "b")));
        assertEquals("b", ModelSelection.pooled(s, List.of("a", "b")));   // a: (0.6+0.4+0.6)/3, b: (0.5+0.7+0.65)/3
        // ties go to the candidate listed first
        List<ValidationScore> tie = List.of(new ValidationScore("a", "f1", 1, 0.5), new ValidationScore("b", "f1", 1, 0.5));
        assertEquals("b", ModelSelection.nested(tie, List.of("b", "a")).get("f1"));
        var log = ModelSelection.log(s, List.of("a", "b"));
        assertEquals(6, log.size());
        assertEquals(3, log.stream().filter(ModelSelection.LogRow::chosen).count());
        assertEquals(0.65, log.get(5).meanValidation(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ModelSelection.nested(s, List.of("c")));
    }
}
