package org.emoaugnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.emoaugnet.data.prepare.EmoDb2sPreparation;
import org.emoaugnet.data.prepare.RavdessPreparation;
import org.emoaugnet.data.prepare.Sox;

/**
 * {@code emoaug corpus prepare --ravdess ZIP|DIR --emodb ZIP|DIR --data DIR}: rebuilds the corpora the committed runs
 * used from the public downloads, into {@code DIR/ravdess} and {@code DIR/emodb-2s}. Exit code 0 when done (RAVDESS
 * byte-identical to the committed runs' files), 3 when the prepared RAVDESS files differ from them, 2 for bad input
 * or a missing SoX.
 */
final class CorpusPrepare {
    private CorpusPrepare() {}

    static ExitCode run(Optional<Path> ravdess, Optional<Path> emodb, Path data, PrintStream out) throws IOException {
        ExitCode code = ExitCode.OK;
        if (ravdess.isPresent()) {
            var r = RavdessPreparation.committed().prepare(ravdess.get(), data.resolve("ravdess"), Sox.find());
            out.print(r.text());
            if (!r.identical()) code = ExitCode.MISMATCH;
        }
        if (emodb.isPresent()) {
            var r = EmoDb2sPreparation.committed().prepare(emodb.get(), data.resolve("emodb-2s"));
            out.print(r.text());
        }
        return code;
    }
}
