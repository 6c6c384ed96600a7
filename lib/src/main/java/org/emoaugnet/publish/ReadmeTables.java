package org.emoaugnet.publish;

import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.TestColumns;

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
 * that file; the renderer is chosen by the file's name ({@link StudyOutputs}: ablation, cross-corpus grid, robustness).
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
            if (!Files.isRegularFile(csv)) throw new IOException("a CSV block names " + m.group(1) + ", which does not exist");
            m.appendReplacement(out, Matcher.quoteReplacement("<!-- csv:" + m.group(1) + " -->\n" + table(csv) + "<!-- /csv -->"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The documentation pages whose CSV blocks are rendered like the README's, relative to the project root. */
    public static final List<String> PAGES = List.of("README.md", "docs/benchmarks.md");

    /** Rewrites every page of {@link #PAGES} that exists in place; returns whether any changed. */
    public static boolean updateAll(Path projectRoot) throws IOException {
        boolean changed = false;
        for (String page : PAGES) if (Files.isRegularFile(projectRoot.resolve(page))) changed |= update(projectRoot.resolve(page), projectRoot);
        return changed;
    }

    /** Rewrites one page in place; returns whether it changed. */
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
        if (StudyOutputs.isAblation(name)) return ablation(rows);
        if (name.equals(StudyOutputs.RELU_ELU)) return study(rows);
        if (name.equals(StudyOutputs.RELU_ELU_TESTS)) return tests(rows, TestColumns.COMPARISON);
        if (name.equals(StudyOutputs.CROSS_CORPUS)) return crossCorpus(rows);
        if (name.equals(StudyOutputs.ROBUSTNESS)) return robustness(rows);
        if (name.equals(StudyOutputs.ROBUSTNESS_AUGMENTATION)) return augmentationEffect(rows);
        if (StudyOutputs.isBenchCompare(name)) {
            Path env = csv.resolveSibling(StudyOutputs.benchEnvironment(name.substring(0, name.length() - ".csv".length())));
            Map<String, String> e = new LinkedHashMap<>();
            if (Files.isRegularFile(env)) for (Map<String, String> r : read(env)) e.put(r.get("key"), r.get("value"));
            return throughput(rows, machine(e));
        }
        throw new IOException("no README table is defined for " + csv);
    }

    /**
     * The machine a benchmark ran on, from its environment file: processor and instruction sets, the OpenBLAS kernels
     * and native threads, the date, and the load (the 1-minute load average before it, and whether other work was
     * running: {@code bench}'s load_warning); "not recorded" without a file.
     */
    static String machine(Map<String, String> env) {
        if (env.isEmpty()) return "not recorded";
        List<String> parts = new ArrayList<>();
        parts.add(env.getOrDefault("cpu", "unknown processor") + (env.containsKey("cpu_simd") ? ", " + env.get("cpu_simd") : ""));
        parts.add("OPENBLAS_CORETYPE=" + env.getOrDefault("env.OPENBLAS_CORETYPE", "unrecorded") + ", OMP_NUM_THREADS="
                + env.getOrDefault("env.OMP_NUM_THREADS", "unrecorded"));
        if (env.containsKey("date")) parts.add(env.get("date"));
        String before = env.containsKey("load_average_before") ? env.get("load_average_before") : env.get("load_average_at_start");
        if (before != null) {
            String one = before.trim().split("\\s+")[0];
            boolean above = false;
            try {
                above = Double.parseDouble(one) > 0.5;
            } catch (NumberFormatException e) {
                // "unknown": nothing to judge
            }
            parts.add("load " + one + " at start" + (env.getOrDefault("load_warning", "").startsWith("yes") ? ", other work running (load_warning)"
                    : !env.containsKey("load_warning") && above ? ", above 0.5" : ""));
        }
        return String.join("; ", parts);
    }

    /**
     * {@code emoaug bench compare}'s repeats as medians per side (samples per second) and each side's ratio to the
     * PyTorch twin's medians, with the machine every row ran on ({@link #machine}: the sides of one file ran side by
     * side on one machine).
     */
    static String throughput(List<Map<String, String>> rows, String machine) {
        Map<String, List<double[]>> bySide = new LinkedHashMap<>();
        for (Map<String, String> r : rows)
            bySide.computeIfAbsent(r.get(ResultColumns.SIDE), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(r.get(ResultColumns.TRAIN_SAMPLES_PER_S)), Double.parseDouble(r.get(ResultColumns.INFER_SAMPLES_PER_S))});
        Map<String, double[]> med = new LinkedHashMap<>();
        bySide.forEach((side, v) -> med.put(side, new double[] {median(v, 0), median(v, 1), v.size()}));
        double[] torch = med.get("pytorch");
        StringBuilder b = new StringBuilder("| side | repeats | train (samples/s, median) | inference (samples/s, median) | train / PyTorch | inference / PyTorch | "
                + "machine |\n|---|---|---|---|---|---|---|\n");
        for (var e : med.entrySet()) {
            double[] m = e.getValue();
            String name = switch (e.getKey()) {
                case "dl4j-fused" -> "DL4J, fused trainer (what the studies use)";
                case "dl4j-fit" -> "DL4J's own fit / output";
                case "pytorch" -> "PyTorch twin";
                default -> e.getKey().startsWith("dl4j-fused-threads-")
                        ? "DL4J, fused trainer, " + e.getKey().substring("dl4j-fused-threads-".length()) + " threads asked"
                        : e.getKey();
            };
            b.append("| ").append(name).append(" | ").append((int) m[2]).append(" | ").append(String.format(Locale.ROOT, "%.1f", m[0])).append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f", m[1])).append(" | ")
                    .append(torch == null ? "–" : String.format(Locale.ROOT, "**%.2f**", m[0] / torch[0])).append(" | ")
                    .append(torch == null ? "–" : String.format(Locale.ROOT, "**%.2f**", m[1] / torch[1])).append(" | ").append(machine).append(" |\n");
        }
        return b.toString();
    }

    private static double median(List<double[]> v, int i) {
        return org.emoaugnet.eval.Statistics.quantile(v.stream().mapToDouble(a -> a[i]).sorted().toArray(), 0.5);
    }

    /** The rows of a CSV file, every cell as text (missing cells as ""): the benchmark files, read by the ledger and by bench. */
    public static List<Map<String, String>> read(Path csv) throws IOException {
        Table t = Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypesToDetect(List.of(ColumnType.STRING)));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            Map<String, String> r = new LinkedHashMap<>();
            for (String c : t.columnNames()) r.put(c, t.stringColumn(c).get(i));
            rows.add(r);
        }
        return rows;
    }

    /** Header cells of the test columns ({@link #testCells}), shared by every table that shows a comparison. */
    private static final String TEST_HEADER = "Δ over units [95 % t CI] (units) | p paired t / Holm (primary) | p sign-flip / Holm, floor after Holm (check) | "
            + "minimal detectable Δ, 80 % power (units for " + String.format(Locale.ROOT, "%.1f", Comparison.EFFECT_THAT_MATTERS) + " points) | "
            + "Δ over recordings [95 % CI] | p / Holm (speakers→recordings) | verdict";

    /**
     * The ablation: per recipe its runs (of planned, converged), samples per epoch, UA over runs and over recordings,
     * the experiments holding the same runs, and against 'none' the test cells ({@link #testCells}).
     */
    static String ablation(List<Map<String, String>> rows) {
        StringBuilder b = new StringBuilder("| recipe | copies per file | runs (planned, converged) | samples per epoch | UA mean ± sd over runs (%) | "
                + "UA over recordings [95 % CI, speakers→recordings] | same runs also under | " + TEST_HEADER + " |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, String> r : rows) {
            boolean ref = r.get(TestColumns.DELTA).isEmpty();
            String same = r.getOrDefault(ResultColumns.SAME_RUNS, "");
            if ("0".equals(r.get(ResultColumns.RUNS))) {
                b.append("| `").append(r.get(ResultColumns.CONDITION)).append("` | ").append(r.get(ResultColumns.COPIES_PER_FILE)).append(" | 0 (").append(r.get(ResultColumns.PLANNED_RUNS))
                        .append(", 0) | | not run yet | | | | | | | | | |\n");
                continue;
            }
            b.append("| `").append(r.get(ResultColumns.CONDITION)).append("` | ").append(r.get(ResultColumns.COPIES_PER_FILE)).append(" | ").append(r.get(ResultColumns.RUNS)).append(" (")
                    .append(r.get(ResultColumns.PLANNED_RUNS)).append(", ").append(r.get(ResultColumns.CONVERGED_RUNS)).append(") | ").append(r.get(ResultColumns.SAMPLES_PER_EPOCH)).append(" | ")
                    .append(r.get(ResultColumns.UA_OVER_RUNS)).append(" | ").append(r.get(ResultColumns.UA_OVER_RECORDINGS)).append(" | ")
                    .append(same == null ? "" : same).append(" | ");
            if (ref) b.append("reference | | | | | | |\n");
            else b.append(testCells(r)).append(" |\n");
        }
        return b.toString();
    }

    /**
     * The test cells of one comparison row ({@link StudyReport#comparisonTable}): the primary paired t-test (Δ with its
     * t interval, units, p and Holm p), the sign-flip check with its Holm-adjusted floor, the power (minimal detectable
     * Δ and the units the Δ that matters would need), the item level, and the verdict's label.
     */
    private static String testCells(Map<String, String> r) {
        String needed = r.get(TestColumns.UNITS_NEEDED);
        return ci(r, TestColumns.DELTA, TestColumns.T_LOW, TestColumns.T_HIGH, "%+.1f") + " (" + r.get(TestColumns.UNITS) + " " + r.get(TestColumns.UNIT) + "s) | "
                + p(r.get(TestColumns.P_T)) + " / " + p(r.get(TestColumns.P_T_HOLM)) + " | "
                + p(r.get(TestColumns.P_SIGN)) + " / " + p(r.get(TestColumns.P_SIGN_HOLM)) + ", " + p(r.get(TestColumns.P_SIGN_FLOOR_HOLM)) + " | "
                + f("%.1f", r.get(TestColumns.MDE)) + " (" + (needed == null || needed.isEmpty() ? "> 1000 or unknown" : needed) + ") | "
                + ci(r, TestColumns.ITEM_DELTA, TestColumns.ITEM_LOW, TestColumns.ITEM_HIGH, "%+.1f") + " | "
                + p(r.get(TestColumns.P_ITEM)) + " / " + p(r.get(TestColumns.P_ITEM_HOLM)) + " | "
                + verdict(r);
    }

    /**
     * The verdict label of a test row, from its own columns: the verdict's name and its minimal detectable Δ
     * ({@link org.emoaugnet.eval.TestVerdict#label(double)}); a CSV written before verdicts were recorded is named as stale.
     */
    private static String verdict(Map<String, String> r) {
        String v = r.get(TestColumns.VERDICT);
        if (v == null || v.isEmpty())
            throw new IllegalArgumentException("a test table row (" + r.get(TestColumns.COMPARISON) + ") has no '" + TestColumns.VERDICT
                    + "' column: the CSV predates verdicts; re-run the notebook that writes it");
        String mde = r.get(TestColumns.MDE);
        return org.emoaugnet.eval.TestVerdict.valueOf(v).label(mde == null || mde.isEmpty() ? Double.NaN : Double.parseDouble(mde));
    }

    /** A comparison table: one row per comparison, its test cells ({@link #testCells}). */
    static String tests(List<Map<String, String>> rows, String key) {
        StringBuilder b = new StringBuilder("| comparison | paired runs (unconverged) | " + TEST_HEADER + " |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Map<String, String> r : rows)
            b.append("| ").append(r.get(key)).append(" | ").append(r.get(TestColumns.PAIRED_RUNS)).append(" (").append(r.get(TestColumns.UNCONVERGED)).append(") | ")
                    .append(testCells(r)).append(" |\n");
        return b.toString();
    }

    /** The study table: per experiment its runs, seeds, both intervals of WA and UA (%, one decimal), and the experiments holding the same runs. */
    static String study(List<Map<String, String>> rows) {
        StringBuilder b = new StringBuilder("| experiment | runs (converged) | seeds × folds | WA mean over seeds [95 % t CI] | WA over recordings [95 % CI, speakers→recordings] | "
                + "UA mean over seeds [95 % t CI] | UA over recordings [95 % CI, speakers→recordings] | same runs also under |\n|---|---|---|---|---|---|---|---|\n");
        for (Map<String, String> r : rows)
            b.append("| ").append(r.get(ResultColumns.EXPERIMENT)).append(" | ").append(r.get(ResultColumns.RUNS)).append(" (").append(r.get(ResultColumns.CONVERGED_RUNS)).append(") | ")
                    .append(r.get(ResultColumns.SEEDS).split(",").length).append(" × ").append(r.get(ResultColumns.FOLDS)).append(" | ").append(r.get(ResultColumns.WA_OVER_SEEDS))
                    .append(" | ").append(r.get(ResultColumns.WA_OVER_RECORDINGS)).append(" | ").append(r.get(ResultColumns.UA_OVER_SEEDS)).append(" | ")
                    .append(r.get(ResultColumns.UA_OVER_RECORDINGS)).append(" | ").append(r.getOrDefault(ResultColumns.SAME_RUNS, "")).append(" |\n");
        return b.toString();
    }

    /** One row per variant, one column per (train → test) cell in the grid's order; cells "UA [low, high]". */
    static String crossCorpus(List<Map<String, String>> rows) {
        return pivot(rows, "variant", r -> r.get(ResultColumns.VARIANT),
                r -> r.get(ResultColumns.TRAIN).equals(r.get(ResultColumns.TEST)) ? r.get(ResultColumns.TRAIN) + " (within)" : r.get(ResultColumns.TRAIN) + " → " + r.get(ResultColumns.TEST), ReadmeTables::ua);
    }

    /** One row per condition, one column per model; cells "UA mean over seeds (seeds) [speaker→recording 95 % CI]". */
    static String robustness(List<Map<String, String>> rows) {
        return pivot(rows, "condition", r -> r.get(ResultColumns.CONDITION), r -> r.get(ResultColumns.MODEL) + ": UA mean over seeds [95 % CI over recordings]",
                r -> f("%.1f", r.get(ResultColumns.UA)) + " (" + r.get(ResultColumns.SEEDS) + ") [" + f("%.1f", r.get(ResultColumns.UA_LOW)) + ", "
                        + f("%.1f", r.get(ResultColumns.UA_HIGH)) + "]");
    }

    /**
     * One row per condition, one column per activation; cells: Δ over seeds with its t interval and the paired t-test's
     * Holm p (primary), the minimal detectable Δ, Δ over recordings with its Holm p, and the verdict's label.
     */
    static String augmentationEffect(List<Map<String, String>> rows) {
        return pivot(rows, "condition", r -> r.get(TestColumns.COMPARISON), r -> r.get(ResultColumns.ACTIVATION)
                        + ": ΔUA public-4 − none over seeds [t CI], paired t Holm p, minimal detectable Δ; over recordings [CI], Holm p; verdict",
                r -> ci(r, TestColumns.DELTA, TestColumns.T_LOW, TestColumns.T_HIGH, "%+.1f") + ", " + p(r.get(TestColumns.P_T_HOLM)) + ", "
                        + f("%.1f", r.get(TestColumns.MDE)) + "; " + ci(r, TestColumns.ITEM_DELTA, TestColumns.ITEM_LOW, TestColumns.ITEM_HIGH, "%+.1f")
                        + ", " + p(r.get(TestColumns.P_ITEM_HOLM)) + "; " + verdict(r));
    }

    private static String p(String v) { return v == null || v.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.3f", Double.parseDouble(v)); }

    private static String ua(Map<String, String> r) {
        String conv = r.get(ResultColumns.CONVERGED_RUNS), runs = r.get(ResultColumns.RUNS);
        boolean all = conv == null || conv.isEmpty() || conv.equals(runs);
        return ci(r, ResultColumns.UA, ResultColumns.UA_LOW, ResultColumns.UA_HIGH, "%.1f")
                + (all ? "" : " (" + (Integer.parseInt(runs) - Integer.parseInt(conv)) + " of " + runs + " runs not converged)");
    }

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
        String l = r.get(lo), h = r.get(hi);
        boolean none = l == null || l.isEmpty() || l.equals("NaN");
        return f(fmt, r.get(est)) + (none ? " [n/a]" : " [" + f(fmt, l) + ", " + f(fmt, h) + "]");
    }

    private static String f(String fmt, String v) {
        return v == null || v.isEmpty() || v.equals("NaN") ? "n/a" : String.format(Locale.ROOT, fmt, Double.parseDouble(v));
    }
}
