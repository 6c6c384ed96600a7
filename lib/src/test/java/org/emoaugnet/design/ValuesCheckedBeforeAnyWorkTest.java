package org.emoaugnet.design;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.emoaugnet.util.ConfigurationException;
import org.emoaugnet.util.Progress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad values of issue 33, each in a committed recipe (experiments/ravdess/si-relu.properties with one value
 * changed), fail when the experiment file is read, naming the file, the key, the value and what is allowed, before a
 * corpus is scanned or ND4J starts: shown three ways. (1) {@link ExperimentConfigs#load} throws the
 * {@link ConfigurationException}. (2) Read in a class loader that refuses ND4J, DL4J, the native libraries and the
 * corpus scanner, the load fails the same way and never asked for any of them: reading the file cannot start ND4J or
 * scan a corpus. (3) {@code emoaug experiment run} with a data folder that would be scanned and its own runs and cache
 * folders fails with that message and creates neither folder.
 */
class ValuesCheckedBeforeAnyWorkTest {
    @TempDir Path dir;

    /** The committed recipe every case changes one value of. */
    static Path recipe() {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("experiments"))) root = root.getParent();
        assertNotNull(root, "the project's experiments folder");
        return root.resolve("experiments/ravdess/si-relu.properties");
    }

    /** The recipe with {@code line} appended (a later key replaces the recipe's own). */
    Path withValue(String line) throws Exception {
        Path f = dir.resolve("case.properties");
        Files.writeString(f, Files.readString(recipe()) + "\n" + line + "\n");
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "lr=NaN        | lr=NaN: must be a finite number > 0 and ≤ 1",
            "lr=0          | lr=0: must be a finite number > 0 and ≤ 1",
            "lr=-0.1       | lr=-0.1: must be a finite number > 0 and ≤ 1",
            "lr=1e9        | lr=1e9: must be a finite number > 0 and ≤ 1",
            "patience=-1   | patience=-1: must be an integer ≥ 0 and ≤ 10000",
            "lr_factor=5   | lr_factor=5: must be a finite number > 0 and ≤ 1",
            "folds=99      | folds=99: must be an integer ≥ 0 and ≤ 5 (0: every fold; SPEAKER_INDEPENDENT on ravdess with fold set reslstm-5 has 5 folds)",
            "activation=bogus | activation=bogus: must be one of relu, elu, tanh, sigmoid, identity"})
    void eachBadValueFailsWhenTheFileIsReadNamingTheKeyTheValueAndWhatIsAllowed(String line, String expected) throws Exception {
        Path f = withValue(line);
        var e = assertThrows(ConfigurationException.class, () -> ExperimentConfigs.load(f));
        assertEquals(f + ": " + expected, e.getMessage());

        // read where ND4J, DL4J, their native libraries and the corpus scanner cannot be loaded: the same error, none asked for
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        try (Isolated loader = new Isolated(refused)) {
            Class<?> configs = loader.loadClass(ExperimentConfigs.class.getName());
            var load = configs.getMethod("load", Path.class);
            var thrown = assertThrows(InvocationTargetException.class, () -> load.invoke(null, f)).getCause();
            assertEquals(ConfigurationException.class.getName(), thrown.getClass().getName(), String.valueOf(thrown));
            assertEquals(f + ": " + expected, thrown.getMessage());
        }
        assertEquals(List.of(), refused, "reading the experiment file asked for no ND4J, DL4J, native or corpus-scanning class");

        // the command line: nothing is scanned, trained or cached
        Path data = trap(), runs = dir.resolve("runs"), cache = dir.resolve("cache");
        Progress.setQuiet(true);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = org.emoaugnet.cli.Main.run(new String[] {"experiment", "run", "--config", f.toString(), "--data", data.toString(), "--runs", runs.toString(),
                "--cache", cache.toString()}, new PrintStream(out, true), new PrintStream(err, true));
        assertEquals(1, code, "a bad value is a configuration error (exit code 1): " + err);
        assertTrue(err.toString().contains(f + ": " + expected), err.toString());
        assertFalse(err.toString().contains("unexpected") || err.toString().contains("ConfigurationException"),
                "a configuration error is reported by its message alone, not as an unexpected error: " + err);
        assertFalse(Files.exists(runs), "no runs folder");
        assertFalse(Files.exists(cache), "no cache folder");
    }

    /** A data folder that a corpus scan would fail on loudly (a RAVDESS file that is not audio). */
    Path trap() throws Exception {
        Path data = dir.resolve("data");
        Path bad = data.resolve("ravdess/Actor_01/03-01-01-01-01-01-01.wav");
        Files.createDirectories(bad.getParent());
        Files.write(bad, new byte[] {1, 2, 3});
        return data;
    }

    @Test
    void theIsolatingLoaderRefusesWhatItShould() throws Exception {
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        try (Isolated loader = new Isolated(refused)) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.nd4j.linalg.factory.Nd4j"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.emoaugnet.data.CorpusScan"));
            assertNotSame(ExperimentConfigs.class, loader.loadClass(ExperimentConfigs.class.getName()), "the suite's classes are its own copies");
        }
        assertEquals(List.of("org.nd4j.linalg.factory.Nd4j", "org.emoaugnet.data.CorpusScan"), refused, "the check above can fail");
    }

    /**
     * A class loader over this test's class path that loads its own copies of every class (so nothing the test JVM has
     * loaded already counts) and refuses, recording the name, ND4J, DL4J, the native libraries (JavaCPP) and the corpus
     * scanner.
     */
    static final class Isolated extends URLClassLoader {
        private static final List<String> REFUSED = List.of("org.nd4j.", "org.deeplearning4j.", "org.bytedeco.", "org.emoaugnet.data.CorpusScan");
        private final List<String> refused;

        Isolated(List<String> refused) throws Exception {
            super(classPath(), ClassLoader.getPlatformClassLoader());
            this.refused = refused;
        }

        private static URL[] classPath() throws Exception {
            List<URL> urls = new ArrayList<>();
            for (String p : System.getProperty("java.class.path").split(File.pathSeparator)) urls.add(Path.of(p).toUri().toURL());
            return urls.toArray(new URL[0]);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            for (String r : REFUSED)
                if (name.startsWith(r)) {
                    refused.add(name);
                    throw new ClassNotFoundException(name + " (refused: the configuration step must not need it)");
                }
            return super.loadClass(name, resolve);
        }
    }
}
