package org.emoaugnet.util;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TextTableTest {

    static Table wide() {
        Table t = Table.create("results").addColumns(StringColumn.create("experiment", "a-run", "b-run-with-a-longer-name"));
        for (int k = 0; k < 9; k++)
            t.addColumns(DoubleColumn.create("WA mean over seeds, 95% t CI (unit: seed) " + k, 12.3456, Double.NaN));
        t.addColumns(IntColumn.create("runs", 15, 3));
        return t;
    }

    @Test
    void aWideTableIsSplitIntoBlocksThatRepeatTheKeyColumnAndFitTheWidth() {
        String text = TextTable.render(wide(), 1, 80);
        List<String> lines = text.lines().toList();
        assertEquals("results", lines.get(0));
        assertTrue(lines.stream().allMatch(l -> l.length() <= 80), text);
        long blocks = lines.stream().filter(l -> l.startsWith("----")).count();
        assertTrue(blocks >= 2, "split into blocks:\n" + text);
        assertEquals(2 * blocks, lines.stream().filter(l -> l.startsWith("a-run") || l.startsWith("b-run-with-a-longer-name")).count(),
                "every block repeats the key column:\n" + text);
        assertTrue(text.contains("12.3") && !text.contains("12.35") && !text.contains("NaN"), "one decimal, NaN blank:\n" + text);
        assertTrue(text.contains("(unit:"), "headers are wrapped, not cut:\n" + text);
    }

    @Test
    void numbersAreRightAlignedAndLongTextWrapsWithoutLosingAnything() {
        String longName = "cross-emodb-2s-to-ravdess-relu-aug-public-4-train-scaler-onset1.5s-common-emodb-2s-ravdess-synthetic";
        Table t = Table.create("").addColumns(StringColumn.create("name", "alpha-run vs beta-run with a long explanation of what it compares", longName, "short"),
                IntColumn.create("n", 5, 7, 12345));
        String text = TextTable.render(t, 2);
        assertTrue(text.lines().allMatch(l -> l.length() <= TextTable.MAX_CELL + 2 + 5), text);
        String joined = text.lines().map(l -> l.replaceAll("\\s+\\d+$", "").strip()).reduce("", String::concat);
        assertTrue(joined.contains(longName), "every character of a long word survives, in order:\n" + text);
        assertTrue(text.contains("alpha-run vs beta-run"), text);
        List<String> rows = text.lines().filter(l -> l.matches(".*\\d+$") && !l.startsWith("-")).toList();
        assertEquals(3, rows.size(), "each number once, on its row's first line:\n" + text);
        assertTrue(rows.get(0).endsWith("    5") && rows.get(2).endsWith("12345"), "right-aligned:\n" + text);
        assertEquals(rows.get(0).length(), rows.get(2).length(), "aligned:\n" + text);
    }

    @Test
    void wrappingKeepsWordsWhole() {
        assertEquals(List.of("WA mean", "over seeds"), TextTable.wrap("WA mean over seeds", 10));
        assertEquals(List.of("averyveryverylongword"), TextTable.wrap("averyveryverylongword", 5));
    }

    @Test
    void everyBlockRepeatsTheLeadingTextColumnsThatNameARow() {
        Table t = Table.create("grid").addColumns(StringColumn.create("variant", "main", "no augmentation"),
                StringColumn.create("train", "ravdess", "emodb-2s"), StringColumn.create("test", "emodb-2s", "ravdess"));
        for (int k = 0; k < 8; k++) t.addColumns(DoubleColumn.create("UA 95% CI low (speakers→recordings) " + k, 12.3, 45.6));
        String text = TextTable.render(t, 1, 90);
        long blocks = text.lines().filter(l -> l.startsWith("----")).count();
        assertTrue(blocks >= 2, text);
        assertEquals(blocks, text.lines().filter(l -> l.startsWith("main") && l.contains("ravdess") && l.contains("emodb-2s")).count(),
                "each block names the row by all three key columns:\n" + text);
    }

    @Test
    void specificationsWrapAtSeparatorsNotInsideANamedValue() {
        String spec = "all[original;noise(rule=0.035*U*max,rate=0.035);pitch(n_steps=0.7,spread=0.0,impl=PHASE_VOCODER);"
                + "stretch(rate=0.8,spread=0.0,impl=PHASE_VOCODER);shift(max=5000.0samples,random=true,circular=true)]";
        List<String> lines = TextTable.wrapCell(spec);
        assertEquals(spec, String.join("", lines), "nothing lost");
        assertTrue(lines.stream().allMatch(l -> TextTable.len(l) <= TextTable.MAX_CELL), lines.toString());
        assertTrue(lines.stream().limit(lines.size() - 1).allMatch(l -> l.endsWith(",") || l.endsWith(";")), "breaks after ',' or ';': " + lines);
        assertTrue(lines.stream().noneMatch(l -> l.endsWith("PHASE_")), lines.toString());
    }
}
