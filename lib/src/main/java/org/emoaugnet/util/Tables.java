package org.emoaugnet.util;

import java.io.IOException;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

/** Saves Tablesaw tables as CSV, atomically, entering them in the results' provenance log ({@link OutputLog}) with their {@link Lineage}. */
public final class Tables {
    private Tables() {}

    /**
     * A copy for printing only: every double column rounded to {@code decimals} (CSV files keep the unrounded values,
     * so that whatever is computed from them rounds once).
     */
    public static Table rounded(Table t, int decimals) {
        Table c = t.copy();
        double f = Math.pow(10, decimals);
        for (var col : c.columns())
            if (col instanceof tech.tablesaw.api.DoubleColumn d)
                for (int i = 0; i < d.size(); i++) if (!d.isMissing(i)) d.set(i, Math.round(d.get(i) * f) / f);
        return c.setName(t.name());
    }

    /** {@code t} as tidy text for a notebook or terminal, doubles at {@code decimals} decimals ({@link TextTable}). */
    public static String show(Table t, int decimals) {
        return TextTable.render(t, decimals);
    }

    public static Table saveCsv(Table t, Path csv) throws IOException {
        AtomicFiles.write(csv, tmp -> t.write().csv(tmp.toFile()));
        OutputLog.record(csv, Lineage.of(t));
        return t;
    }
}
