package org.emoaugnet.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Intervals whose unit is the speaker, not the prediction row. Prediction rows (one per test item, augmented copy
 * and training seed) are first collapsed per recording: a recording counts once, with the fraction of its rows
 * predicted correctly, so repeated seeds and copies are repeated measurements of one item, never new items. The
 * bootstrap then resamples speakers with replacement and, within each drawn speaker, recordings with replacement
 * (a two-stage hierarchical bootstrap), and recomputes WA (mean correctness over recordings) or UA (mean over classes
 * of the class's mean correctness). A paired version compares two systems on the same recordings.
 */
public final class ClusteredBootstrap {
    private ClusteredBootstrap() {}

    /** One recording: its speaker, true class and the fraction of its prediction rows that were right. */
    public record Recording(String speaker, String id, int truth, double correct) {}

    /** Which accuracy to compute. */
    public enum Metric { WA, UA }

    /**
     * Collapses prediction rows to recordings: every row names its speaker, recording, true class and predicted
     * class. Rows of one recording must agree on speaker and class.
     */
    public static List<Recording> recordings(String[] speaker, String[] recording, int[] truth, int[] predicted) {
        int n = truth.length;
        if (speaker.length != n || recording.length != n || predicted.length != n) throw new IllegalArgumentException("rows differ in length");
        Map<String, double[]> acc = new LinkedHashMap<>();   // id → {rows, correct}
        Map<String, String[]> meta = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String[] m = meta.putIfAbsent(recording[i], new String[] {speaker[i], String.valueOf(truth[i])});
            if (m != null && (!m[0].equals(speaker[i]) || Integer.parseInt(m[1]) != truth[i]))
                throw new IllegalArgumentException("recording " + recording[i] + " appears with two speakers or classes");
            double[] a = acc.computeIfAbsent(recording[i], k -> new double[2]);
            a[0]++;
            if (predicted[i] == truth[i]) a[1]++;
        }
        List<Recording> out = new ArrayList<>();
        acc.forEach((id, a) -> out.add(new Recording(meta.get(id)[0], id, Integer.parseInt(meta.get(id)[1]), a[1] / a[0])));
        return out;
    }

    /** The metric over these recordings (each weighted once). */
    public static double metric(List<Recording> recs, Metric m) {
        if (m == Metric.WA) return recs.stream().mapToDouble(Recording::correct).average().orElse(Double.NaN);
        Map<Integer, double[]> byClass = new java.util.TreeMap<>();
        for (Recording r : recs) {
            double[] s = byClass.computeIfAbsent(r.truth(), k -> new double[2]);
            s[0]++;
            s[1] += r.correct();
        }
        return byClass.values().stream().mapToDouble(s -> s[1] / s[0]).average().orElse(Double.NaN);
    }

    /** Percentile interval at level {@code 1 − alpha} from {@code b} two-stage resamples. */
    public static Statistics.Interval interval(List<Recording> recs, Metric m, int b, double alpha, long seed) {
        List<List<Recording>> bySpeaker = bySpeaker(recs);
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[b];
        for (int i = 0; i < b; i++) v[i] = metric(resample(bySpeaker, r), m);
        Arrays.sort(v);
        return new Statistics.Interval(metric(recs, m), Statistics.quantile(v, alpha / 2), Statistics.quantile(v, 1 - alpha / 2));
    }

    /** A difference between two systems on the same recordings, its interval, and a two-sided bootstrap p-value. */
    public record Difference(Statistics.Interval difference, double pValue) {}

    /**
     * {@code metric(b) − metric(a)} with both systems resampled together (the same speakers and recordings in every
     * resample); the p-value is twice the smaller share of resampled differences on either side of zero.
     */
    public static Difference paired(List<Recording> a, List<Recording> b, Metric m, int resamples, double alpha, long seed) {
        Map<String, Recording> inB = new LinkedHashMap<>();
        for (Recording r : b) inB.put(r.id(), r);
        List<Recording[]> pairs = new ArrayList<>();
        for (Recording r : a) {
            Recording o = inB.get(r.id());
            if (o == null) throw new IllegalArgumentException("recording " + r.id() + " is not in both systems' test sets");
            pairs.add(new Recording[] {r, o});
        }
        if (pairs.size() != b.size()) throw new IllegalArgumentException("the two systems were tested on different recordings");
        Map<String, List<Recording[]>> bySpeaker = new LinkedHashMap<>();
        for (Recording[] p : pairs) bySpeaker.computeIfAbsent(p[0].speaker(), k -> new ArrayList<>()).add(p);
        List<List<Recording[]>> groups = new ArrayList<>(bySpeaker.values());
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[resamples];
        int below = 0, above = 0;
        for (int i = 0; i < resamples; i++) {
            List<Recording> ra = new ArrayList<>(), rb = new ArrayList<>();
            for (int s = 0; s < groups.size(); s++) {
                List<Recording[]> g = groups.get(r.nextInt(groups.size()));
                for (int k = 0; k < g.size(); k++) {
                    Recording[] p = g.get(r.nextInt(g.size()));
                    ra.add(p[0]);
                    rb.add(p[1]);
                }
            }
            v[i] = metric(rb, m) - metric(ra, m);
            if (v[i] <= 0) below++;
            if (v[i] >= 0) above++;
        }
        Arrays.sort(v);
        double est = metric(b, m) - metric(a, m);
        double p = Math.min(1, 2.0 * Math.min(below, above) / resamples);
        return new Difference(new Statistics.Interval(est, Statistics.quantile(v, alpha / 2), Statistics.quantile(v, 1 - alpha / 2)), p);
    }

    private static List<List<Recording>> bySpeaker(List<Recording> recs) {
        Map<String, List<Recording>> m = new LinkedHashMap<>();
        for (Recording r : recs) m.computeIfAbsent(r.speaker(), k -> new ArrayList<>()).add(r);
        return new ArrayList<>(m.values());
    }

    private static List<Recording> resample(List<List<Recording>> bySpeaker, SplittableRandom r) {
        List<Recording> out = new ArrayList<>();
        for (int s = 0; s < bySpeaker.size(); s++) {
            List<Recording> g = bySpeaker.get(r.nextInt(bySpeaker.size()));
            for (int k = 0; k < g.size(); k++) out.add(g.get(r.nextInt(g.size())));
        }
        return out;
    }
}
