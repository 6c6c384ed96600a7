package org.emoaugnet.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.emoaugnet.util.AtomicFiles;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The README's result tables, rendered from the committed CSV files so that no number in them is typed by hand.
 * A block {@code <!-- csv:results/ravdess/02-ablation-si.csv -->} … {@code <!-- /csv -->} is replaced by the table of
 * that file; the renderer is chosen by the file's name (ablation, cross-corpus grid, robustness).
 */
public final class ReadmeTables {
    static final Pattern BLOCK = Pattern.compile("<!-- csv:(\\S+) -->\\n.*?<!-- /csv -->", Pattern.DOTALL);

    private ReadmeTables() {}

    /** Re-renders every block of {@code readme} from the CSV it names (relative to {@code projectRoot}); returns the new text. */
    public static String render(String readme, Path projectRoot) throws IOException {
        Matcher m = BLOCK.matcher(readme);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Path csv = projectRoot.resolve(m.group(1));
            if (!Files.isRegularFile(csv)) throw new IOException("README.md names " + m.group(1) + ", which does not exist");
            m.appendReplacement(out, Matcher.quoteReplacement("<!-- csv:" + m.group(1) + " -->\n" + table(csv) + "<!-- /csv -->"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Rewrites the README in place; returns whether it changed. */
    public static boolean update(Path readme, Path projectRoot) throws IOException {
        String before = Files.readString(readme), after = render(before, projectRoot);
        if (after.equals(before)) return false;
        AtomicFiles.writeString(readme, after);
        return true;
    }

    /** The Markdown table of one result CSV. */
    static String table(Path csv) throws IOException {
        String name = csv.getFileName().toString();
        List<Map<String, String>> rows = read(csv);
        if (name.startsWith("02-ablation-")) return ablation(rows);
        if (name.equals("05-cross-corpus.csv")) return crossCorpus(rows);
        if (name.equals("05-robustness.csv")) return robustness(rows);
        if (name.equals("05-robustness-augmentation.csv")) return augmentationEffect(rows);
        if (name.startsWith("compare-") && !name.endsWith("-environment.csv")) return throughput(rows);
        throw new IOException("no README table is defined for " + csv);
    }

    /**
     * {@code emoaug bench compare}'s repeats as medians per side (samples per second) and each side's ratio to the
     * PyTorch twin's medians.
     */
    static String throughput(List<Map<String, String>> rows) {
        Map<String, List<double[]>> bySide = new LinkedHashMap<>();
        for (Map<String, String> r : rows)
            bySide.computeIfAbsent(r.get("side"), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(r.get("train_samples_per_s")), Double.parseDouble(r.get("infer_samples_per_s"))});
        Map<String, double[]> med = new LinkedHashMap<>();
        bySide.forEach((side, v) -> med.put(side, new double[] {median(v, 0), median(v, 1), v.size()}));
        double[] torch = med.get("pytorch");
        StringBuilder b = new StringBuilder("| side | repeats | train (samples/s, median) | inference (samples/s, median) | train / PyTorch | inference / PyTorch |\n|---|---|---|---|---|---|\n");
        for (var e : med.entrySet()) {
            double[] m = e.getValue();
            String name = switch (e.getKey()) {
                case "dl4j-fused" -> "DL4J, fused trainer (what the studies use)";
                case "dl4j-fit" -> "DL4J's own fit / output";
                case "pytorch" -> "PyTorch twin";
                default -> e.getKey();
            };
            b.append("| ").append(name).append(" | ").append((int) m[2]).append(" | ").append(String.format(Locale.ROOT, "%.1f", m[0])).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", m[1])).append(" | ")
                    .append(torch == null ? "–" : String.format(Locale.ROOT, "**%.2f**", m[0] / torch[0])).append(" | ")
                    .append(torch == null ? "–" : String.format(Locale.ROOT, "**%.2f**", m[1] / torch[1])).append(" |\n");
        }
        return b.toString();
    }

    private static double median(List<double[]> v, int i) {
        return org.emoaugnet.eval.Statistics.quantile(v.stream().mapToDouble(a -> a[i]).sorted().toArray(), 0.5);
    }

    static List<Map<String, String>> read(Path csv) throws IOException {
        Table t = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypesToDetect(List.of(ColumnType.STRING)));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            Map<String, String> r = new LinkedHashMap<>();
            for (String c : t.columnNames()) r.put(c, t.stringColumn(c).get(i));
            rows.add(r);
        }
        return rows;
    }

    static String ablation(List<Map<String, String>> rows) {
        boolean paired = rows.stream().anyMatch(r -> !r.get("ΔUA vs none (points)").isEmpty());
        StringBuilder b = new StringBuilder();
        b.append(paired ? "| recipe | copies per file | runs | UA mean ± sd (%) | UA pooled [95 % CI] | ΔUA vs none [95 % CI] | p permutation / McNemar (items) |\n|---|---|---|---|---|---|---|\n"
                : "| recipe | copies per file | runs | UA (%) | UA pooled [95 % CI] |\n|---|---|---|---|---|\n");
        for (Map<String, String> r : rows) {
            b.append("| `").append(r.get("condition")).append("` | ").append(r.get("copies_per_file")).append(" | ").append(r.get("runs")).append(" | ")
                    .append(r.get("UA mean ± sd (%)")).append(" | ").append(ci(r, "UA pooled (%)", "UA 95% CI low", "UA 95% CI high", "%.1f"));
            if (paired) {
                String d = r.get("ΔUA vs none (points)");
                b.append(" | ").append(d.isEmpty() ? "reference" : ci(r, "ΔUA vs none (points)", "ΔUA 95% CI low", "ΔUA 95% CI high", "%+.1f"))
                        .append(" | ").append(d.isEmpty() ? "" : f("%.3f", r.get("p permutation (items)")) + " / " + f("%.3f", r.get("p McNemar (items)")));
            }
            b.append(" |\n");
        }
        return b.toString();
    }

    /** One row per variant, one column per (train → test) cell in the grid's order; cells "UA [low, high]". */
    static String crossCorpus(List<Map<String, String>> rows) {
        return pivot(rows, "variant", r -> r.get("variant"),
                r -> r.get("train").equals(r.get("test")) ? r.get("train") + " (within)" : r.get("train") + " → " + r.get("test"), ReadmeTables::ua);
    }

    /** One row per condition, one column per model; cells "UA [low, high]". */
    static String robustness(List<Map<String, String>> rows) {
        return pivot(rows, "condition", r -> r.get("condition"), r -> r.get("model"), ReadmeTables::ua);
    }

    /** One row per condition, one column per activation; cells "ΔUA [low, high], p permutation / McNemar". */
    static String augmentationEffect(List<Map<String, String>> rows) {
        return pivot(rows, "condition", r -> r.get("condition"), r -> r.get("activation") + ": ΔUA public-4 − none [95 % CI], p permutation / McNemar",
                r -> ci(r, "ΔUA A−B (points)", "ΔUA 95% CI low", "ΔUA 95% CI high", "%+.1f")
                        + ", p " + f("%.3f", r.get("p permutation")) + " / " + f("%.3f", r.get("p McNemar")));
    }

    private static String ua(Map<String, String> r) { return ci(r, "UA (%)", "UA 95% CI low", "UA 95% CI high", "%.1f"); }

    /** A table of {@code cell} texts, rows and columns in order of first appearance; "–" where no row gives a cell. */
    static String pivot(List<Map<String, String>> rows, String rowTitle, Function<Map<String, String>, String> rowKey,
                        Function<Map<String, String>, String> colKey, Function<Map<String, String>, String> cell) {
        List<String> rs = new ArrayList<>(), cs = new ArrayList<>();
        Map<String, String> v = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            String rk = rowKey.apply(r), ck = colKey.apply(r);
            if (!rs.contains(rk)) rs.add(rk);
            if (!cs.contains(ck)) cs.add(ck);
            v.put(rk + "|" + ck, cell.apply(r));
        }
        StringBuilder b = new StringBuilder("| ").append(rowTitle).append(" | ").append(String.join(" | ", cs)).append(" |\n|---|");
        b.append("---|".repeat(cs.size())).append('\n');
        for (String rk : rs) {
            b.append("| ").append(rk);
            for (String ck : cs) b.append(" | ").append(v.getOrDefault(rk + "|" + ck, "–"));
            b.append(" |\n");
        }
        return b.toString();
    }

    private static String ci(Map<String, String> r, String est, String lo, String hi, String fmt) {
        return f(fmt, r.get(est)) + " [" + f(fmt, r.get(lo)) + ", " + f(fmt, r.get(hi)) + "]";
    }

    private static String f(String fmt, String v) { return String.format(Locale.ROOT, fmt, Double.parseDouble(v)); }
}
