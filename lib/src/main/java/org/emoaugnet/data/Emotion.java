package org.emoaugnet.data;

import java.util.Locale;

/**
 * The harmonised emotion vocabulary that every corpus label is mapped to. Corpus-specific class sets (for
 * example RAVDESS with calm merged into neutral) are built on top of it by {@link ClassSet}.
 */
public enum Emotion {
    NEUTRAL, CALM, HAPPY, SAD, ANGRY, FEARFUL, DISGUST, SURPRISED, BOREDOM, EXCITED, FRUSTRATED, OTHER,
    /** IEMOCAP utterances whose annotators reached no majority ("xxx"). */
    UNDECIDED;

    public String label() { return name().toLowerCase(Locale.ROOT); }

    public static Emotion parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
