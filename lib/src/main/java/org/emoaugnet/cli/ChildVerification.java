package org.emoaugnet.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emoaugnet.run.NumericKernels;
import org.emoaugnet.util.Settings;

/**
 * {@code records verify} of one run in a child JVM whose environment has the record's own numeric-kernel settings
 * ({@link NumericKernels#plan}): OpenBLAS and oneDNN read them from the process environment when they load, so a
 * JVM cannot switch them for itself. The child gets this JVM's executable, options and class path, the resolved
 * settings as {@code EMOAUG_*} variables, {@link #CHILD} so that it verifies rather than relaunching again, and
 * {@link NumericKernels#FROM_RECORD} so that it says why its kernels are the record's.
 */
final class ChildVerification {
    private ChildVerification() {}

    /** Set in the child's environment: a child whose kernels still differ from the record's fails instead of relaunching. */
    static final String CHILD = "EMOAUG_VERIFY_CHILD";

    /**
     * The line a child prints last when the runs that it found different all had their recorded spec (other predictions
     * only), so that the parent can tell a difference in arithmetic from one in the experiment; the child's exit code is
     * {@link ExitCode#MISMATCH} either way. The parent does not copy the line.
     */
    static final String SAME_SPEC_OTHER_PREDICTIONS = "[records verify child] same spec, other predictions";

    /** The child's exit code, and whether it said {@link #SAME_SPEC_OTHER_PREDICTIONS}. */
    record Result(int exitCode, boolean sameSpecOtherPredictions) {}

    /** Runs the child, copying its standard output to {@code out} (its errors go to this process's); returns its exit code. */
    static Result run(String run, Path runsRoot, Path scratch, Settings s, NumericKernels.Plan plan, PrintStream out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "records", "verify", run, "--runs", runsRoot.toAbsolutePath().toString(), "--scratch", scratch.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = pb.environment();
        Map<String, String> wanted = plan.applyTo(env);
        env.clear();
        env.putAll(wanted);
        env.put(CHILD, "1");
        env.put(NumericKernels.FROM_RECORD, "1");
        env.put("EMOAUG_HOME", s.projectRoot().toString());
        env.remove("EMOAUG_CONFIG");   // every setting is passed resolved below
        if (s.data().isPresent()) env.put("EMOAUG_DATA", s.data().get().toString()); else env.remove("EMOAUG_DATA");
        env.put("EMOAUG_CORPUS", String.join(",", s.corpora()));
        env.put("EMOAUG_QUICK", String.valueOf(s.quick()));
        env.put("EMOAUG_RESULTS", s.results().toString());
        env.put("EMOAUG_CACHE", s.cache().toString());
        env.put("EMOAUG_SEED", String.valueOf(s.seed()));
        env.put("EMOAUG_SKIP_BAD", String.valueOf(s.skipBad()));
        Process p = pb.start();
        boolean sameSpec = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.equals(SAME_SPEC_OTHER_PREDICTIONS)) sameSpec = true;
                else out.println("  [child] " + line);
            }
        }
        return new Result(p.waitFor(), sameSpec);
    }
}
