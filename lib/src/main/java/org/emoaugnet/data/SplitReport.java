package org.emoaugnet.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a reviewer must know about a split: which speakers sit on both sides, which test utterances have
 * identical audio in training (RAVDESS ships one such pair in Actor_07), and the class counts per side.
 * Attached to every run.
 *
 * @param train               recordings the model is fitted on (validation recordings not included)
 * @param trainSpeakers       speakers of the training recordings only
 * @param validationSpeakers  speakers of the validation recordings (a speaker may be on both lists when
 *                            validation is carved from training recordings rather than training speakers)
 * @param overlappingSpeakers test speakers who also speak in training or validation
 */
public record SplitReport(String fold, String protocol, int train, int validation, int test,
                          Set<String> trainSpeakers, Set<String> validationSpeakers, Set<String> testSpeakers,
                          Set<String> overlappingSpeakers,
                          List<String> duplicateAudioAcross, Map<String, int[]> classCounts) {

    /**
     * @param hashes utterance key → audio hash from {@link CorpusScan.Report#hashes()} (may be empty: then no
     *               duplicate check)
     * @param label  the class of an utterance
     */
    public static SplitReport of(Fold f, Map<String, String> hashes, Function<Utterance, String> label) {
        Set<String> trS = new TreeSet<>(), vaS = new TreeSet<>(), teS = new TreeSet<>();
        for (Utterance u : f.train()) trS.add(u.speaker());
        for (Utterance u : f.validation()) vaS.add(u.speaker());
        for (Utterance u : f.test()) teS.add(u.speaker());
        Set<String> overlap = new TreeSet<>(trS);
        overlap.addAll(vaS);
        overlap.retainAll(teS);
        Map<String, String> trainHashes = new TreeMap<>();
        for (Utterance u : f.train()) { String h = hashes.get(u.key()); if (h != null) trainHashes.putIfAbsent(h, u.key()); }
        for (Utterance u : f.validation()) { String h = hashes.get(u.key()); if (h != null) trainHashes.putIfAbsent(h, u.key()); }
        List<String> dups = new ArrayList<>();
        for (Utterance u : f.test()) {
            String h = hashes.get(u.key());
            if (h != null && trainHashes.containsKey(h)) dups.add(u.key() + " = " + trainHashes.get(h));
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (Utterance u : f.train()) counts.computeIfAbsent(label.apply(u), k -> new int[3])[0]++;
        for (Utterance u : f.validation()) counts.computeIfAbsent(label.apply(u), k -> new int[3])[1]++;
        for (Utterance u : f.test()) counts.computeIfAbsent(label.apply(u), k -> new int[3])[2]++;
        return new SplitReport(f.name(), f.protocol(), f.train().size(), f.validation().size(), f.test().size(),
                trS, vaS, teS, overlap, dups, counts);
    }

    /** True when test speakers or test audio also appear in training or validation. */
    public boolean leaks() { return !overlappingSpeakers.isEmpty() || !duplicateAudioAcross.isEmpty(); }

    /** One-paragraph summary. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%s [%s]: recordings train %d / validation %d / test %d; speakers train %d / validation %d / test %d, test speakers also in training or validation: %d%s; identical audio across train+validation/test: %d%s%s",
                fold, protocol, train, validation, test, trainSpeakers.size(), validationSpeakers.size(), testSpeakers.size(), overlappingSpeakers.size(),
                overlappingSpeakers.isEmpty() ? "" : " " + overlappingSpeakers, duplicateAudioAcross.size(),
                duplicateAudioAcross.isEmpty() ? "" : " " + duplicateAudioAcross,
                leaks() ? "  ** LEAKS: not speaker-independent **" : "");
    }

    /** Class counts per side. */
    public Table classTable() {
        StringColumn c = StringColumn.create("class");
        IntColumn tr = IntColumn.create("train"), va = IntColumn.create("validation"), te = IntColumn.create("test");
        classCounts.forEach((k, v) -> { c.append(k); tr.append(v[0]); va.append(v[1]); te.append(v[2]); });
        return Table.create(fold + " class counts", c, tr, va, te);
    }

    /**
     * One row per report: a side-by-side diagnostic table. Recordings ({@code train}, {@code validation},
     * {@code test}) and speakers ({@code train_speakers}, {@code validation_speakers}, {@code test_speakers}) are
     * counted per side; {@code speakers_in_both} are test speakers who also speak in training or validation.
     */
    public static Table table(List<SplitReport> reports) {
        StringColumn fold = StringColumn.create("fold"), proto = StringColumn.create("protocol"),
                overlap = StringColumn.create("speakers_in_both"), leak = StringColumn.create("leaks");
        IntColumn tr = IntColumn.create("train"), va = IntColumn.create("validation"), te = IntColumn.create("test"),
                trs = IntColumn.create("train_speakers"), vas = IntColumn.create("validation_speakers"), tes = IntColumn.create("test_speakers"),
                nov = IntColumn.create("n_speakers_in_both"), dup = IntColumn.create("identical_audio_across");
        for (SplitReport r : reports) {
            fold.append(r.fold()); proto.append(r.protocol()); tr.append(r.train()); va.append(r.validation());
            te.append(r.test()); trs.append(r.trainSpeakers().size()); vas.append(r.validationSpeakers().size());
            tes.append(r.testSpeakers().size());
            nov.append(r.overlappingSpeakers().size()); overlap.append(String.join(" ", r.overlappingSpeakers()));
            dup.append(r.duplicateAudioAcross().size()); leak.append(r.leaks() ? "yes" : "no");
        }
        return Table.create("split diagnostics", fold, proto, tr, va, te, trs, vas, tes, nov, dup, leak, overlap);
    }
}
