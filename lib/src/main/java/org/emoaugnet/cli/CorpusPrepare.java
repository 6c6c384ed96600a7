package org.emoaugnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emoaugnet.data.prepare.EmoDb2sPreparation;
import org.emoaugnet.data.prepare.PublicCorpus;
import org.emoaugnet.data.prepare.RavdessPreparation;
import org.emoaugnet.data.prepare.SourcePreparation;
import org.emoaugnet.data.prepare.Sox;
import org.emoaugnet.util.Settings;

/**
 * {@code emoaug corpus prepare --ravdess ZIP|DIR --emodb ZIP|DIR --savee DIR|ZIP --urdu DIR|ZIP --emodb-original DIR|ZIP
 * --data DIR}: rebuilds the corpora from their public sources, into {@code DIR/ravdess}, {@code DIR/emodb-2s},
 * {@code DIR/savee}, {@code DIR/urdu} and {@code DIR/emodb}. Exit code 0 when done (every prepared copy byte-identical
 * to its committed list), 3 when prepared files differ from it, 2 for bad input or a missing SoX.
 */
final class CorpusPrepare {
    private CorpusPrepare() {}

    static int run(Map<String, String> flags, Settings settings, PrintStream out) throws IOException {
        if (!flags.containsKey("ravdess") && !flags.containsKey("emodb") && !flags.containsKey("savee") && !flags.containsKey("urdu")
                && !flags.containsKey("emodb-original"))
            throw new Main.UsageException("corpus prepare needs --ravdess (the RAVDESS originals), --emodb (EmoDB's download.zip, for the"
                    + " 2-second derivative), --savee, --urdu and/or --emodb-original (their public sources; docs/corpora.md)");
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
        for (var e : List.of(Map.entry("savee", PublicCorpus.SAVEE), Map.entry("urdu", PublicCorpus.URDU), Map.entry("emodb-original", PublicCorpus.EMODB))) {
            if (!flags.containsKey(e.getKey())) continue;
            var r = SourcePreparation.committed(e.getValue()).prepare(Path.of(flags.get(e.getKey())), data.resolve(e.getValue().folder()), Sox.find());
            out.print(r.text());
            if (!r.identical()) code = 3;
        }
        return code;
    }
}
