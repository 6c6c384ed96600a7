package org.emoaugnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.emoaugnet.model.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code emoaug predict}: class probabilities of an exported model ({@code model train}) for audio files, one record
 * per file ({@link PredictionWriter}). A file that cannot be predicted gets its error in its record and the others are
 * still predicted; the command then ends with {@link ExitCode#INPUT}.
 */
@Command(name = "predict", description = "class probabilities of an exported model for audio files, one record per file with a header: file, most "
        + "probable class, every class's probability, warnings (digital silence, clipping, a clip shorter than the "
        + "model's window) and the error of a file that could not be predicted (the others are still predicted; exit code"
        + " 2 at the end)")
final class PredictCommand implements CommandAction {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "the model folder (model train --out)")
    Path model;

    @Option(names = "--format", paramLabel = "FORMAT", description = "tsv (tab-separated, escaped), csv (RFC 4180) or json (an array of objects): "
            + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    PredictionWriter.Format format = PredictionWriter.Format.tsv;

    @Parameters(arity = "1..*", paramLabel = "FILE.wav", description = "the audio files")
    List<Path> files;

    @Spec CommandSpec spec;

    @Override
    public ExitCode execute() throws Exception {
        Predictor p = new Predictor(ModelCommands.load(model));
        PredictionWriter w = new PredictionWriter(format, p.classes(), Main.out(spec));
        int failed = 0;
        for (Path f : files) {
            try {
                w.write(PredictionWriter.Outcome.of(p.predict(f)));
            } catch (IOException | IllegalArgumentException e) {
                // the file's record carries its error, and the next file is predicted (the command ends with INPUT below)
                w.write(PredictionWriter.Outcome.failed(f, e.getMessage()));
                failed++;
            }
        }
        w.finish();
        if (failed == 0) return ExitCode.OK;
        PrintStream err = Main.err(spec);
        err.println("emoaug: " + failed + " of " + files.size() + " file(s) could not be predicted (their error is in the output)");
        return ExitCode.INPUT;
    }
}
