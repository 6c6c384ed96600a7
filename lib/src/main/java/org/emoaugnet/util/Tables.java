package org.emoaugnet.util;

import java.io.IOException;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/** Saves Tablesaw tables as CSV, atomically, entering them in the results' provenance log ({@link OutputLog}) with their {@link Lineage}. */
public final class Tables {
    private Tables() {}

    public static Table saveCsv(Table t, Path csv) throws IOException {
        AtomicFiles.write(csv, tmp -> t.write().csv(tmp.toFile()));
        OutputLog.record(csv, Lineage.of(t));
        return t;
    }
}
