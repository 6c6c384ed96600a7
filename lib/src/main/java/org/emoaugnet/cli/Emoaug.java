package org.emoaugnet.cli;

import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command tree of {@code environment/emoaug}: every command, declared once with its options, their types, defaults
 * and help (picocli). Holds the streams the commands print to ({@link Main#out}, {@link Main#err}). Without a command
 * it prints the usage and ends with {@link ExitCode#USAGE}.
 */
@Command(name = "emoaug", description = "the command line of the emoaugnet library (environment/emoaug)",
        subcommands = {CorpusCommands.class, FoldsCommands.class, SynthCommands.class, AudioCommands.Augment.class, AudioCommands.FeatureRows.class, CacheCommands.class,
                BenchCommands.class, ModelCommands.class, PredictCommand.class, ExperimentCommands.class, SweepCommand.class, LedgerCommand.class,
                ResultsCommands.class, RecordsCommands.class, HelpCommand.class})
final class Emoaug implements CommandAction {
    final PrintStream out, err;

    @Spec CommandSpec spec;

    Emoaug(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public ExitCode execute() {
        spec.commandLine().usage(out);
        return ExitCode.USAGE;
    }
}
