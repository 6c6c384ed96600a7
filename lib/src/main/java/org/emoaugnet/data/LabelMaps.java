package org.emoaugnet.data;

import java.util.LinkedHashMap;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Explicit tables from each corpus's own labels to the harmonised {@link Emotion}s. Each corpus definition
 * ({@code org.emoaugnet.data.loaders.CorpusLoader#labels()}) names its table; {@link #table} prints one so that a
 * reader sees exactly what was merged or renamed. The synthetic corpus writes RAVDESS's codes.
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

    /** URDU file-name emotion letter ({@code SM1_F10_A010.wav}: {@code A}), which the emotion folder repeats. */
    public static final Map<String, Emotion> URDU = ordered(
            "A", Emotion.ANGRY, "H", Emotion.HAPPY, "N", Emotion.NEUTRAL, "S", Emotion.SAD);

    /** TESS last word of the file name ({@code ps} = pleasant surprise). */
    public static final Map<String, Emotion> TESS = ordered(
            "angry", Emotion.ANGRY, "disgust", Emotion.DISGUST, "fear", Emotion.FEARFUL, "happy", Emotion.HAPPY,
            "neutral", Emotion.NEUTRAL, "ps", Emotion.SURPRISED, "sad", Emotion.SAD);

    /** CREMA-D file-name field 3. */
    public static final Map<String, Emotion> CREMAD = ordered(
            "ANG", Emotion.ANGRY, "DIS", Emotion.DISGUST, "FEA", Emotion.FEARFUL, "HAP", Emotion.HAPPY,
            "NEU", Emotion.NEUTRAL, "SAD", Emotion.SAD);

    /** Looks up a label, failing with a message that names the corpus and the unknown label. */
    public static Emotion map(String corpus, Map<String, Emotion> table, String label) {
        Emotion e = table.get(label);
        if (e == null) throw new IllegalArgumentException("unknown " + corpus + " label '" + label + "' (known: " + table.keySet() + ")");
        return e;
    }

    /** A printable table: corpus label → harmonised emotion. */
    public static Table table(String corpus, Map<String, Emotion> labels) {
        StringColumn lab = StringColumn.create(corpus + " label");
        StringColumn emo = StringColumn.create("emotion");
        labels.forEach((k, v) -> { lab.append(k); emo.append(v.label()); });
        return Table.create("label map: " + corpus, lab, emo);
    }

    private static Map<String, Emotion> ordered(Object... kv) {
        Map<String, Emotion> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Emotion) kv[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }
}
