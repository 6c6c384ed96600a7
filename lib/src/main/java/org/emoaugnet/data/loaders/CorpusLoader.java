package org.emoaugnet.data.loaders;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.emoaugnet.data.BadFile;
import org.emoaugnet.data.Corpus;

/**
 * Reads one corpus from its original, documented folder layout. Loaders parse names and label files only; the
 * audio itself is checked by {@link org.emoaugnet.data.CorpusScan}.
 */
public interface CorpusLoader {
    /** The corpus name ({@code ravdess}, {@code emodb}, ...). */
    String name();

    /** Whether {@code dir} is the root of this corpus in its documented layout. */
    boolean recognises(Path dir);

    /** Loads the corpus; files whose names or labels cannot be parsed go to {@link Result#bad()}. */
    Result load(Path root) throws IOException;

    /** What a loader read. */
    record Result(Corpus corpus, List<BadFile> bad) {}

    /** Every loader the library knows, in the order layouts are tried. */
    static List<CorpusLoader> all() {
        return List.of(new SyntheticLoader(), new RavdessLoader(), new EmoDbLoader(), new IemocapLoader(),
                new SaveeLoader(), new TessLoader(), new CremaDLoader());
    }

    static CorpusLoader named(String name) {
        for (CorpusLoader l : all()) if (l.name().equals(name)) return l;
        throw new IllegalArgumentException("unknown corpus '" + name + "'; known: " + all().stream().map(CorpusLoader::name).toList());
    }
}
