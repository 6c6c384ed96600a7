package org.emoaugnet.util;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Ranges say what they accept in words and refuse NaN, infinities and non-integers; configuration values name the file, key and value. */
class RangeTest {
    @Test
    void rangesDescribeThemselvesAndRefuseWhatTheyDoNotHold() {
        Range lr = Range.numbers(0, false, 1, true);
        assertEquals("a finite number > 0 and ≤ 1", lr.describe());
        for (double v : new double[] {Double.NaN, 0, -0.1, 1e9, Double.POSITIVE_INFINITY}) assertFalse(lr.contains(v), "lr " + v);
        assertTrue(lr.contains(1e-3) && lr.contains(1));
        assertEquals("an integer ≥ 1 and ≤ 10000", Range.integers(1, 10000).describe());
        assertEquals("an integer ≥ 0", Range.integersFrom(0).describe());
        assertFalse(Range.integersFrom(0).contains(1.5));
        assertEquals("a finite number ≥ 0", Range.numbersFrom(0).describe());
        var e = assertThrows(IllegalArgumentException.class, () -> lr.require("learning rate", Double.NaN));
        assertEquals("learning rate NaN: must be a finite number > 0 and ≤ 1", e.getMessage());
    }

    @Test
    void configurationValuesNameTheFileTheKeyTheValueAndWhatIsAllowed() throws Exception {
        Properties p = new Properties();
        p.load(new java.io.StringReader("lr=NaN\nepochs=1.5\nactivation=rleu\nseeds=1,2,1\nquick=maybe\nrecipes=none,none\n"));
        ConfigValues v = new ConfigValues("x.properties", p);
        assertEquals("x.properties: lr=NaN: must be a finite number > 0 and ≤ 1",
                assertThrows(ConfigurationException.class, () -> v.decimal("lr", Range.numbers(0, false, 1, true), 1e-3)).getMessage());
        assertEquals("x.properties: epochs=1.5: must be an integer ≥ 1",
                assertThrows(ConfigurationException.class, () -> v.integer("epochs", Range.integersFrom(1), 1)).getMessage());
        assertEquals("x.properties: activation=rleu: must be one of relu, elu (did you mean 'relu'?)",
                assertThrows(ConfigurationException.class, () -> v.choice("activation", List.of("relu", "elu"), "relu")).getMessage());
        assertTrue(assertThrows(ConfigurationException.class, () -> v.integers("seeds", Range.integersFrom(0), List.of(1L))).getMessage()
                .startsWith("x.properties: seeds=1,2,1: must be a comma-separated list of distinct integers"));
        assertTrue(assertThrows(ConfigurationException.class, () -> v.bool("quick", false)).getMessage().startsWith("x.properties: quick=maybe: must be true or false"));
        assertTrue(assertThrows(ConfigurationException.class, () -> v.choices("recipes", List.of("none", "all"), List.of())).getMessage()
                .contains("'none' is listed twice"));
        assertEquals(7, v.integer("patience", Range.integersFrom(0), 7), "an absent key gives the default");
        assertInstanceOf(ConfigurationException.class, new KnownKeys.UnknownKeyException("x", List.of("y")),
                "unknown keys are configuration errors too (one exit code)");
    }
}
