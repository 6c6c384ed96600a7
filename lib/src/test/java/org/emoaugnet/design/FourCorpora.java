package org.emoaugnet.design;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.emoaugnet.Fixtures;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.loaders.EmoDbLoader;
import org.emoaugnet.data.loaders.RavdessLoader;
import org.emoaugnet.data.loaders.SaveeLoader;
import org.emoaugnet.data.loaders.UrduLoader;
import org.emoaugnet.data.prepare.ChecksumList;

/**
 * The four real corpora of notebook 05's grid in miniature, in their layouts, with the speakers each corpus has (so that
 * their fold policies make their real folds): RAVDESS's 24 actors (15 files each, every emotion), the EmoDB 2-second
 * derivative's 10 speakers (5 emotions each, exactly 2 s, so the loader names it {@code emodb-2s}), SAVEE's 4 speakers
 * (7 emotions × 2) and URDU's 400 file names of the committed list (its 29 speakers as the fold file names them). Tiny
 * audio: only names, speakers and classes matter to planning.
 */
final class FourCorpora {
    private FourCorpora() {}

    static final List<String> NAMES = List.of("emodb-2s", "ravdess", "savee", "urdu");

    /** URDU's 400 files as the committed list names them ({@code Angry/SM1_F1_A01.wav} ...), in {@code dir}, loaded. */
    static Corpus urdu(Path dir) throws IOException {
        int seed = 0;
        for (String p : ChecksumList.committed(ChecksumList.URDU_ORIGINALS).sha256ByPath().keySet()) Fixtures.wav(dir.resolve(p), 16000, 0.02, seed++);
        return new UrduLoader().load(dir).corpus();
    }

    /** Writes the four trees under {@code root} and loads them, in {@link #NAMES}' order. */
    static List<Corpus> write(Path root) throws IOException {
        int seed = 0;
        for (int a = 1; a <= 24; a++)
            for (int e = 1; e <= 8; e++)
                for (int in = 1; in <= (e == 1 ? 1 : 2); in++)
                    Fixtures.wav(root.resolve(String.format("ravdess/Actor_%02d/03-01-%02d-%02d-01-01-%02d.wav", a, e, in, a)), 16000, 0.02, seed++);
        for (String sp : List.of("03", "08", "09", "10", "11", "12", "13", "14", "15", "16"))
            for (String e : List.of("W", "F", "T", "N", "L"))
                Fixtures.wav(root.resolve("emodb-2s/wav/" + sp + "a01" + e + "a.wav"), 22050, 2.0, seed++);
        for (String sp : List.of("DC", "JE", "JK", "KL"))
            for (String e : List.of("a", "d", "f", "h", "n", "sa", "su"))
                for (int k = 1; k <= 2; k++) Fixtures.wav(root.resolve(String.format("savee/%s_%s%02d.wav", sp, e, k)), 16000, 0.02, seed++);
        urdu(root.resolve("urdu"));
        return List.of(new EmoDbLoader().load(root.resolve("emodb-2s")).corpus(), new RavdessLoader().load(root.resolve("ravdess")).corpus(),
                new SaveeLoader().load(root.resolve("savee")).corpus(), new UrduLoader().load(root.resolve("urdu")).corpus());
    }
}
