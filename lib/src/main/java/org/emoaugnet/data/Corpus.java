package org.emoaugnet.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A loaded corpus: its utterances in a stable order (sorted by id), where it lives, and corpus-level facts.
 */
public record Corpus(String name, Path root, List<Utterance> utterances, Map<String, String> info) {
    public Corpus {
        List<Utterance> sorted = new ArrayList<>(utterances);
        sorted.sort(java.util.Comparator.comparing(Utterance::id));
        utterances = Collections.unmodifiableList(sorted);
        info = Collections.unmodifiableMap(new TreeMap<>(info));
    }

    public int size() { return utterances.size(); }

    public List<String> speakers() {
        return List.copyOf(new TreeSet<>(utterances.stream().map(Utterance::speaker).collect(Collectors.toSet())));
    }

    public Corpus filter(Predicate<Utterance> keep) {
        return new Corpus(name, root, utterances.stream().filter(keep).toList(), info);
    }

    /** Counts by harmonised emotion, in enum order. */
    public Map<Emotion, Integer> countByEmotion() {
        Map<Emotion, Integer> m = new java.util.EnumMap<>(Emotion.class);
        for (Utterance u : utterances) m.merge(u.emotion(), 1, Integer::sum);
        return m;
    }

    public Map<String, Integer> countBySpeaker() {
        Map<String, Integer> m = new TreeMap<>();
        for (Utterance u : utterances) m.merge(u.speaker(), 1, Integer::sum);
        return m;
    }

    @Override
    public String toString() {
        return name + " (" + size() + " utterances, " + speakers().size() + " speakers, " + root + ")";
    }
}
