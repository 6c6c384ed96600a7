package org.emoaugnet.it;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.emoaugnet.data.prepare.ChecksumList;
import org.emoaugnet.data.prepare.EmoDb2sPreparation;
import org.emoaugnet.data.prepare.RavdessPreparation;
import org.emoaugnet.data.prepare.SourceTree;
import org.junit.jupiter.api.Test;

/**
 * The committed checksum lists name the real corpora of the project's reference material, file for file, when those
 * are present (as {@link SharedDataIT} finds them; skipped elsewhere).
 */
class CorpusChecksumsIT {
    static void matches(Path folder, java.util.regex.Pattern layout, String list) throws Exception {
        assumeTrue(Files.isDirectory(folder), "no corpus at " + folder);
        try (SourceTree t = SourceTree.open(folder, layout)) {
            ChecksumList.Comparison c = ChecksumList.committed(list).compare(t.sha256s());
            assertTrue(c.matches(), c.text(25));
        }
    }

    @Test
    void the16kHzRavdessListNamesTheSharedRavdess() throws Exception {
        matches(SharedDataIT.data().resolve("ravdess"), RavdessPreparation.LAYOUT, ChecksumList.RAVDESS_16K);
    }

    @Test
    void theEmoDb2sListNamesTheSharedDerivative() throws Exception {
        matches(SharedDataIT.data().resolve("emodb-2s"), EmoDb2sPreparation.LAYOUT, ChecksumList.EMODB_2S);
    }
}
