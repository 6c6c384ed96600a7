package org.emoaugnet.publish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrongestModelSectionTest {
    private static final String HEADER = "experiment,fold set,model,protocol,activation,runs,planned runs,converged runs,seeds,folds,test recordings,test speakers,"
            + "\"UA mean over seeds, 95% t CI (unit: seed)\",\"UA over recordings, 95% CI (resamples speakers, then recordings)\"\n";

    @Test
    void rendersEachRowWithItsFoldSetIntervalsAndConvergence(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("06-results.csv");
        Files.writeString(csv, HEADER
                + "nested search winner (ravdess-search),emobox-6,\"strong-cnn-pool, compact-cnn-lstm\",SPEAKER_INDEPENDENT,relu,30,30,29,\"1,2,3,4,5\",6,1440,24,\"55.5 [53.0, 58.0]\",\"55.4 [50.1, 60.2]\"\n"
                + "baseline ravdess-si8-compact-relu,reslstm-5,compact-cnn-lstm,SPEAKER_INDEPENDENT,relu,20,25,20,\"1,2,3,4\",5,1200,20,\"50.0 [48.0, 52.0]\",\"50.1 [45.0, 55.0]\"\n");
        String md = StrongestModelSection.markdown(Findings.read(csv));
        assertTrue(md.contains("| nested search winner (ravdess-search) | emobox-6 | strong-cnn-pool, compact-cnn-lstm | 30 of 30 (29) | 55.5 [53.0, 58.0] (1,2,3,4,5) | 55.4 [50.1, 60.2] |"), md);
        assertTrue(md.contains("nested search winner (ravdess-search): 1 run(s) stopped at the epoch cap"), md);
        assertTrue(md.contains("baseline ravdess-si8-compact-relu: 20 of 25 planned runs finished"), md);
        assertTrue(md.contains("| baseline ravdess-si8-compact-relu | reslstm-5 | compact-cnn-lstm | 20 of 25 (20) |"), md);
        assertFalse(md.contains("No search's final runs"), md);
        assertFalse(md.contains("after round N"), "one round: nothing to explain");
        assertTrue(md.contains("ResLSTM-SA") && md.contains("62.3 (reslstm-5, from scratch)"), md);
    }

    @Test
    void explainsAnEarlierRoundsRow(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("06-results.csv");
        Files.writeString(csv, HEADER
                + "nested search winner (ravdess-search),emobox-6,strong-cnn-pool,SPEAKER_INDEPENDENT,relu,30,30,30,\"1,2,3,4,5\",6,1440,24,\"56.0 [54.0, 58.0]\",\"56.0 [51.0, 61.0]\"\n"
                + "nested search winner after round 1 (ravdess-search),emobox-6,\"compact-cnn-lstm, strong-cnn-pool\",SPEAKER_INDEPENDENT,relu,30,30,29,\"1,2,3,4,5\",6,1440,24,\"49.7 [46.7, 52.7]\",\"49.7 [45.0, 54.8]\"\n");
        String md = StrongestModelSection.markdown(Findings.read(csv));
        assertTrue(md.contains("A row \"after round N\" is the nested result before later rounds' candidates were added"), md);
        assertTrue(md.contains("| nested search winner after round 1 (ravdess-search) | emobox-6 |"), md);
    }

    @Test
    void saysWhenOnlyBaselinesExist(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("06-results.csv");
        Files.writeString(csv, HEADER
                + "baseline ravdess-si8-emobox-compact-relu,emobox-6,compact-cnn-lstm,SPEAKER_INDEPENDENT,relu,30,30,30,\"1,2,3,4,5\",6,1440,24,\"51.1 [48.7, 53.4]\",\"51.1 [46.3, 56.0]\"\n");
        assertTrue(StrongestModelSection.markdown(Findings.read(csv)).contains("No search's final runs are committed yet"));
    }
}
