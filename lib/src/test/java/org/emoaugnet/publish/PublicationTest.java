package org.emoaugnet.publish;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code emoaug ledger} publishes all or nothing: an edited prediction, an edited metric or a deleted record makes it
 * fail naming the file, before anything is written, and every published file stays byte-identical.
 */
class PublicationTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> PUBLISHED = List.of("LEDGER.md", "ledger.csv", "ledger.png", "MANIFEST.json");
    static final String RUN = "runs/ravdess-si-compact-relu/fold-1-seed1";

    @Test
    void aBadInputPublishesNothing(@TempDir Path tmp) throws IOException {
        Path results = tmp.resolve("results");
        copyTree(ROOT.resolve("results"), results);
        Map<String, String> before = hashes(results);
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());

        Path pred = results.resolve(RUN).resolve("predictions.csv");
        String original = Files.readString(pred);
        Files.writeString(pred, original.replaceFirst(",neutral,neutral\n", ",neutral,happy\n"));
        assertNotEquals(original, Files.readString(pred));
        IOException e = assertThrows(IOException.class, () -> Publication.ledger(ROOT, results, false, quiet));
        assertTrue(e.getMessage().contains(pred.toString()) && e.getMessage().contains("nothing was published"), e.getMessage());
        assertEquals(before, hashes(results));
        Files.writeString(pred, original);

        Path record = results.resolve(RUN).resolve("record.properties");
        String text = Files.readString(record);
        Files.writeString(record, text.replaceFirst("\ntest\\.ua=0\\.", "\ntest.ua=1."));
        assertNotEquals(text, Files.readString(record));
        e = assertThrows(IOException.class, () -> Publication.ledger(ROOT, results, false, quiet));
        assertTrue(e.getMessage().contains(record.toString()), e.getMessage());
        assertEquals(before, hashes(results));

        Files.delete(record);
        e = assertThrows(IOException.class, () -> Publication.ledger(ROOT, results, false, quiet));
        assertTrue(e.getMessage().contains(results.resolve(RUN).toString()) && e.getMessage().contains("without its record.properties"), e.getMessage());
        assertEquals(before, hashes(results));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(results), s.toList(), "no staging folder is left behind");
        }
    }

    private static Map<String, String> hashes(Path results) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (String f : PUBLISHED) m.put(f, Sha256.of(results.resolve(f)));
        return m;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
