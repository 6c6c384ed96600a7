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
 *   <tr><td>EMOAUG_RETRY_FAILED</td><td>retry_failed</td><td>train runs again whose earlier attempt failed (a non-finite
 *       loss, recorded in the run folder); otherwise such a run fails at once naming the earlier failure</td><td>false</td></tr>
 * </table>
 * Every value is checked before it is used: a switch takes true/false (also 1/0, yes/no, on/off), the seed an
 * integer, the data folder must exist; anything else is a {@link ConfigurationException} naming where the value came
 * from (the command line, the environment or the settings file), the key and the value.
 */
public record Settings(Optional<Path> data, List<String> corpora, boolean quick, Path results, Path cache, long seed,
                       boolean skipBad, Path projectRoot, boolean retryFailed) {

    /** The keys a settings file may hold; any other is an error naming the file and the nearest of these. */
    public static final List<String> FILE_KEYS = List.of("data", "corpus", "quick", "results", "cache", "seed", "skip_bad", "retry_failed");

    /** Settings that do not retry failed runs (the default of {@code retry_failed}). */
    public Settings(Optional<Path> data, List<String> corpora, boolean quick, Path results, Path cache, long seed, boolean skipBad, Path projectRoot) {
        this(data, corpora, quick, results, cache, seed, skipBad, projectRoot, false);
    }

    /** The same settings reading only the corpora {@code names} (everything else as it is). */
    public Settings withCorpora(List<String> names) {
        return new Settings(data, List.copyOf(names), quick, results, cache, seed, skipBad, projectRoot, retryFailed);
    }

    public static Settings fromEnv() {
        return resolve(System.getenv(), Map.of());
    }

    /** Resolves settings from an environment map and explicit overrides (property names as keys). */
    public static Settings resolve(Map<String, String> env, Map<String, String> overrides) {
        Path root = projectRoot(env);
        Properties file = new Properties();
        Path settingsFile = null;
        String cfg = env.get("EMOAUG_CONFIG");
        List<Path> candidates = cfg != null ? List.of(Path.of(cfg))
                : List.of(root.resolve("emoaug.properties"), Path.of(System.getProperty("user.home"), ".config", "emoaugnet", "emoaug.properties"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                try (Reader r = Files.newBufferedReader(p)) {
                    file.load(r);
                } catch (IOException e) {
                    throw new ConfigurationException("cannot read settings file " + p + ": " + e.getMessage(), e);
                }
                KnownKeys.check(p.toString(), file.stringPropertyNames(), FILE_KEYS, "key", "");
                settingsFile = p;
                break;
            } else if (cfg != null) {
                throw new ConfigurationException("EMOAUG_CONFIG names " + p + ", which does not exist");
            }
        }
        Path fileRead = settingsFile;
        // each value with where it came from, so that an error names the flag, the variable or the file
        java.util.function.Function<String, Given> get = key -> {
            if (overrides.containsKey(key)) return new Given("command line", key, overrides.get(key));
            String var = "EMOAUG_" + key.toUpperCase(Locale.ROOT), v = env.get(var);
            if (v != null && !v.isBlank()) return new Given("environment", var, v);
            String f = file.getProperty(key);
            return f == null ? null : new Given(String.valueOf(fileRead), key, f);
        };
        Given d = get.apply("data");
        Optional<Path> data = Optional.ofNullable(d).map(Given::value).filter(s -> !s.isBlank()).map(s -> root.resolve(expand(s)).normalize());
        if (data.isPresent() && !Files.isDirectory(data.get()))
            throw d.error("a folder holding corpora (" + data.get() + " is not a folder)");
        Given c = get.apply("corpus");
        List<String> corpora = c == null || c.value().isBlank() ? List.of()
                : Arrays.stream(c.value().split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Path results = Optional.ofNullable(get.apply("results")).map(g -> root.resolve(expand(g.value())).normalize()).orElse(root.resolve("results"));
        Path cache = Optional.ofNullable(get.apply("cache")).map(g -> root.resolve(expand(g.value())).normalize()).orElse(root.resolve(".cache"));
        Given s = get.apply("seed");
        long seed = DEFAULT_SEED;
        if (s != null) {
            try {
                seed = Long.parseLong(s.value().trim());
            } catch (NumberFormatException e) {
                throw s.error("an integer");
            }
        }
        return new Settings(data, corpora, flag(get.apply("quick")), results, cache, seed, flag(get.apply("skip_bad")), root,
                flag(get.apply("retry_failed")));
    }

    /** The master seed of settings that name none. */
    public static final long DEFAULT_SEED = 42;

    /** A value as given: where (the command line, the environment, the settings file), under which key, and what. */
    private record Given(String source, String key, String value) {
        ConfigurationException error(String allowed) { return ConfigurationException.value(source, key, value, allowed); }
    }

    /** A switch: false when not given (every switch's default), else true/false (also 1/0, yes/no, on/off). */
    private static boolean flag(Given g) {
        if (g == null || g.value().isBlank()) return false;
        Boolean b = ConfigValues.parseBoolean(g.value());
        if (b == null) throw g.error(ConfigValues.BOOLEANS);
        return b;
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
                + ", quick=" + quick + ", seed=" + seed + ", results=" + results + ", cache=" + cache
                + (retryFailed ? ", retry_failed=true" : "");
    }
}
