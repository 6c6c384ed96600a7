package org.emoaugnet.util;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the data, caches and results are and how big a run is. Java kernels have no papermill parameters, so
 * notebooks and the CLI read the same settings from, in order of precedence: explicit overrides (CLI flags),
 * environment variables, a properties file ({@code EMOAUG_CONFIG}, else {@code emoaug.properties} in the project
 * root, else {@code ~/.config/emoaugnet/emoaug.properties}), then defaults.
 *
 * <table>
 *   <tr><th>variable</th><th>property</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>EMOAUG_DATA</td><td>data</td><td>folder holding corpora in their original layouts</td><td>unset: the synthetic corpus</td></tr>
 *   <tr><td>EMOAUG_CORPUS</td><td>corpus</td><td>comma-separated corpus names to use</td><td>all found</td></tr>
 *   <tr><td>EMOAUG_QUICK</td><td>quick</td><td>CI mode: fewer files, epochs, seeds</td><td>false</td></tr>
 *   <tr><td>EMOAUG_RESULTS</td><td>results</td><td>where figures and tables go</td><td>&lt;project&gt;/results</td></tr>
 *   <tr><td>EMOAUG_CACHE</td><td>cache</td><td>generated corpus, feature cache</td><td>&lt;project&gt;/.cache</td></tr>
 *   <tr><td>EMOAUG_SEED</td><td>seed</td><td>master seed</td><td>42</td></tr>
 *   <tr><td>EMOAUG_SKIP_BAD</td><td>skip_bad</td><td>drop unreadable files instead of failing</td><td>false</td></tr>
 * </table>
 */
public record Settings(Optional<Path> data, List<String> corpora, boolean quick, Path results, Path cache, long seed,
                       boolean skipBad, Path projectRoot) {

    /** The keys a settings file may hold; any other is an error naming the file and the nearest of these. */
    public static final List<String> FILE_KEYS = List.of("data", "corpus", "quick", "results", "cache", "seed", "skip_bad");

    public static Settings fromEnv() {
        return resolve(System.getenv(), Map.of());
    }

    /** Resolves settings from an environment map and explicit overrides (property names as keys). */
    public static Settings resolve(Map<String, String> env, Map<String, String> overrides) {
        Path root = projectRoot(env);
        Properties file = new Properties();
        String cfg = env.get("EMOAUG_CONFIG");
        List<Path> candidates = cfg != null ? List.of(Path.of(cfg))
                : List.of(root.resolve("emoaug.properties"), Path.of(System.getProperty("user.home"), ".config", "emoaugnet", "emoaug.properties"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                try (Reader r = Files.newBufferedReader(p)) {
                    file.load(r);
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read settings file " + p + ": " + e.getMessage(), e);
                }
                KnownKeys.check(p.toString(), file.stringPropertyNames(), FILE_KEYS, "key", "");
                break;
            } else if (cfg != null) {
                throw new IllegalArgumentException("EMOAUG_CONFIG names " + p + ", which does not exist");
            }
        }
        java.util.function.Function<String, String> get = key -> {
            if (overrides.containsKey(key)) return overrides.get(key);
            String v = env.get("EMOAUG_" + key.toUpperCase(Locale.ROOT));
            if (v != null && !v.isBlank()) return v;
            return file.getProperty(key);
        };
        Optional<Path> data = Optional.ofNullable(get.apply("data")).filter(s -> !s.isBlank()).map(s -> root.resolve(expand(s)).normalize());
        if (data.isPresent() && !Files.isDirectory(data.get()))
            throw new IllegalArgumentException("EMOAUG_DATA / data names " + data.get() + ", which is not a folder");
        String c = get.apply("corpus");
        List<String> corpora = c == null || c.isBlank() ? List.of()
                : Arrays.stream(c.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        boolean quick = truthy(get.apply("quick"));
        Path results = Optional.ofNullable(get.apply("results")).map(s -> root.resolve(expand(s)).normalize()).orElse(root.resolve("results"));
        Path cache = Optional.ofNullable(get.apply("cache")).map(s -> root.resolve(expand(s)).normalize()).orElse(root.resolve(".cache"));
        long seed;
        String s = get.apply("seed");
        try {
            seed = s == null ? 42 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("EMOAUG_SEED / seed must be an integer, got '" + s + "'");
        }
        return new Settings(data, corpora, quick, results, cache, seed, truthy(get.apply("skip_bad")), root);
    }

    /** The project root: {@code EMOAUG_HOME}, else the nearest folder upwards from the working directory with {@code environment/emoaug}. */
    static Path projectRoot(Map<String, String> env) {
        String home = env.get("EMOAUG_HOME");
        if (home != null && !home.isBlank()) return Path.of(home).toAbsolutePath().normalize();
        String prop = System.getProperty("emoaug.projectRoot");
        if (prop != null) return Path.of(prop).toAbsolutePath().normalize();
        Path p = Path.of("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent())
            if (Files.isRegularFile(q.resolve("environment").resolve("emoaug"))) return q;
        return p;
    }

    private static String expand(String s) {
        return s.startsWith("~/") ? System.getProperty("user.home") + s.substring(1) : s;
    }

    private static boolean truthy(String v) {
        if (v == null) return false;
        String t = v.trim().toLowerCase(Locale.ROOT);
        return t.equals("1") || t.equals("true") || t.equals("yes") || t.equals("on");
    }

    /** Scales a count down in quick mode: {@code quick ? quickValue : full}. */
    public int pick(int full, int quickValue) { return quick ? quickValue : full; }

    /** The folder for one corpus's results, created. */
    public Path resultsFor(String corpus) throws IOException {
        Path d = results.resolve(corpus);
        Files.createDirectories(d);
        return d;
    }

    @Override
    public String toString() {
        return "data=" + data.map(Path::toString).orElse("(none: synthetic corpus)") + ", corpora=" + (corpora.isEmpty() ? "all" : corpora)
                + ", quick=" + quick + ", seed=" + seed + ", results=" + results + ", cache=" + cache;
    }
}
