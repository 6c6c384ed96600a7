package org.emoaugnet.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table as plain text a reader can scan in a notebook or a terminal: numbers right-aligned with a fixed number of
 * decimals, text left-aligned, long headers and long text cells wrapped onto several lines (nothing is cut), and
 * a table wider than the page split into column blocks that each repeat the key columns (the leading text columns that
 * name a row, as many as fit in half the width: "variant, train, test" rather than "variant" alone), as R and pandas
 * print wide data frames. Plain text because every Java kernel shows it the same way; the CSV files keep every value
 * unrounded.
 */
public final class TextTable {
    /** Characters per line before a table is split into blocks. */
    public static final int WIDTH = 116;
    /** Longest text cell shown on one line; longer ones wrap at spaces, or after '-', ',' or '_' within a long word. */
    public static final int MAX_CELL = 44;
    private static final String GAP = "  ";

    private TextTable() {}

    /** {@code t} with doubles at {@code decimals} decimals, at most {@link #WIDTH} characters per line. */
    public static String render(Table t, int decimals) {
        return render(t, decimals, WIDTH);
    }

    public static String render(Table t, int decimals, int width) {
        if (decimals < 0) throw new IllegalArgumentException("decimals must be >= 0, got " + decimals);
        List<Col> cols = new ArrayList<>();
        for (Column<?> c : t.columns()) cols.add(Col.of(c, decimals));
        StringBuilder sb = new StringBuilder();
        if (t.name() != null && !t.name().isBlank()) sb.append(t.name()).append('\n');
        if (cols.isEmpty()) return sb.append("(no columns)\n").toString();
        List<Col> key = keyColumns(cols, width);
        int keyWidth = key.stream().mapToInt(c -> c.width).sum() + GAP.length() * Math.max(0, key.size() - 1);
        int i = 0;
        boolean first = true;
        while (i < cols.size()) {
            List<Col> block = new ArrayList<>();
            int used = 0;
            if (i >= key.size() && !key.isEmpty()) { block.addAll(key); used = keyWidth; }
            boolean any = false; // every block shows at least one column of its own, however wide
            while (i < cols.size()) {
                Col c = cols.get(i);
                int add = (block.isEmpty() ? 0 : GAP.length()) + c.width;
                if (any && used + add > width) break;
                block.add(c);
                used += add;
                any = true;
                i++;
            }
            if (!first) sb.append('\n');
            first = false;
            appendBlock(sb, block, t.rowCount());
        }
        if (t.rowCount() == 0) sb.append("(no rows)\n");
        return sb.toString();
    }

    /**
     * The columns every block repeats: the leading text columns, as many as fit in half the width together (the first
     * alone when it fits in a third and the second does not); none when even the first is wider than that.
     */
    static List<Col> keyColumns(List<Col> cols, int width) {
        List<Col> key = new ArrayList<>();
        int used = 0;
        for (Col c : cols) {
            int add = (key.isEmpty() ? 0 : GAP.length()) + c.width;
            if (c.numeric || used + add > (key.isEmpty() ? width / 3 : width / 2)) break;
            key.add(c);
            used += add;
        }
        return key.size() == cols.size() ? List.of() : key;
    }

    private static void appendBlock(StringBuilder sb, List<Col> block, int rows) {
        int headerLines = block.stream().mapToInt(c -> c.header.size()).max().orElse(1);
        for (int line = 0; line < headerLines; line++) {
            List<String> parts = new ArrayList<>();
            for (Col c : block) {
                int pad = headerLines - c.header.size(); // headers sit on the bottom line, next to the rule
                String h = line >= pad ? c.header.get(line - pad) : "";
                parts.add(c.numeric ? left(h, c.width, true) : left(h, c.width, false));
            }
            sb.append(stripRight(String.join(GAP, parts))).append('\n');
        }
        List<String> rule = new ArrayList<>();
        for (Col c : block) rule.add("-".repeat(c.width));
        sb.append(String.join(GAP, rule)).append('\n');
        for (int r = 0; r < rows; r++) {
            int lines = 1;
            for (Col c : block) lines = Math.max(lines, c.cells.get(r).size());
            for (int line = 0; line < lines; line++) {
                List<String> parts = new ArrayList<>();
                for (Col c : block) {
                    List<String> cell = c.cells.get(r);
                    parts.add(left(line < cell.size() ? cell.get(line) : "", c.width, c.numeric));
                }
                sb.append(stripRight(String.join(GAP, parts))).append('\n');
            }
        }
    }

    private static String left(String s, int width, boolean alignRight) {
        int n = s.codePointCount(0, s.length());
        if (n >= width) return s;
        String pad = " ".repeat(width - n);
        return alignRight ? pad + s : s + pad;
    }

    private static String stripRight(String s) {
        int e = s.length();
        while (e > 0 && s.charAt(e - 1) == ' ') e--;
        return s.substring(0, e);
    }

    static int len(String s) { return s.codePointCount(0, s.length()); }

    /** Word-wraps {@code text} into lines of at most {@code width} characters (a longer word gets a line of its own). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && len(line.toString()) + 1 + len(word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /**
     * A text cell in lines of at most {@link #MAX_CELL} characters: words kept whole where they fit; a longer word is
     * broken after a separator, preferring the last ',' or ';' that fits, then '/' or '-', and '_' or a hard cut only
     * where nothing else does (so a specification such as {@code impl=PHASE_VOCODER} stays whole).
     */
    static List<String> wrapCell(String s) {
        if (len(s) <= MAX_CELL) return List.of(s);
        record Piece(String text, boolean glued) {} // glued: the rest of a word broken before it
        List<Piece> pieces = new ArrayList<>();
        for (String word : s.trim().split("\\s+")) {
            boolean rest = false;
            while (len(word) > MAX_CELL) {
                int cut = -1;
                for (String separators : List.of(",;", "/-", "_"))
                    for (int k = Math.min(word.length() - 1, MAX_CELL - 1); k > MAX_CELL / 3 && cut < 0; k--)
                        if (separators.indexOf(word.charAt(k)) >= 0) cut = k + 1;
                if (cut < 0) cut = word.offsetByCodePoints(0, MAX_CELL);
                pieces.add(new Piece(word.substring(0, cut), rest));
                word = word.substring(cut);
                rest = true;
            }
            pieces.add(new Piece(word, rest));
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (Piece p : pieces) {
            String sep = line.length() == 0 || p.glued() ? "" : " ";
            if (line.length() > 0 && len(line.toString()) + sep.length() + len(p.text()) > MAX_CELL) {
                lines.add(line.toString());
                line.setLength(0);
                sep = "";
            }
            line.append(sep).append(p.text());
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }

    record Col(List<String> header, List<List<String>> cells, int width, boolean numeric) {
        static Col of(Column<?> c, int decimals) {
            boolean numeric = c instanceof NumericColumn<?>;
            boolean integral = numeric && !(c instanceof tech.tablesaw.api.DoubleColumn) && !(c instanceof tech.tablesaw.api.FloatColumn);
            List<List<String>> cells = new ArrayList<>(c.size());
            for (int i = 0; i < c.size(); i++) {
                String s;
                if (c.isMissing(i)) s = "";
                else if (numeric && !integral) {
                    double v = ((NumericColumn<?>) c).getDouble(i);
                    s = Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
                } else if (c instanceof BooleanColumn b) s = b.get(i) ? "yes" : "no";
                else {
                    cells.add(wrapCell(c.getString(i).replace('\n', ' ')));
                    continue;
                }
                cells.add(List.of(s));
            }
            int cellWidth = cells.stream().flatMap(List::stream).mapToInt(TextTable::len).max().orElse(0);
            String name = c.name();
            int longestWord = 0;
            for (String w : name.trim().split("\\s+")) longestWord = Math.max(longestWord, len(w));
            int width = len(name) <= Math.max(cellWidth, 12) ? Math.max(cellWidth, len(name)) : Math.max(cellWidth, Math.max(longestWord, 12));
            List<String> header = wrap(name, width);
            width = Math.max(width, header.stream().mapToInt(TextTable::len).max().orElse(0));
            return new Col(header, cells, width, numeric);
        }
    }
}
