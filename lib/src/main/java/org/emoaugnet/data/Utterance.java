package org.emoaugnet.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * One labelled recording.
 *
 * @param id       unique id within the corpus (the file name without extension for most corpora)
 * @param path     the audio file
 * @param corpus   corpus name ({@code ravdess}, {@code emodb}, {@code iemocap}, ..., {@code synthetic})
 * @param speaker  speaker id, unique within the corpus
 * @param gender   speaker gender where the corpus documents it
 * @param label    the corpus's own label, verbatim (e.g. RAVDESS {@code 02}, EmoDB {@code L}, IEMOCAP {@code exc})
 * @param emotion  the harmonised emotion (see {@link LabelMaps})
 * @param meta     corpus metadata (RAVDESS intensity/statement/repetition, IEMOCAP session/improvised/agreement, ...)
 */
public record Utterance(String id, Path path, String corpus, String speaker, Gender gender, String label,
                        Emotion emotion, Map<String, String> meta) {
    public Utterance {
        meta = java.util.Collections.unmodifiableMap(new TreeMap<>(meta));
    }

    public String meta(String key) { return meta.get(key); }

    /** {@code corpus/id}: unique across corpora. */
    public String key() { return corpus + "/" + id; }
}
