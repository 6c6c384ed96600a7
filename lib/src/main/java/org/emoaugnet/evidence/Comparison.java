package org.emoaugnet.evidence;

import org.emoaugnet.run.Predictions;

import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.RunSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.eval.ClusteredBootstrap;
import org.emoaugnet.eval.PairedT;
import org.emoaugnet.eval.Statistics;

/**
 * Configuration A against configuration B on the same folds, seeds and test recordings, at two units of analysis:
 *
 * <ul>
 *   <li><b>run level</b> (primary): runs are paired by (fold, seed). Where several seeds share fixed folds, the unit
 *       is the fold (its seeds' differences averaged: runs of one fold share their test speakers, so they are not
 *       independent); where each seed draws its own split (paper-style, after-split) or there is one fold, the unit is
 *       the seed. The <b>primary test</b> is the two-sided paired t-test on the unit means ({@link PairedT}), with its
 *       95 % t interval; a family of comparisons is Holm-adjusted ({@link StudyReport#comparisonTable}). The exact
 *       sign-flip test over the same units stays beside it as a check that needs no normality; its smallest
 *       two-sided p is 2/2ⁿ (0.0625 with 5 units), so on its own it cannot reject with 5 units or fewer.</li>
 *   <li><b>item level, clustered</b>: both configurations' test recordings, each once (seeds and copies averaged),
 *       resampled together by speaker and then recording ({@link ClusteredBootstrap#paired}); covers new speakers and
 *       recordings for these trained networks, not new training runs.</li>
 * </ul>
 * Differences are A − B in points.
 *
 * @param metric        "WA" or "UA"
 * @param unit          "fold" or "seed"
 * @param units         the unit labels, in order
 * @param differences   A − B per unit, in points
 * @param runLevel      mean difference over units with its 95 % t interval
 * @param tTest         the primary paired t-test over units (its p unadjusted)
 * @param pRuns         exact two-sided sign-flip p over units (the robustness check)
 * @param itemLevel     difference over recordings with its speaker→recording bootstrap 95 % interval
 * @param pItems        two-sided bootstrap p of the item-level difference (NaN, like the interval, when the two
 *                      configurations were not tested on the same recordings)
 * @param pairs         paired runs
 * @param unconverged   paired runs (of A and B together) that stopped at their cap while still improving
 * @param identity      what was compared: the spec hashes of both sides' paired runs and the test condition, so that
 *                      a family recognises the same runs reached under two experiment names ({@link SharedRuns})
 */
public record Comparison(String metric, String unit, List<String> units, double[] differences, Statistics.Interval runLevel, PairedT.Result tTest,
                         double pRuns, Statistics.Interval itemLevel, double pItems, int pairs, int unconverged, String identity) {

    /**
     * The difference that matters, in points of the compared metric (UA in every study): 2 points. Why: the paper's
     * choices rest on gaps of this size or smaller (its ReLU and ELU claims differ by 0.3 to 1.2 UA points), so a
     * family that cannot detect 2 points cannot confirm or refute any choice the paper makes; an effect below 2 points
     * would not change which recipe or activation a reader should use. The power columns of a test table say whether
     * its family can detect it, and how many units it would need.
     */
    public static final double EFFECT_THAT_MATTERS = 2.0;

    /** {@link #EFFECT_THAT_MATTERS}'s reason, short, for tables and sentences. */
    public static final String EFFECT_REASON = "the size of the gaps the paper's choices rest on";

    /** Compares the runs of A with the runs of B that have the same (fold, seed); unpaired runs are left out. */
    public static Comparison of(List<Path> runsA, List<Path> runsB, String metric) throws IOException {
        Map<String, Path> bByKey = new LinkedHashMap<>();
        for (Path b : runsB) bByKey.put(key(RunRecord.read(b).spec()), b);
        List<Path> pa = new ArrayList<>(), pb = new ArrayList<>();
        Map<String, List<Double>> byFold = new TreeMap<>(), bySeed = new TreeMap<>();
        List<String> specsA = new ArrayList<>(), specsB = new ArrayList<>();
        int unconverged = 0;
        for (Path a : runsA) {
            RunRecord ra = RunRecord.read(a);
            Path b = bByKey.get(key(ra.spec()));
            if (b == null) continue;
            RunRecord rb = RunRecord.read(b);
            pa.add(a.resolve("predictions.csv"));
            pb.add(b.resolve("predictions.csv"));
            specsA.add(ra.specSha256());
            specsB.add(rb.specSha256());
            if (!ra.training().converged()) unconverged++;
            if (!rb.training().converged()) unconverged++;
            double d = 100 * (ra.metric(metric) - rb.metric(metric));
            byFold.computeIfAbsent(ra.spec().fold(), k -> new ArrayList<>()).add(d);
            bySeed.computeIfAbsent("seed " + ra.spec().seed(), k -> new ArrayList<>()).add(d);
        }
        List<String> classes = runsA.isEmpty() ? List.of() : Predictions.classesOf(runsA.get(0));
        // fixed folds (several seeds share them, or one seed ran several folds) make the fold the unit; a split drawn per
        // seed (one fold name per seed, or one shared name such as "paper-style" whose rows differ by seed) makes the seed the unit
        boolean sharedFolds = byFold.size() > 1 && (bySeed.size() == 1 || byFold.size() < pa.size());
        String identity = SharedRuns.identity(specsA, specsB, "test");
        return sharedFolds ? compute("fold", byFold, pa, pb, classes, metric, unconverged, identity)
                : compute("seed", bySeed, pa, pb, classes, metric, unconverged, identity);
    }

    /**
     * The comparison from paired prediction files: {@code differences} holds, per unit, the A − B differences (points)
     * of its paired runs (averaged within the unit); {@code predictionsA.get(i)} and {@code predictionsB.get(i)} are one
     * pair's test predictions; {@code identity} names what was compared ({@link SharedRuns#identity}).
     */
    public static Comparison compute(String unit, Map<String, List<Double>> differences, List<Path> predictionsA, List<Path> predictionsB,
                                     List<String> classes, String metric, int unconverged, String identity) throws IOException {
        List<String> units = new ArrayList<>(differences.keySet());
        double[] diff = differences.values().stream().mapToDouble(v -> v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)).toArray();
        PairedT.Result t = PairedT.test(diff);
        Statistics.Interval run = new Statistics.Interval(t.mean(), t.low(), t.high());
        double pRuns = diff.length == 0 ? Double.NaN : Statistics.signFlip(diff, 20_000, 11);
        Statistics.Interval item = new Statistics.Interval(Double.NaN, Double.NaN, Double.NaN);
        double pItems = Double.NaN;
        List<ClusteredBootstrap.Recording> ra = predictionsA.isEmpty() ? List.of() : Evidence.recordings(predictionsA, classes),
                rb = predictionsB.isEmpty() ? List.of() : Evidence.recordings(predictionsB, classes);
        if (!ra.isEmpty() && sameRecordings(ra, rb)) {   // else (e.g. paper-style row splits of different recipes) no item-level pairing exists
            ClusteredBootstrap.Difference d = ClusteredBootstrap.paired(rb, ra, ClusteredBootstrap.Metric.valueOf(metric), Evidence.RESAMPLES, 0.05, 3);
            item = new Statistics.Interval(100 * d.difference().estimate(), 100 * d.difference().low(), 100 * d.difference().high());
            pItems = d.pValue();
        }
        return new Comparison(metric, unit, units, diff, run, t, pRuns, item, pItems, predictionsA.size(), unconverged, identity);
    }

    /** The smallest two-sided p an exact sign-flip test over this many units can give (2 / 2ⁿ). */
    public double smallestAttainableP() { return units.isEmpty() ? Double.NaN : Math.min(1, 2.0 / (1L << Math.min(62, units.size()))); }

    /** Units whose difference has the non-zero sign of the mean difference (0 when the mean is 0). */
    public int unitsInDirection() {
        double m = runLevel.estimate();
        if (!(m != 0)) return 0;
        int k = 0;
        for (double d : differences) if (Math.signum(d) == Math.signum(m)) k++;
        return k;
    }

    private static boolean sameRecordings(List<ClusteredBootstrap.Recording> a, List<ClusteredBootstrap.Recording> b) {
        return a.stream().map(ClusteredBootstrap.Recording::id).collect(java.util.stream.Collectors.toSet())
                .equals(b.stream().map(ClusteredBootstrap.Recording::id).collect(java.util.stream.Collectors.toSet()));
    }

    private static String key(RunSpec s) { return s.fold() + "|" + s.seed(); }
}
