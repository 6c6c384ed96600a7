package org.emoaugnet.util;

import java.io.IOException;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/**
 * Saves Tablesaw tables as CSV, atomically, entering them in the results' provenance log ({@link OutputLog}) with
 * their {@link Lineage}; shows them as tidy text ({@link TextTable}), rounded for display only, so that CSV files keep
 * the unrounded values and whatever is computed from them rounds once.
 */
public final class Tables {
    private Tables() {}

    /** {@code t} as tidy text for a notebook or terminal, doubles at {@code decimals} decimals ({@link TextTable}). */
    public static String show(Table t, int decimals) {
        return TextTable.render(t, decimals);
    }

    /** An RFC 4180 field: quoted when it holds a comma, a double quote or a line break, a double quote doubled. */
    public static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    public static Table saveCsv(Table t, Path csv) throws IOException {
        AtomicFiles.write(csv, tmp -> t.write().csv(tmp.toFile()));
        OutputLog.record(csv, Lineage.of(t));
        return t;
    }
}
