package org.emoaugnet.publish;

import java.util.Locale;
import org.emoaugnet.evidence.PublishedAnchors;
import org.emoaugnet.evidence.ResultColumns;
import tech.tablesaw.api.Table;

/**
 * Notebook 06's results table ({@code results/ravdess/06-results.csv}, {@link org.emoaugnet.design.StrongestModel#results})
 * as one Markdown section, for the README's findings and the ledger's "beyond the paper" section: per row the fold
 * set, the network(s), runs and how many converged, UA over seeds with its t interval and over recordings with its
 * speakers → recordings interval; then the published anchors it is measured against, each with its fold set.
 */
public final class StrongestModelSection {
    private StrongestModelSection() {}

    /** The tables the section and the findings read, relative to {@code results/}. */
    public static final String RESULTS = StudyOutputs.path("ravdess", StudyOutputs.STRONG_RESULTS),
            RELU_ELU = StudyOutputs.path("ravdess", StudyOutputs.STRONG_RELU_ELU), AUGMENTATION = StudyOutputs.path("ravdess", StudyOutputs.STRONG_AUGMENTATION);

    /** The section for {@code t} (read with {@link Findings#read}). */
    public static String markdown(Table t) {
        StringBuilder b = new StringBuilder("**The strongest honest model (notebook 06; RAVDESS, speaker-independent, 8 classes).** UA in %; `results/"
                + RESULTS + "`; nothing is chosen on test actors: in each fold the candidate that wins on that fold's validation actors is the one "
                + "whose test UA counts (nested), and each fold set is searched on its own. ");
        boolean nested = false;
        for (String e : t.stringColumn(ResultColumns.EXPERIMENT)) nested |= e.startsWith("nested");
        if (!nested) b.append("No search's final runs are committed yet: the rows are the baselines alone. ");
        if (t.stringColumn(ResultColumns.EXPERIMENT).asList().stream().anyMatch(e -> e.contains(" after round ")))
            b.append("A row \"after round N\" is the nested result before later rounds' candidates were added; those were designed with its test "
                    + "results known, so both are shown. ");
        for (int i = 0; i < t.rowCount(); i++)
            if (t.intColumn(ResultColumns.RUNS).get(i) < t.intColumn(ResultColumns.PLANNED_RUNS).get(i))
                b.append(t.stringColumn(ResultColumns.EXPERIMENT).get(i)).append(": ").append(t.intColumn(ResultColumns.RUNS).get(i)).append(" of ")
                        .append(t.intColumn(ResultColumns.PLANNED_RUNS).get(i)).append(" planned runs finished, so its intervals are provisional. ");
        for (int i = 0; i < t.rowCount(); i++)
            if (t.intColumn(ResultColumns.CONVERGED_RUNS).get(i) < t.intColumn(ResultColumns.RUNS).get(i))
                b.append(t.stringColumn(ResultColumns.EXPERIMENT).get(i)).append(": ").append(t.intColumn(ResultColumns.RUNS).get(i) - t.intColumn(ResultColumns.CONVERGED_RUNS).get(i))
                        .append(" run(s) stopped at the epoch cap while still improving, so no verdict rests on it. ");
        b.append("\n\n| model | fold set | network | runs of planned (converged) | UA over seeds [95 % t CI] (seeds) | UA over recordings [95 % CI, speakers→recordings] |\n")
                .append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < t.rowCount(); i++)
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %d of %d (%d) | %s (%s) | %s |%n", t.stringColumn(ResultColumns.EXPERIMENT).get(i),
                    t.stringColumn(ResultColumns.FOLD_SET).get(i), t.stringColumn(ResultColumns.MODEL).get(i), t.intColumn(ResultColumns.RUNS).get(i),
                    t.intColumn(ResultColumns.PLANNED_RUNS).get(i), t.intColumn(ResultColumns.CONVERGED_RUNS).get(i), t.stringColumn(ResultColumns.UA_OVER_SEEDS).get(i), t.stringColumn(ResultColumns.SEEDS).get(i),
                    t.stringColumn(ResultColumns.UA_OVER_RECORDINGS).get(i)));
        b.append("\nPublished for comparison (their papers' figures, 8 classes):");
        for (PublishedAnchors.Anchor a : PublishedAnchors.RAVDESS_8)
            b.append(String.format(Locale.ROOT, " %s %.1f (%s, %s)%s", a.system(), a.ua(), a.foldSet(),
                    a.training() == PublishedAnchors.Training.FROM_SCRATCH ? "from scratch" : "frozen encoder", a == PublishedAnchors.RAVDESS_8.get(PublishedAnchors.RAVDESS_8.size() - 1) ? "." : ";"));
        b.append(" A row is compared only with figures on its own fold set.");
        return b.toString();
    }
}
