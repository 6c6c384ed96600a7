package org.emoaugnet.data;

import java.util.Arrays;
import java.util.List;

/**
 * A published speaker-independent fold set ({@link FoldSet}): fixed test actors per fold and, per fold, fixed
 * validation actors taken out of its training actors. An experiment names one with its {@code fold_set} key; a corpus
 * offers the sets its definition lists ({@code CorpusLoader.foldSets()}), today RAVDESS both of these.
 *
 * <ul>
 *   <li>{@link #RESLSTM_5} ({@code reslstm-5}): the 5 actor folds of the from-scratch anchor ResLSTM-SA
 *       (arXiv 2606.03359), each with its 2 published validation actors; folds {@code fold-1} … {@code fold-5}.
 *       Every committed RAVDESS speaker-independent run used it ({@link FoldSet#DEFAULT}).</li>
 *   <li>{@link #EMOBOX_6} ({@code emobox-6}): EmoBox's 6 RAVDESS actor folds (arXiv 2406.07162), 4 test actors each;
 *       EmoBox publishes no validation actors, so ours are drawn by a stated rule ({@link Splits#drawValidationActors},
 *       one male and one female training actor per fold, seed {@link Splits#EMOBOX_VALIDATION_SEED}) and committed as
 *       constants ({@link Splits#EMOBOX_FOLDS}); folds {@code emobox-fold-1} … {@code emobox-fold-6}, so their run
 *       folders never collide with another set's.</li>
 * </ul>
 */
public enum PublishedFoldSet implements FoldSet {
    RESLSTM_5("reslstm-5", "fold-", "RAVDESS published actor-disjoint 5-fold (ResLSTM-SER)", Splits.RAVDESS_FOLDS),
    EMOBOX_6("emobox-6", "emobox-fold-", "RAVDESS EmoBox actor-disjoint 6-fold (arXiv 2406.07162; validation actors drawn with seed "
            + Splits.EMOBOX_VALIDATION_SEED + ", one male and one female per fold)", Splits.EMOBOX_FOLDS);

    private final String key, prefix, protocol;
    private final int[][][] actors;

    PublishedFoldSet(String key, String prefix, String protocol, int[][][] actors) {
        this.key = key;
        this.prefix = prefix;
        this.protocol = protocol;
        this.actors = actors;
    }

    /** The name experiment files and run specifications use ({@code reslstm-5}, {@code emobox-6}). */
    @Override
    public String key() { return key; }

    @Override
    public String protocol() { return protocol; }

    @Override
    public int size() { return actors.length; }

    /** Each fold's name, test actors and validation actors, the actors as RAVDESS names them ({@code Actor_03}). */
    @Override
    public List<Members> folds() {
        List<Members> out = new java.util.ArrayList<>();
        for (int k = 1; k <= size(); k++) out.add(new Members(foldName(k), actorNames(testActors(k)), actorNames(validationActors(k))));
        return out;
    }

    private static List<String> actorNames(int[] ids) { return Arrays.stream(ids).mapToObj(Splits::actor).toList(); }

    /** The name of fold {@code k} (1-based): {@code fold-3}, {@code emobox-fold-3}. */
    @Override
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

}
