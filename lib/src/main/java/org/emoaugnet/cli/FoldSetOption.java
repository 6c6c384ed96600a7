package org.emoaugnet.cli;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import org.emoaugnet.design.ExperimentConfig;
import org.emoaugnet.design.ExperimentConfigs;
import picocli.CommandLine.Option;

/** {@code --fold-set FILE}: a recipe run on a partition of one's own (a fold file, docs/configuration.md). */
final class FoldSetOption {
    @Option(names = "--fold-set", paramLabel = "FILE", description = "a fold file (fold,test,validation speakers per fold; docs/configuration.md): "
            + "the experiment runs on its speaker folds, as experiment <name>-<file stem>")
    Path foldSet;

    /** {@code cfg} on the fold file's folds, or {@code cfg} itself without the option. */
    ExperimentConfig apply(ExperimentConfig cfg) throws FileNotFoundException {
        return foldSet == null ? cfg : ExperimentConfigs.withFoldFile(cfg, InputFiles.file(foldSet, "fold file"));
    }
}
