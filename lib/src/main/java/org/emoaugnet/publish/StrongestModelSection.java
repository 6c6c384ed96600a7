package org.emoaugnet.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emoaugnet.evidence.PublishedAnchors;
import org.emoaugnet.evidence.ResultColumns;
import tech.tablesaw.api.Table;

/**
 * Notebook 06's part of the README's findings and of the ledger's "beyond the paper" section, from its committed
 * tables: the results table ({@code results/ravdess/06-results.csv}, {@link org.emoaugnet.design.StrongestModel#results})
 * as one Markdown section (per row the fold set, the network(s), runs and how many converged, UA over seeds with its t
 * interval and over recordings with its speakers → recordings interval, and the latest nested winner's test against
 * its baseline; then the published anchors, each with its fold set, as a table), the nested winners against their
 * baselines as a family of tests ({@link org.emoaugnet.design.StrongestModel#baselineTest}), and the paper's two
 * questions at the first search's pooled choice, headed with that choice's network as its tables name it.
 * {@link #headline} (the results and the baseline test) is held to {@link #WORD_BUDGET} words outside its tables.
 */
public final class StrongestModelSection {
    private StrongestModelSection() {}

    /** The tables the section and the findings read, relative to {@code results/}. */
    public static final String RESULTS = StudyOutputs.path("ravdess", StudyOutputs.STRONG_RESULTS),
            VS_BASELINE = StudyOutputs.path("ravdess", StudyOutputs.STRONG_BASELINE_TEST),
            ANCHORS = StudyOutputs.path("ravdess", StudyOutputs.STRONG_ANCHORS),
            RELU_ELU = StudyOutputs.path("ravdess", StudyOutputs.STRONG_RELU_ELU), AUGMENTATION = StudyOutputs.path("ravdess", StudyOutputs.STRONG_AUGMENTATION);

    /** The most words {@link #headline} may hold outside its table lines (those starting with {@code |}). */
    public static final int WORD_BUDGET = 110;

    /**
     * The results section and, where its table exists, the nested winners' test against their baselines, from the
     * tables under {@code results} (the results table must exist).
     */
    public static List<String> headline(Path results) throws IOException {
        List<String> out = new ArrayList<>();
        out.add(markdown(Findings.read(results.resolve(RESULTS))));
        if (Files.isRegularFile(results.resolve(VS_BASELINE)))
            out.add(Findings.tests("Each nested search winner − its baseline, RAVDESS, 8 classes, UA", "notebook 06, `results/" + VS_BASELINE
                    + "`; Holm over the searches' winners", Findings.read(results.resolve(VS_BASELINE)),
                    "comparison", List.of()));
        return out;
    }

    /** The paper's two questions at the first search's pooled choice, each where its table exists, headed with the network the table names. */
    public static List<String> questions(Path results) throws IOException {
        List<String> out = new ArrayList<>();
        for (Question q : List.of(new Question(RELU_ELU, "ReLU − ELU", "one comparison"), new Question(AUGMENTATION, "Waveform augmentation − none", "Holm over the recipes"))) {
            Path csv = results.resolve(q.table());
            if (!Files.isRegularFile(csv)) continue;
            Table t = Findings.read(csv);
            out.add(Findings.tests(q.contrast() + " at the first search's pooled choice" + network(t, csv) + ", RAVDESS, 8 classes, UA",
                    "notebook 06, `results/" + q.table() + "`; " + q.family(), t, "comparison", List.of()));
        }
        return out;
    }

    /** One of the paper's questions: its table relative to {@code results/}, its contrast and its family. */
    private record Question(String table, String contrast, String family) {}

    /** " (compact-cnn-lstm)": the network the question table names ({@link ResultColumns#MODEL}); empty for a table without rows. */
    static String network(Table t, Path csv) {
        if (!t.columnNames().contains(ResultColumns.MODEL))
            throw new IllegalArgumentException(csv + " does not name the pooled choice's network (no column '" + ResultColumns.MODEL + "'): re-run notebook 06");
        List<String> models = t.stringColumn(ResultColumns.MODEL).unique().asList();
        return models.isEmpty() ? "" : " (" + String.join(", ", models) + ")";
    }

    /** Words outside table lines (whitespace-separated tokens of the lines that do not start with {@code |}). */
    public static int words(String markdown) {
        int n = 0;
        for (String line : markdown.split("\n"))
            if (!line.startsWith("|") && !line.isBlank()) n += line.trim().split("\\s+").length;
        return n;
    }

    /** The section for {@code t} (read with {@link Findings#read}). */
    public static String markdown(Table t) {
        StringBuilder b = new StringBuilder("**The strongest honest model (notebook 06; RAVDESS, speaker-independent, 8 classes).** UA in %; `results/"
                + RESULTS + "`; candidates chosen per fold on validation actors (nested); rows name candidates designed after test results were "
                + "known. ");
        boolean nested = false;
        for (String e : t.stringColumn(ResultColumns.EXPERIMENT)) nested |= e.startsWith("nested");
        if (!nested) b.append("No search's final runs are committed yet: the rows are the baselines alone. ");
        boolean provisional = false, unconverged = false;
        for (int i = 0; i < t.rowCount(); i++) {
            provisional |= t.intColumn(ResultColumns.RUNS).get(i) < t.intColumn(ResultColumns.PLANNED_RUNS).get(i);
            unconverged |= t.intColumn(ResultColumns.CONVERGED_RUNS).get(i) < t.intColumn(ResultColumns.RUNS).get(i);
        }
        if (provisional) b.append("Rows short of their planned runs are provisional. ");
        if (unconverged) b.append("Rows with runs still improving at the epoch cap carry no verdict. ");
        b.append("Published figures: `results/").append(ANCHORS).append("`.");
        boolean tested = t.columnNames().contains(ResultColumns.VS_BASELINE);
        b.append("\n\n| model | fold set | network | runs of planned (converged) | UA over seeds [95 % t CI] (seeds) | UA over recordings [95 % CI, speakers→recordings] |")
                .append(tested ? " UA − its baseline [95 % t CI] (units), Holm p: verdict |\n" : "\n")
                .append("|---|---|---|---|---|---|").append(tested ? "---|\n" : "\n");
        for (int i = 0; i < t.rowCount(); i++) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %d of %d (%d) | %s (%s) | %s |", t.stringColumn(ResultColumns.EXPERIMENT).get(i),
                    t.stringColumn(ResultColumns.FOLD_SET).get(i), t.stringColumn(ResultColumns.MODEL).get(i), t.intColumn(ResultColumns.RUNS).get(i),
                    t.intColumn(ResultColumns.PLANNED_RUNS).get(i), t.intColumn(ResultColumns.CONVERGED_RUNS).get(i), t.stringColumn(ResultColumns.UA_OVER_SEEDS).get(i), t.stringColumn(ResultColumns.SEEDS).get(i),
                    t.stringColumn(ResultColumns.UA_OVER_RECORDINGS).get(i)));
            if (tested) {
                String v = t.stringColumn(ResultColumns.VS_BASELINE).get(i);
                b.append(' ').append(v == null || v.isEmpty() ? "–" : v).append(" |");
            }
            b.append('\n');
        }
        b.append("\n| published (their papers' figures, 8 classes) | training | UA | fold set |\n|---|---|---|---|\n");
        for (PublishedAnchors.Anchor a : PublishedAnchors.RAVDESS_8)
            b.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s |%n", a.system(),
                    a.training() == PublishedAnchors.Training.FROM_SCRATCH ? "from scratch" : "frozen encoder", a.ua(), a.foldSet()));
        return b.toString().stripTrailing();
    }
}
