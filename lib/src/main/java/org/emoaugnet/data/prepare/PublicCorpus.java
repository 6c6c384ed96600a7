package org.emoaugnet.data.prepare;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A corpus as its public source distributes it, and how {@code corpus prepare} makes the suite's 16 kHz copy of it
 * ({@link SourcePreparation}): where the source files sit (their layout, which the copy keeps), the committed lists of
 * their SHA-256 and of the prepared files', the folder the copy goes to under the data folder (where its loader finds
 * it), and whether the files are converted with SoX or copied unchanged. docs/corpora.md says where each source is.
 *
 * @param name          the corpus's name in messages ({@code SAVEE})
 * @param folder        the prepared copy's folder under the data folder ({@code savee})
 * @param layout        the layout paths of the source files ({@link SourceTree}), kept in the prepared copy
 * @param layoutExample a layout path as a reader would recognise it, for the message when a source holds none
 * @param originals     the committed list of the source files (a {@link ChecksumList} constant)
 * @param prepared      the committed list of the prepared files
 * @param preparedAre   what the prepared list is, for the verdict ({@code the 16 kHz files the committed runs used})
 * @param conversion    how a source file becomes a prepared one
 */
public record PublicCorpus(String name, String folder, Pattern layout, String layoutExample, String originals, String prepared,
                           String preparedAre, Conversion conversion) {
    /** How a source file becomes a prepared one. */
    public enum Conversion {
        /** {@code sox -R in.wav -r 16000 -c 1 -b 16 out.wav} ({@link Sox#toMono16}). */
        SOX_16K,
        /** Copied byte for byte: the originals are 16 kHz mono 16-bit already. */
        COPY
    }

    /** RAVDESS speech, Zenodo 1188976 {@code Audio_Speech_Actors_01-24.zip}: 48 kHz originals, converted. */
    public static final PublicCorpus RAVDESS = new PublicCorpus("RAVDESS", "ravdess", Pattern.compile("Actor_\\d\\d/[^/]+\\.(?i:wav)"),
            "Actor_XX/03-01-EE-II-SS-RR-AA.wav", ChecksumList.RAVDESS_ORIGINALS, ChecksumList.RAVDESS_16K,
            "the 16 kHz files the committed runs used", Conversion.SOX_16K);

    /** SAVEE as GitHub {@code robertjkeck2/EmoNet} holds it at commit 63132ce ({@code server/data/SAVEE/DC_a01.wav}): 44.1 kHz, converted. */
    public static final PublicCorpus SAVEE = new PublicCorpus("SAVEE", "savee", Pattern.compile("(?:DC|JE|JK|KL)_[^/]+\\.(?i:wav)"),
            "DC_a01.wav", ChecksumList.SAVEE_ORIGINALS, ChecksumList.SAVEE_16K, "the committed 16 kHz SAVEE list", Conversion.SOX_16K);

    /** URDU as its authors' GitHub {@code siddiquelatif/URDU-Dataset} holds it ({@code Angry/SM1_F10_A010.wav}): 44.1 kHz, converted. */
    public static final PublicCorpus URDU = new PublicCorpus("URDU", "urdu", Pattern.compile("(?:Angry|Happy|Neutral|Sad)/[^/]+\\.(?i:wav)"),
            "Angry/SM1_F10_A010.wav", ChecksumList.URDU_ORIGINALS, ChecksumList.URDU_16K, "the committed 16 kHz URDU list", Conversion.SOX_16K);

    /** EmoDB's official download ({@code wav/03a01Fa.wav}): 16 kHz originals, copied unchanged into {@code emodb/}. */
    public static final PublicCorpus EMODB = new PublicCorpus("EmoDB", "emodb", Pattern.compile("wav/[^/]+\\.(?i:wav)"),
            "wav/03a01Fa.wav", ChecksumList.EMODB_ORIGINALS, ChecksumList.EMODB_ORIGINALS, "the original EmoDB files", Conversion.COPY);

    /** Every corpus {@code corpus prepare} rebuilds from its source. */
    public static List<PublicCorpus> all() { return List.of(RAVDESS, SAVEE, URDU, EMODB); }
}
