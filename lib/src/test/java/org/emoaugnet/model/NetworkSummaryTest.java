package org.emoaugnet.model;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class NetworkSummaryTest {
    @Test
    void oneCountPerNetworkWithRunningStatisticsApart() {
        var net = ModelFactory.build(ModelConfig.preset("compact-cnn-lstm", "relu"), 22, 108, 7, 1e-3, 1);
        var t = NetworkSummary.layers(net);
        long trainable = (long) t.longColumn("trainable parameters").sum(), running = (long) t.longColumn("running statistics").sum();
        assertEquals(ModelFactory.trainableParams(net), trainable);
        assertEquals(net.numParams(), trainable + running, "every parameter of DL4J's vector is in one column");
        assertTrue(running > 0, "the compact network has batch normalisation");
        String line = NetworkSummary.parameters(net);
        assertTrue(line.startsWith(String.format(java.util.Locale.ROOT, "%,d trainable parameters", trainable)), line);
        assertTrue(line.contains(String.format(java.util.Locale.ROOT, "%,d running statistics", running)), line);
    }
}
