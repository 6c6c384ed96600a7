package org.emoaugnet.data;

import java.util.Arrays;
import java.util.List;

/**
 * A speaker-independent fold set that a split names instead of its corpus's own folds: per fold, its name, its test
 * speakers and its validation speakers (taken out of its training speakers; every other speaker trains). Either
 * published ({@link PublishedFoldSet}: {@code reslstm-5}, {@code emobox-6}, named by key and offered by RAVDESS) or
 * read from a file of actor lists ({@link FoldFile}, any corpus with speakers, named by the SHA-256 of its content).
 * An experiment names one with its {@code fold_set} key; a run specification records it as {@code split.fold_set}
 * ({@code run.SplitSpec}).
 */
public sealed interface FoldSet permits PublishedFoldSet, FoldFile {
    /** The ResLSTM-SA 5 folds. */
    PublishedFoldSet RESLSTM_5 = PublishedFoldSet.RESLSTM_5;

    /** EmoBox's 6 folds. */
    PublishedFoldSet EMOBOX_6 = PublishedFoldSet.EMOBOX_6;

    /**
     * The fold set of a run that names none: on RAVDESS the ResLSTM-SA folds (every committed run used them); corpora
     * without published fold sets draw their folds and accept no other published set.
     */
    PublishedFoldSet DEFAULT = RESLSTM_5;

    /**
     * One fold of a set: its name (also its run folders' prefix, unique among every fold set's), its test speakers,
     * its validation speakers and the speakers it leaves out altogether (neither trained, validated nor tested: an inner
     * fold of nested cross-validation leaves out its outer fold's test speakers), each as the corpus names them
     * ({@code Actor_03}). Every other speaker trains.
     */
    record Members(String name, List<String> test, List<String> validation, List<String> excluded) {
        public Members {
            test = List.copyOf(test);
            validation = List.copyOf(validation);
            excluded = List.copyOf(excluded);
        }

        /** A fold that leaves no speaker out. */
        public Members(String name, List<String> test, List<String> validation) { this(name, test, validation, List.of()); }
    }

    /** The name run specifications record ({@code reslstm-5}, {@code emobox-6}, {@code file:<sha256>}). */
    String key();

    /** How its folds were made, as every fold states it. */
    String protocol();

    /** Every fold, in order. */
    List<Members> folds();

    /** Number of folds. */
    int size();

    /** The name of fold {@code k} (1-based); an error naming the set's range for another {@code k}. */
    String foldName(int k);

    /** The published fold sets, in declaration order. */
    static List<PublishedFoldSet> values() { return Arrays.asList(PublishedFoldSet.values()); }

    /** Every published fold set's key, in declaration order. */
    static List<String> keys() { return values().stream().map(FoldSet::key).toList(); }

    /**
     * The published fold set of {@code key}.
     *
     * @throws IllegalArgumentException naming the known fold sets when there is none of that name
     */
    static PublishedFoldSet named(String key) {
        for (PublishedFoldSet s : values()) if (s.key().equals(key)) return s;
        throw new IllegalArgumentException("unknown fold set '" + key + "' (known: " + String.join(", ", keys()) + ")");
    }
}
