package org.emoaugnet.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.features.FeatureSet;

/**
 * Who was on each side of a run's split: the fold set the fold came from and the speakers of its training,
 * validation and test items, as the run record names them ({@code split.fold_set}, {@code split.speakers.train},
 * {@code split.speakers.validation}, {@code split.speakers.test}; outside {@code spec.*}, so no spec hash depends on
 * them). A reviewer checks speaker-disjointness from the record alone, without the code's fold constants.
 *
 * <p>Speakers are named by their corpus's speaker id ({@code Actor_03}); in a cross-corpus run, where equal ids in two
 * corpora are different people, as {@code corpus/speaker}. Each list is sorted and holds each speaker once. Under the
 * paper-style row split a speaker is on a side when any of its rows is.
 *
 * @param foldSet    where the fold came from ({@link #foldSetOf})
 * @param train      speakers of the rows a network trained on
 * @param validation speakers of the rows that selected its epoch
 * @param test       speakers of the rows it was tested on
 */
public record SplitSides(String foldSet, List<String> train, List<String> validation, List<String> test) {
    public static final String FOLD_SET = "split.fold_set", TRAIN = "split.speakers.train", VALIDATION = "split.speakers.validation",
            TEST = "split.speakers.test";

    /** Fold-set names of the protocols that have no published or seeded speaker folds. */
    public static final String PAPER_STYLE_ROWS = "paper-style-row-split", RANDOM_RECORDINGS = "random-recording-split",
            LEAVE_ONE_SPEAKER_OUT = "leave-one-speaker-out", CROSS_CORPUS = "cross-corpus", SEEDED_SPEAKER_FOLDS = "seeded-speaker-folds-";

    public SplitSides {
        if (foldSet == null || foldSet.isBlank()) throw new IllegalArgumentException("a split names its fold set");
        train = sorted(train);
        validation = sorted(validation);
        test = sorted(test);
    }

    /**
     * The fold set of a spec's fold: a published set the corpus offers ({@code reslstm-5}, {@code emobox-6}), a fold
     * file ({@code file:<sha256>}, as the spec names it), the corpus's seeded speaker folds
     * ({@code seeded-speaker-folds-<fold seed>}), or the protocol's own split.
     */
    public static String foldSetOf(RunSpec spec) {
        RunSpec s = spec.evaluates() ? spec.source() : spec;
        return switch (s.protocol()) {
            case SPEAKER_INDEPENDENT -> Corpora.foldsFrom(s.corpus(), s.split().foldSet()) ? s.split().foldSet().key()
                    : SEEDED_SPEAKER_FOLDS + s.split().foldSeed();
            case PAPER_STYLE -> PAPER_STYLE_ROWS;
            case AUGMENT_AFTER_RANDOM_SPLIT -> RANDOM_RECORDINGS;
            case LEAVE_ONE_SPEAKER_OUT -> LEAVE_ONE_SPEAKER_OUT;
            case CROSS_CORPUS -> CROSS_CORPUS;
        };
    }

    /** The sides of rows of {@code set}, as a run trained ({@code train}), selected ({@code validation}) and tested ({@code test}) on them. */
    public static SplitSides ofRows(String foldSet, FeatureSet set, List<Integer> train, List<Integer> validation, List<Integer> test, boolean qualified) {
        Function<List<Integer>, List<String>> speakers = rows -> rows.stream().map(i -> name(set.rows().get(i).source(), qualified)).toList();
        return new SplitSides(foldSet, speakers.apply(train), speakers.apply(validation), speakers.apply(test));
    }

    /** The sides of a fold of recordings (every recording of a side has rows on that side). */
    public static SplitSides ofFold(String foldSet, Fold fold, boolean qualified) {
        return new SplitSides(foldSet, names(fold.train(), qualified), names(fold.validation(), qualified), names(fold.test(), qualified));
    }

    /** The speakers of {@code us} ({@code corpus/speaker} when {@code qualified}). */
    public static List<String> names(Collection<Utterance> us, boolean qualified) {
        return us.stream().map(u -> name(u, qualified)).toList();
    }

    /** Test speakers who are also on the training or validation side: empty for a speaker-independent split. */
    public List<String> testSpeakersSeenInTraining() {
        List<String> out = new ArrayList<>(test);
        out.removeIf(s -> !train.contains(s) && !validation.contains(s));
        return out;
    }

    /** The record's fields. */
    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(FOLD_SET, foldSet);
        m.put(TRAIN, String.join(",", train));
        m.put(VALIDATION, String.join(",", validation));
        m.put(TEST, String.join(",", test));
        return m;
    }

    /** Reads {@link #fields} back; a missing field is an error naming it. */
    public static SplitSides fromFields(Map<String, String> m) {
        return new SplitSides(need(m, FOLD_SET), list(need(m, TRAIN)), list(need(m, VALIDATION)), list(need(m, TEST)));
    }

    private static String name(Utterance u, boolean qualified) { return qualified ? u.corpus() + "/" + u.speaker() : u.speaker(); }

    private static List<String> sorted(List<String> xs) { return List.copyOf(new TreeSet<>(xs)); }

    private static List<String> list(String s) { return s.isEmpty() ? List.of() : List.of(s.split(",")); }

    private static String need(Map<String, String> m, String k) {
        String v = m.get(k);
        if (v == null) throw new IllegalArgumentException("missing '" + k + "'");
        return v;
    }
}
