package org.emoaugnet.model.fused;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.ModelFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused path against DL4J on every {@link ModelConfig#PRESETS preset} with ReLU and with ELU, dropout active: both
 * sides get the same dropout masks (DL4J through {@link FixedMaskDropout} on each DropoutLayer, the fused network
 * through {@link DropoutMasks}), on small inputs (batch of 4, sequences of 20 to 40 steps) so that the whole class runs
 * in seconds. Compared: inference and training-mode outputs, the loss, every trainable parameter's gradient, and every
 * parameter (trainable ones and batch-norm running statistics) after one Adam step from fresh moments.
 *
 * <p>Tolerances (float32 on both sides; summation orders differ: oneDNN and OpenBLAS against DL4J's own kernels, Java
 * loops in double, and the fused tanh/sigmoid/ELU are rational approximations with absolute error below 3e-7):
 * <ul>
 *   <li>probabilities: 2e-5 in inference, 5e-5 in training mode (measured at most 6e-8 and 8.5e-6; training mode
 *       normalises with batch statistics, and public-conv1d's ReLU → BN blocks have channels of near-zero batch
 *       variance that amplify rounding by up to 1/sqrt(eps) ≈ 300); loss: 5e-5 relative (measured 8e-6);</li>
 *   <li>gradients, per parameter block: {@code 1e-3 × (block's largest |g|) + 1e-6 × (network's largest |g|)}; measured
 *       at most 3.9e-4 relative (public-conv1d, ReLU), typically 1e-6 to 1e-5. The absolute term is for blocks whose exact
 *       gradient is zero: a convolution bias feeding batch normalisation, which removes it, has a gradient of pure
 *       rounding noise (measured 2e-7 of the network's largest gradient);</li>
 *   <li>one Adam step, parameter by parameter (see {@link #stepTolerance}): the difference Adam's first step makes of
 *       that parameter's two gradients (each already checked above), plus 2e-5 × lr + 2 ulp of the parameter. The
 *       2e-5 × lr covers a known, kept difference: the fused Adam's step size uses β₂ in double and its second moment
 *       β₂ rounded to float, a mix DL4J does not make, so fused steps are larger by a relative 6.4e-6 (measured
 *       6.8e-6 × lr at most; see FusedNetwork's adam). Batch-norm running statistics: 2e-5 × max(1, |value|)
 *       (measured 1.8e-6).</li>
 * </ul>
 * Adam's first step is lr·g/(|g| + ε/√(1−β₂)), nearly ±lr whatever the gradient's size: where a gradient is rounding
 * noise around zero, float32 itself does not decide the step, and the per-parameter tolerance widens there. The
 * test asserts how narrow it stays: every parameter whose gradient is at least 1e-4 of the network's largest, and at
 * least 99.9 % of all but the biases that feed batch normalisation (whose gradients are asserted to be rounding noise),
 * are checked to 1 % of lr, and {@link #aWrongStepOfOneParameterFailsTheCheck} shows that single
 * wrong steps are caught.
 */
class FusedPresetEquivalenceTest {
    static final int MB = 4, CLASSES = 5;
    static final double LR = 1e-3;

    /** Test input {channels, time steps} of each preset: the flat-vector presets get one channel, as in use. */
    static final Map<String, int[]> SHAPES = Map.of("compact-cnn-lstm", new int[] {4, 20}, "paper-cnn-lstm", new int[] {1, 40},
            "public-conv1d", new int[] {1, 37}, "strong-cnn-bilstm", new int[] {6, 24}, "strong-cnn-pool", new int[] {6, 24}, "cnn2d-ref", new int[] {16, 40});

    record Case(String preset, String activation) {
        ModelConfig model() { return ModelConfig.preset(preset, activation); }

        int channels() { return SHAPES.get(preset)[0]; }

        int length() { return SHAPES.get(preset)[1]; }

        @Override
        public String toString() { return preset + " " + activation; }
    }

    static Stream<Case> cases() {
        return ModelConfig.PRESETS.stream().flatMap(p -> Stream.of(new Case(p, "relu"), new Case(p, "elu")));
    }

    @Test
    void everyPresetHasATestInput() {
        assertEquals(new TreeSet<>(ModelConfig.PRESETS), new TreeSet<>(SHAPES.keySet()), "a new preset needs an input shape here");
        for (String p : ModelConfig.PRESETS) assertEquals(p, ModelConfig.preset(p, "relu").name());
    }

    static float[] input(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) r.nextGaussian();
        return x;
    }

    static int[] labels(long seed) {
        Random r = new Random(seed);
        int[] y = new int[MB];
        for (int i = 0; i < MB; i++) y[i] = r.nextInt(CLASSES);
        return y;
    }

    static INDArray oneHot(int[] y) {
        INDArray l = Nd4j.zeros(DataType.FLOAT, y.length, CLASSES);
        for (int i = 0; i < y.length; i++) l.putScalar(i, y[i], 1f);
        return l;
    }

    static INDArray array(float[] x, Case c) { return Nd4j.create(x, new long[] {MB, c.channels(), c.length()}, 'c'); }

    /** The preset after one DL4J step (its own dropout), so that weights and batch-norm statistics are not at their initial values. */
    static MultiLayerNetwork stepped(Case c) {
        Nd4j.getRandom().setSeed(17);
        MultiLayerNetwork net = ModelFactory.build(c.model(), c.channels(), c.length(), CLASSES, LR, 11);
        net.fit(new DataSet(ModelFactory.networkInput(net, array(input(MB * c.channels() * c.length(), 100), c)), oneHot(labels(200))));
        return net;
    }

    /** One keep pattern (1 kept, 0 dropped) per DL4J DropoutLayer, over that layer's output in c order, and who used it. */
    static final class Masks {
        final Map<Integer, long[]> shapes = new LinkedHashMap<>();
        final Map<Integer, float[]> keep = new LinkedHashMap<>();
        final Map<Integer, Float> retain = new LinkedHashMap<>();
        /** Layers whose mask the fused side asked for, once per lane and pass (lanes may ask from several threads). */
        final List<Integer> askedByFused = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, List<FixedMaskDropout>> givenToDl4j = new LinkedHashMap<>();

        static Masks draw(MultiLayerNetwork net, INDArray x, long seed) {
            Masks m = new Masks();
            List<INDArray> outputs = net.feedForward(x, false); // [input, output of layer 0, output of layer 1, ...]
            for (int i = 0; i < net.getnLayers(); i++) {
                if (!(net.getLayerWiseConfigurations().getConf(i).getLayer() instanceof DropoutLayer dl)) continue;
                float p = (float) ((Dropout) dl.getIDropout()).getP();
                INDArray out = outputs.get(i + 1);
                Random r = new Random(seed * 31 + i);
                float[] k = new float[(int) out.length()];
                for (int j = 0; j < k.length; j++) k[j] = r.nextFloat() < p ? 1f : 0f;
                m.shapes.put(i, out.shape());
                m.keep.put(i, k);
                m.retain.put(i, p);
            }
            return m;
        }

        /** DL4J's inverted dropout values: 1/p where kept (the fused stage's own scale, {@code 1f / (float) p}), 0 where dropped. */
        void giveTo(MultiLayerNetwork net) {
            for (var e : keep.entrySet()) {
                int i = e.getKey();
                float scale = 1f / retain.get(i);
                float[] k = e.getValue(), v = new float[k.length];
                for (int j = 0; j < k.length; j++) v[j] = scale * k[j];
                FixedMaskDropout d = new FixedMaskDropout(Nd4j.create(v, shapes.get(i), 'c'));
                givenToDl4j.computeIfAbsent(i, x -> new ArrayList<>()).add(d);
                net.getLayer(i).conf().getLayer().setIDropout(d);
            }
        }

        void giveTo(FusedNetwork f) {
            f.giveDropoutMasks((layer, out, n) -> {
                float[] k = keep.get(layer);
                if (k == null || k.length != n) throw new AssertionError("fused dropout at layer " + layer + " (" + n + " values) has no mask of its size");
                System.arraycopy(k, 0, out, 0, n);
                askedByFused.add(layer);
            });
        }
    }

    /** A contiguous block of the flat parameter vector: one parameter of one layer. */
    record Block(int layer, String key, int from, int length, boolean runningStatistic, boolean biasBeforeBatchNorm) {
        @Override
        public String toString() { return "layer " + layer + " " + key; }
    }

    /** Every parameter block of the network, in order; fails unless they tile the whole parameter vector. */
    static List<Block> blocks(MultiLayerNetwork net) {
        List<Block> out = new ArrayList<>();
        for (var layer : net.getLayers())
            for (var e : layer.paramTable().entrySet()) {
                String k = e.getKey();
                out.add(new Block(layer.getIndex(), k, (int) (e.getValue().offset() - net.params().offset()), (int) e.getValue().length(),
                        k.equals("mean") || k.equals("var") || k.equals("log10stdev"), biasBeforeBatchNorm(net, layer.getIndex(), k)));
            }
        out.sort(Comparator.comparingInt(Block::from));
        int at = 0;
        for (Block b : out) {
            assertEquals(at, b.from(), "parameter blocks leave a gap or overlap before " + b);
            at += b.length();
        }
        assertEquals(net.numParams(), at, "parameter blocks cover the whole parameter vector");
        return out;
    }

    /** Whether {@code key} of layer {@code i} is a bias added right before batch normalisation (no activation between), which removes it. */
    static boolean biasBeforeBatchNorm(MultiLayerNetwork net, int i, String key) {
        var conf = net.getLayerWiseConfigurations();
        return key.equals("b") && i + 1 < net.getnLayers() && conf.getConf(i + 1).getLayer() instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization
                && conf.getConf(i).getLayer() instanceof org.deeplearning4j.nn.conf.layers.BaseLayer bl
                && bl.getActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationIdentity;
    }

    /** Both sides of one case: outputs, losses, mean-loss gradients, parameters before and after one step. */
    record Run(String name, List<Block> blocks, Masks masks, float[] inferenceDl4j, float[] inferenceFused, float[] trainingDl4j,
               float[] trainingFused, double lossDl4j, double lossFused, float[] gradDl4j, float[] gradFused, float[] before,
               float[] afterDl4j, float[] afterFused) {}

    static Run run(Case c) {
        return run(c.toString(), stepped(c), c.channels(), c.length());
    }

    /** Both sides of one network {@code base} on inputs of {@code channels × length} (any network the fused path compiles). */
    static Run run(String name, MultiLayerNetwork base, int channels, int length) {
        float[] x = input(MB * channels * length, 1);
        int[] y = labels(2);
        // DL4J takes a 2-D network's input as [batch, 1, channels, length] (the same memory the fused side reads)
        INDArray features = ModelFactory.networkInput(base, Nd4j.create(x, new long[] {MB, channels, length}, 'c'));
        Masks masks = Masks.draw(base, features, 3);
        // fused side: compiled on a copy with DL4J's own Dropout configuration (the fused path refuses other dropouts)
        MultiLayerNetwork fusedNet = base.clone();
        FusedNetwork f = FusedNetwork.compile(fusedNet, channels, length, MB, 5);
        masks.giveTo(f);
        // DL4J side: one copy for outputs and gradients, one that takes the step with fresh Adam moments
        MultiLayerNetwork dl4j = base.clone(), stepping = base.clone();
        masks.giveTo(dl4j);
        masks.giveTo(stepping);
        float[] infD = dl4j.output(features, false).data().asFloat(), infF = f.output(x, MB);
        float[] trD = dl4j.output(features, true).data().asFloat(), trF = f.trainingOutput(x, MB);
        dl4j.setInput(features);
        dl4j.setLabels(oneHot(y));
        dl4j.computeGradientAndScore();
        float[] gd = dl4j.getFlattenedGradients().data().asFloat().clone();
        for (int i = 0; i < gd.length; i++) gd[i] /= MB; // DL4J's gradient is of the summed loss; its updater divides by the batch
        float[] gf = f.gradient(x, y, MB);
        stepping.setUpdater(null);
        stepping.getLayerWiseConfigurations().setIterationCount(0);
        stepping.fit(new DataSet(features, oneHot(y)));
        double lossF = f.fit(x, y, MB);
        return new Run(name, blocks(base), masks, infD, infF, trD, trF, stepping.score(), lossF, gd, gf, base.params().data().asFloat(),
                stepping.params().data().asFloat(), fusedNet.params().data().asFloat());
    }

    /** Adam's first step from zero moments (libnd4j's adam_updater with bias correction), in double. */
    static double firstAdamStep(double g) {
        return LR * g / (Math.abs(g) + 1e-8 / Math.sqrt(1 - 0.999));
    }

    /**
     * How far parameter {@code i} of a trainable block may be from DL4J's after one step: the difference Adam's first
     * step makes of the two sides' gradients of it, a relative 2e-5 of the learning rate, and 2 ulp of the parameter.
     */
    static double stepTolerance(Run r, int i) {
        double ulp = Math.ulp(Math.max(Math.abs(r.afterDl4j()[i]), Math.abs(r.before()[i])));
        return Math.abs(firstAdamStep(r.gradDl4j()[i]) - firstAdamStep(r.gradFused()[i])) + 2e-5 * LR + 2 * ulp;
    }

    static double statisticTolerance(float value) { return 2e-5 * Math.max(1, Math.abs(value)); }

    /** Indices whose parameter after the fused step is not DL4J's within tolerance; {@code compared[0]} counts those looked at. */
    static List<Integer> stepMismatches(Run r, float[] afterFused, long[] compared) {
        List<Integer> bad = new ArrayList<>();
        for (Block b : r.blocks())
            for (int i = b.from(); i < b.from() + b.length(); i++) {
                double tol = b.runningStatistic() ? statisticTolerance(r.afterDl4j()[i]) : stepTolerance(r, i);
                if (!(Math.abs(afterFused[i] - r.afterDl4j()[i]) <= tol)) bad.add(i); // NaN fails too
                compared[0]++;
            }
        return bad;
    }

    /**
     * A block's gradient may differ from DL4J's by this share of its largest value: 1e-3, and 2.5e-3 for public-conv1d
     * with ReLU. That network normalises after the activation (Keras order) and its fourth block's batch normalisation
     * sees 20 values per channel here, some channels almost all zero after ReLU, so σ comes near √ε and amplifies the
     * rounding of two summation orders (our im2col products against libnd4j's oneDNN convolution): measured 1.8e-3,
     * spread over the whole block, with no ReLU input changing sign between the two sides and the same network with
     * ELU within 1e-3.
     */
    static double gradientTolerance(String name) { return name.startsWith("public-conv1d relu") ? 2.5e-3 : 1e-3; }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void presetMatchesDl4jUnderTheSameDropoutMasks(Case c) {
        assertMatchesDl4j(run(c), c.preset().equals("cnn2d-ref") ? 1 : 2, java.util.Set.of()); // cnn2d-ref: dropout in its head only
    }

    /**
     * Every comparison of the class comment on one run, within its tolerances; {@code dropoutLayers}: how many dropout
     * layers the network has at least (each mask must keep some values and drop some); {@code zeroGradient}: the
     * blocks (as {@link Block#toString}) whose gradient is exactly zero by construction, on both sides (every other
     * block's DL4J gradient must not be zero).
     */
    static void assertMatchesDl4j(Run r, int dropoutLayers, java.util.Set<String> zeroGradient) {
        String c = r.name();
        Masks m = r.masks();
        assertTrue(m.keep.size() >= dropoutLayers, c + ": the network has dropout layers");
        for (var e : m.keep.entrySet()) {
            float kept = 0;
            for (float k : e.getValue()) kept += k;
            assertTrue(kept > 0 && kept < e.getValue().length, c + ": the mask of layer " + e.getKey() + " keeps some values and drops some");
        }
        // every dropout layer's mask used on both sides: fused in the training output, the gradient and the step;
        // DL4J's copy in the training output and the gradient pass (forward twice, backward once), the stepping copy once each way
        // (the fused side asks once per lane and pass: each lane takes its samples' part of the whole batch's pattern)
        List<Integer> layers = new ArrayList<>(m.keep.keySet()), asked = new ArrayList<>();
        for (int pass = 0; pass < 3 * Lane.split(MB, FusedNetwork.LANES).length; pass++) asked.addAll(layers);
        List<Integer> askedByFused = new ArrayList<>(m.askedByFused);
        java.util.Collections.sort(asked);
        java.util.Collections.sort(askedByFused);
        assertEquals(asked, askedByFused, c + ": fused dropout layers");
        for (int layer : layers) {
            assertArrayEquals(new int[] {2, 1}, m.givenToDl4j.get(layer).get(0).uses(), c + ": DL4J used the mask of layer " + layer);
            assertArrayEquals(new int[] {1, 1}, m.givenToDl4j.get(layer).get(1).uses(), c + ": DL4J's step used the mask of layer " + layer);
        }

        for (int i = 0; i < r.inferenceDl4j().length; i++) {
            assertEquals(r.inferenceDl4j()[i], r.inferenceFused()[i], 2e-5, c + ": inference probability " + i);
            assertEquals(r.trainingDl4j()[i], r.trainingFused()[i], 5e-5, c + ": training-mode probability " + i);
        }
        assertEquals(r.lossDl4j(), r.lossFused(), 5e-5 * Math.max(1, r.lossDl4j()), c + ": loss");

        double netScale = 0;
        for (float g : r.gradDl4j()) netScale = Math.max(netScale, Math.abs(g));
        int gradientBlocks = 0;
        for (Block b : r.blocks()) {
            if (b.runningStatistic()) continue;
            if (zeroGradient.contains(b.toString())) {
                for (int i = b.from(); i < b.from() + b.length(); i++)
                    assertTrue(r.gradDl4j()[i] == 0 && r.gradFused()[i] == 0, c + " " + b + ": gradient " + i + " is not zero on both sides");
                continue;
            }
            double scale = 0, diff = 0;
            for (int i = b.from(); i < b.from() + b.length(); i++) {
                scale = Math.max(scale, Math.abs(r.gradDl4j()[i]));
                diff = Math.max(diff, Math.abs(r.gradDl4j()[i] - r.gradFused()[i]));
            }
            assertTrue(scale > 0, c + " " + b + ": DL4J's gradient is zero");
            assertTrue(diff <= gradientTolerance(c) * scale + 1e-6 * netScale, c + " " + b + ": gradient max |diff| " + diff + " at scale " + scale);
            gradientBlocks++;
        }
        assertTrue(gradientBlocks > 0);

        long[] compared = {0};
        List<Integer> bad = stepMismatches(r, r.afterFused(), compared);
        assertEquals(r.before().length, compared[0], c + ": every parameter compared after the step");
        assertTrue(bad.isEmpty(), c + ": " + bad.size() + " parameters differ after one step, first " + describe(r, bad));

        // how sharp the step check is: every parameter whose gradient is at least 1e-4 of the network's largest is checked
        // to 1 % of lr, and so are at least 99.9 % of all trainable parameters (measured: 99.98 % or more)
        // (not counted: biases that feed batch normalisation, whose exact gradient is zero and whose computed one is
        // rounding noise, below 1e-5 of the network's largest gradient as asserted here)
        long trainable = 0, sharp = 0;
        for (Block b : r.blocks()) {
            if (b.runningStatistic()) continue;
            for (int i = b.from(); i < b.from() + b.length(); i++) {
                boolean narrow = stepTolerance(r, i) < 0.01 * LR;
                if (b.biasBeforeBatchNorm()) {
                    assertTrue(Math.abs(r.gradDl4j()[i]) < 1e-5 * netScale, c + " " + b + ": a bias feeding batch normalisation has a gradient of rounding noise");
                    continue;
                }
                trainable++;
                if (narrow) sharp++;
                if (!narrow && Math.abs(r.gradDl4j()[i]) >= 1e-4 * netScale)
                    fail(c + " " + b + ": parameter " + i + " is checked only to " + stepTolerance(r, i) / LR + " lr");
            }
        }
        assertTrue(sharp >= 0.999 * trainable, c + ": only " + sharp + " of " + trainable + " parameters are checked to 1 % of lr");
    }

    static String describe(Run r, List<Integer> bad) {
        if (bad.isEmpty()) return "none";
        int i = bad.get(0);
        Block b = r.blocks().stream().filter(x -> x.from() <= i && i < x.from() + x.length()).findFirst().orElseThrow();
        return "index " + i + " (" + b + "): before " + r.before()[i] + ", DL4J " + r.afterDl4j()[i] + ", fused " + r.afterFused()[i]
                + ", gradients " + r.gradDl4j()[i] + " / " + r.gradFused()[i];
    }

    /**
     * The step check can fail, one parameter at a time: the fused parameters after the step, each time with one
     * parameter's step wrong by 2 % of lr (a trainable parameter) or by 5 times its tolerance (a running statistic), are rejected for
     * exactly that parameter, for the first, middle and last parameter and the one with the largest gradient of every
     * block of compact-cnn-lstm.
     */
    @Test
    void aWrongStepOfOneParameterFailsTheCheck() {
        Run r = run(new Case("compact-cnn-lstm", "relu"));
        long[] compared = {0};
        assertEquals(List.of(), stepMismatches(r, r.afterFused(), compared), "unperturbed, the step matches");
        int tried = 0;
        for (Block b : r.blocks()) {
            int largest = b.from();
            for (int i = b.from(); i < b.from() + b.length(); i++) if (Math.abs(r.gradDl4j()[i]) > Math.abs(r.gradDl4j()[largest])) largest = i;
            for (int i : new int[] {b.from(), b.from() + b.length() / 2, b.from() + b.length() - 1, largest}) {
                if (!b.runningStatistic() && stepTolerance(r, i) >= 0.01 * LR) continue; // a noise gradient: no sharp check there (see the class comment)
                float[] wrong = r.afterFused().clone();
                wrong[i] += b.runningStatistic() ? (float) (5 * statisticTolerance(wrong[i])) : (float) (0.02 * LR);
                assertEquals(List.of(i), stepMismatches(r, wrong, new long[1]), "a wrong step of " + b + " at " + i + " is found, alone");
                tried++;
            }
        }
        assertTrue(tried >= 3 * r.blocks().size(), "perturbed " + tried + " parameters over " + r.blocks().size() + " blocks");
    }
}
