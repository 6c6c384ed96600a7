package org.emoaugnet.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.emoaugnet.util.AtomicFiles;

/**
 * What one (experiment, fold, seed) run produced, in its own folder: {@code record.properties} (configuration,
 * seed, fold, split summary, data manifest hash, code and library versions, backend, wall time, metrics; written
 * last, so its presence means the run finished), {@code history.csv}, {@code confusion.csv} and
 * {@code predictions.csv}.
 */
public final class RunRecord {
    public static final String FILE = "record.properties";

    private RunRecord() {}

    public static boolean finished(Path dir) { return Files.isRegularFile(dir.resolve(FILE)); }

    public static void write(Path dir, Map<String, String> fields) throws IOException {
        StringBuilder sb = new StringBuilder("# emoaugnet-java run record\n");
        java.util.Properties p = new java.util.Properties();
        fields.forEach(p::setProperty);
        java.io.StringWriter w = new java.io.StringWriter();
        p.store(w, null);
        // Properties.store orders keys arbitrarily: sort the lines so that records diff cleanly
        w.toString().lines().filter(l -> !l.startsWith("#")).sorted().forEach(l -> sb.append(l).append('\n'));
        AtomicFiles.writeString(dir.resolve(FILE), sb.toString());
    }

    public static Map<String, String> read(Path dir) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var r = Files.newBufferedReader(dir.resolve(FILE))) {
            p.load(r);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}
