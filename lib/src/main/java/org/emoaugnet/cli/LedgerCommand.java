package org.emoaugnet.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaugnet.publish.Publication;
import org.emoaugnet.util.OutputLog;
import org.emoaugnet.util.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emoaug ledger}: the ledger, the manifest and the README's generated blocks. */
@Command(name = "ledger", description = "rebuild results/LEDGER.md, results/ledger.csv and results/MANIFEST.json from the run records (every paper "
        + "claim beside our numbers, with a computed verdict) and the README's generated blocks (the ledger table and the"
        + " tables rendered from result CSVs); the only command that edits README.md")
final class LedgerCommand implements CommandAction {
    @Option(names = "--results", paramLabel = "DIR", description = "the results folder (default: <results>); the README is rendered only for <project>/results")
    Path results;

    @Mixin SettingsOptions settings;
    @Spec CommandSpec spec;

    @Override
    public ExitCode execute() throws Exception {
        Settings s = settings.settings();
        Path dir = results != null ? results : s.results();
        if (results != null) OutputLog.setResults(results);
        boolean pages = dir.toAbsolutePath().normalize().equals(s.projectRoot().resolve("results").toAbsolutePath().normalize());
        var published = Publication.ledger(s.projectRoot(), dir, pages, Main.err(spec));
        PrintStream out = Main.out(spec);
        if (pages) out.println("rendered the generated blocks of " + s.projectRoot().resolve("README.md"));
        out.println(published.changed().isEmpty() ? "nothing changed" : published.changed().size() + " file(s) changed: "
                + String.join(", ", published.changed().stream().map(Path::toString).toList()));
        out.println(Files.readString(dir.resolve("LEDGER.md")));
        return ExitCode.OK;
    }
}
