package org.emoaugnet.audio;

import static org.junit.jupiter.api.Assertions.*;

import org.emoaugnet.Fixtures;
import org.junit.jupiter.api.Test;

class SignalLevelTest {
    @Test
    void silenceAndClippingAgainstTheirStatedThresholds() {
        SignalLevel zero = SignalLevel.of(new float[][] {new float[1600], new float[1600]});
        assertTrue(zero.silent() && !zero.clipped());
        assertEquals(Double.NEGATIVE_INFINITY, zero.peakDbfs());
        SignalLevel speechLike = SignalLevel.of(new float[][] {Fixtures.sine(16000, 1, 220, 0.3)});
        assertFalse(speechLike.silent() || speechLike.clipped());
        assertEquals(20 * Math.log10(0.3), speechLike.peakDbfs(), 1e-3);
        assertTrue(SignalLevel.of(new float[][] {Fixtures.sine(16000, 1, 220, 0.0009)}).silent(), "-61 dBFS is silence");
        assertFalse(SignalLevel.of(new float[][] {Fixtures.sine(16000, 1, 220, 0.0011)}).silent(), "-59 dBFS is not");
        float[] y = Fixtures.sine(16000, 1, 220, 0.3);
        for (int i = 0; i < 16; i++) y[i * 100] = -1f;   // 0.1 %: at the limit, not above it
        assertFalse(SignalLevel.of(new float[][] {y}).clipped());
        y[5] = 1f;
        SignalLevel clipped = SignalLevel.of(new float[][] {y});
        assertTrue(clipped.clipped());
        assertEquals(17 / 16000.0, clipped.clippedShare(), 1e-12);
        assertTrue(SignalLevel.of(new float[][] {{(float) SignalLevel.FULL_SCALE, 0.5f}}).clippedShare() > 0, "the largest 16-bit value is at full scale");
    }
}
