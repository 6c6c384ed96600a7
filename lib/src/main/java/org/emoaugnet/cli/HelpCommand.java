package org.emoaugnet.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code emoaug help [COMMAND...]}: the usage of emoaug, or of the command its words name ({@code help experiment run});
 * the same text as {@code emoaug COMMAND... --help}.
 */
@Command(name = "help", description = "this text, or a command's usage: help [COMMAND...], the same as COMMAND... --help", helpCommand = true)
final class HelpCommand implements CommandAction {
    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "the words of a command, e.g. experiment run")
    List<String> words = List.of();

    @Spec CommandSpec spec;

    @Override
    public ExitCode execute() {
        CommandLine target = spec.root().commandLine();
        for (String w : words) {
            CommandLine next = target.getSubcommands().get(w);
            if (next == null) throw new UsageException(Main.unknownCommand(target, w));
            target = next;
        }
        target.usage(Main.out(spec));
        return ExitCode.OK;
    }
}
