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
                b.append(String.format(Locale.ROOT, "%n  - %s %s %.2f: %s.", r.activation().equals("relu") ? "ReLU" : "ELU", r.metric(), r.paper(), r.verdict().text()));
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

    /** Robustness in one bullet: per activation, the conditions where public-4 differs from none after Holm. */
    static String robustness(Table t) {
        StringBuilder b = new StringBuilder("**Robustness, RAVDESS** (notebook 05, `results/ravdess/05-robustness-augmentation.csv`; public-4 − no augmentation "
                + "on degraded test speech, Holm over the conditions of each activation):");
        for (String act : t.stringColumn("activation").unique().asList()) {
            Table part = t.where(t.stringColumn("activation").isEqualTo(act));
            List<String> items = new ArrayList<>();
            String clean = "";
            int seeds = 0;
            double smallest = Double.NaN;
            for (int i = 0; i < part.rowCount(); i++) {
                if (part.intColumn("units").get(i) > seeds) {
                    seeds = part.intColumn("units").get(i);
                    smallest = part.doubleColumn("smallest attainable p").getDouble(i);
                }
                if (part.stringColumn("comparison").get(i).equals("clean"))
                    clean = String.format(Locale.ROOT, "; on clean speech %+.1f [%+.1f, %+.1f] (Holm p %.3f)", part.doubleColumn("Δ over recordings (points)").getDouble(i),
                            part.doubleColumn("Δ 95% CI low (speakers→recordings)").getDouble(i), part.doubleColumn("Δ 95% CI high (speakers→recordings)").getDouble(i),
                            part.doubleColumn("p Holm (speakers→recordings)").getDouble(i));
                double p = part.doubleColumn("p Holm (speakers→recordings)").getDouble(i);
                if (Double.isNaN(p) || p >= 0.05) continue;
                items.add(String.format(Locale.ROOT, "%s %+.1f [%+.1f, %+.1f]", part.stringColumn("comparison").get(i), part.doubleColumn("Δ over recordings (points)").getDouble(i),
                        part.doubleColumn("Δ 95% CI low (speakers→recordings)").getDouble(i), part.doubleColumn("Δ 95% CI high (speakers→recordings)").getDouble(i)));
            }
            b.append(String.format(Locale.ROOT, "%n  - %s, %d seed(s) per model on actor fold 1: %s%s; at the run level (unit: seed) the smallest attainable p is %.3f.",
                    act.equals("relu") ? "ReLU" : "ELU", seeds,
                    items.isEmpty() ? "no condition differs over recordings after Holm" : "over recordings (speakers→recordings interval, Holm p < 0.05): " + String.join("; ", items),
                    clean, smallest));
        }
        return b.toString();
    }

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
    static final java.util.Set<String> INTEGERS = java.util.Set.of("runs", "planned runs", "converged runs", "units", "paired runs", "unconverged runs",
            "copies_per_file", "train_rows_per_run", "samples_per_epoch", "test_items", "folds", "test recordings", "test speakers");

    static final java.util.Set<String> TEXT = java.util.Set.of("condition", "comparison", "run-level unit", "Δ per unit (points)", "activation", "variant",
            "train", "test", "kind", "experiment", "protocol", "model", "degradation", "seeds");

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
