package org.emoaugnet.run;

import org.emoaugnet.design.ExperimentConfigs;
import org.emoaugnet.run.RunSpec;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Properties;
import org.emoaugnet.model.TrainOptions;
import org.junit.jupiter.api.Test;

/**
 * The training options in run specifications and experiment files: absent from a spec unless used (so every spec
 * without them keeps its fields and hash), read back when present, and each one changes the hash; in experiment files
 * they are known keys, and a misspelt one is still an error.
 */
class RunSpecTrainOptionsTest {
    @Test
    void optionsAreSpecFieldsOnlyWhenUsedAndReadBack() {
        RunSpec a = RunnerTest.spec(10);
        assertTrue(a.fields().keySet().stream().noneMatch(k -> k.matches("training\\.(label_smoothing|specaugment|mixup_alpha|weight_decay|schedule|warmup_epochs)")),
                "no option fields without options: " + a.fields().keySet());
        assertEquals(TrainOptions.NONE, RunSpec.fromFields(a.fields()).training().options());
        TrainOptions all = new TrainOptions(0.1, new TrainOptions.SpecAugment(2, 20, 2, 8), 0.2, 1e-4, TrainOptions.Schedule.WARMUP_COSINE, 3);
        List<TrainOptions> each = List.of(TrainOptions.NONE.withLabelSmoothing(0.1), TrainOptions.NONE.withSpecAugment(all.specAugment()),
                TrainOptions.NONE.withMixup(0.2), TrainOptions.NONE.withWeightDecay(1e-4),
                TrainOptions.NONE.withSchedule(TrainOptions.Schedule.WARMUP_COSINE, 3), all);
        for (TrainOptions o : each) {
            RunSpec s = withOptions(a, o);
            assertNotEquals(a.sha256(), s.sha256(), o.toString());
            RunSpec back = RunSpec.fromFields(s.fields());
            assertEquals(o, back.training().options());
            assertEquals(s.sha256(), back.sha256());
        }
        assertEquals("2,20,2,8", withOptions(a, all).fields().get("training.specaugment"));
        assertEquals("warmup-cosine", withOptions(a, all).fields().get("training.schedule"));
    }

    @Test
    void aFixedBudgetIsTheSelectionFieldAndReadsBack() {
        RunSpec a = RunnerTest.spec(10);
        TrainOptions cosine = TrainOptions.NONE.withSchedule(TrainOptions.Schedule.WARMUP_COSINE, 2);
        RunSpec noStop = a.withLearning(RunSpec.Learning.of(a.training().withOptions(cosine), a.seed()));
        noStop = noStop.withLearning(RunSpec.Learning.of(new org.emoaugnet.model.TrainConfig(10, noStop.training().batch(), noStop.training().learningRate(), 0,
                1, noStop.training().lrPatience(), 0, 0, cosine), a.seed()));
        RunSpec last = noStop.withLearning(RunSpec.Learning.of(noStop.training().withOptions(cosine.withSelection(org.emoaugnet.model.Selection.LAST)), a.seed()));
        assertEquals("val_ua", noStop.fields().get("training.selection"));
        assertEquals("last", last.fields().get("training.selection"));
        assertNotEquals(noStop.sha256(), last.sha256());
        RunSpec back = RunSpec.fromFields(last.fields());
        assertEquals(last.sha256(), back.sha256());
        assertEquals(org.emoaugnet.model.Selection.LAST, back.training().options().selection());
        var f = new java.util.TreeMap<>(last.fields());
        f.put("training.selection", "best");
        assertThrows(IllegalArgumentException.class, () -> RunSpec.fromFields(f));
        var mismatch = noStop.training();
        assertThrows(IllegalArgumentException.class, () -> new RunSpec.Learning(mismatch, "last", 1), "the field and the options must agree");
    }

    static RunSpec withOptions(RunSpec a, TrainOptions o) {
        var f = new java.util.TreeMap<>(a.fields());
        RunSpec s = RunSpec.fromFields(f);
        return s.withLearning(new RunSpec.Learning(s.training().withOptions(o), o.selection().key(), s.seed()));
    }

    @Test
    void experimentFilesAcceptTheOptionKeysAndStillRefuseUnknownOnes() {
        Properties p = new Properties();
        p.setProperty("name", "x");
        p.setProperty("corpus", "synthetic");
        p.setProperty("label_smoothing", "0.1");
        p.setProperty("specaugment", "2, 20, 2, 8");
        p.setProperty("mixup_alpha", "0.2");
        p.setProperty("weight_decay", "1e-4");
        p.setProperty("lr_schedule", "warmup-cosine");
        p.setProperty("warmup_epochs", "2");
        TrainOptions o = ExperimentConfigs.parse(p).train().options();
        assertEquals(new TrainOptions(0.1, new TrainOptions.SpecAugment(2, 20, 2, 8), 0.2, 1e-4, TrainOptions.Schedule.WARMUP_COSINE, 2), o);
        Properties none = new Properties();
        none.setProperty("name", "x");
        none.setProperty("corpus", "synthetic");
        assertEquals(TrainOptions.NONE, ExperimentConfigs.parse(none).train().options());
        none.setProperty("mixup", "0.2");
        assertThrows(org.emoaugnet.util.KnownKeys.UnknownKeyException.class, () -> ExperimentConfigs.parse(none));
        Properties bad = new Properties();
        bad.putAll(p);
        bad.setProperty("lr_schedule", "cosine");
        assertTrue(assertThrows(org.emoaugnet.util.ConfigurationException.class, () -> ExperimentConfigs.parse(bad)).getMessage()
                .startsWith("experiment: lr_schedule=cosine: must be one of plateau, warmup-cosine"));
    }
}
