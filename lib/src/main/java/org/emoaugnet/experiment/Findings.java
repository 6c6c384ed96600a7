package org.emoaugnet.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emoaugnet.util.AtomicFiles;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The README's findings, built as sentences from the ledger and the committed result tables, never typed: each
 * finding names the runs, seeds, folds and units behind it and the file it comes from. {@link #updateReadme}
 * replaces the block between {@code <!-- findings:start -->} and {@code <!-- findings:end -->}; a test checks that the
 * committed README holds exactly what the committed results give.
 */
public final class Findings {
    static final String START = "<!-- findings:start -->", END = "<!-- findings:end -->";

    private Findings() {}

    /** The findings as Markdown bullets (one string each), from {@code projectRoot/results}. */
    public static List<String> build(Path projectRoot) throws IOException {
        Path results = projectRoot.resolve("results");
        List<String> out = new ArrayList<>();
        List<Ledger.Row> rows = Ledger.build(projectRoot, results.resolve("runs"));
        for (String corpus : rows.stream().map(Ledger.Row::corpus).distinct().toList()) {
            List<Ledger.Row> mine = rows.stream().filter(r -> r.corpus().equals(corpus)).toList();
            StringBuilder b = new StringBuilder("**" + org.emoaugnet.data.loaders.Corpora.displayName(corpus) + ", the paper's claims** (ledger below, `results/ledger.csv`):");
            if (mine.stream().map(r -> r.verdict().text()).distinct().count() == 1 && !mine.get(0).cells().values().stream().anyMatch(c -> c.hasRuns())) {
                out.add(b.append(' ').append(mine.get(0).verdict().text()).append('.').toString());   // one sentence when nothing ran
                continue;
            }
            for (Ledger.Row r : mine)
                b.append(String.format(Locale.ROOT, "%n  - %s %s %.2f, recipe `%s`: %s.", r.activation().equals("relu") ? "ReLU" : "ELU", r.metric(), r.paper(),
                        r.recipe(), r.verdict().text()));
            out.add(b.toString());
        }
        Path tests = results.resolve("ravdess/04-relu-vs-elu-tests.csv");
        if (Files.isRegularFile(tests)) {
            StringBuilder b = new StringBuilder("**ReLU vs ELU on RAVDESS** (notebook 04, `results/ravdess/04-relu-vs-elu-tests.csv`; Holm over the protocols):");
            for (String s : StudyReport.comparisonSentences(read(tests))) b.append("\n  - ").append(s);
            out.add(b.toString());
        }
        Path ablation = results.resolve("ravdess/02-ablation-si.csv");
        if (Files.isRegularFile(ablation)) out.add(ablation(read(ablation)));
        Path robust = results.resolve("ravdess/05-robustness-augmentation.csv");
        if (Files.isRegularFile(robust)) out.add(robustness(read(robust)));
        Path grid = results.resolve("cross-emodb-2s-ravdess-synthetic/05-cross-corpus.csv");
        if (Files.isRegularFile(grid)) out.add(crossCorpus(read(grid)));
        StringBuilder f = new StringBuilder("**Are the paper's WA/UA pairs possible?** (`results/LEDGER.md`, largest |WA − UA| the class counts allow):");
        for (String[] c : Ledger.consistency(projectRoot, results.resolve("runs")))
            f.append(String.format(Locale.ROOT, "%n  - %s %s WA %s / UA %s, %s against at most %s: %s (%s).", c[0], c[1].equals("relu") ? "ReLU" : "ELU",
                    c[2], c[3], c[4], c[5].isEmpty() ? "?" : c[5], c[6].replace("*", ""), c[7].replace("*", "")));
        out.add(f.toString());
        return out;
    }

    /** The ablation in one bullet: completeness, the recipes that differ from none after Holm at each unit, the best recipe. */
    static String ablation(Table t) {
        StringBuilder b = new StringBuilder("**Augmentation ablation, RAVDESS speaker-independent** (notebook 02, `results/ravdess/02-ablation-si.csv`):");
        for (String s : StudyReport.ablationSentences(t)) b.append("\n  - ").append(s);
        return b.toString();
    }

    /**
     * Robustness in one bullet per activation (each activation a family): the conditions where public-4 differs from
     * none by the primary test (paired t over seeds, Holm over the conditions), those that differ at the recording
     * level only, clean speech always with its verdict (its own sentence, beside its own interval), and the family's
     * power. Verdicts are worded by {@link org.emoaugnet.eval.TestVerdict} from the table's numbers.
     */
    static String robustness(Table t) {
        StringBuilder b = new StringBuilder("**Robustness, RAVDESS** (notebook 05, `results/ravdess/05-robustness-augmentation.csv`; public-4 − no augmentation "
                + "on degraded test speech; primary test: paired t over seeds, Holm over the conditions of each activation):");
        for (String act : t.stringColumn("activation").unique().asList()) {
            Table part = t.where(t.stringColumn("activation").isEqualTo(act));
            List<String> established = new ArrayList<>(), recordings = new ArrayList<>();
            String clean = "";
            int seeds = 0;
            for (int i = 0; i < part.rowCount(); i++) {
                seeds = Math.max(seeds, part.intColumn(TestColumns.UNITS).get(i));
                org.emoaugnet.eval.TestVerdict.Outcome v = org.emoaugnet.eval.TestVerdict.of(StudyReport.numbers(part, i));
                String cond = part.stringColumn(TestColumns.COMPARISON).get(i);
                String overSeeds = String.format(Locale.ROOT, "%s %+.1f [%s, %s]", cond, num(part, TestColumns.DELTA, i), signed(num(part, TestColumns.T_LOW, i)),
                        signed(num(part, TestColumns.T_HIGH, i)));
                if (cond.equals("clean"))
                    clean = String.format(Locale.ROOT, " On clean speech %+.1f over seeds [%s, %s]: %s.", num(part, TestColumns.DELTA, i),
                            signed(num(part, TestColumns.T_LOW, i)), signed(num(part, TestColumns.T_HIGH, i)), v.sentence());
                if (v.verdict() == org.emoaugnet.eval.TestVerdict.ESTABLISHED) established.add(overSeeds);
                else if (v.verdict() == org.emoaugnet.eval.TestVerdict.RECORDING_LEVEL_ONLY)
                    recordings.add(String.format(Locale.ROOT, "%s %+.1f [%s, %s]", cond, num(part, TestColumns.ITEM_DELTA, i),
                            signed(num(part, TestColumns.ITEM_LOW, i)), signed(num(part, TestColumns.ITEM_HIGH, i))));
            }
            b.append(String.format(Locale.ROOT, "%n  - %s, %d seed(s) per model on actor fold 1: %s; %s.%s %s", act.equals("relu") ? "ReLU" : "ELU", seeds,
                    established.isEmpty() ? "no condition's difference is established over seeds after Holm"
                            : "established over seeds (paired t, Holm p < 0.05; 95% t CI): " + String.join("; ", established),
                    recordings.isEmpty() ? "none differs at the recording level only"
                            : "at the recording level only (speakers→recordings 95% CI): " + String.join("; ", recordings),
                    clean, StudyReport.powerSentence(part)));
        }
        return b.toString();
    }

    private static double num(Table t, String column, int i) { return t.doubleColumn(column).isMissing(i) ? Double.NaN : t.doubleColumn(column).getDouble(i); }

    private static String signed(double v) { return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.1f", v); }

    /** The cross-corpus grid in one bullet: main variant, within against across corpora. */
    static String crossCorpus(Table t) {
        Table within = CrossCorpusStudy.mainCells(t, true), cross = CrossCorpusStudy.mainCells(t, false);
        int unconverged = CrossCorpusStudy.unconvergedCells(t);
        String convergence = unconverged > 0
                ? String.format(Locale.ROOT, "%d of the grid's %d cells have runs stopped at the cap while still improving, so the grid carries no verdict.", unconverged, t.rowCount())
                : String.format(Locale.ROOT, "every run of the grid's %d cells converged (stopped by early stopping).", t.rowCount());
        return String.format(Locale.ROOT, "**Across corpora** (notebook 05, `results/cross-emodb-2s-ravdess-synthetic/05-cross-corpus.csv`, one seed per cell, "
                        + "the studies' training budget): UA %.1f–%.1f %% within a corpus (speaker-independent, %d cells) against %.1f–%.1f %% across corpora (%d cells); %s",
                within.doubleColumn("UA (%)").min(), within.doubleColumn("UA (%)").max(), within.rowCount(), cross.doubleColumn("UA (%)").min(),
                cross.doubleColumn("UA (%)").max(), cross.rowCount(), convergence);
    }

    /** Columns of the result tables that hold counts; text columns are known by their names; every other column is a number. */
    static final java.util.Set<String> INTEGERS = union(TestColumns.INTEGERS, java.util.Set.of("runs", "planned runs", "converged runs",
            "copies_per_file", "train_rows_per_run", "samples_per_epoch", "test_items", "folds", "test recordings", "test speakers"));

    static final java.util.Set<String> TEXT = union(TestColumns.TEXT, java.util.Set.of("condition", "activation", "variant",
            "train", "test", "kind", "experiment", "protocol", "model", "degradation", "seeds", StudyReport.SAME_RUNS));

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return java.util.Set.copyOf(u);
    }

    /** A result CSV with its columns typed by name (never guessed from values, which may be empty or look like integers). */
    static Table read(Path csv) throws IOException {
        return Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypes(name -> INTEGERS.contains(name) ? ColumnType.INTEGER
                : TEXT.contains(name) || name.contains("±") || name.contains("t CI (unit") || name.contains("95% CI (resamples") ? ColumnType.STRING : ColumnType.DOUBLE));
    }

    /** The findings block as it belongs in the README. */
    public static String block(Path projectRoot) throws IOException {
        StringBuilder b = new StringBuilder(START).append("\n");
        for (String f : build(projectRoot)) b.append("- ").append(f).append('\n');
        return b.append(END).toString();
    }

    /** Replaces the findings block of {@code readme}; false (nothing written) without the markers. */
    public static boolean updateReadme(Path readme, Path projectRoot) throws IOException {
        String text = Files.readString(readme);
        int a = text.indexOf(START), z = text.indexOf(END);
        if (a < 0 || z < a) return false;
        AtomicFiles.writeString(readme, text.substring(0, a) + block(projectRoot) + text.substring(z + END.length()));
        return true;
    }
}
