package org.emoaugnet.data.prepare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.emoaugnet.data.CorpusException;

/**
 * The files of a corpus as a user downloaded them: a zip or tar archive or a folder (the archive extracted). Only files
 * whose last path segments match the corpus layout count ({@code Actor_01/03-01-01-01-01-01-01.wav}), wherever the
 * archive or folder puts them; macOS resource forks ({@code __MACOSX/}, {@code ._name}) and hidden files are not
 * files of the corpus. A layout path found twice (two copies of the corpus side by side) is an error.
 */
public sealed interface SourceTree extends AutoCloseable permits ZipSource, TarSource, FolderSource {
    /**
     * Opens {@code path} (a folder; a tar archive, plain or gzip-compressed, by its first bytes; else a zip archive)
     * and finds the files of {@code layout} in it.
     */
    static SourceTree open(Path path, Pattern layout) throws IOException {
        if (Files.isDirectory(path)) return FolderSource.open(path, layout);
        if (!Files.exists(path)) throw new CorpusException(path + ": no such file or folder");
        byte[] head;
        try (java.io.InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(512);
        }
        if (TarSource.looksLikeTar(head)) return TarSource.open(path, layout);
        return ZipSource.open(path, layout);
    }

    /** The archive or folder. */
    Path path();

    /** The corpus files, by their layout path ({@code Actor_01/….wav}), sorted. */
    List<String> files();

    /** Where a file is, for messages: {@code archive.zip!inner/path} or the file's path. */
    String describe(String file);

    /** SHA-256 of a file's bytes. */
    String sha256(String file) throws IOException;

    /** A file on disk with the file's bytes: the file itself, or a copy written to {@code scratch} (same layout path). */
    Path materialise(String file, Path scratch) throws IOException;

    /** Whether {@link #materialise} writes a copy (which the caller deletes when done). */
    boolean copies();

    @Override
    void close() throws IOException;

    /** SHA-256 of every file, by layout path. */
    default Map<String, String> sha256s() throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String f : files()) m.put(f, sha256(f));
        return m;
    }

    /**
     * The layout path of a path inside the archive or folder ({@code a/b/Actor_01/x.wav} → {@code Actor_01/x.wav}):
     * its shortest tail of whole segments that the layout matches, or null when none does (not a corpus file).
     */
    static String layoutPath(String inner, Pattern layout) {
        String[] parts = inner.split("/");
        for (String p : parts) if (p.startsWith(".") || p.equals("__MACOSX")) return null;
        for (int from = parts.length - 1; from >= 0; from--) {
            String tail = String.join("/", List.of(parts).subList(from, parts.length));
            if (layout.matcher(tail).matches()) return tail;
        }
        return null;
    }

    /** Adds {@code inner} under its layout path; a layout path found twice is an error naming both. */
    static void add(Map<String, String> byLayoutPath, String layoutPath, String inner, Path where) throws CorpusException {
        String before = byLayoutPath.putIfAbsent(layoutPath, inner);
        if (before != null)
            throw new CorpusException(where + ": " + layoutPath + " is there twice (" + before + " and " + inner
                    + "); point at the folder or archive that holds one copy of the corpus");
    }
}
