package org.emoaugnet.data.prepare;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.emoaugnet.data.CorpusException;

/**
 * Where a corpus is prepared: a hidden sibling of the target folder ({@code .ravdess.preparing}), moved to the target
 * in one step once every file is written, so that no reader (and no loader) ever sees half a corpus. Files pulled out
 * of an archive for a converter go to another hidden sibling ({@code .ravdess.originals}), deleted at the end.
 */
final class Staging {
    private Staging() {}

    /** Refuses a target that already holds files, then returns a fresh, empty staging folder. */
    static Path begin(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent())
                    throw new CorpusException(out + ": already exists and is not empty; move it away, or prepare into another --data folder");
            }
        } else if (Files.exists(out)) throw new CorpusException(out + ": exists and is not a folder");
        Path staging = sibling(out, "preparing");
        delete(staging);   // the leftover of an interrupted run of this command (the name is this class's own)
        Files.createDirectories(staging);
        return staging;
    }

    /** The scratch folder for files pulled out of an archive, fresh and empty. */
    static Path scratch(Path out) throws IOException {
        Path s = sibling(out, "originals");
        delete(s);
        Files.createDirectories(s);
        return s;
    }

    /** Moves the complete staging folder to the (absent or empty) target in one step. */
    static void commit(Path staging, Path out) throws IOException {
        Files.deleteIfExists(out);   // an empty folder (begin refused any other)
        try {
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // same parent folder, so this only happens on file systems without atomic renames: a plain move
            Files.move(staging, out);
        }
    }

    /** Deletes a folder tree (nothing when absent). */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        List<Path> all;
        try (Stream<Path> s = Files.walk(dir)) {
            all = s.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) Files.delete(p);
    }

    private static Path sibling(Path out, String what) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + "." + what);
    }
}
