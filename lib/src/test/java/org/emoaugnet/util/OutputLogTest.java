package org.emoaugnet.util;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lineage travels with values; the output log keeps one entry per file, written at save time, under concurrency. */
class OutputLogTest {
    @Test
    void lineageTravelsWithTheValueByIdentity() {
        Object a = new Object(), b = new Object(), c = new Object();
        Lineage.tag(a, List.of("e/run-1#aa"));
        Lineage.tag(b, List.of("e/run-2#bb"));
        Lineage.tag(c, a, b);
        assertEquals(Set.of("e/run-1#aa", "e/run-2#bb"), Lineage.of(c));
        assertEquals(Set.of(), Lineage.of(new Object()), "an untagged value has no runs");
        assertEquals(Set.of("e/run-1#aa"), Lineage.of(a));
        assertEquals("exp/fold-1-seed1#abc", Lineage.run("exp", "fold-1-seed1", "abc"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySavedFileIsEnteredOnceWithItsHashProducerAndRuns(@TempDir Path results) throws Exception {
        Path f = results.resolve("ravdess/t.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "a\n1\n");
        OutputLog.record(results, f, "notebooks/04-x.ipynb", Set.of("e/r#h"));
        Files.writeString(f, "a\n2\n");
        OutputLog.record(results, f, "notebooks/04-x.ipynb", Set.of("e/r#h2"));
        List<Map<String, Object>> files = (List<Map<String, Object>>) OutputLog.read(results).get("files");
        assertEquals(1, files.size(), "a rewritten file keeps one entry");
        assertEquals("results/ravdess/t.csv", files.get(0).get("path"));
        assertEquals(Sha256.of(f), files.get(0).get("sha256"));
        assertEquals(List.of("e/r#h2"), files.get(0).get("runs"));
        // concurrent writers lose nothing
        List<Thread> ts = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path g = results.resolve("c/" + i + ".csv");
            Files.createDirectories(g.getParent());
            Files.writeString(g, "x\n" + i + "\n");
            Thread t = new Thread(() -> {
                try {
                    OutputLog.record(results, g, "p", Set.of());
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            ts.add(t);
            t.start();
        }
        for (Thread t : ts) t.join();
        assertEquals(9, ((List<?>) OutputLog.read(results).get("files")).size());
    }
}
