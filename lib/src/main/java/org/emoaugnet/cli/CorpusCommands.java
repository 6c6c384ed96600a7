package org.emoaugnet.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.emoaugnet.data.CorpusScan;
import org.emoaugnet.data.CorpusTables;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.util.Settings;
import org.emoaugnet.util.Tables;
import org.emoaugnet.data.prepare.PublicCorpus;
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

    @Command(name = "prepare", description = "rebuild the corpora from their public sources (docs/corpora.md), each checked against its committed "
            + "SHA-256 list before anything is converted: RAVDESS's 48 kHz originals, SAVEE's and URDU's 44.1 kHz originals and EmoDB's 16 kHz "
            + "originals converted with SoX (EmoDB copied) into DIR/ravdess, DIR/savee, DIR/urdu, DIR/emodb and checked against the committed "
            + "16 kHz lists (exit code 3 when any differs); EmoDB's download.zip cut to the 2-second derivative in DIR/emodb-2s (not "
            + "byte-identical to the committed third-party one: its resampler is unknown)")
    static final class Prepare implements CommandAction {
        @Option(names = "--ravdess", paramLabel = "ZIP|DIR", description = "the RAVDESS originals (Audio_Speech_Actors_01-24.zip or its folder)")
        Path ravdess;

        @Option(names = "--emodb", paramLabel = "ZIP|DIR", description = "EmoDB's download.zip (or its folder), for the 2-second derivative")
        Path emodb;

        @Option(names = "--savee", paramLabel = "DIR|ZIP|TAR", description = "SAVEE's 480 originals (DC_a01.wav ...; docs/corpora.md says where)")
        Path savee;

        @Option(names = "--urdu", paramLabel = "DIR|ZIP|TAR", description = "URDU's 400 originals (Angry/, Happy/, Neutral/, Sad/)")
        Path urdu;

        @Option(names = "--emodb-original", paramLabel = "DIR|ZIP|TAR", description = "EmoDB's 535 original 16 kHz files (wav/)")
        Path emodbOriginal;

        @Option(names = "--data", paramLabel = "DIR", description = "where the corpora go (default: EMOAUG_DATA)")
        Path data;

        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Map<PublicCorpus, Path> sources = new LinkedHashMap<>();
            if (savee != null) sources.put(PublicCorpus.SAVEE, savee);
            if (urdu != null) sources.put(PublicCorpus.URDU, urdu);
            if (emodbOriginal != null) sources.put(PublicCorpus.EMODB, emodbOriginal);
            if (ravdess == null && emodb == null && sources.isEmpty())
                throw new UsageException("corpus prepare needs --ravdess (the RAVDESS originals), --emodb (EmoDB's download.zip, for the 2-second "
                        + "derivative), --savee, --urdu and/or --emodb-original (their public sources; docs/corpora.md)");
            Settings s = Settings.resolve(System.getenv(), data == null ? Map.of() : Map.of("data", data.toString()));
            Path target = s.data().orElseThrow(() -> new UsageException("corpus prepare needs --data DIR (or EMOAUG_DATA): where the corpora go"));
            return CorpusPrepare.run(Optional.ofNullable(ravdess), Optional.ofNullable(emodb), sources, target, Main.out(spec));
        }
    }
}
