package org.emoaugnet.run;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** {@link EngineTags#name}: the brief name labels give an engine, and {@link RunSpec.Engine#design} that groups engines by revisions. */
class EngineTagsTest {
    @Test
    void namesTheTrainerAndAnOtherNetworkButNeverTheThreadCount() {
        RunSpec.Engine now = RunSpec.Engine.current();
        assertEquals(now.trainer(), EngineTags.name(now));
        RunSpec.Engine twoThreads = new RunSpec.Engine("2", now.network(), "fused-1/loop-2"), oneThread = new RunSpec.Engine("1", now.network(), "fused-1/loop-2");
        assertEquals("fused-1/loop-2", EngineTags.name(twoThreads));
        assertEquals(EngineTags.name(twoThreads), EngineTags.name(oneThread));
        assertEquals(twoThreads.design(), oneThread.design(), "engines that differ only in thread count are one trainer");
        assertNotEquals(twoThreads.design(), now.design());
        RunSpec.Engine otherNet = new RunSpec.Engine(null, "1", now.trainer());
        assertEquals(now.trainer() + " (network 1)", EngineTags.name(otherNet));
        RunSpec.Engine legacy = new RunSpec.Engine("4", null, null);
        assertEquals(RunSpec.VERSION_1, EngineTags.name(legacy));
        assertEquals(legacy.design(), new RunSpec.Engine("1", null, null).design());
    }
}
