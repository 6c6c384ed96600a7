package org.emoaugnet;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Every skipped test says why on the console, whether an assumption or a disabling annotation skipped it. */
class SkippedTestReasonsTest {
    /** Run only through the launcher below (surefire does not run nested classes). */
    static class Sample {
        @Test void needsACorpus() { Assumptions.assumeTrue(false, "RAVDESS input not present"); }
        @Disabled("waits for the fold files") @Test void disabled() {}
        @Test void runs() {}
    }

    static class SampleWithoutData {
        @BeforeAll static void data() { Assumptions.assumeTrue(false, "no data folder"); }
        @Test void any() {}
    }

    @Test
    void assumptionsAndDisabledTestsSayWhy() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Sample.class), selectClass(SampleWithoutData.class)).build();
        // not the listener the service file registers: the samples' skips are not this build's
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build()).execute(request, new SkippedTestReasons(new PrintStream(out, true)));
        String s = out.toString();
        assertTrue(s.contains("[skipped] SkippedTestReasonsTest$Sample > needsACorpus(): Assumption failed: RAVDESS input not present"), s);
        assertTrue(s.contains("[skipped] SkippedTestReasonsTest$Sample > disabled(): waits for the fold files"), s);
        assertTrue(s.contains("[skipped] SkippedTestReasonsTest$SampleWithoutData: Assumption failed: no data folder"), s);
        assertFalse(s.contains("runs()"), "a test that ran is not listed: " + s);
    }

    @Test
    void registeredForEveryTestJvm() {
        assertTrue(ServiceLoader.load(TestExecutionListener.class).stream().anyMatch(p -> p.type() == SkippedTestReasons.class));
    }
}
