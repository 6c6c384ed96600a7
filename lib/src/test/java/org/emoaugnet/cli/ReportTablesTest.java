package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A result table without rows is a sentence saying so, never a header over nothing. */
class ReportTablesTest {
    @Test
    void anEmptyTableIsASentence() {
        Table empty = Table.create("results", StringColumn.create("experiment"), DoubleColumn.create("UA (%)"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportTables.print(new PrintStream(out, true), empty, 1, "the study's results");
        assertEquals("the study's results: no rows (no finished run to report)", out.toString().strip(), "EMOAUG_TRAIN is not set in the test JVM");
        assertFalse(out.toString().contains("UA (%)"));
        empty.stringColumn(0).append("si-relu");
        empty.doubleColumn(1).append(51.25);
        out.reset();
        ReportTables.print(new PrintStream(out, true), empty, 1, "the study's results");
        assertTrue(out.toString().contains("si-relu") && out.toString().contains("51.3") && out.toString().contains("UA (%)"), out.toString());
    }
}
