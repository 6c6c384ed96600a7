package org.emoaugnet.evidence;

import org.emoaugnet.run.Predictions;

import org.emoaugnet.run.RunRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.eval.ClusteredBootstrap;
import org.emoaugnet.eval.Statistics;

/**
 * What the finished runs of one configuration say about one test metric (WA or UA), at each unit of analysis:
 *
 * <ul>
 *   <li><b>runs</b>: every (fold, seed) run's metric, as mean ± s.d.;</li>
 *   <li><b>seeds</b>: a seed is one repetition of the whole experiment (its folds averaged); the configuration's mean
 *       gets a t interval over seeds (n − 1 degrees of freedom), the interval a reader needs to compare a claim with
 *       what this training recipe gives;</li>
 *   <li><b>speakers and recordings</b>: each test recording counts once, its prediction rows (augmented copies,
 *       seeds) averaged to the share predicted correctly; the interval is a two-stage bootstrap that resamples speakers,
 *       then recordings within them ({@link ClusteredBootstrap}), so it covers the variation of new speakers and
 *       recordings, not of new seeds.</li>
 * </ul>
 * Speakers are read from the test items' keys ({@link Corpora#speakerOfKey}); nothing needs the corpus itself.
 *
 * @param metric      "WA" or "UA"
 * @param runs        run folders behind the numbers
 * @param converged   how many of them stopped by patience or with their best epoch outside the last patience window
 * @param perRun      mean ± s.d. over runs, in %
 * @param seedMeans   seed → metric averaged over that seed's folds, in %
 * @param foldsPerSeed seed → number of folds it has
 * @param seedLevel   mean over seeds with its 95 % t interval (NaN bounds with fewer than 2 seeds), in %
 * @param clustered   metric over recordings (each once) with its speaker→recording bootstrap 95 % interval, in %
 * @param recordings  distinct test recordings
 * @param speakers    distinct test speakers
 */
public record Evidence(String metric, List<Path> runs, int converged, Statistics.MeanSd perRun, Map<Long, Double> seedMeans,
                       Map<Long, Integer> foldsPerSeed, Statistics.Interval seedLevel, Statistics.Interval clustered, int recordings, int speakers) {

    /** Bootstrap resamples of the clustered intervals. */
    public static final int RESAMPLES = 2000;

    /** Runs behind these numbers that stopped at their cap while still improving. */
    public int unconverged() { return runs.size() - converged; }

    /** The number of seeds. */
    public int seeds() { return seedMeans.size(); }

    /** Whether every seed has the same number of folds (an incomplete seed biases the seed-level mean). */
    public boolean balanced() { return foldsPerSeed.values().stream().distinct().count() <= 1; }

    /** The evidence of these runs for {@code metric} ("WA" or "UA"). */
    public static Evidence of(List<Path> runs, String metric) throws IOException {
        return of(runs, metric, recordings(runs));
    }

    /** WA and UA of the same runs, their prediction files read once. */
    public record WaUa(Evidence wa, Evidence ua) {}

    public static WaUa waAndUa(List<Path> runs) throws IOException {
        List<ClusteredBootstrap.Recording> recs = recordings(runs);
        return new WaUa(of(runs, "WA", recs), of(runs, "UA", recs));
    }

    private static Evidence of(List<Path> runs, String metric, List<ClusteredBootstrap.Recording> recs) throws IOException {
        if (!metric.equals("WA") && !metric.equals("UA")) throw new IllegalArgumentException("metric must be WA or UA, got " + metric);
        double[] per = new double[runs.size()];
        int converged = 0;
        Map<Long, List<Double>> bySeed = new TreeMap<>();
        for (int i = 0; i < runs.size(); i++) {
            RunRecord r = RunRecord.read(runs.get(i));
            per[i] = 100 * r.metric(metric.equals("WA") ? "test_wa" : "test_ua");
            if (r.training().converged()) converged++;
            bySeed.computeIfAbsent(r.spec().seed(), k -> new ArrayList<>()).add(per[i]);
        }
        Map<Long, Double> seedMeans = new LinkedHashMap<>();
        Map<Long, Integer> folds = new LinkedHashMap<>();
        bySeed.forEach((s, v) -> {
            seedMeans.put(s, v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
            folds.put(s, v.size());
        });
        Statistics.Interval cl = recs.isEmpty() ? new Statistics.Interval(Double.NaN, Double.NaN, Double.NaN)
                : overRecordings(recs, ClusteredBootstrap.Metric.valueOf(metric));
        return new Evidence(metric, List.copyOf(runs), converged, Statistics.meanSd(per), seedMeans, folds,
                tInterval(seedMeans.values().stream().mapToDouble(Double::doubleValue).toArray()), cl,
                recs.size(), (int) recs.stream().map(ClusteredBootstrap.Recording::speaker).distinct().count());
    }

    /**
     * The test recordings of these runs, each once: its speaker, class and the share of its prediction rows (over
     * runs and augmented copies) that were right.
     */
    public static List<ClusteredBootstrap.Recording> recordings(List<Path> runs) throws IOException {
        if (runs.isEmpty()) return List.of();
        return recordings(runs.stream().map(r -> r.resolve("predictions.csv")).toList(), Predictions.classesOf(runs.get(0)));
    }

    /** {@link #recordings(List)} from prediction files ({@code utterance,true,predicted}) over the classes given. */
    public static List<ClusteredBootstrap.Recording> recordings(List<Path> predictionFiles, List<String> classes) throws IOException {
        List<String> spk = new ArrayList<>(), rec = new ArrayList<>();
        List<int[]> truth = new ArrayList<>(), pred = new ArrayList<>();
        for (Path csv : predictionFiles) {
            Predictions p = Predictions.read(csv, classes);
            for (String key : p.items()) {
                rec.add(key);
                spk.add(speaker(key, csv));
            }
            truth.add(p.truth());
            pred.add(p.predicted());
        }
        return ClusteredBootstrap.recordings(spk.toArray(String[]::new), rec.toArray(String[]::new),
                truth.stream().flatMapToInt(java.util.Arrays::stream).toArray(), pred.stream().flatMapToInt(java.util.Arrays::stream).toArray());
    }

    private static String speaker(String key, Path csv) throws IOException {
        try {
            return Corpora.speakerOfKey(key);
        } catch (IllegalArgumentException e) {
            throw new IOException(csv + ": " + e.getMessage(), e);
        }
    }

    /** Mean with its 95 % t interval (n − 1 degrees of freedom); NaN bounds for fewer than two values. */
    public static Statistics.Interval tInterval(double[] v) {
        Statistics.MeanSd ms = Statistics.meanSd(v);
        if (v.length < 2) return new Statistics.Interval(ms.mean(), Double.NaN, Double.NaN);
        double half = new TDistribution(v.length - 1).inverseCumulativeProbability(0.975) * ms.sd() / Math.sqrt(v.length);
        return new Statistics.Interval(ms.mean(), ms.mean() - half, ms.mean() + half);
    }

    /** {@code metric} over {@code recs} with its 95 % interval resampling speakers, then recordings ({@value #RESAMPLES} resamples, seed 1), in %. */
    static Statistics.Interval overRecordings(List<ClusteredBootstrap.Recording> recs, ClusteredBootstrap.Metric metric) {
        Statistics.Interval i = ClusteredBootstrap.interval(recs, metric, RESAMPLES, 0.05, 1);
        return new Statistics.Interval(100 * i.estimate(), 100 * i.low(), 100 * i.high());
    }

    /** "94.1 [92.8, 95.4]" with one decimal; "94.1 [n/a]" without an interval. */
    public static String format(Statistics.Interval i) {
        return Double.isNaN(i.low()) ? String.format(Locale.ROOT, "%.1f [n/a]", i.estimate())
                : String.format(Locale.ROOT, "%.1f [%.1f, %.1f]", i.estimate(), i.low(), i.high());
    }
}
