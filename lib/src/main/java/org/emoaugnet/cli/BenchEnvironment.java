package org.emoaugnet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.emoaugnet.run.NumericKernels;
import org.emoaugnet.run.Provenance;
import org.emoaugnet.util.Tables;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What changes a benchmark's speed, as every {@code emoaug bench} command records it beside its table
 * ({@code <tag>-environment.csv}, key and value): the OpenBLAS, oneDNN and OpenMP variables (pinned or not: {@code
 * kernels}), the processor and its instruction sets, the thread counts the native libraries run with, the JVM, the
 * ND4J natives, the date and the load ({@link BenchLoad}).
 */
final class BenchEnvironment {
    private BenchEnvironment() {}

    /** The environment of this process (no load figures: {@link BenchLoad#record}). */
    static Map<String, String> current() {
        Map<String, String> m = new LinkedHashMap<>();
        Provenance.numericEnvironment().forEach((k, v) -> m.put(k.equals(k.toUpperCase(Locale.ROOT)) ? "env." + k : k, v));
        m.put("kernels", NumericKernels.current().key());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("nd4j.backend", Nd4j.getBackend().getClass().getSimpleName());
        m.put("nd4j.natives", Provenance.detectNd4jClassifier());
        m.put("blas_threads", String.valueOf(blasThreads()));
        m.put("nd4j_max_threads", String.valueOf(Nd4j.getEnvironment().maxThreads()));
        m.put("date", LocalDate.now().toString());
        return m;
    }

    /** OpenBLAS's thread count now (the BLAS ND4J and the fused trainer call). */
    static int blasThreads() {
        Nd4j.getBackend();   // ND4J sets OpenBLAS's threads from OMP_NUM_THREADS when it starts: let it do so first
        return openblas_nolapack.blas_get_num_threads();
    }

    /** Sets OpenBLAS's thread count; returns the count it had. Refuses when OpenBLAS does not take it. */
    static int setBlasThreads(int threads) {
        int before = blasThreads();
        openblas_nolapack.blas_set_num_threads(threads);
        int now = openblas_nolapack.blas_get_num_threads();
        if (now != threads) throw new IllegalStateException("OpenBLAS runs " + now + " threads after blas_set_num_threads(" + threads + ")");
        return before;
    }

    /** Writes {@code env} as {@code dir/<tag>-environment.csv} (key, value) and returns its path. */
    static Path write(Path dir, String tag, Map<String, String> env) throws IOException {
        Table e = Table.create(tag + "-environment", StringColumn.create("key"), StringColumn.create("value"));
        env.forEach((k, v) -> { e.stringColumn(0).append(k); e.stringColumn(1).append(v); });
        Files.createDirectories(dir);
        Path p = dir.resolve(org.emoaugnet.publish.StudyOutputs.benchEnvironment(tag));
        Tables.saveCsv(e, p);
        return p;
    }

    /** Reads an environment file written by {@link #write} (empty when it does not exist). */
    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return m;
        for (Map<String, String> row : readCsv(file)) m.put(row.get("key"), row.get("value"));
        return m;
    }

    /** The rows of a CSV file, every cell as text (one home: the ledger's reader of the benchmark files). */
    static List<Map<String, String>> readCsv(Path csv) throws IOException { return org.emoaugnet.publish.ReadmeTables.read(csv); }
}
