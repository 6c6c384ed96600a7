package org.emoaugnet.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings are sentences computed from result tables: constructed tables whose sentences are known. */
class FindingsTest {
    @Test
    void robustnessNamesConditionsByTheirVerdictFromTheWrittenTable(@TempDir Path dir) throws Exception {
        java.util.Map<String, Comparison> cmp = new java.util.LinkedHashMap<>();
        cmp.put("clean", VerdictsTest.constructed("seed", "clean", 1.0, 2.0, 3.0));
        cmp.put("white-20dB", VerdictsTest.constructed("seed", "white", 40.0, 41.0, 42.0));
        cmp.put("telephone-band", VerdictsTest.constructed("seed", "tel", 6.0, 8.4, 10.7));
        tech.tablesaw.api.Table t = StudyReport.comparisonTable("effect", cmp);
        t.insertColumn(0, tech.tablesaw.api.StringColumn.create("activation", java.util.Collections.nCopies(t.rowCount(), "relu")));
        Path csv = dir.resolve("05-robustness-augmentation.csv");
        org.emoaugnet.util.Tables.saveCsv(t, csv);
        String s = Findings.robustness(Findings.read(csv));
        assertTrue(s.contains("established over seeds (paired t, Holm p < 0.05; 95% t CI): white-20dB +41.0 [+38.5, +43.5]"), s);
        assertFalse(s.contains("; clean +"), "clean speech is not among the established differences: " + s);
        assertTrue(s.contains("On clean speech +2.0 over seeds [-0.5, +4.5]: interval excludes zero, not established after Holm")
                || s.contains("On clean speech +2.0 over seeds [-0.5, +4.5]: no difference established"), s);
        assertTrue(s.contains("3 seed(s)") && s.contains("Power of this family (3 comparisons, unit: seed, 3 units)"), s);
        assertTrue(NoDifferenceWordingTest.contradictions(s).isEmpty(), s);
    }

    @Test
    void theCrossCorpusSentenceCountsUnconvergedCells(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("05-cross-corpus.csv");
        Files.writeString(csv, "variant,train,test,kind,experiment,test_items,runs,converged runs,WA (%),UA (%),UA 95% CI low (speakers→recordings),"
                + "UA 95% CI high (speakers→recordings)\n"
                + "main,a,a,within (speaker-independent),e1,10,5,5,50,48,40,56\n"
                + "main,a,b,cross-corpus,e2,10,1,0,20,21,15,27\n"
                + "main,b,a,cross-corpus,e3,10,1,1,25,24,18,30\n");
        String s = Findings.crossCorpus(Findings.read(csv));
        assertTrue(s.contains("48.0–48.0 % within") && s.contains("21.0–24.0 % across"), s);
        assertTrue(s.contains("1 of the grid's 3 cells"), s);
    }
}
