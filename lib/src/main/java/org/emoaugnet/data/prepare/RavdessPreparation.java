package org.emoaugnet.data.prepare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rebuilds the 16 kHz RAVDESS copy that the committed runs used from the 48 kHz originals a user downloaded
 * (Zenodo record 1188976, {@code Audio_Speech_Actors_01-24.zip}, or that archive extracted): {@link SourcePreparation}
 * for {@link PublicCorpus#RAVDESS}. It checks the originals against the committed list of their SHA-256
 * ({@link ChecksumList#RAVDESS_ORIGINALS}), converts each with {@code sox -R in.wav -r 16000 -c 1 -b 16 out.wav}
 * (see {@link Sox}) into the target folder, keeping the {@code Actor_XX/} layout, and checks the result against the
 * committed list of the 16 kHz files ({@link ChecksumList#RAVDESS_16K}).
 */
public final class RavdessPreparation {
    /** The layout of the originals and of the prepared copy. */
    public static final Pattern LAYOUT = PublicCorpus.RAVDESS.layout();
    /** The rate of the prepared copy. */
    public static final int RATE = SourcePreparation.RATE;

    private final SourcePreparation preparation;

    /** Against these lists (tests use lists of their own generated files). */
    public RavdessPreparation(ChecksumList originals, ChecksumList converted) {
        this.preparation = new SourcePreparation(PublicCorpus.RAVDESS, originals, converted);
    }

    /** Against the committed lists. */
    public static RavdessPreparation committed() throws IOException {
        return new RavdessPreparation(ChecksumList.committed(PublicCorpus.RAVDESS.originals()), ChecksumList.committed(PublicCorpus.RAVDESS.prepared()));
    }

    /** Checks the originals in an archive or folder against the list. */
    public SourcePreparation.OriginalsCheck check(Path source) throws IOException { return preparation.check(source); }

    /** {@link SourcePreparation#prepare}: the originals checked, converted into {@code out} and the result checked. */
    public SourcePreparation.Result prepare(Path source, Path out, Optional<Sox> sox) throws IOException {
        return preparation.prepare(source, out, sox);
    }
}
