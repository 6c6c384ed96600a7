package org.emoaugnet.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper-style random split next to the speaker-independent protocol of the same corpus, so that the
 * speaker overlap of the former is visible: RAVDESS (and the synthetic corpus) use the published actor folds,
 * IEMOCAP leave-one-session-out, every other corpus speaker-independent 5-fold (or fewer folds for few speakers).
 */
public final class SplitDiagnostics {
    private SplitDiagnostics() {}

    /** The speaker-independent folds used for a corpus. */
    public static List<Fold> speakerIndependent(Corpus c, long seed) {
        List<Utterance> us = c.utterances();
        if (c.name().equals("ravdess") && c.speakers().size() == 24) return Splits.ravdessActorFolds(us);
        if (c.name().equals("iemocap")) return Splits.leaveOneSessionOut(us);
        int k = Math.min(5, c.speakers().size());
        return Splits.speakerKFold(us, k, seed);
    }

    /** Reports for the paper-style 80/20 random split and for every speaker-independent fold. */
    public static List<SplitReport> compare(CorpusScan.Report r, ClassSet cs, long seed) {
        Corpus c = cs.apply(r.corpus());
        Map<String, String> hashes = r.hashes();
        List<SplitReport> out = new ArrayList<>();
        Fold random = Splits.stratifiedRandom(c.utterances(), 0.2, seed, cs::classOf);
        out.add(SplitReport.of(random, hashes, cs::classOf));
        for (Fold f : speakerIndependent(c, seed)) out.add(SplitReport.of(f, hashes, cs::classOf));
        return out;
    }
}
