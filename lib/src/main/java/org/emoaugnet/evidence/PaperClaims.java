package org.emoaugnet.evidence;

import java.util.List;

/**
 * The numbers the paper reports (abstract of arXiv 2508.06321v1), in percent, gathered from the corpus definitions
 * ({@link org.emoaugnet.data.loaders.CorpusLoader#paperClaims()}), ordered by corpus name. These are claims, not our results.
 */
public final class PaperClaims {
    private PaperClaims() {}

    /** One reported pair. */
    public record Claim(String corpus, String activation, double wa, double ua) {}

    public static final List<Claim> ALL = all();

    private static List<Claim> all() {
        List<Claim> out = new java.util.ArrayList<>();
        for (var l : org.emoaugnet.data.loaders.CorpusLoader.all())
            for (var c : l.paperClaims()) out.add(new Claim(l.name(), c.activation(), c.wa(), c.ua()));
        out.sort(java.util.Comparator.comparing(Claim::corpus));   // stable: each corpus's claims keep their order
        return List.copyOf(out);
    }

    public static Claim of(String corpus, String activation) {
        return ALL.stream().filter(c -> c.corpus().equals(corpus) && c.activation().equals(activation)).findFirst().orElse(null);
    }
}
