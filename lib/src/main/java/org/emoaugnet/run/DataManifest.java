package org.emoaugnet.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.emoaugnet.data.Utterance;
import org.emoaugnet.util.Sha256;

/**
 * Which recordings a run used, by name and content: SHA-256 over the sorted lines {@code corpus/id <TAB> SHA-256 of
 * the file's bytes}. A recording renamed, added, dropped or changed in content (a regenerated synthetic corpus, a
 * re-encoded file) changes the hash, and so the run's identity.
 *
 * <p>{@link #keysSha256} is the older, name-only hash (sorted {@code corpus/id} lines) that format-1 run records
 * stored as {@code data_manifest_sha256}; the migration uses it to check that a record and a corpus name the same
 * recordings before it hashes their content.
 *
 * @param corpora    the corpora the recordings come from, comma-separated
 * @param recordings how many recordings
 * @param sha256     the content hash, or "unknown" (a migrated record whose recordings were not available)
 */
public record DataManifest(String corpora, int recordings, String sha256) {
    /** Stands for any data in {@link RunSpec#sameDesign}. */
    public static final DataManifest ANY = new DataManifest("*", -1, "*");

    public static final String UNKNOWN = "unknown";

    /** File hashes by (path, size, modification time), so a study hashes each file once. */
    private static final Map<String, String> FILE_HASHES = new ConcurrentHashMap<>();

    public static DataManifest of(List<Utterance> recordings) {
        return ofFileHashes(recordings.stream().map(u -> Map.entry(u.key(), fileHash(u.path()))).toList());
    }

    /**
     * The manifest of recordings given as ({@code corpus/id}, SHA-256 of the file's bytes) pairs, e.g. from a
     * checksum list of a corpus: what {@link #of(List)} computes from the files themselves.
     */
    public static DataManifest ofFileHashes(Collection<Map.Entry<String, String>> fileSha256ByKey) {
        TreeSet<String> corpora = new TreeSet<>();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> e : fileSha256ByKey) {
            corpora.add(e.getKey().substring(0, e.getKey().indexOf('/')));
            lines.add(e.getKey() + "\t" + e.getValue());
        }
        lines.sort(null);
        return new DataManifest(String.join(",", corpora), fileSha256ByKey.size(), hashLines(lines));
    }

    /** The name-only hash of format-1 records: SHA-256 over the sorted {@code corpus/id} lines. */
    public static String keysSha256(List<Utterance> recordings) {
        return hashLines(recordings.stream().map(Utterance::key).sorted().toList());
    }

    /** SHA-256 over the lines, each ended by a newline. */
    private static String hashLines(List<String> sortedLines) {
        StringBuilder sb = new StringBuilder();
        for (String l : sortedLines) sb.append(l).append('\n');
        return Sha256.of(sb.toString());
    }

    private static String fileHash(Path p) {
        try {
            String key = p.toAbsolutePath() + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis();
            String h = FILE_HASHES.get(key);
            if (h == null) {
                h = Sha256.of(p);
                FILE_HASHES.put(key, h);
            }
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": cannot read the recording to hash it: " + e.getMessage(), e);
        }
    }
}
