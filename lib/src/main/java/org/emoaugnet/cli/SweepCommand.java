package org.emoaugnet.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code emoaug sweep}: the Spark sweeps run in their own JVM (module lib/sweep, {@code org.emoaugnet.sweep.SweepCli}),
 * which {@code environment/emoaug} starts before this class is reached; listed here so that the help names it and a
 * direct call says where it runs.
 */
@Command(name = "sweep", description = "the same runs as Apache Spark tasks (module lib/sweep): study, ablation, experiment, cross, robustness, "
        + "strongest [--master local[N]|spark://host:7077]; run through environment/emoaug sweep (its own JVM): "
        + "environment/emoaug sweep help")
final class SweepCommand implements CommandAction {
    @Parameters(arity = "0..*", paramLabel = "ARGS", description = "the sweep's command and options (environment/emoaug sweep help)")
    List<String> args;

    @Override
    public ExitCode execute() {
        throw new UsageException("sweep runs in its own JVM with Spark on the class path: environment/emoaug sweep " + (args == null ? "" : String.join(" ", args)));
    }
}
