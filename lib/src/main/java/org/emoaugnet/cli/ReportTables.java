package org.emoaugnet.cli;

import java.io.PrintStream;
import org.emoaugnet.run.Runner;
import org.emoaugnet.util.Tables;
import tech.tablesaw.api.Table;

/**
 * The result tables a command prints: a table with rows as {@link Tables#show}; an empty one as a sentence saying
 * why it is empty (in report-only mode, {@code EMOAUG_TRAIN=0}, the runner has listed the missing runs above), never
 * as a header with no rows.
 */
final class ReportTables {
    private ReportTables() {}

    /** Prints {@code t} with {@code decimals}, or why it has no rows; {@code what} names it ("the study's results"). */
    static void print(PrintStream out, Table t, int decimals, String what) {
        if (t.rowCount() > 0) {
            out.println(Tables.show(t, decimals));
            return;
        }
        out.println(Runner.trainingEnabled() ? what + ": no rows (no finished run to report)"
                : what + ": no rows: training is off (EMOAUG_TRAIN=0) and none of its runs exists yet (the missing runs are listed above; "
                        + "run without EMOAUG_TRAIN=0 to train them)");
    }
}
