package org.emoaugnet.model;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.emoaugnet.eval.Metrics;
import org.emoaugnet.features.Scaler;
import org.emoaugnet.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    static final List<String> CLASSES = List.of("low", "mid", "high");

    @BeforeAll
    static void quiet() { Progress.setQuiet(true); }

    /** Three classes told apart by the frequency of a sinusoid in channel 0, plus noise in the other channels. */
    static Dataset task(int n, long seed) {
        Random r = new Random(seed);
        int c = 4, t = 32;
        float[][] x = new float[n][c * t];
        int[] y = new int[n];
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            double f = 0.05 + 0.12 * y[i];
            double ph = r.nextDouble() * 6.28;
            for (int k = 0; k < c; k++)
                for (int s = 0; s < t; s++) x[i][k * t + s] = (float) ((k == 0 ? Math.sin(2 * Math.PI * f * s + ph) : 0) + 0.3 * r.nextGaussian());
            keys.add("u" + i);
        }
        return new Dataset(x, y, c, t, keys);
    }

    static ModelConfig tiny(String act) {
        return new ModelConfig("tiny", List.of(new ConvBlock(8, 3, 1, true, 2, 2, 0.1)), List.of(12), 0, List.of(8), 0.1, false, act, List.of("test network"));
    }

    @Test
    void learnsASmallTaskAndIsDeterministic() {
        Dataset train = task(240, 1), val = task(60, 2);
        TrainConfig cfg = new TrainConfig(25, 16, 5e-3, 0, 1, 3, 7);
        Trainer.Result a = Trainer.fit(tiny("relu"), train, val, CLASSES, cfg);
        Metrics m = Trainer.evaluate(a.net(), train, CLASSES, 64);
        assertTrue(m.wa() > 0.9, "train accuracy " + m.wa());
        assertTrue(Trainer.evaluate(a.net(), val, CLASSES, 64).wa() > 0.8);
        Trainer.Result b = Trainer.fit(tiny("relu"), train, val, CLASSES, cfg);
        assertEquals(a.history().doubleColumn("train_loss").asList(), b.history().doubleColumn("train_loss").asList(), "same seed, same losses");
        assertArrayEquals(Trainer.predict(a.net(), val, 64), Trainer.predict(b.net(), val, 64));
        assertEquals(a.bestEpoch(), b.bestEpoch());
        Trainer.Result c = Trainer.fit(tiny("relu"), train, val, CLASSES, cfg.withSeed(8));
        assertNotEquals(a.history().doubleColumn("train_loss").get(0), c.history().doubleColumn("train_loss").get(0));
    }

    @Test
    void earlyStoppingKeepsTheBestValidationEpoch() {
        Dataset train = task(90, 3), val = task(30, 4);
        Trainer.Result r = Trainer.fit(tiny("elu"), train, val, CLASSES, new TrainConfig(40, 16, 5e-3, 3, 0.5, 2, 5));
        var ua = r.history().doubleColumn("val_ua");
        double best = ua.max();
        assertEquals(best, r.bestValidationUa(), 1e-12);
        assertEquals(best, Trainer.evaluate(r.net(), val, CLASSES, 64).ua(), 1e-9, "the returned network is the best epoch's");
        assertTrue(r.history().rowCount() <= r.bestEpoch() + 3, "stops 3 epochs after the best");
    }

    @Test
    void aFixedBudgetKeepsItsLastEpochAndConvergesByItsTrainingLoss() {
        Dataset train = task(90, 3), val = task(30, 4);
        TrainOptions fixed = TrainOptions.NONE.withSchedule(TrainOptions.Schedule.WARMUP_COSINE, 2).withSelection(Selection.LAST);
        TrainConfig cfg = new TrainConfig(20, 16, 5e-3, 0, 1, 3, 5).withOptions(fixed);
        Trainer.Result r = Trainer.fit(tiny("relu"), train, val, CLASSES, cfg);
        var ua = r.history().doubleColumn("val_ua");
        assertEquals(20, r.history().rowCount(), "runs to its cap");
        assertEquals(20, r.bestEpoch(), "keeps the last epoch");
        assertEquals(ua.get(19), r.bestValidationUa(), 1e-12);
        assertEquals(ua.get(19), Trainer.evaluate(r.net(), val, CLASSES, 64).ua(), 1e-9, "the returned network is the last epoch's");
        assertEquals(StopReason.EPOCH_CAP, r.stopReason());
        assertEquals(StopReason.lossFlat(r.history().doubleColumn("train_loss").asDoubleArray()), r.converged());
        // the same budget selecting on validation may keep another epoch: the selection is what differs
        Trainer.Result v = Trainer.fit(tiny("relu"), train, val, CLASSES, cfg.withOptions(fixed.withSelection(Selection.VAL_UA)));
        assertEquals(r.history().doubleColumn("train_loss").asList(), v.history().doubleColumn("train_loss").asList(), "same training either way");
        assertEquals(ua.max(), v.bestValidationUa(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(20, 16, 5e-3, 3, 1, 3, 5).withOptions(fixed), "early stopping refused");
        assertThrows(IllegalArgumentException.class, () -> TrainOptions.NONE.withSelection(Selection.LAST), "a plateau schedule refused");
    }

    @Test
    void aFixedBudgetRecordsItsTestCurveWithoutChangingTheRunAndNoOtherSelectionMay() {
        Dataset train = task(90, 3), val = task(30, 4), test = task(45, 9);
        TrainOptions fixed = TrainOptions.NONE.withSchedule(TrainOptions.Schedule.WARMUP_COSINE, 2).withSelection(Selection.LAST);
        TrainConfig cfg = new TrainConfig(8, 16, 5e-3, 0, 1, 3, 5).withOptions(fixed);
        Trainer.Result plain = Trainer.fit(tiny("relu"), train, val, CLASSES, cfg);
        Trainer.Result watched = Trainer.fit(tiny("relu"), train, val, CLASSES, cfg, test);
        assertFalse(plain.history().columnNames().contains(Trainer.TEST_UA));
        assertEquals(plain.net().params(), watched.net().params(), "recording the curve changes no parameter");
        for (String c : plain.history().columnNames())
            if (!c.equals("seconds")) assertEquals(plain.history().column(c).asList(), watched.history().column(c).asList(), c);
        var curve = watched.history().doubleColumn(Trainer.TEST_UA);
        assertEquals(8, curve.size());
        float[][] probs = Trainer.probabilities(watched.net(), test, 64);
        assertArrayEquals(Trainer.predict(watched.net(), test, 64), org.emoaugnet.model.fused.FusedNetwork.argmax(probs), "classes are the probabilities' argmax");
        for (float[] p : probs) {
            double sum = 0;
            for (float v : p) sum += v;
            assertEquals(1, sum, 1e-5);
        }
        assertEquals(Metrics.of(CLASSES, test.y(), Trainer.predict(watched.net(), test, 16)).ua(), curve.get(7), 1e-12,
                "the last point is the kept network's test UA (predicted at the training batch)");
        TrainConfig selecting = cfg.withOptions(fixed.withSelection(Selection.VAL_UA));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.fit(tiny("relu"), train, val, CLASSES, selecting, test));
        assertTrue(e.getMessage().contains("fixed budget"), e.getMessage());
    }

    @Test
    void aLossIsFlatWhenItsLastTenthFallsByAtMostTwoPercent() {
        double[] falling = new double[40], flat = new double[40], noisy = new double[40];
        for (int i = 0; i < 40; i++) {
            falling[i] = 2.0 - 0.03 * i;                 // the last 4 epochs fall by 0.09 of about 0.88: 10 %
            flat[i] = 1.0 + 1.0 / (i + 1);               // the last 4 fall by about 0.0024 of 1.03: 0.2 %
            noisy[i] = 0.8 + (i % 2 == 0 ? 0.01 : -0.01); // no trend, ±1 %
        }
        assertFalse(StopReason.lossFlat(falling));
        assertTrue(StopReason.lossFlat(flat));
        assertTrue(StopReason.lossFlat(noisy));
        assertFalse(StopReason.lossFlat(new double[] {1, 1}), "shorter than the window");
        assertFalse(StopReason.lossFlat(new double[] {1, 1, 1, Double.NaN}), "not finite");
        double[] rising = {1, 1, 1, 1.2, 1.4};
        assertTrue(StopReason.lossFlat(rising), "a rising loss is not still learning (it may have diverged: the fitting check reads training UA)");
    }

    @Test
    void saveLoadRoundTripAndFeatureCheck(@TempDir Path dir) throws Exception {
        Dataset train = task(60, 5);
        Trainer.Result r = Trainer.fit(tiny("relu"), train, new Dataset(new float[0][], new int[0], 4, 32, List.of()), CLASSES, new TrainConfig(3, 16, 5e-3, 0, 1, 3, 1));
        Scaler sc = Scaler.fit(new float[][] {{1, 2}, {3, 4}});
        new SavedModel(r.net(), sc, CLASSES, "tiny", "features-key-A", Dataset.Layout.SEQUENCE).save(dir.resolve("m"));
        SavedModel back = SavedModel.load(dir.resolve("m"), "features-key-A");
        assertEquals(CLASSES, back.classes());
        assertArrayEquals(Trainer.predict(r.net(), train, 64), Trainer.predict(back.net(), train, 64));
        assertArrayEquals(sc.transform(new float[] {2, 2}), back.scaler().transform(new float[] {2, 2}));
        var e = assertThrows(java.io.IOException.class, () -> SavedModel.load(dir.resolve("m"), "features-key-B"));
        assertTrue(e.getMessage().contains("features-key-A") && e.getMessage().contains("features-key-B"));
    }

    @Test
    void compactPresetHasTheReferenceParameterCount() {
        var net = ModelFactory.build(ModelConfig.compactCnnLstm("relu"), 42, 108, 8, 1e-3, 42);
        assertEquals(195_336, ModelFactory.trainableParams(net), "network A of the benchmark README");
        assertEquals(195_720, net.numParams(), "DL4J also counts 384 BN running statistics");
    }
    @Test
    void publicConv1dPresetHasTheKerasParameterCount() {
        var net = ModelFactory.build(ModelConfig.publicConv1d("relu"), 1, 2376, 7, 1e-3, 42);
        // Keras prints 7,193,223 for the public model, 4,352 of which are BatchNorm moving statistics
        assertEquals(7_188_871, ModelFactory.trainableParams(net));
        assertEquals(3_778_247 - 3_584, ModelFactory.trainableParams(ModelFactory.build(ModelConfig.paperCnnLstm("relu"), 1, 2376, 7, 1e-3, 42)),
                "paper-notes: 3,778,247 of which 3,584 BN moving statistics");
    }

    /** A Conv1D → flatten → dense → BN head (the public Conv1D model's shape, small) learns, saves and loads. */
    @Test
    void flattenHeadLearnsAndSurvivesSaveLoad(@TempDir Path dir) throws Exception {
        ModelConfig flat = new ModelConfig("tiny-flat", List.of(new ConvBlock(8, 3, 1, true, 2, 2, 0.1, true)), List.of(), 0, List.of(16), 0,
                true, "elu", List.of("test network"));
        Dataset train = task(240, 11), val = task(60, 12);
        Trainer.Result r = Trainer.fit(flat, train, val, CLASSES, new TrainConfig(20, 16, 5e-3, 0, 1, 3, 3));
        assertTrue(Trainer.evaluate(r.net(), train, CLASSES, 64).wa() > 0.9);
        new SavedModel(r.net(), Scaler.fit(new float[][] {{1}, {2}}), CLASSES, "tiny-flat", "k", Dataset.Layout.SEQUENCE).save(dir.resolve("f"));
        assertArrayEquals(Trainer.predict(r.net(), val, 64), Trainer.predict(SavedModel.load(dir.resolve("f"), "k").net(), val, 64));
    }

    /**
     * Training and prediction both refuse a network the fused path does not implement, naming the layer, instead of
     * running it through another path: an activation it lacks (ModelConfig accepts any DL4J activation name) and L2
     * regularisation added to a trained network's dense layer.
     */
    @Test
    void unsupportedNetworksAreRefusedNotTrainedOrPredictedAnotherWay() {
        Dataset train = task(30, 13);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.fit(tiny("leakyrelu"), train, train, CLASSES, new TrainConfig(1, 16, 5e-3, 0, 1, 3, 1)));
        assertTrue(e.getMessage().contains("model 'tiny'") && e.getMessage().contains("(ActivationLayer): activation leakyrelu"), e.getMessage());

        Trainer.Result r = Trainer.fit(tiny("relu"), train, train, CLASSES, new TrainConfig(1, 16, 5e-3, 0, 1, 3, 1));
        int dense = -1;
        for (int i = 0; i < r.net().getnLayers(); i++)
            if (r.net().getLayerWiseConfigurations().getConf(i).getLayer() instanceof org.deeplearning4j.nn.conf.layers.DenseLayer) dense = i;
        ((org.deeplearning4j.nn.conf.layers.BaseLayer) r.net().getLayerWiseConfigurations().getConf(dense).getLayer())
                .setRegularization(List.of(new org.nd4j.linalg.learning.regularization.L2Regularization(1e-4)));
        var p = assertThrows(IllegalArgumentException.class, () -> Trainer.predict(r.net(), train, 64));
        assertTrue(p.getMessage().contains("layer " + dense + " (DenseLayer): regularisation"), p.getMessage());
    }

    @Test
    void anEpochOfKCopiesPassesOverTheRowsInFreshShuffles() {
        int[] one = Trainer.epochOrder(10, 10, new java.util.Random(3));
        assertArrayEquals(Trainer.permutation(10, new java.util.Random(3)), one, "one pass per epoch is one permutation, as before");
        int[] o = Trainer.epochOrder(10, 25, new java.util.Random(3));
        assertEquals(25, o.length);
        for (int pass = 0; pass < 2; pass++) {
            int[] seen = java.util.Arrays.copyOfRange(o, 10 * pass, 10 * pass + 10);
            java.util.Arrays.sort(seen);
            assertArrayEquals(java.util.stream.IntStream.range(0, 10).toArray(), seen, "every full pass holds every row once");
        }
        assertEquals(5, java.util.Arrays.stream(o, 20, 25).distinct().count(), "the cut-short last pass repeats no row");
        assertEquals(25, new TrainConfig(1, 8, 1e-3, 0, 1, 1, 0, 5).samplesPerEpoch(40, 5));
        assertEquals(40, new TrainConfig(1, 8, 1e-3, 0, 1, 1, 0).samplesPerEpoch(40, 5));
        assertThrows(IllegalArgumentException.class, () -> new TrainConfig(1, 8, 1e-3, 0, 1, 1, 0, -2));
    }

    @Test
    void aBidirectionalNetworkCompilesAgainAfterItsLearningRateChanged() {
        var net = ModelFactory.build(ModelConfig.strongCnnBilstm("relu"), 8, 20, 3, 1e-3, 1);
        org.emoaugnet.model.fused.FusedNetwork.compile(net, 8, 20, 4, 0);
        // DL4J's own setter leaves the wrapped LSTMs at the old rate: the layers no longer share one updater
        var plain = ModelFactory.build(ModelConfig.strongCnnBilstm("relu"), 8, 20, 3, 1e-3, 1);
        plain.setLearningRate(5e-4);
        var e = assertThrows(IllegalArgumentException.class, () -> org.emoaugnet.model.fused.FusedNetwork.compile(plain, 8, 20, 4, 0));
        assertTrue(e.getMessage().contains("one updater"), e.getMessage());
        // the trainer's setter reaches them, so prediction after a plateau or a schedule works
        Trainer.setLearningRate(net, 5e-4);
        assertEquals(4, org.emoaugnet.model.fused.FusedNetwork.compile(net, 8, 20, 4, 0).capacity());
    }
}
