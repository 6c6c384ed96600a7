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
    void robustnessNamesOnlyConditionsThatSurviveHolm(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("05-robustness-augmentation.csv");
        String head = "activation,comparison,paired runs,unconverged runs,run-level unit,units,Δ per unit (points),Δ over units (points),Δ 95% t CI low,"
                + "Δ 95% t CI high,p sign-flip (units),p Holm (units),smallest attainable p,Δ over recordings (points),Δ 95% CI low (speakers→recordings),"
                + "Δ 95% CI high (speakers→recordings),p bootstrap (speakers→recordings),p Holm (speakers→recordings)\n";
        Files.writeString(csv, head
                + "relu,clean,3,0,seed,3,+1.0 +2.0 +3.0,2.0,-0.5,4.5,0.25,0.5,0.25,2.0,-1.0,5.0,0.2,0.4\n"
                + "relu,white-20dB,3,0,seed,3,+40.0 +41.0 +42.0,41.0,38.5,43.5,0.25,0.5,0.25,41.0,35.0,47.0,0.0005,0.001\n");
        String s = Findings.robustness(Findings.read(csv));
        assertTrue(s.contains("white-20dB +41.0 [+35.0, +47.0]"), s);
        assertFalse(s.contains("clean +"), "a condition whose Holm-adjusted p is 0.4 is not named among the differences: " + s);
        assertTrue(s.contains("on clean speech +2.0 [-1.0, +5.0] (Holm p 0.400)"), "clean speech is always reported, with its adjusted p: " + s);
        assertTrue(s.contains("3 seed(s)") && s.contains("smallest attainable p is 0.250"), s);
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
