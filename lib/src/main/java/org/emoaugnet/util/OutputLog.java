package org.emoaugnet.util;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;

/**
 * The provenance log of results: every figure and table saved through {@link Tables#saveCsv} or {@code Plots.save}
 * under the configured results folder is entered in {@code <results>/MANIFEST.json} at the moment it is written,
 * with its path, size, SHA-256, producer (the notebook or command, from {@code EMOAUG_PRODUCER} or the CLI) and the
 * runs it was computed from ({@link Lineage}). Files written elsewhere (temporary folders, run folders) are not
 * logged. Entries are updated under a file lock and the manifest is rewritten atomically, so concurrent writers never
 * lose an entry. {@code emoaug ledger} adds the description of every run the entries name.
 */
public final class OutputLog {
    public static final String FILE = "MANIFEST.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static volatile String producerOverride;
    private static volatile Path resultsOverride;

    private OutputLog() {}

    /** Logs into this results folder instead of the configured one (the CLI's {@code --results}). */
    public static void setResults(Path results) { resultsOverride = results; }

    /** The results folder set by {@link #setResults}, or null when the configured one is used. */
    public static Path resultsOverride() { return resultsOverride; }

    /** Names the producer of this process's outputs (the CLI sets its command line). */
    public static void setProducer(String p) { producerOverride = p; }

    /** The producer of outputs written now: the CLI command, else {@code EMOAUG_PRODUCER} (set per notebook by the runner), else "unknown". */
    public static String producer() {
        if (producerOverride != null) return producerOverride;
        String e = System.getenv("EMOAUG_PRODUCER");
        return e == null || e.isBlank() ? "unknown (library call without EMOAUG_PRODUCER)" : e;
    }

    /**
     * Logs {@code file} with its sources when it lies under the configured results folder; otherwise does nothing.
     * Settings that cannot be read fail with an {@link IOException}: a result is never left out of the manifest silently.
     */
    public static void record(Path file, Set<String> runs) throws IOException {
        record(file, runs, () -> resultsOverride != null ? resultsOverride : Settings.fromEnv().results());
    }

    /** {@link #record(Path, Set)} with the results folder from {@code resultsFolder}; unreadable settings fail loudly. */
    static void record(Path file, Set<String> runs, java.util.function.Supplier<Path> resultsFolder) throws IOException {
        Path results;
        try {
            results = resultsFolder.get().toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " was written but cannot be entered in the results manifest (" + FILE
                    + "): the settings that name the results folder cannot be read: " + e.getMessage(), e);
        }
        Path f = file.toAbsolutePath().normalize();
        if (!f.startsWith(results) || results.relativize(f).startsWith("runs")) return;
        record(results, f, producer(), runs);
    }

    /** Enters {@code file} (under {@code results}) in {@code results/MANIFEST.json}. */
    @SuppressWarnings("unchecked")
    public static synchronized void record(Path results, Path file, String producer, Set<String> runs) throws IOException {
        Files.createDirectories(results);
        try (FileChannel ch = FileChannel.open(results.resolve("." + FILE + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            Map<String, Object> m = read(results);
            List<Map<String, Object>> files = (List<Map<String, Object>>) m.computeIfAbsent("files", k -> new ArrayList<>());
            String rel = "results/" + results.relativize(file).toString().replace('\\', '/');
            String sha = Sha256.of(file);
            List<String> sources = new ArrayList<>(new java.util.TreeSet<>(runs));
            for (Map<String, Object> old : files)   // the same bytes from the same producer and runs: the entry stands as it was
                if (rel.equals(old.get("path")) && sha.equals(old.get("sha256")) && producer.equals(old.get("producer")) && sources.equals(old.get("runs"))) return;
            files.removeIf(e -> rel.equals(e.get("path")));
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("path", rel);
            e.put("bytes", Files.size(file));
            e.put("sha256", sha);
            e.put("producer", producer);
            e.put("written_utc", Instant.now().toString());
            e.put("runs", sources);
            files.add(e);
            files.sort(java.util.Comparator.comparing(x -> (String) x.get("path")));
            write(results, m);
        }
    }

    /** The manifest of a results folder (empty when there is none). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path results) throws IOException {
        Path p = results.resolve(FILE);
        if (!Files.isRegularFile(p)) return new LinkedHashMap<>();
        return JSON.readValue(p.toFile(), LinkedHashMap.class);
    }

    public static void write(Path results, Map<String, Object> manifest) throws IOException {
        AtomicFiles.writeString(results.resolve(FILE), JSON.writeValueAsString(new TreeMap<>(manifest)) + "\n");
    }
}
