package org.emoaugnet.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A named set of target classes: which harmonised emotions are kept and under which class name (emotions that
 * are not mapped are dropped). Printing {@link #table()} shows every merge explicitly.
 *
 * @param name        e.g. {@code ravdess-7-paper}
 * @param description what it is and where it comes from
 * @param mapping     emotion → class name; an absent emotion is dropped
 */
public record ClassSet(String name, String description, Map<Emotion, String> mapping) {
    public ClassSet {
        mapping = Collections.unmodifiableMap(new EnumMap<>(mapping));
    }

    /** Natural 8-class RAVDESS (neutral has half as many files as the others). */
    public static final ClassSet RAVDESS_8 = of("ravdess-8", "RAVDESS, all 8 emotions as distributed",
            Emotion.NEUTRAL, "neutral", Emotion.CALM, "calm", Emotion.HAPPY, "happy", Emotion.SAD, "sad",
            Emotion.ANGRY, "angry", Emotion.FEARFUL, "fearful", Emotion.DISGUST, "disgust", Emotion.SURPRISED, "surprised");

    /**
     * The public pipeline's RAVDESS mapping (calm merged into neutral, 7 classes). The paper's reported WA/UA gap
     * is feasible under this mapping and not under the natural 8 classes (paper-notes §4).
     */
    public static final ClassSet RAVDESS_7_PAPER = of("ravdess-7-paper",
            "RAVDESS with calm merged into neutral (public Kaggle pipeline; fits the paper's WA/UA pairs)",
            Emotion.NEUTRAL, "neutral", Emotion.CALM, "neutral", Emotion.HAPPY, "happy", Emotion.SAD, "sad",
            Emotion.ANGRY, "angry", Emotion.FEARFUL, "fearful", Emotion.DISGUST, "disgust", Emotion.SURPRISED, "surprised");

    /** Standard IEMOCAP 4-class set: excited merged into happy; frustrated, surprised, fear, disgust, other dropped. */
    public static final ClassSet IEMOCAP_4 = of("iemocap-4",
            "IEMOCAP standard 4 classes: neutral, happy+excited, sad, angry (5531 utterances in the full corpus)",
            Emotion.NEUTRAL, "neutral", Emotion.HAPPY, "happy", Emotion.EXCITED, "happy", Emotion.SAD, "sad",
            Emotion.ANGRY, "angry");

    /** Every IEMOCAP category with a majority label, unmerged. */
    public static final ClassSet IEMOCAP_FULL = of("iemocap-full",
            "IEMOCAP, every majority category (utterances without majority, 'xxx', dropped)",
            Emotion.NEUTRAL, "neutral", Emotion.HAPPY, "happy", Emotion.EXCITED, "excited", Emotion.SAD, "sad",
            Emotion.ANGRY, "angry", Emotion.FRUSTRATED, "frustrated", Emotion.SURPRISED, "surprised",
            Emotion.FEARFUL, "fearful", Emotion.DISGUST, "disgust", Emotion.OTHER, "other");

    /** EmoDB's 7 emotions. */
    public static final ClassSet EMODB_7 = of("emodb-7", "EmoDB, all 7 emotions",
            Emotion.ANGRY, "angry", Emotion.BOREDOM, "boredom", Emotion.DISGUST, "disgust", Emotion.FEARFUL, "fearful",
            Emotion.HAPPY, "happy", Emotion.NEUTRAL, "neutral", Emotion.SAD, "sad");

    /** SAVEE's 7 emotions (neutral has twice as many files as each of the others). */
    public static final ClassSet SAVEE_7 = of("savee-7", "SAVEE, all 7 emotions (neutral twice as often as each other)",
            Emotion.ANGRY, "angry", Emotion.DISGUST, "disgust", Emotion.FEARFUL, "fearful", Emotion.HAPPY, "happy",
            Emotion.NEUTRAL, "neutral", Emotion.SAD, "sad", Emotion.SURPRISED, "surprised");

    /** URDU's 4 emotions, 100 files each: the classes every corpus of the cross-corpus grid shares. */
    public static final ClassSet URDU_4 = of("urdu-4", "URDU, all 4 emotions (angry, happy, neutral, sad; 100 files each)",
            Emotion.ANGRY, "angry", Emotion.HAPPY, "happy", Emotion.NEUTRAL, "neutral", Emotion.SAD, "sad");

    /** Each corpus's natural label set under harmonised names (6 or 7 classes for SAVEE/TESS/CREMA-D). */
    public static final ClassSet NATURAL = of("natural", "every harmonised emotion kept as its own class",
            Emotion.NEUTRAL, "neutral", Emotion.CALM, "calm", Emotion.HAPPY, "happy", Emotion.SAD, "sad",
            Emotion.ANGRY, "angry", Emotion.FEARFUL, "fearful", Emotion.DISGUST, "disgust",
            Emotion.SURPRISED, "surprised", Emotion.BOREDOM, "boredom", Emotion.EXCITED, "excited",
            Emotion.FRUSTRATED, "frustrated", Emotion.OTHER, "other");

    public static List<ClassSet> all() {
        return List.of(RAVDESS_8, RAVDESS_7_PAPER, IEMOCAP_4, IEMOCAP_FULL, EMODB_7, SAVEE_7, URDU_4, NATURAL);
    }

    public static ClassSet named(String name) {
        for (ClassSet c : all()) if (c.name().equals(name)) return c;
        throw new IllegalArgumentException("unknown class set '" + name + "'; known: "
                + all().stream().map(ClassSet::name).toList());
    }

    public boolean keeps(Utterance u) { return mapping.containsKey(u.emotion()); }

    /** The class name of an utterance; fails for a dropped emotion. */
    public String classOf(Utterance u) {
        String c = mapping.get(u.emotion());
        if (c == null) throw new IllegalArgumentException(u.key() + ": emotion " + u.emotion().label() + " is not in class set " + name);
        return c;
    }

    /** Class names in a fixed order (first appearance in enum order). */
    public List<String> classes() {
        return new ArrayList<>(new LinkedHashSet<>(mapping.values()));
    }

    public int indexOf(Utterance u) { return classes().indexOf(classOf(u)); }

    /** Keeps the utterances of the corpus that the class set uses. */
    public Corpus apply(Corpus c) { return c.filter(this::keeps); }

    /**
     * The whole chain for one corpus: its label, the harmonised emotion, and the class (or "(dropped)"), for the
     * corpus's label table ({@code Corpora.labels(corpus)}).
     */
    public Table table(String corpus, Map<String, Emotion> labels) {
        StringColumn lab = StringColumn.create(corpus + " label");
        StringColumn emo = StringColumn.create("emotion");
        StringColumn cls = StringColumn.create(name);
        labels.forEach((k, v) -> {
            lab.append(k);
            emo.append(v.label());
            cls.append(mapping.getOrDefault(v, "(dropped)"));
        });
        return Table.create(corpus + " labels → " + name, lab, emo, cls);
    }

    /** The emotion → class table of this set alone. */
    public Table table() {
        StringColumn emo = StringColumn.create("emotion");
        StringColumn cls = StringColumn.create("class");
        mapping.forEach((k, v) -> { emo.append(k.label()); cls.append(v); });
        return Table.create(name, emo, cls);
    }

    private static ClassSet of(String name, String description, Object... kv) {
        Map<Emotion, String> m = new EnumMap<>(Emotion.class);
        for (int i = 0; i < kv.length; i += 2) m.put((Emotion) kv[i], (String) kv[i + 1]);
        return new ClassSet(name, description, m);
    }
}
