package org.emoaugnet.run;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.emoaugnet.data.FoldFile;
import org.emoaugnet.data.FoldSet;

/**
 * The constants of how a run's recordings (or rows) are divided into training, validation and test, as part of its
 * {@link RunSpec}: changing any of them changes which items a network trains, selects and is tested on. Which of them
 * a protocol uses ({@link #applies}):
 * <ul>
 *   <li>{@code fold_seed}: the seed of the speaker-independent fold assignment (speaker k-fold; the published RAVDESS
 *       actor folds and IEMOCAP's sessions take none), fixed so that every training seed of a study shares its test
 *       items ({@link Protocol#SPEAKER_INDEPENDENT});</li>
 *   <li>{@code validation_fraction}: the share of the training side held out for validation: of its speakers
 *       (speaker-independent folds without validation speakers of their own, leave-one-speaker-out, the training
 *       corpus of a cross-corpus run), of its recordings (the random split) or of its rows (paper-style);</li>
 *   <li>{@code validation_seed}: the seed of the validation speakers' draw where it is fixed (speaker-independent,
 *       leave-one-speaker-out); the random split, the paper-style split (its training seed + 1) and cross-corpus runs
 *       draw their validation side with the run's training seed, which is in the spec already;</li>
 *   <li>{@code test_fraction}: the test share of the random recording split and of the paper-style row split, both
 *       drawn with the training seed;</li>
 *   <li>{@code fold_set}: the speaker-independent fold set ({@link FoldSet}): a published one ({@code reslstm-5}, the
 *       default, or {@code emobox-6}) of a corpus that offers them (RAVDESS; other corpora draw their folds and
 *       refuse these names, {@code ExperimentConfigs}), or a fold file of any corpus ({@link FoldFile}).</li>
 * </ul>
 *
 * <p>The defaults ({@link Defaults#split}) are the values every committed run used. A value enters the spec's fields
 * ({@link #fields}, as {@code split.<key>}) only where it differs from its protocol's default, so that the hashes of
 * runs made before these constants were recorded stay what they were; {@link #fromFields} reads an absent one back
 * as that default.
 */
public record SplitSpec(long foldSeed, double validationFraction, long validationSeed, double testFraction, FoldSet foldSet) {
    public static final String FOLD_SEED = "fold_seed", VALIDATION_FRACTION = "validation_fraction", VALIDATION_SEED = "validation_seed",
            TEST_FRACTION = "test_fraction", FOLD_SET = "fold_set";

    /** Every key, in the order of the record's components. */
    public static final List<String> KEYS = List.of(FOLD_SEED, VALIDATION_FRACTION, VALIDATION_SEED, TEST_FRACTION, FOLD_SET);

    /** The validation and test shares: a part of the recordings (or rows), neither none nor all. */
    public static final org.emoaugnet.util.Range FRACTION = org.emoaugnet.util.Range.numbers(0, false, 1, false);

    /** The fold and validation seeds. */
    public static final org.emoaugnet.util.Range SEED = org.emoaugnet.util.Range.integersFrom(0);

    /** Split constants with the default fold set ({@link FoldSet#DEFAULT}). */
    public SplitSpec(long foldSeed, double validationFraction, long validationSeed, double testFraction) {
        this(foldSeed, validationFraction, validationSeed, testFraction, FoldSet.DEFAULT);
    }

    public SplitSpec {
        java.util.Objects.requireNonNull(foldSet, "foldSet");
        FRACTION.require("'" + VALIDATION_FRACTION + "'", validationFraction);
        FRACTION.require("'" + TEST_FRACTION + "'", testFraction);
    }

    /** The same constants with another fold set. */
    public SplitSpec withFoldSet(FoldSet set) { return new SplitSpec(foldSeed, validationFraction, validationSeed, testFraction, set); }

    /** The protocols that use {@code key} (one of {@link #KEYS}). */
    public static Set<Protocol> applies(String key) {
        return switch (key) {
            case FOLD_SEED -> EnumSet.of(Protocol.SPEAKER_INDEPENDENT);
            case VALIDATION_FRACTION -> EnumSet.allOf(Protocol.class);
            case VALIDATION_SEED -> EnumSet.of(Protocol.SPEAKER_INDEPENDENT, Protocol.LEAVE_ONE_SPEAKER_OUT);
            case TEST_FRACTION -> EnumSet.of(Protocol.PAPER_STYLE, Protocol.AUGMENT_AFTER_RANDOM_SPLIT);
            case FOLD_SET -> EnumSet.of(Protocol.SPEAKER_INDEPENDENT);
            default -> throw new IllegalArgumentException("no split key '" + key + "' (" + KEYS + ")");
        };
    }

    /** Every key as its value text. */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(FOLD_SEED, String.valueOf(foldSeed));
        m.put(VALIDATION_FRACTION, SpecFields.num(validationFraction));
        m.put(VALIDATION_SEED, String.valueOf(validationSeed));
        m.put(TEST_FRACTION, SpecFields.num(testFraction));
        m.put(FOLD_SET, foldSet.key());
        return m;
    }

    /**
     * The spec fields ({@code split.<key>} → value) of the values that differ from {@code protocol}'s defaults; empty for
     * the defaults. A fold file enters as its key ({@code split.fold_set=file:<sha256>}) and its canonical lines, one
     * per fold ({@code split.fold_set.<k>}, k from 1; {@link FoldFile#lines}), so that the spec names the folds itself.
     */
    public Map<String, String> fields(Protocol protocol) {
        Map<String, String> def = Defaults.split(protocol).values(), m = new TreeMap<>();
        values().forEach((k, v) -> { if (!v.equals(def.get(k))) m.put("split." + k, v); });
        if (foldSet instanceof FoldFile file)
            for (int k = 1; k <= file.size(); k++) m.put(FOLD_FILE_LINE + k, file.lines().get(k - 1));
        return m;
    }

    /** The prefix of a fold file's canonical lines among the spec fields ({@code split.fold_set.1}, ...). */
    static final String FOLD_FILE_LINE = "split." + FOLD_SET + ".";

    /**
     * Reads {@link #fields} back (from a map that may hold other fields); an absent key is {@code protocol}'s default.
     * A fold file's lines must hash to its recorded key.
     */
    public static SplitSpec fromFields(Map<String, String> f, Protocol protocol) {
        SplitSpec d = Defaults.split(protocol);
        String set = f.getOrDefault("split." + FOLD_SET, d.foldSet().key());
        return new SplitSpec(Long.parseLong(f.getOrDefault("split." + FOLD_SEED, String.valueOf(d.foldSeed()))),
                Double.parseDouble(f.getOrDefault("split." + VALIDATION_FRACTION, String.valueOf(d.validationFraction()))),
                Long.parseLong(f.getOrDefault("split." + VALIDATION_SEED, String.valueOf(d.validationSeed()))),
                Double.parseDouble(f.getOrDefault("split." + TEST_FRACTION, String.valueOf(d.testFraction()))),
                set.startsWith(FoldFile.KEY_PREFIX) ? foldFile(f, set) : FoldSet.named(set));
    }

    /** The fold file of the spec fields {@code split.fold_set.1} … , checked against its recorded key. */
    private static FoldFile foldFile(Map<String, String> f, String key) {
        List<String> lines = new java.util.ArrayList<>();
        for (int k = 1; f.containsKey(FOLD_FILE_LINE + k); k++) lines.add(f.get(FOLD_FILE_LINE + k));
        for (String name : f.keySet())
            if (name.startsWith(FOLD_FILE_LINE) && !name.substring(FOLD_FILE_LINE.length()).matches("[1-9][0-9]*|0"))
                throw new IllegalArgumentException("'" + name + "' is not a fold line of the spec's fold file (" + FOLD_FILE_LINE + "<k>, k from 1)");
        long given = f.keySet().stream().filter(n -> n.startsWith(FOLD_FILE_LINE)).count();
        if (given != lines.size()) throw new IllegalArgumentException("the spec's fold file lines are not numbered 1.." + given + " without gaps");
        FoldFile file = FoldFile.of("the run spec's fold set " + key, lines);
        if (!file.key().equals(key))
            throw new IllegalArgumentException("the spec's fold file lines hash to " + file.key() + ", not to its recorded " + key + " (edited)");
        return file;
    }
}
