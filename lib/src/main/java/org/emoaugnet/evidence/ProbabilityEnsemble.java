package org.emoaugnet.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.eval.ClusteredBootstrap;
import org.emoaugnet.eval.Confusion;
import org.emoaugnet.eval.Metrics;
import org.emoaugnet.eval.Statistics;
import org.emoaugnet.run.Predictions;
import org.emoaugnet.run.Probabilities;
import org.emoaugnet.run.RunRecord;

/**
 * An ensemble of trained runs fixed in advance: every test recording gets the class whose probability, averaged over
 * the runs that tested it ({@code probabilities.csv}, equal weights), is largest (the first of equal ones). Its UA is
 * given two ways: over recordings with the speakers → recordings interval, and as the mean over folds of each fold's
 * UA with the t interval over folds (each recording belongs to one fold). With the seeds spent on the ensemble there
 * is no seed-level interval.
 *
 * @param runs       runs averaged
 * @param recordings recordings classified
 * @param speakers   their speakers
 * @param ua         UA over recordings with its 95 % interval (resampling speakers, then recordings), in %
 * @param wa         WA, likewise, in %
 * @param foldUa     per fold (in the runs' order), the ensemble's UA on that fold's recordings, in %
 * @param overFolds  the mean of {@code foldUa} with its 95 % t interval over folds, in %
 * @param confusion  the ensemble's confusion over every recording
 */
public record ProbabilityEnsemble(int runs, int recordings, int speakers, Statistics.Interval ua, Statistics.Interval wa, Map<String, Double> foldUa,
                                  Statistics.Interval overFolds, Confusion confusion) {
    public ProbabilityEnsemble {
        foldUa = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(foldUa));
    }

    /**
     * The ensemble of {@code runs} (one class set; each run's recordings belong to its fold); a run without class
     * probabilities (recorded before the runner kept them) is an error naming it.
     */
    public static ProbabilityEnsemble of(List<Path> runs) throws IOException {
        if (runs.isEmpty()) throw new IllegalArgumentException("an ensemble needs runs");
        List<String> classes = RunRecord.read(runs.get(0)).classes();
        Map<String, double[]> sum = new LinkedHashMap<>();
        Map<String, Integer> truth = new LinkedHashMap<>();
        Map<String, String> foldOf = new LinkedHashMap<>();
        for (Path run : runs) {
            RunRecord rec = RunRecord.read(run);
            if (!rec.classes().equals(classes)) throw new IllegalArgumentException(run + ": another class set than " + runs.get(0));
            Path file = run.resolve(Probabilities.FILE);
            if (!Files.isRegularFile(file))
                throw new IOException(file + ": missing; the run was recorded before the runner kept class probabilities, so it cannot join an ensemble");
            Probabilities p = Probabilities.read(file, classes);
            Predictions pred = Predictions.read(run.resolve(Predictions.FILE), classes);
            for (int i = 0; i < p.items().size(); i++) {
                String item = p.items().get(i);
                double[] s = sum.computeIfAbsent(item, k -> new double[classes.size()]);
                for (int c = 0; c < s.length; c++) s[c] += p.values()[i][c];
                Integer t = truth.putIfAbsent(item, pred.truth()[i]);
                if (t != null && t != pred.truth()[i]) throw new IllegalArgumentException(item + ": two true classes across runs");
                String f = foldOf.putIfAbsent(item, rec.spec().fold());
                if (f != null && !f.equals(rec.spec().fold())) throw new IllegalArgumentException(item + ": tested in folds " + f + " and " + rec.spec().fold());
            }
        }
        int n = sum.size();
        String[] spk = new String[n], ids = new String[n];
        int[] y = new int[n], predicted = new int[n];
        Map<String, List<Integer>> byFold = new LinkedHashMap<>();
        int i = 0;
        for (var e : sum.entrySet()) {
            double[] s = e.getValue();
            int best = 0;
            for (int c = 1; c < s.length; c++) if (s[c] > s[best]) best = c;
            ids[i] = e.getKey();
            spk[i] = Corpora.speakerOfKey(e.getKey());
            y[i] = truth.get(e.getKey());
            predicted[i] = best;
            byFold.computeIfAbsent(foldOf.get(e.getKey()), k -> new ArrayList<>()).add(i);
            i++;
        }
        Map<String, Double> foldUa = new LinkedHashMap<>();
        for (var e : byFold.entrySet()) {
            int[] yt = e.getValue().stream().mapToInt(k -> y[k]).toArray(), yp = e.getValue().stream().mapToInt(k -> predicted[k]).toArray();
            foldUa.put(e.getKey(), 100 * Metrics.of(classes, yt, yp).ua());
        }
        List<ClusteredBootstrap.Recording> recs = ClusteredBootstrap.recordings(spk, ids, y, predicted);
        return new ProbabilityEnsemble(runs.size(), n, (int) java.util.Arrays.stream(spk).distinct().count(),
                Evidence.overRecordings(recs, ClusteredBootstrap.Metric.UA),
                Evidence.overRecordings(recs, ClusteredBootstrap.Metric.WA), foldUa,
                Evidence.tInterval(foldUa.values().stream().mapToDouble(Double::doubleValue).toArray()), Confusion.of(classes, y, predicted));
    }

}
