package org.emoaugnet.model;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.util.ModelSerializer;
import org.emoaugnet.features.Scaler;
import org.emoaugnet.model.fused.FusedNetwork;
import org.emoaugnet.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers that are not finite never pass: training stops at the batch whose loss (or whose updated parameters) are not
 * finite, naming where; a network or scaler with NaN or infinite values is neither saved nor loaded.
 */
class NonFiniteTest {
    @TempDir Path dir;

    @BeforeAll
    static void quiet() { Progress.setQuiet(true); }

    @Test
    void aNonFiniteTrainingLossEndsTrainingNamingTheEpochTheBatchAndTheValue() {
        Dataset train = TrainerTest.task(48, 3), val = TrainerTest.task(12, 4);
        TrainConfig cfg = new TrainConfig(3, 16, 5e-3, 0, 1, 3, 1);
        // one recording's features are NaN: the seeded shuffle puts it in a fixed batch of the first epoch, so the failure
        // is the same on every run
        float[][] x = train.x().clone();
        x[17] = x[17].clone();
        java.util.Arrays.fill(x[17], Float.NaN);
        Dataset poisoned = new Dataset(x, train.y(), train.channels(), train.length(), train.keys());
        var e = assertThrows(TrainingDivergedException.class, () -> Trainer.fit(TrainerTest.tiny("relu"), poisoned, val, TrainerTest.CLASSES, cfg));
        var again = assertThrows(TrainingDivergedException.class, () -> Trainer.fit(TrainerTest.tiny("relu"), poisoned, val, TrainerTest.CLASSES, cfg));
        assertEquals(1, e.epoch(), "the first epoch meets the recording");
        assertEquals(again.getMessage(), e.getMessage(), "deterministic");
        assertEquals("the training loss", e.quantity());
        assertTrue(Double.isNaN(e.value()));
        assertTrue(e.getMessage().matches("model 'tiny' diverged at epoch 1, batch [1-3] of 3: the training loss is NaN \\(learning rate 0\\.005\\)"),
                e.getMessage());
        assertEquals(0, e.history().rowCount(), "no epoch finished before it");
        // the same data without the NaN trains
        assertEquals(3, Trainer.fit(TrainerTest.tiny("relu"), train, val, TrainerTest.CLASSES, cfg).history().rowCount());
    }

    @Test
    void aNonFiniteParameterIsFoundWhereItIs() {
        var net = ModelFactory.build(TrainerTest.tiny("relu"), 4, 32, 3, 5e-3, 1);
        FusedNetwork fused = FusedNetwork.compile(net, 4, 32, 16, 1);
        assertEquals(-1, fused.firstNonFiniteParameter());
        net.params().putScalar(40, Float.POSITIVE_INFINITY);
        fused.pullParams();
        assertEquals(40, fused.firstNonFiniteParameter());
        assertEquals(Float.POSITIVE_INFINITY, fused.parameter(40));
    }

    @Test
    void aNetworkOrScalerThatIsNotFiniteIsNeitherSavedNorLoaded() throws Exception {
        var net = ModelFactory.build(TrainerTest.tiny("relu"), 4, 32, 3, 5e-3, 1);
        Scaler ok = Scaler.fit(new float[][] {{1, 2}, {3, 5}});
        Path good = dir.resolve("good");
        new SavedModel(net, ok, TrainerTest.CLASSES, "tiny", "k", Dataset.Layout.SEQUENCE).save(good);
        SavedModel.load(good, "k");

        // saving: refused before anything is written, naming the folder and the value
        var bad = net.clone();
        bad.params().putScalar(7, Float.NaN);
        Path refused = dir.resolve("refused");
        var s = assertThrows(IOException.class, () -> new SavedModel(bad, ok, TrainerTest.CLASSES, "tiny", "k", Dataset.Layout.SEQUENCE).save(refused));
        assertTrue(s.getMessage().startsWith(refused + ": refusing to save") && s.getMessage().contains("parameter 7 of " + net.numParams() + " is NaN"),
                s.getMessage());
        assertFalse(Files.exists(refused), "nothing written");
        Scaler nanScaler = Scaler.fit(new float[][] {{1, Float.NaN}, {3, 5}});
        var sc = assertThrows(IOException.class, () -> new SavedModel(net, nanScaler, TrainerTest.CLASSES, "tiny", "k", Dataset.Layout.SEQUENCE).save(refused));
        assertTrue(sc.getMessage().contains("its scaler: the mean of dimension 1 is NaN"), sc.getMessage());

        // loading (predict, model train's check): a network.zip or scaler.csv written otherwise is refused, naming the file
        Path corrupt = copy(good, dir.resolve("corrupt"));
        ModelSerializer.writeModel(bad, corrupt.resolve("network.zip").toFile(), true);
        var l = assertThrows(IOException.class, () -> SavedModel.load(corrupt, null));
        assertTrue(l.getMessage().startsWith(corrupt.resolve("network.zip") + ": refusing a network whose parameters are not all finite (parameter 7 of "),
                l.getMessage());
        Path nanCsv = copy(good, dir.resolve("nan-scaler"));
        Files.writeString(nanCsv.resolve("scaler.csv"), "1.0,Infinity\n1.0,1.0\n");
        var c = assertThrows(IOException.class, () -> SavedModel.load(nanCsv, null));
        assertTrue(c.getMessage().startsWith(nanCsv.resolve("scaler.csv") + ": refusing a scaler") && c.getMessage().contains("Infinity"), c.getMessage());
        // a truncated network.zip is named too
        Path cut = copy(good, dir.resolve("cut"));
        byte[] zip = Files.readAllBytes(cut.resolve("network.zip"));
        Files.write(cut.resolve("network.zip"), java.util.Arrays.copyOf(zip, zip.length / 2));
        var t = assertThrows(IOException.class, () -> SavedModel.load(cut, null));
        assertTrue(t.getMessage().startsWith(cut.resolve("network.zip") + ": not a readable DL4J network"), t.getMessage());
    }

    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String f : List.of("network.zip", "scaler.csv", "model.properties")) Files.copy(from.resolve(f), to.resolve(f));
        return to;
    }
}
