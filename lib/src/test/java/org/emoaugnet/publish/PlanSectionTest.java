package org.emoaugnet.publish;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanSectionTest {
    static final String RESULTS_HEAD = "experiment,runs,planned runs,\"UA mean over seeds, 95% t CI (unit: seed)\","
            + "\"UA over recordings, 95% CI (resamples speakers, then recordings)\",\"UA − its baseline, points [95% t CI] (units), Holm p: verdict\"\n";

    static void write(Path results, String cost, String table) throws Exception {
        Path dir = results.resolve("ravdess");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(StudyOutputs.plan(PlanSection.PLAN, "cost")), cost);
        Files.writeString(dir.resolve(StudyOutputs.plan(PlanSection.PLAN, "results")), RESULTS_HEAD + table);
    }

    @Test
    void inProgressItSaysHowFarAndGivesNoNestedFigure(@TempDir Path results) throws Exception {
        assertEquals("", PlanSection.firstScreen(results), "no tables, no paragraph");
        write(results, "group,runs,planned runs,converged runs,wall time (h)\ninner,40,96,39,9.5\nfinal,12,30,12,2.0\nquestions,0,0,0,0\n",
                "\"nested (plan ravdess-s2, abc)\",12,30,\"61.0 [58.0, 64.0]\",\"61.0 [55.0, 67.0]\",\n"
                        + "baseline b,30,30,\"51.1 [48.7, 53.4]\",\"51.1 [46.3, 56.0]\",\n"
                        + "\"earlier attempt: nested search winner\",30,30,\"53.2 [50.4, 55.9]\",\"53.2 [47.6, 58.8]\",\n");
        String p = PlanSection.firstScreen(results);
        assertTrue(p.contains("in progress, 40 of 96 inner runs and 12 of 30 final runs finished"), p);
        assertFalse(p.contains("61.0"), "a partial nested figure is never stated: " + p);
        assertTrue(p.contains("earlier attempt reached UA 53.2 [50.4, 55.9] % ") && p.contains("baseline's 51.1 [48.7, 53.4] %"), p);
        // before any final run the results have no nested row: the counts come from the cost table
        write(results, "group,runs,planned runs,converged runs,wall time (h)\ninner,5,96,2,2.0\nfinal,0,30,0,0\nquestions,0,0,0,0\n",
                "baseline b,30,30,\"51.1 [48.7, 53.4]\",\"51.1 [46.3, 56.0]\",\n");
        p = PlanSection.firstScreen(results);
        assertTrue(p.contains("in progress, 5 of 96 inner runs and 0 of 30 final runs finished"), p);
        // an earlier attempt whose candidates came from two trainers says so
        write(results, "group,runs,planned runs,converged runs,wall time (h)\ninner,5,96,2,2.0\nfinal,0,30,0,0\nquestions,0,0,0,0\n",
                "baseline b,30,30,\"51.7 [49.8, 53.6]\",\"51.7 [47.1, 56.3]\",\n"
                        + "\"earlier attempt: nested search winner (s), its candidates made by 2 trainers: a by t-2 and b, c by t-1\",30,30,\"54.6 [52.5, 56.7]\",\"x\",\n");
        p = PlanSection.firstScreen(results);
        assertTrue(p.contains("The earlier attempt (its candidates from several trainers; notebook 06 says which) reached UA 54.6 [52.5, 56.7] %"), p);
    }

    @Test
    void completeItStatesTheNestedResultBothIntervalsAndThePrimaryTest(@TempDir Path results) throws Exception {
        write(results, "group,runs,planned runs,converged runs,wall time (h)\ninner,96,96,90,20\nfinal,30,30,30,6\nquestions,54,54,50,10\n",
                "\"nested (plan ravdess-s2, abc)\",30,30,\"61.0 [58.0, 64.0]\",\"61.0 [55.0, 67.0]\",\"+9.9 [+5.0, +14.8] (6 folds), Holm p 0.004: established\"\n"
                        + "baseline b,30,30,\"51.1 [48.7, 53.4]\",\"51.1 [46.3, 56.0]\",\n");
        String p = PlanSection.firstScreen(results);
        assertTrue(p.contains("nested UA 61.0 [58.0, 64.0] % over seeds"), p);
        assertTrue(p.contains("61.0 [55.0, 67.0] % over recordings"), p);
        assertTrue(p.contains("30 runs; the compact baseline 51.1 [48.7, 53.4] %"), p);
        assertTrue(p.contains("+9.9 [+5.0, +14.8] (6 folds), Holm p 0.004: established"), p);
    }
}
