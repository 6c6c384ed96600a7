package org.emoaugnet.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.util.Settings;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads {@link Settings}: they override the {@code EMOAUG_*} environment
 * variables and the settings file (docs/configuration.md), under the settings' own names.
 */
class SettingsOptions {
    @Option(names = "--data", paramLabel = "DIR", description = "folder of corpora in their original layouts (default: EMOAUG_DATA, else the synthetic corpus)")
    Path data;

    @Option(names = "--corpus", paramLabel = "NAMES", split = ",", description = "the corpora to use, comma-separated (default: EMOAUG_CORPUS, else all found)")
    List<String> corpus;

    @Option(names = "--seed", paramLabel = "S", description = "master seed (default: EMOAUG_SEED, else the settings' default)")
    Long seed;

    @Option(names = "--cache", paramLabel = "DIR", description = "generated corpus and feature cache (default: EMOAUG_CACHE, else <project>/.cache)")
    Path cache;

    @Option(names = "--quick", description = "CI sizes: fewer files, epochs and seeds (default: EMOAUG_QUICK)")
    boolean quick;

    @Option(names = "--skip-bad", description = "drop unreadable audio files instead of failing (default: EMOAUG_SKIP_BAD)")
    boolean skipBad;

    /** The settings with these options over the environment and the settings file. */
    Settings settings() { return resolve(Optional.empty()); }

    /** {@link #settings()} with {@code corpus} in place of {@code --corpus} (a command whose configuration file names the corpus). */
    Settings settingsFor(String corpus) { return resolve(Optional.of(corpus)); }

    private Settings resolve(Optional<String> corpusOverride) {
        Map<String, String> o = new HashMap<>();
        if (data != null) o.put("data", data.toString());
        if (corpus != null) o.put("corpus", String.join(",", corpus));
        corpusOverride.ifPresent(c -> o.put("corpus", c));
        if (skipBad) o.put("skip_bad", "true");
        if (seed != null) o.put("seed", seed.toString());
        if (cache != null) o.put("cache", cache.toString());
        if (quick) o.put("quick", "true");
        o.putAll(moreOverrides());
        return Settings.resolve(System.getenv(), o);
    }

    /** Settings a subclass's options add, by their settings names. */
    Map<String, String> moreOverrides() { return Map.of(); }

    /** The feature cache of these settings. */
    static FeatureCache cache(Settings s) { return new FeatureCache(s.cache().resolve("features")); }

    /** {@code runs}, else the settings' results folder's {@code runs/}: where run records are read and written. */
    static Path runsRoot(Path runs, Settings s) { return runs != null ? runs : s.results().resolve("runs"); }
}
