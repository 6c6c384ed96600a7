package org.emoaugnet.cli;

import java.nio.file.Path;
import org.emoaugnet.data.synth.SyntheticCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emoaug synth generate}: the synthetic corpus. */
@Command(name = "synth", description = "the synthetic corpus: generate", subcommands = SynthCommands.Generate.class)
final class SynthCommands {
    @Command(name = "generate", description = "generate the synthetic corpus (RAVDESS layout) into DIR")
    static final class Generate implements CommandAction {
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write")
        Path out;

        @Option(names = "--speakers", paramLabel = "N", description = "speakers, 2 to 99 (default: ${DEFAULT-VALUE})")
        int speakers = SyntheticCorpus.Config.defaults().speakers();

        @Option(names = "--seed", paramLabel = "S", description = "the generator's seed (default: ${DEFAULT-VALUE})")
        long seed = SyntheticCorpus.Config.defaults().seed();

        @Option(names = "--rate", paramLabel = "HZ", description = "sample rate, at least 8000 (default: ${DEFAULT-VALUE})")
        int rate = SyntheticCorpus.Config.defaults().sampleRate();

        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            SyntheticCorpus.Config cfg;
            try {
                cfg = new SyntheticCorpus.Config(speakers, seed, rate);
            } catch (IllegalArgumentException e) {
                throw new UsageException("synth generate: " + e.getMessage());
            }
            SyntheticCorpus.generate(out, cfg);
            Main.out(spec).println("synthetic corpus (" + SyntheticCorpus.items(cfg).size() + " files) in " + out.toAbsolutePath());
            return ExitCode.OK;
        }
    }
}
