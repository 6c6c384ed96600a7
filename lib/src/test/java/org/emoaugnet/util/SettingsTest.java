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
    void badValuesAreConfigurationErrorsNamingWhereTheValueCameFrom() throws Exception {
        var e = assertThrows(ConfigurationException.class,
                () -> Settings.resolve(Map.of("EMOAUG_HOME", dir.toString(), "EMOAUG_DATA", "missing"), Map.of()));
        assertTrue(e.getMessage().startsWith("environment: EMOAUG_DATA=missing: must be a folder") && e.getMessage().contains("not a folder"), e.getMessage());
        var e2 = assertThrows(ConfigurationException.class,
                () -> Settings.resolve(Map.of("EMOAUG_HOME", dir.toString(), "EMOAUG_SEED", "x1"), Map.of()));
        assertEquals("environment: EMOAUG_SEED=x1: must be an integer", e2.getMessage());
        var e3 = assertThrows(ConfigurationException.class,
                () -> Settings.resolve(Map.of("EMOAUG_CONFIG", dir.resolve("none.properties").toString()), Map.of()));
        assertTrue(e3.getMessage().contains("none.properties"));
        // a switch takes true/false (1/0, yes/no, on/off) only: 'maybe' was read as false before
        var e4 = assertThrows(ConfigurationException.class,
                () -> Settings.resolve(Map.of("EMOAUG_HOME", dir.toString(), "EMOAUG_QUICK", "maybe"), Map.of()));
        assertEquals("environment: EMOAUG_QUICK=maybe: must be true or false (also 1/0, yes/no, on/off)", e4.getMessage());
        var e5 = assertThrows(ConfigurationException.class,
                () -> Settings.resolve(Map.of("EMOAUG_HOME", dir.toString()), Map.of("retry_failed", "sometimes")));
        assertTrue(e5.getMessage().startsWith("command line: retry_failed=sometimes: must be true or false"), e5.getMessage());
        Files.writeString(dir.resolve("emoaug.properties"), "skip_bad=perhaps\n");
        var e6 = assertThrows(ConfigurationException.class, () -> Settings.resolve(Map.of("EMOAUG_HOME", dir.toString()), Map.of()));
        assertEquals(dir.resolve("emoaug.properties") + ": skip_bad=perhaps: must be true or false (also 1/0, yes/no, on/off)", e6.getMessage());
    }

    @Test
    void retryFailedIsASwitchOfTheCommandLineTheEnvironmentAndTheFile() throws Exception {
        assertFalse(Settings.resolve(Map.of("EMOAUG_HOME", dir.toString()), Map.of()).retryFailed(), "off by default");
        assertTrue(Settings.resolve(Map.of("EMOAUG_HOME", dir.toString(), "EMOAUG_RETRY_FAILED", "1"), Map.of()).retryFailed());
        assertTrue(Settings.resolve(Map.of("EMOAUG_HOME", dir.toString()), Map.of("retry_failed", "true")).retryFailed(), "the CLI's --retry-failed");
        assertFalse(Settings.resolve(Map.of("EMOAUG_HOME", dir.toString(), "EMOAUG_RETRY_FAILED", "1"), Map.of("retry_failed", "false")).retryFailed(),
                "the command line before the environment");
        Files.writeString(dir.resolve("emoaug.properties"), "retry_failed=yes\n");
        Settings s = Settings.resolve(Map.of("EMOAUG_HOME", dir.toString()), Map.of());
        assertTrue(s.retryFailed());
        assertTrue(s.withCorpora(List.of("ravdess")).retryFailed(), "kept when one corpus is opened alone");
        assertFalse(new Settings(s.data(), s.corpora(), s.quick(), s.results(), s.cache(), s.seed(), s.skipBad(), s.projectRoot()).retryFailed());
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
