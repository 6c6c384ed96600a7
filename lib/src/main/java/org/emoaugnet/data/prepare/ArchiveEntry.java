package org.emoaugnet.data.prepare;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.emoaugnet.util.Sha256;

/**
 * What the archive sources ({@link ZipSource}, {@link TarSource}) do with one entry's bytes, from the one method of
 * theirs that streams them: hash them, or write them to a file.
 */
final class ArchiveEntry {
    private ArchiveEntry() {}

    /** Receives an entry's bytes, a buffer at a time. */
    @FunctionalInterface
    interface Sink {
        void accept(byte[] b, int off, int len) throws IOException;
    }

    /** Streams one entry's bytes into a sink. */
    @FunctionalInterface
    interface Bytes {
        void into(Sink sink) throws IOException;
    }

    /** SHA-256 of the entry's bytes. */
    static String sha256(Bytes bytes) throws IOException {
        MessageDigest md = Sha256.digest();
        bytes.into(md::update);
        return HexFormat.of().formatHex(md.digest());
    }

    /** Writes the entry's bytes to {@code target} (its folders created); a failed write leaves no file. */
    static Path materialise(Bytes bytes, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            bytes.into(out::write);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return target;
    }
}
