package org.emoaugnet.model.fused;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Locale;
import org.emoaugnet.model.ModelConfig;
import org.junit.jupiter.api.Test;

/** Every activation experiment files may name is one the fused trainer implements with DL4J's definition, and no other is accepted. */
class ActivationRegistryTest {
    @Test
    void everyNamedActivationIsImplementedByTheFusedPathAndDl4j() {
        for (String a : ModelConfig.ACTIVATIONS) {
            var dl4j = org.nd4j.linalg.activations.Activation.valueOf(a.toUpperCase(Locale.ROOT)).getActivationFunction();
            assertNotNull(Activation.of(dl4j), a + " is implemented by the fused path");
        }
        assertEquals(Activation.values().length, ModelConfig.ACTIVATIONS.size(), "every fused activation is named");
        var e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.preset("compact-cnn-lstm", "bogus"));
        assertEquals("unknown activation 'bogus' (relu, elu, tanh, sigmoid, identity)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelConfig.preset("compact-cnn-lstm", "RELU"), "names are lower case, as specs record them");
    }
}
