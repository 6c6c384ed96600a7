package org.emoaugnet.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The evaluation splits, all deterministic for a given seed (inputs are sorted by key before shuffling with
 * {@link java.util.Random}, whose sequence the Java specification fixes).
 *
 * <ul>
 *   <li>{@link #stratifiedRandom}: the paper-style random utterance split (speakers appear on both sides);</li>
 *   <li>{@link #speakerKFold}: speaker-independent k-fold;</li>
 *   <li>{@link #leaveOneSpeakerOut}, {@link #leaveOneSessionOut} (IEMOCAP);</li>
 *   <li>{@link #ravdessActorFolds}: RAVDESS's published actor-disjoint fold sets ({@link FoldSet}) with validation actors.</li>
 * </ul>
 */
public final class Splits {
    private Splits() {}

    /**
     * Random split stratified by {@code stratum} (usually the class): in every stratum {@code round(n · testFraction)}
     * utterances go to the test side.
     */
    public static Fold stratifiedRandom(List<Utterance> utterances, double testFraction, long seed,
                                        Function<Utterance, String> stratum) {
        if (testFraction <= 0 || testFraction >= 1) throw new IllegalArgumentException("testFraction must be in (0,1): " + testFraction);
        Random rnd = new Random(seed);
        Map<String, List<Utterance>> groups = new TreeMap<>();
        for (Utterance u : sorted(utterances)) groups.computeIfAbsent(stratum.apply(u), k -> new ArrayList<>()).add(u);
        List<Utterance> train = new ArrayList<>(), test = new ArrayList<>();
        for (List<Utterance> g : groups.values()) {
            java.util.Collections.shuffle(g, rnd);
            int nTest = (int) Math.round(g.size() * testFraction);
            test.addAll(g.subList(0, nTest));
            train.addAll(g.subList(nTest, g.size()));
        }
        String name = String.format(java.util.Locale.ROOT, "random-%d-%d-seed%d", Math.round(100 * (1 - testFraction)),
                Math.round(100 * testFraction), seed);
        return new Fold(name, "random stratified utterance split (speakers on both sides)", sorted(train), sorted(test));
    }

    /**
     * Speaker-independent k-fold: speakers are shuffled with the seed and assigned, largest first, to the fold
     * with the fewest utterances so far. No speaker is on both sides of any fold.
     */
    public static List<Fold> speakerKFold(List<Utterance> utterances, int k, long seed) {
        Map<String, List<Utterance>> bySpeaker = groupBy(utterances, Utterance::speaker);
        if (k < 2 || k > bySpeaker.size())
            throw new IllegalArgumentException("k must be in [2, " + bySpeaker.size() + " speakers]: " + k);
        List<String> speakers = new ArrayList<>(bySpeaker.keySet());
        java.util.Collections.shuffle(speakers, new Random(seed));
        speakers.sort(Comparator.comparingInt((String s) -> -bySpeaker.get(s).size())); // stable: ties keep shuffled order
        List<Set<String>> folds = new ArrayList<>();
        int[] load = new int[k];
        for (int i = 0; i < k; i++) folds.add(new TreeSet<>());
        for (String s : speakers) {
            int best = 0;
            for (int f = 1; f < k; f++) if (load[f] < load[best] || (load[f] == load[best] && folds.get(f).size() < folds.get(best).size())) best = f;
            folds.get(best).add(s);
            load[best] += bySpeaker.get(s).size();
        }
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < k; f++)
            out.add(heldOut("fold-" + (f + 1), "speaker-independent " + k + "-fold (seed " + seed + ")", utterances, folds.get(f), Set.of()));
        return out;
    }

    /**
     * A stratified random subset of at most {@code max} utterances (all of them when there are fewer), for quick
     * runs; deterministic for a seed.
     */
    public static List<Utterance> stratifiedSample(List<Utterance> utterances, int max, long seed, Function<Utterance, String> stratum) {
        if (utterances.size() <= max) return sorted(utterances);
        return stratifiedRandom(utterances, (double) max / utterances.size(), seed, stratum).test();
    }

    /** One fold per speaker. */
    public static List<Fold> leaveOneSpeakerOut(List<Utterance> utterances) {
        List<Fold> out = new ArrayList<>();
        for (String s : groupBy(utterances, Utterance::speaker).keySet())
            out.add(heldOut("speaker-" + s, "leave-one-speaker-out", utterances, Set.of(s), Set.of()));
        return out;
    }

    /** IEMOCAP leave-one-session-out: one fold per {@code session} metadata value (both speakers held out). */
    public static List<Fold> leaveOneSessionOut(List<Utterance> utterances) {
        Map<String, List<Utterance>> bySession = groupBy(utterances, u -> {
            String s = u.meta("session");
            if (s == null) throw new IllegalArgumentException(u.key() + " has no session metadata (leave-one-session-out needs IEMOCAP)");
            return s;
        });
        List<Fold> out = new ArrayList<>();
        for (var e : bySession.entrySet()) {
            Set<String> speakers = e.getValue().stream().map(Utterance::speaker).collect(Collectors.toCollection(TreeSet::new));
            out.add(heldOut("session-" + e.getKey(), "leave-one-session-out", utterances, speakers, Set.of()));
        }
        return out;
    }

    /** The published actor-disjoint RAVDESS 5-fold split (test actors, validation actors), paper-notes §10.2. */
    public static final int[][][] RAVDESS_FOLDS = {
            {{2, 5, 14, 15, 16}, {3, 6}},
            {{3, 6, 7, 13, 18}, {10, 11}},
            {{10, 11, 12, 19, 20}, {8, 17}},
            {{8, 17, 21, 23, 24}, {1, 14}},
            {{1, 4, 9, 22}, {2, 5}},
    };

    /**
     * EmoBox's 6 RAVDESS actor folds (arXiv 2406.07162): the test actors of each fold, as in EmoBox's
     * {@code data/ravdess/fold_<k>/ravdess_test_fold_<k>.jsonl} (checked against emo-box/EmoBox at commit 08280f2).
     */
    static final int[][] EMOBOX_TEST_ACTORS = {
            {1, 11, 20, 21},
            {4, 10, 12, 14},
            {8, 9, 19, 23},
            {3, 5, 7, 24},
            {2, 15, 16, 18},
            {6, 13, 17, 22},
    };

    /** Seed of the one draw of the EmoBox folds' validation actors ({@link #drawValidationActors}). */
    public static final long EMOBOX_VALIDATION_SEED = 42;

    /**
     * EmoBox's 6 RAVDESS actor folds (test actors, validation actors). EmoBox names no validation actors; ours are
     * {@link #drawValidationActors}{@code (EMOBOX_TEST_ACTORS, EMOBOX_VALIDATION_SEED)}, drawn once and committed here
     * so that the folds are visible and no later change of the drawing code can move them (a test checks they still
     * equal the draw).
     */
    public static final int[][][] EMOBOX_FOLDS = {
            {{1, 11, 20, 21}, {10, 23}},
            {{4, 10, 12, 14}, {1, 2}},
            {{8, 9, 19, 23}, {1, 20}},
            {{3, 5, 7, 24}, {6, 17}},
            {{2, 15, 16, 18}, {8, 23}},
            {{6, 13, 17, 22}, {5, 8}},
    };

    /**
     * The rule that chose the EmoBox folds' validation actors, stated so that anyone can redraw them: one
     * {@link Random} with {@code seed}; for each fold in order, its training actors are the 24 RAVDESS actors less its
     * test actors, split into males (odd ids) and females (even ids), each ascending; one male is drawn
     * ({@code males.get(nextInt(males.size()))}), then one female likewise. Returns per fold the two ids ascending.
     */
    public static int[][] drawValidationActors(int[][] testActors, long seed) {
        Random rnd = new Random(seed);
        int[][] out = new int[testActors.length][];
        for (int f = 0; f < testActors.length; f++) {
            Set<Integer> test = new TreeSet<>();
            for (int a : testActors[f]) test.add(a);
            List<Integer> males = new ArrayList<>(), females = new ArrayList<>();
            for (int a = 1; a <= 24; a++) if (!test.contains(a)) (a % 2 == 1 ? males : females).add(a);
            int male = males.get(rnd.nextInt(males.size())), female = females.get(rnd.nextInt(females.size()));
            out[f] = new int[] {Math.min(male, female), Math.max(male, female)};
        }
        return out;
    }

    /** The published RAVDESS actor folds ({@link FoldSet#RESLSTM_5}), with their validation actors taken out of training. */
    public static List<Fold> ravdessActorFolds(List<Utterance> utterances) { return ravdessActorFolds(utterances, FoldSet.RESLSTM_5); }

    /** The actor folds of {@code set}, each with its validation actors taken out of training; fold names {@link FoldSet#foldName}. */
    public static List<Fold> ravdessActorFolds(List<Utterance> utterances, FoldSet set) { return ofFoldSet(utterances, set); }

    /**
     * The folds of any fold set: per fold, its test speakers' recordings on the test side, its validation speakers'
     * on the validation side, its excluded speakers' nowhere and every other recording on the training side; fold names
     * and protocol the set's.
     */
    public static List<Fold> ofFoldSet(List<Utterance> utterances, FoldSet set) {
        List<Fold> out = new ArrayList<>();
        for (FoldSet.Members m : set.folds()) {
            Set<String> left = new TreeSet<>(m.excluded());
            List<Utterance> kept = left.isEmpty() ? utterances : utterances.stream().filter(u -> !left.contains(u.speaker())).toList();
            out.add(heldOut(m.name(), set.protocol(), kept, new TreeSet<>(m.test()), new TreeSet<>(m.validation())));
        }
        return out;
    }

    /** A RAVDESS actor's speaker id: {@code actor(3)} is {@code Actor_03}. */
    public static String actor(int id) { return String.format(java.util.Locale.ROOT, "Actor_%02d", id); }

    /**
     * Carves a validation set from a fold's training side: by speaker (whole speakers, fraction of speakers) when
     * {@code bySpeaker}, otherwise a stratified random share of training utterances. The test side is untouched.
     */
    public static Fold withValidation(Fold fold, double fraction, long seed, boolean bySpeaker, Function<Utterance, String> stratum) {
        if (bySpeaker) {
            List<String> speakers = new ArrayList<>(groupBy(fold.train(), Utterance::speaker).keySet());
            java.util.Collections.shuffle(speakers, new Random(seed));
            int n = Math.max(1, (int) Math.round(speakers.size() * fraction));
            Set<String> val = new TreeSet<>(speakers.subList(0, n));
            List<Utterance> tr = fold.train().stream().filter(u -> !val.contains(u.speaker())).toList();
            List<Utterance> va = fold.train().stream().filter(u -> val.contains(u.speaker())).toList();
            return new Fold(fold.name(), fold.protocol() + "; validation speakers " + val, tr, va, fold.test());
        }
        Fold inner = stratifiedRandom(fold.train(), fraction, seed, stratum);
        return new Fold(fold.name(), fold.protocol() + "; validation " + Math.round(100 * fraction) + "% of training utterances",
                inner.train(), inner.test(), fold.test());
    }

    /**
     * {@link #withValidation} by speaker, drawn within each corpus of the training side: of every corpus's training
     * speakers the share {@code fraction} (at least one), each corpus's speakers shuffled with {@code seed}, so that a
     * training side pooled from several corpora selects its epoch on speakers of every one of them (a single draw over
     * the pooled speakers could take them all from one corpus). Speakers are told apart by corpus ({@code corpus/speaker}).
     * A training side of one corpus gets exactly {@link #withValidation}'s speakers.
     */
    public static Fold withValidationPerCorpus(Fold fold, double fraction, long seed) {
        Map<String, List<Utterance>> byCorpus = groupBy(fold.train(), Utterance::corpus);
        Set<String> val = new TreeSet<>();
        for (var e : byCorpus.entrySet()) {
            List<String> speakers = new ArrayList<>(groupBy(e.getValue(), Utterance::speaker).keySet());
            java.util.Collections.shuffle(speakers, new Random(seed));
            int n = Math.max(1, (int) Math.round(speakers.size() * fraction));
            for (String sp : speakers.subList(0, n)) val.add(e.getKey() + "/" + sp);
        }
        java.util.function.Predicate<Utterance> isVal = u -> val.contains(u.corpus() + "/" + u.speaker());
        List<Utterance> tr = fold.train().stream().filter(isVal.negate()).toList();
        List<Utterance> va = fold.train().stream().filter(isVal).toList();
        return new Fold(fold.name(), fold.protocol() + "; validation speakers " + val, tr, va, fold.test());
    }

    private static Fold heldOut(String name, String protocol, List<Utterance> all, Set<String> testSpeakers, Set<String> valSpeakers) {
        List<Utterance> tr = new ArrayList<>(), va = new ArrayList<>(), te = new ArrayList<>();
        for (Utterance u : sorted(all)) {
            if (testSpeakers.contains(u.speaker())) te.add(u);
            else if (valSpeakers.contains(u.speaker())) va.add(u);
            else tr.add(u);
        }
        return new Fold(name, protocol, tr, va, te);
    }

    static List<Utterance> sorted(List<Utterance> us) {
        List<Utterance> s = new ArrayList<>(us);
        s.sort(Comparator.comparing(Utterance::key));
        return s;
    }

    static <K> Map<K, List<Utterance>> groupBy(List<Utterance> us, Function<Utterance, K> key) {
        Map<K, List<Utterance>> m = new TreeMap<>();
        for (Utterance u : sorted(us)) m.computeIfAbsent(key.apply(u), k -> new ArrayList<>()).add(u);
        return new LinkedHashMap<>(m);
    }
}
