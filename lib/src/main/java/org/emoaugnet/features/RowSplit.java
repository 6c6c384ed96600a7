package org.emoaugnet.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.Utterance;

/**
 * Which rows of a {@link FeatureSet} train and which test. Two ways to get one:
 * <ul>
 *   <li>{@link #afterSplit}: the utterances are split first (any {@link Fold}); training uses every augmented copy
 *       of its utterances, test (and validation) only the originals. No augmented copy crosses the split.</li>
 *   <li>{@link #paperStyleAugmentBeforeSplit}: the public pipeline's protocol, kept only to reproduce it: every
 *       file is augmented, then the rows are split at random, so copies of most test recordings are in training.
 *       Flagged as leaking in every report.</li>
 * </ul>
 */
public record RowSplit(String protocol, boolean leakingByDesign, List<Integer> train, List<Integer> validation, List<Integer> test) {
    public RowSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    public static RowSplit afterSplit(FeatureSet set, Fold fold) {
        Set<String> tr = keys(fold.train()), va = keys(fold.validation()), te = keys(fold.test());
        List<Integer> a = new ArrayList<>(), b = new ArrayList<>(), c = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            FeatureSet.Row r = set.rows().get(i);
            String k = r.source().key();
            if (tr.contains(k)) a.add(i);
            else if (va.contains(k) && r.copy() == 0) b.add(i);
            else if (te.contains(k) && r.copy() == 0) c.add(i);
        }
        return new RowSplit(fold.protocol() + "; augmentation on training rows only", false, a, b, c);
    }

    /** {@code train_test_split(rows, test_size, random_state=seed, shuffle=True)} on augmented rows (not stratified). */
    public static RowSplit paperStyleAugmentBeforeSplit(FeatureSet set, double testFraction, long seed) {
        return paperStyleAugmentBeforeSplit(set.size(), testFraction, seed);
    }

    /** {@link #paperStyleAugmentBeforeSplit(FeatureSet, double, long)} of a feature set of {@code size} rows: it depends on nothing else. */
    public static RowSplit paperStyleAugmentBeforeSplit(int size, double testFraction, long seed) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < size; i++) idx.add(i);
        Collections.shuffle(idx, new Random(seed));
        int nTest = (int) Math.ceil(size * testFraction);
        List<Integer> test = new ArrayList<>(new TreeSet<>(idx.subList(0, nTest)));
        List<Integer> train = new ArrayList<>(new TreeSet<>(idx.subList(nTest, idx.size())));
        return new RowSplit("PAPER-STYLE: augment every file, then random " + Math.round(100 * (1 - testFraction)) + "/"
                + Math.round(100 * testFraction) + " row split (LEAKS augmented copies and speakers)", true, train, List.of(), test);
    }

    /** Test rows whose source recording also has a row in training (an augmented copy or the original). */
    public int testRowsWithSourceInTraining(FeatureSet set) {
        Set<String> trainSources = new HashSet<>();
        for (int i : train) trainSources.add(set.rows().get(i).source().key());
        int n = 0;
        for (int i : test) if (trainSources.contains(set.rows().get(i).source().key())) n++;
        return n;
    }

    /** Test speakers that also appear in training ({@code corpus/speaker}: equal IDs in two corpora are different people). */
    public Set<String> sharedSpeakers(FeatureSet set) {
        Set<String> tr = new TreeSet<>(), te = new TreeSet<>();
        for (int i : train) tr.add(set.rows().get(i).source().corpus() + "/" + set.rows().get(i).source().speaker());
        for (int i : test) te.add(set.rows().get(i).source().corpus() + "/" + set.rows().get(i).source().speaker());
        tr.retainAll(te);
        return tr;
    }

    public String summary(FeatureSet set) {
        int leak = testRowsWithSourceInTraining(set);
        return String.format(java.util.Locale.ROOT, "%s: train %d rows, validation %d, test %d; test rows whose recording is also in training: %d (%.1f%%); shared speakers: %d%s",
                protocol, train.size(), validation.size(), test.size(), leak, 100.0 * leak / Math.max(1, test.size()),
                sharedSpeakers(set).size(), leakingByDesign || leak > 0 ? "  ** LEAKS **" : "");
    }

    private static Set<String> keys(List<Utterance> us) {
        Set<String> s = new HashSet<>();
        for (Utterance u : us) s.add(u.key());
        return s;
    }
}
