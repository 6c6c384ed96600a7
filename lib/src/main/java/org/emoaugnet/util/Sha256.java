package org.emoaugnet.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, of a file's bytes or of a text's UTF-8 bytes: the one implementation every hash of the suite uses. */
public final class Sha256 {
    private Sha256() {}

    /** SHA-256 of a file's bytes, streamed. */
    public static String of(Path file) throws IOException {
        MessageDigest md = digest();
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 of a text's UTF-8 bytes. */
    public static String of(String text) { return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8))); }

    /** A fresh SHA-256 digest. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
