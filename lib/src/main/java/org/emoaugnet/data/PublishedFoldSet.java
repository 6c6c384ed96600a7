package org.emoaugnet.data;

import java.util.Arrays;
import java.util.List;

/**
 * A published speaker-independent fold set: fixed test actors per fold and, per fold, fixed validation actors taken
 * out of its training actors. An experiment names one with its {@code fold_set} key; a corpus offers the sets its
 * definition lists ({@code CorpusLoader.foldSets()}), today RAVDESS both of these.
 *
 * <ul>
 *   <li>{@link #RESLSTM_5} ({@code reslstm-5}): the 5 actor folds of the from-scratch anchor ResLSTM-SA
 *       (arXiv 2606.03359), each with its 2 published validation actors; folds {@code fold-1} … {@code fold-5}.
 *       Every committed RAVDESS speaker-independent run used it ({@link #DEFAULT}).</li>
 *   <li>{@link #EMOBOX_6} ({@code emobox-6}): EmoBox's 6 RAVDESS actor folds (arXiv 2406.07162), 4 test actors each;
 *       EmoBox publishes no validation actors, so ours are drawn by a stated rule ({@link Splits#drawValidationActors},
 *       one male and one female training actor per fold, seed {@link Splits#EMOBOX_VALIDATION_SEED}) and committed as
 *       constants ({@link Splits#EMOBOX_FOLDS}); folds {@code emobox-fold-1} … {@code emobox-fold-6}, so their run
 *       folders never collide with another set's.</li>
 * </ul>
 */
public enum FoldSet {
    RESLSTM_5("reslstm-5", "fold-", "RAVDESS published actor-disjoint 5-fold (ResLSTM-SER)", Splits.RAVDESS_FOLDS),
    EMOBOX_6("emobox-6", "emobox-fold-", "RAVDESS EmoBox actor-disjoint 6-fold (arXiv 2406.07162; validation actors drawn with seed "
            + Splits.EMOBOX_VALIDATION_SEED + ", one male and one female per fold)", Splits.EMOBOX_FOLDS);

    /**
     * The fold set of a run that names none: on RAVDESS the ResLSTM-SA folds (every committed run used them); corpora
     * without published fold sets draw their folds and accept no other.
     */
    public static final FoldSet DEFAULT = RESLSTM_5;

    private final String key, prefix, protocol;
    private final int[][][] actors;

    FoldSet(String key, String prefix, String protocol, int[][][] actors) {
        this.key = key;
        this.prefix = prefix;
        this.protocol = protocol;
        this.actors = actors;
    }

    /** The name experiment files and run specifications use ({@code reslstm-5}, {@code emobox-6}). */
    public String key() { return key; }

    /** How its folds were made, as every fold states it. */
    public String protocol() { return protocol; }

    /** Number of folds. */
    public int size() { return actors.length; }

    /** The name of fold {@code k} (1-based): {@code fold-3}, {@code emobox-fold-3}. */
    public String foldName(int k) {
        if (k < 1 || k > size()) throw new IllegalArgumentException(key + " has folds 1.." + size() + ", not " + k);
        return prefix + k;
    }

    /** Test actor ids of fold {@code k} (1-based), ascending as committed. */
    public int[] testActors(int k) { return actors[index(k)][0].clone(); }

    /** Validation actor ids of fold {@code k} (1-based), taken out of its training actors. */
    public int[] validationActors(int k) { return actors[index(k)][1].clone(); }

    private int index(int k) {
        foldName(k);   // range check
        return k - 1;
    }

    /** Every fold set's key, in declaration order. */
    public static List<String> keys() { return Arrays.stream(values()).map(FoldSet::key).toList(); }

    /**
     * The fold set of {@code key}.
     *
     * @throws IllegalArgumentException naming the known fold sets when there is none of that name
     */
    public static FoldSet named(String key) {
        for (FoldSet s : values()) if (s.key.equals(key)) return s;
        throw new IllegalArgumentException("unknown fold set '" + key + "' (known: " + String.join(", ", keys()) + ")");
    }
}
