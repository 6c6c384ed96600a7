package org.emoaugnet.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper-style random split next to the speaker-independent protocol of the same corpus, so that the
 * speaker overlap of the former is visible. The speaker-independent folds are the corpus definition's
 * ({@code Corpora.speakerIndependent}; {@code Corpora.splitDiagnostics} puts the two together).
 */
public final class SplitDiagnostics {
    private SplitDiagnostics() {}

    /** Reports for the paper-style 80/20 random split and for every given speaker-independent fold. */
    public static List<SplitReport> compare(CorpusScan.Report r, ClassSet cs, List<Fold> speakerIndependent, long seed) {
        Corpus c = cs.apply(r.corpus());
        Map<String, String> hashes = r.hashes();
        List<SplitReport> out = new ArrayList<>();
        Fold random = Splits.stratifiedRandom(c.utterances(), 0.2, seed, cs::classOf);
        out.add(SplitReport.of(random, hashes, cs::classOf));
        for (Fold f : speakerIndependent) out.add(SplitReport.of(f, hashes, cs::classOf));
        return out;
    }
}
