package org.emoaugnet.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Reads the golden reference CSVs (librosa orientation {@code (n, T)}, no header). */
final class Golden {
    private Golden() {}

    /** The copied synthetic cases in test resources. */
    static Path resources() {
        try {
            return Path.of(Golden.class.getResource("/golden").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The full reference folder beside the checkout ({@code EMOAUG_GOLDEN}, else ../shared/feature-golden), may be absent. */
    static Path shared() {
        String env = System.getenv("EMOAUG_GOLDEN");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("emoaug.projectRoot", "..")).resolve("../shared/feature-golden").toAbsolutePath().normalize();
    }

    static double[][] csv(Path p) {
        try {
            return Fidelity.csv(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double[] row(Path p) { return csv(p)[0]; }
}
