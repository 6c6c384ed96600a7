package org.emoaugnet.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The inner folds of nested cross-validation: within one outer fold, k folds over its training speakers (every speaker
 * the outer fold does not test, its validation speakers included), each leaving the outer test speakers out
 * altogether, so that a candidate scored on them has seen nothing of the outer fold's test side. Written as a fold file
 * ({@link FoldFile}, fourth column {@code excluded}) so that the folds are committed, visible and read by the runner like
 * any other.
 *
 * <p>The rule, stated so that anyone can make the folds again ({@link #of}): one {@link Random} with {@code seed};
 * the training speakers split by gender into males and females, each sorted by name; the males shuffled
 * ({@link Collections#shuffle(List, Random)}), then the females; dealt in turn, males first and then females, to inner
 * folds 1, 2, …, k, 1, 2, … (so the folds' sizes differ by at most one, and so do their male and female counts); then
 * for each inner fold in order, one male and then one female drawn uniformly ({@code nextInt}) from the speakers it
 * trains on (sorted by name) as its validation speakers. Speakers of unknown gender are refused.
 */
public final class InnerFolds {
    private InnerFolds() {}

    /** Folds of one inner cross-validation: at least 3 (fewer is hardly cross-validation). */
    public static final int MIN_K = 3;

    /**
     * The inner folds of {@code outer}, named {@code <prefix>-inner-<j>}.
     *
     * @param genders every speaker of the corpus and its gender
     * @param k       inner folds, at least {@link #MIN_K}, at most the training speakers / 3 (each fold tests, validates
     *                and trains on someone)
     * @throws IllegalArgumentException for a speaker of the outer fold the corpus lacks, an unknown gender, too few
     *         speakers of a gender to validate on, or k out of range
     */
    public static FoldFile of(FoldSet.Members outer, Map<String, Gender> genders, int k, long seed, String prefix) {
        for (String s : outer.test())
            if (!genders.containsKey(s)) throw new IllegalArgumentException("outer fold " + outer.name() + ": test speaker " + s + " is not a speaker of the corpus");
        List<String> males = new ArrayList<>(), females = new ArrayList<>();
        for (var e : new TreeMap<>(genders).entrySet()) {
            if (outer.test().contains(e.getKey())) continue;
            switch (e.getValue()) {
                case MALE -> males.add(e.getKey());
                case FEMALE -> females.add(e.getKey());
                default -> throw new IllegalArgumentException("speaker " + e.getKey() + " has no known gender: inner folds are dealt by gender");
            }
        }
        int n = males.size() + females.size();
        if (k < MIN_K || k > n / 3)
            throw new IllegalArgumentException("inner folds: k must be from " + MIN_K + " to " + (n / 3) + " for " + n + " training speakers, not " + k);
        Random rnd = new Random(seed);
        Collections.shuffle(males, rnd);
        Collections.shuffle(females, rnd);
        List<List<String>> test = new ArrayList<>();
        for (int j = 0; j < k; j++) test.add(new ArrayList<>());
        List<String> dealt = new ArrayList<>(males);
        dealt.addAll(females);
        for (int i = 0; i < dealt.size(); i++) test.get(i % k).add(dealt.get(i));
        List<FoldSet.Members> folds = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            List<String> trainMales = new ArrayList<>(new TreeSet<>(males)), trainFemales = new ArrayList<>(new TreeSet<>(females));
            trainMales.removeAll(test.get(j));
            trainFemales.removeAll(test.get(j));
            String name = prefix + "-inner-" + (j + 1);
            if (trainMales.size() < 2 || trainFemales.size() < 2)
                throw new IllegalArgumentException(name + ": fewer than 2 training speakers of a gender, so none can be drawn for validation");
            String male = trainMales.get(rnd.nextInt(trainMales.size())), female = trainFemales.get(rnd.nextInt(trainFemales.size()));
            folds.add(new FoldSet.Members(name, test.get(j), List.of(male, female), outer.test()));
        }
        return FoldFile.ofMembers(prefix + " inner folds", folds);
    }

    /**
     * The text of a fold file holding {@code inner} (its canonical text, {@link FoldFile#canonical}) after
     * {@code comment} (each line prefixed with {@code # }).
     */
    public static String text(FoldFile inner, List<String> comment) {
        StringBuilder b = new StringBuilder();
        for (String c : comment) b.append("# ").append(c).append('\n');
        return b.append(inner.canonical()).toString();
    }
}
