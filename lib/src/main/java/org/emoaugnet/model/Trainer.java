package org.emoaugnet.model;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.emoaugnet.eval.Metrics;
import org.emoaugnet.model.fused.FusedNetwork;
import org.emoaugnet.util.Progress;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Mini-batch training with Adam, seeded initialisation, shuffling and dropout (same seed, same thread count:
 * same numbers), per-epoch history (training loss and accuracy as the epoch's batches saw them, in training mode;
 * validation accuracy in inference mode), and model selection on a validation set carved from the training data only:
 * the epoch with the best validation UA is kept, training stops after {@code patience} epochs without
 * improvement, and the learning rate drops on plateaus (or follows a warm-up and cosine, {@link TrainOptions}). Training
 * batches, and only they, may be augmented on the fly (SpecAugment masks, mixup: {@link BatchAugmenter}), and the loss
 * label-smoothed; the optimiser may decay weights (AdamW). The test set never enters this class. A training loss that
 * is not finite, or a parameter that is not finite after a step, ends training with a {@link TrainingDivergedException}
 * naming the epoch, the batch and the value (checked after every batch; the check changes no number).
 *
 * <p>Training and prediction run on {@link FusedNetwork}, which computes what DL4J's {@code fit} and {@code output}
 * compute on the same network (tested) several times faster; the network object is DL4J's and saves and loads as
 * before. A network the fused path does not implement is refused, in {@link #fit} and in {@link #predict} alike, with
 * an error naming the layer and what it lacks: nothing here trains or predicts through another path.
 */
public final class Trainer {
    private Trainer() {}

    /**
     * The training code, part of every run specification: the fused network's revision and this loop's (loop 2:
     * training accuracy from the batches as trained, epochs of {@link TrainConfig#epochCopies} size). Bump when
     * either changes a number. The {@link TrainOptions} (off by default, and then drawing nothing) left it as it was:
     * a run that uses one says so in its specification.
     */
    public static final String ENGINE = FusedNetwork.REVISION + "/loop-2";

    /** The history's columns of a recorded test curve ({@link #fit(ModelConfig, Dataset, Dataset, List, TrainConfig, Dataset)}). */
    public static final String TEST_WA = "test_wa", TEST_UA = "test_ua";

    /** A trained network, the epoch it was selected at, and the per-epoch history. */
    public record Result(MultiLayerNetwork net, int bestEpoch, double bestValidationUa, Table history, double seconds, StopReason stopReason,
                         boolean converged) {}

    public static Result fit(ModelConfig model, Dataset train, Dataset validation, List<String> classes, TrainConfig cfg) {
        return fit(model, train, validation, classes, cfg, null);
    }

    /**
     * {@link #fit} that also records, after every epoch, the WA and UA of {@code watched} (the run's test set) in the
     * history's {@code test_wa} and {@code test_ua} columns: a test curve for a fixed budget ({@link Selection#LAST}),
     * where nothing is selected and nothing stops early, so no choice can read it; refused for any other selection.
     * Recording it changes no parameter and no prediction (inference mode, no random draw).
     *
     * @param watched the set whose curve is recorded, or null for none
     */
    public static Result fit(ModelConfig model, Dataset train, Dataset validation, List<String> classes, TrainConfig cfg, Dataset watched) {
        if (watched != null && cfg.options().selection() != Selection.LAST)
            throw new IllegalArgumentException("a test curve is recorded only for a fixed budget (selection=" + Selection.LAST.key()
                    + "), where no choice reads it; this run selects by " + cfg.options().selection().key());
        Nd4j.getRandom().setSeed(cfg.seed());
        MultiLayerNetwork net = ModelFactory.build(model, train.channels(), train.length(), classes.size(), cfg.learningRate(), cfg.seed());
        FusedNetwork fused = fused(net, train.channels(), train.length(), cfg.batch(), cfg.seed(), model.name());
        TrainOptions opt = cfg.options();
        fused.setLabelSmoothing(opt.labelSmoothing());
        fused.setWeightDecay(opt.weightDecay());
        boolean cosine = opt.schedule() == TrainOptions.Schedule.WARMUP_COSINE, last = opt.selection() == Selection.LAST;
        // training batches only, from a generator of its own: without options nothing is drawn and nothing changes
        BatchAugmenter augmenter = opt.specAugment().on() || opt.mixupAlpha() > 0 ? new BatchAugmenter(opt, cfg.seed()) : null;
        int per = train.channels() * train.length();
        float[] x = new float[cfg.batch() * per];
        IntColumn ep = IntColumn.create("epoch");
        DoubleColumn loss = DoubleColumn.create("train_loss"), trWa = DoubleColumn.create("train_wa"), trUa = DoubleColumn.create("train_ua"),
                vaWa = DoubleColumn.create("val_wa"), vaUa = DoubleColumn.create("val_ua"), lr = DoubleColumn.create("lr"), sec = DoubleColumn.create("seconds"),
                teWa = DoubleColumn.create(TEST_WA), teUa = DoubleColumn.create(TEST_UA);
        java.util.function.Supplier<Table> history = () -> watched == null ? Table.create("history", ep, loss, trWa, trUa, vaWa, vaUa, lr, sec)
                : Table.create("history", ep, loss, trWa, trUa, vaWa, vaUa, lr, sec, teWa, teUa);
        Random shuffle = new Random(cfg.seed());
        double best = -1, rate = cfg.learningRate();
        int bestEpoch = 0, sinceBest = 0, sinceLr = 0;
        INDArray bestParams = null;
        long start = System.nanoTime();
        Progress p = new Progress("train " + model.name() + " (" + model.activation() + ")", cfg.epochs(), System.err, 0);
        int perEpoch = cfg.samplesPerEpoch(train.size(), (int) train.keys().stream().distinct().count());
        int[] seen = new int[perEpoch], seenTruth = new int[perEpoch], batchPred = new int[cfg.batch()];
        for (int e = 1; e <= cfg.epochs(); e++) {
            long t0 = System.nanoTime();
            if (cosine) {
                rate = TrainOptions.rate(cfg.learningRate(), e, cfg.epochs(), opt.warmupEpochs());
                setLearningRate(net, rate);
                fused.setLearningRate(rate);
            }
            int[] order = epochOrder(train.size(), perEpoch, shuffle);
            double lossSum = 0;
            int batches = 0, epochBatches = (order.length + cfg.batch() - 1) / cfg.batch();
            for (int s = 0; s < order.length; s += cfg.batch()) {
                int mb = Math.min(order.length, s + cfg.batch()) - s;
                int[] labels = new int[mb];
                for (int i = 0; i < mb; i++) {
                    System.arraycopy(train.x()[order[s + i]], 0, x, i * per, per);
                    labels[i] = train.y()[order[s + i]];
                }
                if (augmenter != null && opt.specAugment().on()) augmenter.mask(x, mb, train.channels(), train.length());
                double batchLoss = augmenter != null && opt.mixupAlpha() > 0 ? fused.fit(x, augmenter.mixup(x, labels, mb, per, classes.size()), mb)
                        : fused.fit(x, labels, mb);
                // a loss or parameter that is not finite ends the run here, saying where: nothing after it could be used
                if (!Double.isFinite(batchLoss))
                    throw new TrainingDivergedException(model.name(), e, batches + 1, epochBatches, "the training loss", batchLoss, rate, history.get());
                int bad = fused.firstNonFiniteParameter();
                if (bad >= 0)
                    throw new TrainingDivergedException(model.name(), e, batches + 1, epochBatches, "parameter " + bad + " of " + fused.parameterCount()
                            + " after the update", fused.parameter(bad), rate, history.get());
                lossSum += batchLoss;
                fused.lastTrainingPredictions(batchPred, mb);
                System.arraycopy(batchPred, 0, seen, s, mb);
                System.arraycopy(labels, 0, seenTruth, s, mb);
                batches++;
            }
            Metrics mt = Metrics.of(classes, seenTruth, seen);
            Metrics mv = validation.size() > 0 ? Metrics.of(classes, validation.y(), fused.predict(validation.x())) : mt;
            ep.append(e); loss.append(lossSum / batches); trWa.append(mt.wa()); trUa.append(mt.ua());
            vaWa.append(validation.size() > 0 ? mv.wa() : Double.NaN); vaUa.append(validation.size() > 0 ? mv.ua() : Double.NaN);
            lr.append(rate); sec.append((System.nanoTime() - t0) / 1e9);
            if (watched != null) {   // after the epoch's clock: the curve is not part of the training time
                Metrics mw = Metrics.of(classes, watched.y(), fused.predict(watched.x()));
                teWa.append(mw.wa());
                teUa.append(mw.ua());
            }
            p.step();
            double score = validation.size() > 0 ? mv.ua() : mt.ua();
            if (last) {   // a fixed budget keeps its last epoch: nothing is selected, nothing stops early
                best = score;
                bestEpoch = e;
            } else if (score > best) {
                best = score;
                bestEpoch = e;
                sinceBest = 0;
                sinceLr = 0;
                bestParams = net.params().dup();
            } else {
                sinceBest++;
                sinceLr++;
                if (!cosine && cfg.lrFactor() < 1 && sinceLr >= cfg.lrPatience()) {
                    rate = Math.max(1e-5, rate * cfg.lrFactor());
                    setLearningRate(net, rate);
                    fused.setLearningRate(rate);
                    sinceLr = 0;
                }
                if (cfg.patience() > 0 && sinceBest >= cfg.patience()) break;
            }
        }
        if (bestParams != null) net.setParams(bestParams);
        StopReason why = StopReason.of(ep.size(), cfg.epochs());
        return new Result(net, bestEpoch, best, history.get(), (System.nanoTime() - start) / 1e9,
                why, StopReason.converged(why, bestEpoch, loss.asDoubleArray(), cfg));
    }

    /**
     * Sets the learning rate in the DL4J network's configuration, which the saved model keeps, on every layer with
     * parameters: DL4J's {@code setLearningRate} skips the layers a {@code Bidirectional} wraps, which then kept the
     * old rate, so the network no longer had one updater and could not be compiled again for prediction after a
     * learning-rate change.
     */
    static void setLearningRate(MultiLayerNetwork net, double rate) {
        net.setLearningRate(rate);
        for (int i = 0; i < net.getnLayers(); i++)
            if (net.getLayerWiseConfigurations().getConf(i).getLayer() instanceof org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional bi)
                for (var inner : new org.deeplearning4j.nn.conf.layers.Layer[] {bi.getFwd(), bi.getBwd()})
                    if (inner instanceof org.deeplearning4j.nn.conf.layers.BaseLayer b && b.getIUpdater() instanceof org.nd4j.linalg.learning.config.Adam adam)
                        adam.setLearningRate(rate);
    }

    /** The fused trainer of {@code net}; an unsupported network is an error naming the model and the layer. */
    private static FusedNetwork fused(MultiLayerNetwork net, int channels, int length, int capacity, long seed, String name) {
        try {
            return FusedNetwork.compile(net, channels, length, capacity, seed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("model '" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * Predicted class of every sample (inference mode, no dropout), in chunks of {@code batch}, on the fused path;
     * a network it does not implement is refused (IllegalArgumentException naming the layer).
     */
    public static int[] predict(MultiLayerNetwork net, Dataset d, int batch) { return FusedNetwork.argmax(probabilities(net, d, batch)); }

    /** Class probabilities of every sample (inference mode), computed as {@link #predict} computes its classes, their argmax. */
    public static float[][] probabilities(MultiLayerNetwork net, Dataset d, int batch) {
        if (d.size() == 0) return new float[0][];
        int capacity = FusedNetwork.inferenceCapacity(net, d.channels(), d.length(), Math.min(batch, d.size()));   // bounded for 2-D networks' memory
        return FusedNetwork.compile(net, d.channels(), d.length(), capacity, 0).probabilities(d.x());
    }

    public static Metrics evaluate(MultiLayerNetwork net, Dataset d, List<String> classes, int batch) {
        return Metrics.of(classes, d.y(), predict(net, d, batch));
    }

    /**
     * The rows of one epoch: {@code count} indices from fresh shuffles of {@code 0..n-1}, one after the other (one
     * permutation when {@code count == n}; the last shuffle cut short when {@code count} is not a multiple of n).
     */
    static int[] epochOrder(int n, int count, Random r) {
        if (count == n) return permutation(n, r);
        int[] out = new int[count];
        for (int at = 0; at < count; at += n) {
            int[] p = permutation(n, r);
            System.arraycopy(p, 0, out, at, Math.min(n, count - at));
        }
        return out;
    }

    static int[] permutation(int n, Random r) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) { int j = r.nextInt(i + 1); int t = p[i]; p[i] = p[j]; p[j] = t; }
        return p;
    }
}
