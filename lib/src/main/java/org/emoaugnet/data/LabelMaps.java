package org.emoaugnet.data;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Explicit tables from each corpus's own labels to the harmonised {@link Emotion}s. Every loader uses these
 * tables, and {@link #table(String)} prints them so that a reader sees exactly what was merged or renamed.
 */
public final class LabelMaps {
    private LabelMaps() {}

    /** RAVDESS file-name field 3. */
    public static final Map<String, Emotion> RAVDESS = ordered(
            "01", Emotion.NEUTRAL, "02", Emotion.CALM, "03", Emotion.HAPPY, "04", Emotion.SAD,
            "05", Emotion.ANGRY, "06", Emotion.FEARFUL, "07", Emotion.DISGUST, "08", Emotion.SURPRISED);

    /** EmoDB file-name character 6 (German initials). */
    public static final Map<String, Emotion> EMODB = ordered(
            "W", Emotion.ANGRY, "L", Emotion.BOREDOM, "E", Emotion.DISGUST, "A", Emotion.FEARFUL,
            "F", Emotion.HAPPY, "T", Emotion.SAD, "N", Emotion.NEUTRAL);

    /** IEMOCAP EmoEvaluation majority labels. {@code xxx}: no majority. */
    public static final Map<String, Emotion> IEMOCAP = ordered(
            "neu", Emotion.NEUTRAL, "hap", Emotion.HAPPY, "exc", Emotion.EXCITED, "sad", Emotion.SAD,
            "ang", Emotion.ANGRY, "fru", Emotion.FRUSTRATED, "sur", Emotion.SURPRISED, "fea", Emotion.FEARFUL,
            "dis", Emotion.DISGUST, "oth", Emotion.OTHER, "xxx", Emotion.UNDECIDED);

    /** SAVEE file-name prefix letters. */
    public static final Map<String, Emotion> SAVEE = ordered(
            "a", Emotion.ANGRY, "d", Emotion.DISGUST, "f", Emotion.FEARFUL, "h", Emotion.HAPPY,
            "n", Emotion.NEUTRAL, "sa", Emotion.SAD, "su", Emotion.SURPRISED);

    /** TESS last word of the file name ({@code ps} = pleasant surprise). */
    public static final Map<String, Emotion> TESS = ordered(
            "angry", Emotion.ANGRY, "disgust", Emotion.DISGUST, "fear", Emotion.FEARFUL, "happy", Emotion.HAPPY,
            "neutral", Emotion.NEUTRAL, "ps", Emotion.SURPRISED, "sad", Emotion.SAD);

    /** CREMA-D file-name field 3. */
    public static final Map<String, Emotion> CREMAD = ordered(
            "ANG", Emotion.ANGRY, "DIS", Emotion.DISGUST, "FEA", Emotion.FEARFUL, "HAP", Emotion.HAPPY,
            "NEU", Emotion.NEUTRAL, "SAD", Emotion.SAD);

    /** The table for a corpus name ({@code synthetic} uses RAVDESS's codes). */
    public static Map<String, Emotion> forCorpus(String corpus) {
        switch (corpus) {
            case "ravdess": case "synthetic": return RAVDESS;
            case "emodb": case "emodb-2s": return EMODB;
            case "iemocap": return IEMOCAP;
            case "savee": return SAVEE;
            case "tess": return TESS;
            case "crema-d": return CREMAD;
            default: throw new IllegalArgumentException("no label table for corpus '" + corpus + "'");
        }
    }

    /** Looks up a label, failing with a message that names the corpus and the unknown label. */
    public static Emotion map(String corpus, String label) {
        Emotion e = forCorpus(corpus).get(label);
        if (e == null) throw new IllegalArgumentException("unknown " + corpus + " label '" + label + "' (known: " + forCorpus(corpus).keySet() + ")");
        return e;
    }

    /** A printable table: corpus label → harmonised emotion. */
    public static Table table(String corpus) {
        StringColumn lab = StringColumn.create(corpus + " label");
        StringColumn emo = StringColumn.create("emotion");
        forCorpus(corpus).forEach((k, v) -> { lab.append(k); emo.append(v.label()); });
        return Table.create("label map: " + corpus, lab, emo);
    }

    private static Map<String, Emotion> ordered(Object... kv) {
        Map<String, Emotion> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Emotion) kv[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
