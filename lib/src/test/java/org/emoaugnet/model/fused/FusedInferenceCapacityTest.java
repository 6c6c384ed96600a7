package org.emoaugnet.model.fused;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.emoaugnet.model.ModelConfig;
import org.emoaugnet.model.ModelFactory;
import org.junit.jupiter.api.Test;

/**
 * Prediction's capacity is bounded by memory for 2-D networks only: the 1-D presets keep the capacity they are asked for
 * on the largest inputs the suite gives them (so their predictions are computed as before), cnn2d-ref on 64 × 301
 * log-mel predicts fewer samples at once, and its predicted classes do not depend on how many it predicts at once (its
 * probabilities agree to 1e-6: how many samples share a matrix product moves their last bits, which is why the capacity
 * is a fixed function of the network's shapes, {@link FusedNetwork#inferenceCapacity}).
 */
class FusedInferenceCapacityTest {
    static MultiLayerNetwork net(String preset, int c, int t) { return ModelFactory.build(ModelConfig.preset(preset, "relu"), c, t, 8, 1e-3, 7); }

    @Test
    void oneDimensionalPresetsKeepTheirCapacityAndTheTwoDimensionalOneIsBounded() {
        for (String p : new String[] {"compact-cnn-lstm", "strong-cnn-pool", "strong-cnn-bilstm"})
            for (int[] shape : new int[][] {{22, 108}, {64, 301}})
                assertEquals(256, FusedNetwork.inferenceCapacity(net(p, shape[0], shape[1]), shape[0], shape[1], 256), p + " " + shape[0] + "×" + shape[1]);
        MultiLayerNetwork cnn2d = net("cnn2d-ref", 64, 301);
        long per = FusedNetwork.compile(cnn2d, 64, 301, 4, 0).heapFloatsPerSample();
        int cap = FusedNetwork.inferenceCapacity(cnn2d, 64, 301, 256);
        assertTrue(cap < 256 && cap >= FusedNetwork.LANES, "cnn2d-ref at 256 would hold " + per * 256 + " floats; capacity " + cap);
        assertTrue(cap * per <= FusedNetwork.INFERENCE_HEAP_FLOATS);
        assertEquals(3, FusedNetwork.inferenceCapacity(cnn2d, 64, 301, 3), "never more than asked for");
    }

    @Test
    void aTwoDimensionalNetworkPredictsTheSameClassesAtAnyCapacity() {
        MultiLayerNetwork n = net("cnn2d-ref", 16, 40);
        SplittableRandom r = new SplittableRandom(5);
        float[][] samples = new float[23][16 * 40];
        for (float[] s : samples) for (int i = 0; i < s.length; i++) s[i] = (float) r.nextGaussian();
        FusedNetwork four = FusedNetwork.compile(n, 16, 40, 4, 0);
        int[] at4 = four.predict(samples);
        float[] first4 = new float[4 * 16 * 40];
        for (int i = 0; i < 4; i++) System.arraycopy(samples[i], 0, first4, i * 16 * 40, 16 * 40);
        float[] p4 = four.output(first4, 4).clone();
        for (int cap : new int[] {7, 23}) {
            FusedNetwork f = FusedNetwork.compile(n, 16, 40, cap, 0);
            assertArrayEquals(at4, f.predict(samples), "capacity " + cap);
            float[] all = new float[cap * 16 * 40];
            for (int i = 0; i < cap; i++) System.arraycopy(samples[i], 0, all, i * 16 * 40, 16 * 40);
            float[] p = f.output(all, cap);
            for (int i = 0; i < p4.length; i++) assertEquals(p4[i], p[i], 1e-6f, "probability " + i + " of the first 4 samples, predicted " + cap + " at once");
        }
    }
}
