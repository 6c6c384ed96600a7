package org.emoaugnet.experiment;

import java.util.List;

/** The numbers the paper reports (abstract of arXiv 2508.06321v1), in percent. These are claims, not our results. */
public final class PaperClaims {
    private PaperClaims() {}

    /** One reported pair. */
    public record Claim(String corpus, String activation, double wa, double ua) {}

    public static final List<Claim> ALL = List.of(
            new Claim("iemocap", "relu", 95.78, 92.52),
            new Claim("iemocap", "elu", 96.75, 91.28),
            new Claim("ravdess", "relu", 94.53, 94.98),
            new Claim("ravdess", "elu", 93.72, 94.64));

    public static Claim of(String corpus, String activation) {
        return ALL.stream().filter(c -> c.corpus().equals(corpus) && c.activation().equals(activation)).findFirst().orElse(null);
    }
}
