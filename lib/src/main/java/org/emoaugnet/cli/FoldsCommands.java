package org.emoaugnet.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.data.CorpusScan;
import org.emoaugnet.data.FoldFile;
import org.emoaugnet.data.FoldSet;
import org.emoaugnet.data.Gender;
import org.emoaugnet.data.InnerFolds;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.util.AtomicFiles;
import org.emoaugnet.util.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emoaug folds inner}: fold files of their own. */
@Command(name = "folds", description = "fold files: inner (the inner folds of nested cross-validation)", subcommands = FoldsCommands.Inner.class)
final class FoldsCommands {
    @Command(name = "inner", description = "write one fold file per outer fold of a published fold set: k inner folds over that outer fold's "
            + "training speakers, gender-balanced, its test speakers excluded (data.InnerFolds states the rule); reads the speakers' genders "
            + "from the primary corpus")
    static final class Inner implements CommandAction {
        @Mixin SettingsOptions settings;
        @Spec CommandSpec spec;

        @Option(names = "--outer", required = true, paramLabel = "KEY", description = "the outer fold set (a published one: reslstm-5, emobox-6)")
        String outer;

        @Option(names = "--k", defaultValue = "4", description = "inner folds per outer fold (default: ${DEFAULT-VALUE})")
        int k;

        @Option(names = "--inner-seed", required = true, paramLabel = "S", description = "the seed of the rule's one random generator")
        long seed;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the files go (<outer fold>-inner.csv each)")
        Path out;

        @Override
        public ExitCode execute() throws Exception {
            Settings s = settings.settings();
            FoldSet set = FoldSet.named(outer);
            Map<String, Gender> genders = new TreeMap<>();
            CorpusScan.Report primary = Corpora.primary(Corpora.open(s));
            for (Utterance u : primary.corpus().utterances()) genders.put(u.speaker(), u.gender());
            PrintStream o = Main.out(spec);
            Files.createDirectories(out);
            for (FoldSet.Members m : set.folds()) {
                FoldFile inner = InnerFolds.of(m, genders, k, seed, m.name());
                List<String> comment = new ArrayList<>(List.of(
                        "The inner folds of " + set.key() + "'s outer fold " + m.name() + " on " + primary.corpus().name() + " for nested cross-validation:",
                        k + " folds over the " + (genders.size() - m.test().size()) + " speakers it does not test, its test speakers excluded from every inner fold.",
                        "Made by: environment/emoaug folds inner --outer " + outer + " --k " + k + " --inner-seed " + seed + " --out DIR",
                        "(the rule: org.emoaugnet.data.InnerFolds; FoldFilesTest checks the committed files against it)."));
                Path file = out.resolve(m.name() + "-inner.csv");
                AtomicFiles.writeString(file, InnerFolds.text(inner, comment));
                o.println(file + ": " + inner.size() + " inner folds, " + inner.key().substring(0, FoldFile.KEY_PREFIX.length() + 12));
            }
            return ExitCode.OK;
        }
    }
}
