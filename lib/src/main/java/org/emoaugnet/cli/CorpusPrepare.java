package org.emoaugnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.emoaugnet.data.prepare.EmoDb2sPreparation;
import org.emoaugnet.data.prepare.PublicCorpus;
import org.emoaugnet.data.prepare.RavdessPreparation;
import org.emoaugnet.data.prepare.SourcePreparation;
import org.emoaugnet.data.prepare.Sox;

/**
 * {@code emoaug corpus prepare --ravdess ZIP|DIR --emodb ZIP|DIR --savee DIR|ZIP --urdu DIR|ZIP --emodb-original DIR|ZIP
 * --data DIR}: rebuilds the corpora from their public sources, into {@code DIR/ravdess}, {@code DIR/emodb-2s},
 * {@code DIR/savee}, {@code DIR/urdu} and {@code DIR/emodb}. Exit code 0 when done (every prepared copy byte-identical
 * to its committed list), 3 when prepared files differ from it, 2 for bad input or a missing SoX.
 */
final class CorpusPrepare {
    private CorpusPrepare() {}

    static ExitCode run(Optional<Path> ravdess, Optional<Path> emodb, Map<PublicCorpus, Path> sources, Path data, PrintStream out) throws IOException {
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
        for (var e : sources.entrySet()) {
            var r = SourcePreparation.committed(e.getKey()).prepare(e.getValue(), data.resolve(e.getKey().folder()), Sox.find());
            out.print(r.text());
            if (!r.identical()) code = ExitCode.MISMATCH;
        }
        return code;
    }
}
