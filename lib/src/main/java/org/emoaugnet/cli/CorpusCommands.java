package org.emoaugnet.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.emoaugnet.data.CorpusScan;
import org.emoaugnet.data.CorpusTables;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.util.Settings;
import org.emoaugnet.util.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emoaug corpus list|find|prepare}: the corpora under a data folder. */
@Command(name = "corpus", description = "the corpora under a data folder: list, find, prepare",
        subcommands = {CorpusCommands.ListCorpora.class, CorpusCommands.Find.class, CorpusCommands.Prepare.class})
final class CorpusCommands {
    @Command(name = "list", description = "find the corpora under the data folder (default: EMOAUG_DATA, else the synthetic corpus), read every file, "
            + "print counts by emotion, speaker and class, and every bad file")
    static final class ListCorpora implements CommandAction {
        @Mixin SettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Settings s = settings.settings();
            PrintStream out = Main.out(spec);
            out.println("settings: " + s);
            for (CorpusScan.Report r : Corpora.open(s)) {
                out.println();
                out.println(Tables.show(CorpusTables.summary(r), 2));
                out.println(Tables.show(CorpusTables.byEmotion(r), 2));
                out.println(Tables.show(CorpusTables.bySpeaker(r), 2));
                out.println(Tables.show(CorpusTables.byClass(r, Corpora.defaultClassSet(r.corpus().name())), 2));
                if (!r.bad().isEmpty()) {
                    out.println(r.bad().size() + " bad file(s) skipped:");
                    r.bad().forEach(b -> out.println("  " + b));
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "find", description = "list the corpus layouts recognised under the data folder without reading audio (exit code 2 when none)")
    static final class Find implements CommandAction {
        @Mixin SettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Settings s = settings.settings();
            PrintStream out = Main.out(spec);
            if (s.data().isEmpty()) {
                out.println("no data folder configured (EMOAUG_DATA / --data): the synthetic corpus would be used");
                return ExitCode.OK;
            }
            var found = Corpora.find(s.data().get());
            if (found.isEmpty()) {
                out.println("no known corpus layout under " + s.data().get());
                return ExitCode.INPUT;
            }
            for (var f : found) out.println(f.loader() + "\t" + f.root());
            return ExitCode.OK;
        }
    }

    @Command(name = "prepare", description = "rebuild the corpora of the committed runs from the public downloads (docs/corpora.md): RAVDESS's 48 kHz "
            + "originals checked against their committed SHA-256, converted with SoX into DIR/ravdess and checked against the"
            + " committed runs' 16 kHz files (exit code 3 when any differs); EmoDB's download.zip cut to the 2-second "
            + "derivative in DIR/emodb-2s (not byte-identical to the committed third-party one: its resampler is unknown)")
    static final class Prepare implements CommandAction {
        @Option(names = "--ravdess", paramLabel = "ZIP|DIR", description = "the RAVDESS originals (Audio_Speech_Actors_01-24.zip or its folder)")
        Path ravdess;

        @Option(names = "--emodb", paramLabel = "ZIP|DIR", description = "EmoDB's download.zip (or its folder)")
        Path emodb;

        @Option(names = "--data", paramLabel = "DIR", description = "where the corpora go (default: EMOAUG_DATA)")
        Path data;

        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            if (ravdess == null && emodb == null)
                throw new UsageException("corpus prepare needs --ravdess (the RAVDESS originals) and/or --emodb (EmoDB's download.zip)");
            Settings s = Settings.resolve(System.getenv(), data == null ? Map.of() : Map.of("data", data.toString()));
            Path target = s.data().orElseThrow(() -> new UsageException("corpus prepare needs --data DIR (or EMOAUG_DATA): where the corpora go"));
            return CorpusPrepare.run(Optional.ofNullable(ravdess), Optional.ofNullable(emodb), target, Main.out(spec));
        }
    }
}
