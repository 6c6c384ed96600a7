package org.emoaugnet.evidence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.eval.ClusteredBootstrap;
import org.emoaugnet.eval.Statistics;
import org.emoaugnet.run.Predictions;
import org.emoaugnet.run.RunRecord;

/**
 * A plurality vote of trained runs on the recordings they share: each test recording gets the class most of the runs
 * that tested it predicted (a tie goes to the tied class predicted by the run with the lowest training seed), fixed
 * in advance rather than chosen on anything, so it is a legitimate ensemble of a configuration's seeds. Its UA and WA
 * are over recordings with the speakers → recordings interval; with the seeds spent on the vote there is no
 * seed-level interval.
 *
 * @param runs       runs that voted
 * @param recordings recordings voted on
 * @param speakers   their speakers
 * @param ua         UA over recordings with its 95 % interval (resampling speakers, then recordings), in %
 * @param wa         WA, likewise, in %
 */
public record SeedVote(int runs, int recordings, int speakers, Statistics.Interval ua, Statistics.Interval wa) {

    /** The vote of {@code runs} (one class set); empty runs give NaN figures. */
    public static SeedVote of(List<Path> runs) throws IOException {
        if (runs.isEmpty()) return new SeedVote(0, 0, 0, nan(), nan());
        List<RunRecord> records = new ArrayList<>();
        for (Path r : runs) records.add(RunRecord.read(r));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) order.add(i);
        order.sort(Comparator.comparingLong(i -> records.get(i).spec().seed()));
        List<String> classes = records.get(0).classes();
        Map<String, int[]> votes = new LinkedHashMap<>();      // recording → votes per class
        Map<String, Integer> truth = new LinkedHashMap<>();
        Map<String, List<Integer>> inSeedOrder = new LinkedHashMap<>();
        for (int i : order) {
            if (!records.get(i).classes().equals(classes)) throw new IllegalArgumentException(runs.get(i) + ": another class set than " + runs.get(0));
            Predictions p = Predictions.read(runs.get(i).resolve(Predictions.FILE), classes);
            for (int k = 0; k < p.items().size(); k++) {
                String item = p.items().get(k);
                votes.computeIfAbsent(item, x -> new int[classes.size()])[p.predicted()[k]]++;
                Integer t = truth.putIfAbsent(item, p.truth()[k]);
                if (t != null && t != p.truth()[k]) throw new IllegalArgumentException(item + ": two true classes across runs");
                inSeedOrder.computeIfAbsent(item, x -> new ArrayList<>()).add(p.predicted()[k]);
            }
        }
        int n = votes.size();
        String[] spk = new String[n], rec = new String[n];
        int[] t = new int[n], pred = new int[n];
        int i = 0;
        for (var e : votes.entrySet()) {
            int[] v = e.getValue();
            int max = java.util.Arrays.stream(v).max().orElse(0);
            int chosen = -1;
            for (int c : inSeedOrder.get(e.getKey())) if (v[c] == max) { chosen = c; break; }
            rec[i] = e.getKey();
            spk[i] = Corpora.speakerOfKey(e.getKey());
            t[i] = truth.get(e.getKey());
            pred[i] = chosen;
            i++;
        }
        List<ClusteredBootstrap.Recording> recs = ClusteredBootstrap.recordings(spk, rec, t, pred);
        return new SeedVote(runs.size(), n, (int) java.util.Arrays.stream(spk).distinct().count(),
                Evidence.overRecordings(recs, ClusteredBootstrap.Metric.UA),
                Evidence.overRecordings(recs, ClusteredBootstrap.Metric.WA));
    }

    private static Statistics.Interval nan() { return new Statistics.Interval(Double.NaN, Double.NaN, Double.NaN); }

}
