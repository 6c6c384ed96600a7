package org.emoaugnet.util;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir Path dir;

    @Test
    void defaultsUseTheSyntheticCorpus() {
        Settings s = Settings.resolve(Map.of("EMOAUG_HOME", dir.toString()), Map.of());
        assertTrue(s.data().isEmpty());
        assertFalse(s.quick());
        assertEquals(42, s.seed());
        assertEquals(dir.resolve("results"), s.results());
        assertEquals(dir.resolve(".cache"), s.cache());
        assertEquals(3, s.pick(3, 1));
    }

    @Test
    void precedenceIsFlagsThenEnvironmentThenFile() throws Exception {
        Files.createDirectories(dir.resolve("d1"));
        Files.createDirectories(dir.resolve("d2"));
        Files.createDirectories(dir.resolve("d3"));
        Files.writeString(dir.resolve("emoaug.properties"), "data=d1\nseed=7\nquick=true\ncorpus=RAVDESS, emodb\n");
        Settings file = Settings.resolve(Map.of("EMOAUG_HOME", dir.toString()), Map.of());
        assertEquals(dir.resolve("d1"), file.data().orElseThrow());
        assertEquals(7, file.seed());
        assertTrue(file.quick());
        assertEquals(List.of("ravdess", "emodb"), file.corpora());
        assertEquals(1, file.pick(3, 1));
        Settings env = Settings.resolve(Map.of("EMOAUG_HOME", dir.toString(), "EMOAUG_DATA", "d2", "EMOAUG_SEED", "9"), Map.of());
        assertEquals(dir.resolve("d2"), env.data().orElseThrow());
        assertEquals(9, env.seed());
        Settings flag = Settings.resolve(Map.of("EMOAUG_HOME", dir.toString(), "EMOAUG_DATA", "d2"), Map.of("data", dir.resolve("d3").toString()));
        assertEquals(dir.resolve("d3"), flag.data().orElseThrow());
    }

    @Test
    void badValuesAreClearErrors() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Settings.resolve(Map.of("EMOAUG_HOME", dir.toString(), "EMOAUG_DATA", "missing"), Map.of()));
        assertTrue(e.getMessage().contains("missing") && e.getMessage().contains("not a folder"));
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> Settings.resolve(Map.of("EMOAUG_HOME", dir.toString(), "EMOAUG_SEED", "x1"), Map.of()));
        assertTrue(e2.getMessage().contains("x1"));
        var e3 = assertThrows(IllegalArgumentException.class,
                () -> Settings.resolve(Map.of("EMOAUG_CONFIG", dir.resolve("none.properties").toString()), Map.of()));
        assertTrue(e3.getMessage().contains("none.properties"));
    }

    @Test
    void atomicWritesLeaveNoTemporaryFiles() throws Exception {
        Path f = dir.resolve("sub/x.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        try (var s = Files.list(f.getParent())) {
            assertEquals(1, s.count());
        }
        assertThrows(java.io.IOException.class, () -> AtomicFiles.write(f, tmp -> { throw new java.io.IOException("boom"); }));
        assertEquals("two", Files.readString(f), "a failed write keeps the old file");
    }

    @Test
    void aSettingsFileWithAnUnknownKeyIsRefusedNamingTheFileAndTheNearestKey() throws Exception {
        Files.writeString(dir.resolve("emoaug.properties"), "sead=3\ndata=.\n");
        var e = assertThrows(KnownKeys.UnknownKeyException.class, () -> Settings.resolve(Map.of("EMOAUG_HOME", dir.toString()), Map.of()));
        assertTrue(e.getMessage().contains("emoaug.properties") && e.getMessage().contains("unknown key 'sead' — did you mean 'seed'?"), e.getMessage());
    }
}
