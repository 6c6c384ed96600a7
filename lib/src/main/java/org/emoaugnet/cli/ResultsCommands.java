package org.emoaugnet.cli;

import java.nio.file.Path;
import org.emoaugnet.publish.Regeneration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emoaug results compare}: regenerated tables and figures against the committed ones. */
@Command(name = "results", description = "the results folder: compare", subcommands = ResultsCommands.Compare.class)
final class ResultsCommands {
    /** Difference lines shown per file. */
    static final int LINES_PER_FILE = 20;

    @Command(name = "compare", description = "compare regenerated tables (cell by cell) and figures (pixel by pixel) with the committed ones, e.g. after "
            + "bash environment/main.sh wrote build/main/results; lists every difference (exit code 3 when any file differs);"
            + " files only one side has are counted by folder unless few (--all names each)")
    static final class Compare implements CommandAction {
        @Option(names = "--regenerated", required = true, paramLabel = "DIR", description = "the regenerated results folder")
        Path regenerated;

        @Option(names = "--committed", paramLabel = "DIR", description = "the committed results folder (default: <project>/results)")
        Path committed;

        @Option(names = "--all", description = "name every file only one side has (default: counted by folder when more than " + Regeneration.LISTED + ")")
        boolean all;

        @Mixin SettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Path c = InputFiles.folder(committed != null ? committed : settings.settings().projectRoot().resolve("results"), "committed results folder");
            var report = Regeneration.compare(c, InputFiles.folder(regenerated, "regenerated results folder"));
            Main.out(spec).print(report.text(LINES_PER_FILE, all));
            return report.differing().isEmpty() ? ExitCode.OK : ExitCode.MISMATCH;
        }
    }
}
