package org.emoaugnet.util;

import java.io.IOException;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/** Saves Tablesaw tables as CSV, atomically. */
public final class Tables {
    private Tables() {}

    public static Table saveCsv(Table t, Path csv) throws IOException {
        AtomicFiles.write(csv, tmp -> t.write().csv(tmp.toFile()));
        return t;
    }
}
