package org.emoaugnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.emoaugnet.data.prepare.EmoDb2sPreparation;
import org.emoaugnet.data.prepare.RavdessPreparation;
import org.emoaugnet.data.prepare.Sox;
import org.emoaugnet.util.Settings;

/**
 * {@code emoaug corpus prepare --ravdess ZIP|DIR --emodb ZIP|DIR --data DIR}: rebuilds the corpora the committed runs
 * used from the public downloads, into {@code DIR/ravdess} and {@code DIR/emodb-2s}. Exit code 0 when done (RAVDESS
 * byte-identical to the committed runs' files), 3 when the prepared RAVDESS files differ from them, 2 for bad input
 * or a missing SoX.
 */
final class CorpusPrepare {
    private CorpusPrepare() {}

    static int run(Map<String, String> flags, Settings settings, PrintStream out) throws IOException {
        if (!flags.containsKey("ravdess") && !flags.containsKey("emodb"))
            throw new Main.UsageException("corpus prepare needs --ravdess (the RAVDESS originals) and/or --emodb (EmoDB's download.zip)");
        Path data = settings.data().orElseThrow(() -> new Main.UsageException("corpus prepare needs --data DIR (or EMOAUG_DATA): where the corpora go"));
        int code = 0;
        if (flags.containsKey("ravdess")) {
            var r = RavdessPreparation.committed().prepare(Path.of(flags.get("ravdess")), data.resolve("ravdess"), Sox.find());
            out.print(r.text());
            if (!r.identical()) code = 3;
        }
        if (flags.containsKey("emodb")) {
            var r = EmoDb2sPreparation.committed().prepare(Path.of(flags.get("emodb")), data.resolve("emodb-2s"));
            out.print(r.text());
        }
        return code;
    }
}
