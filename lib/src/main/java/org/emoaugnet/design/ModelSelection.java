package org.emoaugnet.design;

import org.emoaugnet.run.RunRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses among candidate configurations on validation speakers only, so that nothing is chosen on test speakers.
 * The choice sees {@link ValidationScore}s, which carry a run's best validation score and nothing of its test
 * metrics: a selection that cannot read the test side cannot be tuned on it.
 *
 * <p>Two choices are defined. {@link #nested}: in every outer fold the candidate with the highest mean validation
 * score over that fold's seeds wins, and that fold's test figure is the one that counts (the primary figure). {@link
 * #pooled}: one candidate for all folds by the mean over every fold's validation scores; one fold's test speakers can
 * then inform the choice through another fold's validation speakers (they are among its training speakers), so a
 * pooled figure is reported only beside the nested one and labelled. Ties go to the candidate listed first (list the
 * simpler candidates first).
 */
public final class ModelSelection {
    private ModelSelection() {}

    /** What selection may see of one run: its candidate, fold, seed and best validation score (a fraction). */
    public record ValidationScore(String candidate, String fold, long seed, double validation) {
        /** The run's validation score, read from its record's training outcome; the test metrics stay behind. */
        public static ValidationScore of(String candidate, RunRecord r) {
            return new ValidationScore(candidate, r.spec().fold(), r.spec().seed(), r.training().bestValidationScore());
        }
    }

    /** One row of the search log: a candidate's mean validation score on a fold over its seeds, and whether it won there. */
    public record LogRow(String fold, String candidate, int seeds, double meanValidation, boolean chosen) {}

    /** The winner of each fold ({@code fold → candidate}), in the order folds first appear. */
    public static Map<String, String> nested(List<ValidationScore> scores, List<String> candidates) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String fold : folds(scores)) {
            String best = null;
            double bestMean = Double.NEGATIVE_INFINITY;
            for (String c : candidates) {
                double m = mean(scores, fold, c);
                if (!Double.isNaN(m) && m > bestMean) { best = c; bestMean = m; }
            }
            if (best == null) throw new IllegalArgumentException("fold '" + fold + "' has no validation score of any candidate " + candidates);
            out.put(fold, best);
        }
        return out;
    }

    /** The single candidate with the highest mean over folds of its per-fold mean validation score (labelled pooled). */
    public static String pooled(List<ValidationScore> scores, List<String> candidates) {
        String best = null;
        double bestMean = Double.NEGATIVE_INFINITY;
        for (String c : candidates) {
            double sum = 0;
            int n = 0;
            for (String fold : folds(scores)) {
                double m = mean(scores, fold, c);
                if (Double.isNaN(m)) { n = -1; break; }   // a candidate missing on a fold cannot be pooled
                sum += m;
                n++;
            }
            if (n > 0 && sum / n > bestMean) { best = c; bestMean = sum / n; }
        }
        if (best == null) throw new IllegalArgumentException("no candidate has validation scores on every fold: " + candidates);
        return best;
    }

    /** The search log: one row per (fold, candidate) with a score, marking the nested winner of each fold. */
    public static List<LogRow> log(List<ValidationScore> scores, List<String> candidates) {
        Map<String, String> winners = nested(scores, candidates);
        List<LogRow> out = new ArrayList<>();
        for (String fold : folds(scores))
            for (String c : candidates) {
                int n = (int) scores.stream().filter(s -> s.fold().equals(fold) && s.candidate().equals(c)).count();
                if (n > 0) out.add(new LogRow(fold, c, n, mean(scores, fold, c), c.equals(winners.get(fold))));
            }
        return out;
    }

    private static Set<String> folds(List<ValidationScore> scores) {
        Set<String> f = new LinkedHashSet<>();
        for (ValidationScore s : scores) f.add(s.fold());
        return f;
    }

    private static double mean(List<ValidationScore> scores, String fold, String candidate) {
        double sum = 0;
        int n = 0;
        for (ValidationScore s : scores)
            if (s.fold().equals(fold) && s.candidate().equals(candidate)) { sum += s.validation(); n++; }
        return n == 0 ? Double.NaN : sum / n;
    }
}
