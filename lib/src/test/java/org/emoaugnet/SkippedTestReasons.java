package org.emoaugnet;

import java.io.PrintStream;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says on the console why a test or a test class was skipped: an assumption that did not hold (a corpus or golden
 * file not present, a machine that cannot run the pinned kernels) or a disabling condition. Surefire's summary
 * counts skipped tests without their reasons. Registered for every test JVM through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class SkippedTestReasons implements TestExecutionListener {
    private final PrintStream out;
    private TestPlan plan;

    public SkippedTestReasons() { this(System.out); }

    SkippedTestReasons(PrintStream out) { this.out = out; }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) { plan = testPlan; }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        out.println("[skipped] " + name(test) + ": " + reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.ABORTED) return;
        out.println("[skipped] " + name(test) + ": " + result.getThrowable().map(Throwable::getMessage).orElse("aborted (no reason given)"));
    }

    /** The test's class and display name ("GoldenFeaturesTest > ravdessFile()"). */
    String name(TestIdentifier test) {
        Optional<TestIdentifier> parent = plan == null ? Optional.empty() : plan.getParent(test);
        return parent.filter(p -> p.getParentId().isPresent()).map(p -> p.getDisplayName() + " > ").orElse("") + test.getDisplayName();
    }
}
