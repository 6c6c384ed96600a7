package org.emoaugnet.data.loaders;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Emotion;
import org.emoaugnet.data.Fold;
import org.emoaugnet.data.FoldSet;
import org.emoaugnet.data.PublishedFoldSet;
import org.emoaugnet.data.Splits;
import org.emoaugnet.data.BadFile;
import org.emoaugnet.data.Corpus;

/**
 * One corpus, defined in one place: how to read it from its original, documented folder layout, its label table,
 * default class set, speaker-independent fold policy, display name, licence, and the paper's claims about it if any.
 * Loaders parse names and label files only; the audio itself is checked by {@link org.emoaugnet.data.CorpusScan}.
 * Adding a corpus is one class implementing this interface, listed in {@link #all()}, and its fixture test;
 * {@link Corpora} is the registry the rest of the suite asks.
 */
public interface CorpusLoader {
    /** The corpus name ({@code ravdess}, {@code emodb}, ...). */
    String name();

    /** The corpus names this definition produces: its own, and derivatives such as {@code emodb-2s}. */
    default List<String> names() { return List.of(name()); }

    /** Whether corpora of this name are this definition's (derivatives such as {@code emodb-2s} answer for their parent). */
    default boolean defines(String corpusName) { return corpusName.equals(name()); }

    /** The name readers see in tables and sentences. */
    String displayName();

    /** Citation and licence terms, one sentence. */
    String licence();

    /** Whether anyone may obtain the corpus freely (false: licensed on request, e.g. IEMOCAP). */
    default boolean freelyAvailable() { return true; }

    /** The corpus's own labels mapped to harmonised emotions, in the corpus's order. */
    Map<String, Emotion> labels();

    /** The class set the corpus is evaluated with unless an experiment names another (default: every emotion its own class). */
    default ClassSet defaultClassSet() { return ClassSet.NATURAL; }

    /**
     * The most speaker-independent folds a corpus's own policy makes ({@link #speakerIndependentFolds}): speaker 5-fold
     * (fewer with fewer speakers), RAVDESS's 5 published folds, IEMOCAP's 5 sessions. An experiment asking for more
     * folds is refused before its corpus is read.
     */
    int SPEAKER_FOLDS = 5;

    /**
     * The speaker-independent folds of a (class-filtered) corpus: by default speaker 5-fold (one fold per speaker
     * with fewer than 5), validation speakers carved later from the training speakers.
     */
    default List<Fold> speakerIndependentFolds(Corpus c, long seed) {
        return Splits.speakerKFold(c.utterances(), Math.min(SPEAKER_FOLDS, c.speakers().size()), seed);
    }

    /**
     * The fold set of a speaker-independent experiment on this corpus that names none ({@code fold_set} absent):
     * {@link FoldSet#DEFAULT}, which stands for the corpus's own policy ({@link #speakerIndependentFolds}; RAVDESS's
     * published {@code reslstm-5} folds), unless the corpus has a committed fold file the library carries (URDU's
     * speaker folds, {@link UrduLoader#speakerFolds}), which then enters every such run's specification as any fold
     * file does ({@code split.fold_set=file:<sha256>} and its lines), so that the spec names its folds.
     */
    default FoldSet defaultFoldSet() { return FoldSet.DEFAULT; }

    /**
     * The published fold sets an experiment may name for this corpus ({@code fold_set}); empty (the default) when it
     * has none, and its speaker-independent folds are {@link #speakerIndependentFolds}'s alone.
     */
    default List<PublishedFoldSet> foldSets() { return List.of(); }

    /**
     * The folds of one of {@link #foldSets} on a (class-filtered) corpus.
     *
     * @throws IllegalArgumentException when the corpus offers no such fold set or lacks speakers the set names
     */
    default List<Fold> foldSetFolds(Corpus c, PublishedFoldSet set) {
        throw new IllegalArgumentException(c.name() + " has no published fold sets ('" + set.key() + "' asked)");
    }

    /** The paper's reported results on this corpus (arXiv 2508.06321v1, abstract); empty when it reports none. */
    default List<PaperClaim> paperClaims() { return List.of(); }

    /** Preference as the single corpus of single-corpus analyses (lower first). */
    default int primaryRank() { return 100; }

    /** One pair the paper reports, in percent: a claim, not our result. */
    record PaperClaim(String activation, double wa, double ua) {}

    /** Whether {@code dir} is the root of this corpus in its documented layout. */
    boolean recognises(Path dir);

    /** Loads the corpus; files whose names or labels cannot be parsed go to {@link Result#bad()}. */
    Result load(Path root) throws IOException;

    /** What a loader read. */
    record Result(Corpus corpus, List<BadFile> bad) {}

    /** Every loader the library knows, in the order layouts are tried. */
    static List<CorpusLoader> all() {
        return List.of(new SyntheticLoader(), new RavdessLoader(), new EmoDbLoader(), new IemocapLoader(),
                new SaveeLoader(), new TessLoader(), new CremaDLoader(), new UrduLoader());
    }

    /** The loader (definition) of a corpus name, e.g. {@code emodb-2s} → EmoDB's. */
    static CorpusLoader defining(String corpusName) {
        for (CorpusLoader l : all()) if (l.defines(corpusName)) return l;
        throw new IllegalArgumentException("unknown corpus '" + corpusName + "'; known: " + all().stream().map(CorpusLoader::name).toList());
    }

    static CorpusLoader named(String name) {
        for (CorpusLoader l : all()) if (l.name().equals(name)) return l;
        throw new IllegalArgumentException("unknown corpus '" + name + "'; known: " + all().stream().map(CorpusLoader::name).toList());
    }

    /**
     * The speaker of an utterance id of this corpus, read from the id alone (as the loader assigns it), so that
     * reports can cluster test items by speaker from run files without the corpus at hand.
     *
     * @throws IllegalArgumentException when the id does not have this corpus's form
     */
    String speakerOf(String id);

    /**
     * {@link #speakerOf} for corpora whose ids start with the speaker and an underscore ({@code speaker_...}: CREMA-D,
     * SAVEE, TESS).
     *
     * @throws IllegalArgumentException naming the corpus when the id has no speaker before an underscore
     */
    static String speakerBeforeUnderscore(String id, String corpus) {
        int u = id.indexOf('_');
        if (u <= 0) throw new IllegalArgumentException("'" + id + "' is not a " + corpus + " id (speaker_...)");
        return id.substring(0, u);
    }
}
