package org.emoaugnet.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.emoaugnet.design.StrongestModel;
import org.emoaugnet.evidence.ResultColumns;
import tech.tablesaw.api.Table;

/**
 * The README's first-screen paragraph on the strongest honest model's second attempt (issue 35's pre-registered plan,
 * notebook 06 section 8), from the plan's committed tables ({@link StudyOutputs#plan}: its cost, results and primary
 * test): while its final runs are incomplete, how far it has come and the earlier attempt beside its baseline; once
 * every final run has finished, the nested UA with both intervals, the baseline and the primary test's cell. Empty
 * when the plan has no tables.
 */
public final class PlanSection {
    private PlanSection() {}

    /** The plan the first screen reports (RAVDESS, 8 classes, EmoBox's folds). */
    public static final String PLAN = "ravdess-s2";

    /** Its tables' folder under {@code results/}. */
    static final String CORPUS = "ravdess";

    /** The paragraph from the tables under {@code results}, or "" when the plan's cost table does not exist. */
    public static String firstScreen(Path results) throws IOException {
        Path dir = results.resolve(CORPUS), costCsv = dir.resolve(StudyOutputs.plan(PLAN, "cost")), resultsCsv = dir.resolve(StudyOutputs.plan(PLAN, "results"));
        if (!Files.isRegularFile(costCsv) || !Files.isRegularFile(resultsCsv)) return "";
        Table cost = Findings.read(costCsv), res = Findings.read(resultsCsv);
        int inner = cost.intColumn(ResultColumns.RUNS).get(0), innerPlanned = cost.intColumn(ResultColumns.PLANNED_RUNS).get(0),
                finals = cost.intColumn(ResultColumns.RUNS).get(1), plannedFinals = cost.intColumn(ResultColumns.PLANNED_RUNS).get(1);
        String nested = row(res, "nested (plan "), baseline = row(res, "baseline "), earlier = row(res, "earlier attempt: ");
        StringBuilder b = new StringBuilder("**The strongest honest model, second attempt** (RAVDESS, 8 classes, speaker-independent on EmoBox's 6 folds; "
                + "plan `" + PLAN + "`, pre-registered with inner cross-validation; notebook 06, section 8): ");
        if (nested == null || finals < plannedFinals || plannedFinals == 0) {
            b.append(String.format(Locale.ROOT, "in progress, %d of %d inner runs and %d of %d final runs finished; its nested UA appears here once every "
                    + "final run has finished.", inner, innerPlanned, finals, plannedFinals));
            if (earlier != null && baseline != null) {
                boolean mixed = earlier.contains(StrongestModel.MADE_BY);   // the earlier search's candidates came from several trainers: say so (its table row says which)
                b.append(String.format(Locale.ROOT, " The earlier attempt%s reached UA %s %% (mean over seeds, 95 %% t interval) against the compact "
                        + "baseline's %s %%.", mixed ? " (its candidates from several trainers; notebook 06 says which)" : "", cell(res, earlier, ResultColumns.UA_OVER_SEEDS),
                        cell(res, baseline, ResultColumns.UA_OVER_SEEDS)));
            }
            return b.toString();
        }
        b.append(String.format(Locale.ROOT, "nested UA %s %% over seeds (95 %% t interval), %s %% over recordings (resampling speakers, then recordings), "
                        + "%d runs; the compact baseline %s %%; nested − baseline %s.", cell(res, nested, ResultColumns.UA_OVER_SEEDS),
                cell(res, nested, ResultColumns.UA_OVER_RECORDINGS), finals, cell(res, baseline, ResultColumns.UA_OVER_SEEDS),
                cell(res, nested, ResultColumns.VS_BASELINE)));
        return b.toString();
    }

    /** The experiment name of the first row starting with {@code prefix}, or null. */
    private static String row(Table t, String prefix) {
        for (String e : t.stringColumn(ResultColumns.EXPERIMENT)) if (e.startsWith(prefix)) return e;
        return null;
    }

    private static String cell(Table t, String experiment, String column) {
        return t.stringColumn(column).get(t.stringColumn(ResultColumns.EXPERIMENT).indexOf(experiment));
    }
}
