package org.emoaugnet.features;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How far each augmentation moves a recording's feature vector, compared with the distance to the nearest
 * <em>other</em> recording of the same speaker and of any other speaker. Rows are standardised with a scaler fitted
 * on the originals. If augmented copies sit much closer to their source than any other recording does, a random
 * split of augmented rows hands the model near-duplicates of its test items: the leak of augment-before-split.
 */
public final class AugmentationDistances {
    private AugmentationDistances() {}

    /** Distances per augmentation copy name: augmented-copy and nearest-other distances for every source recording. */
    public record Result(Map<String, double[]> copyDistance, double[] nearestSameSpeaker, double[] nearestOtherSpeaker) {
        /** Share of recordings whose copy is closer to it than the nearest other recording of the same speaker. */
        public double closerThanSameSpeaker(String copy) {
            double[] d = copyDistance.get(copy);
            int n = 0;
            for (int i = 0; i < d.length; i++) if (d[i] < nearestSameSpeaker[i]) n++;
            return (double) n / d.length;
        }

        public Table table() {
            StringColumn what = StringColumn.create("distance from each original to");
            DoubleColumn med = DoubleColumn.create("median"), q1 = DoubleColumn.create("q25"), q3 = DoubleColumn.create("q75"),
                    closer = DoubleColumn.create("share_closer_than_same_speaker");
            copyDistance.forEach((k, v) -> {
                what.append("its copy: " + k);
                med.append(quantile(v, 0.5)); q1.append(quantile(v, 0.25)); q3.append(quantile(v, 0.75));
                closer.append(closerThanSameSpeaker(k));
            });
            what.append("nearest other recording, same speaker");
            med.append(quantile(nearestSameSpeaker, 0.5)); q1.append(quantile(nearestSameSpeaker, 0.25)); q3.append(quantile(nearestSameSpeaker, 0.75));
            closer.appendMissing();
            what.append("nearest recording of another speaker");
            med.append(quantile(nearestOtherSpeaker, 0.5)); q1.append(quantile(nearestOtherSpeaker, 0.25)); q3.append(quantile(nearestOtherSpeaker, 0.75));
            closer.appendMissing();
            return Table.create("feature-space distances (standardised)", what, med, q1, q3, closer);
        }

        /** All distance groups, for a box plot. */
        public Map<String, double[]> groups() {
            Map<String, double[]> g = new LinkedHashMap<>(copyDistance);
            g.put("same speaker", nearestSameSpeaker);
            g.put("other speaker", nearestOtherSpeaker);
            return g;
        }
    }

    /** @param vectors one vector per row of {@code set} (e.g. {@link FeatureSet#flat()} or {@link FeatureSet#stats()}) */
    public static Result of(FeatureSet set, float[][] vectors) {
        List<Integer> originals = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) if (set.rows().get(i).copy() == 0) originals.add(i);
        float[][] orig = new float[originals.size()][];
        for (int i = 0; i < orig.length; i++) orig[i] = vectors[originals.get(i)];
        Scaler sc = Scaler.fit(orig);
        float[][] z = sc.transform(vectors);
        Map<String, List<Double>> copies = new LinkedHashMap<>();
        double[] same = new double[originals.size()], other = new double[originals.size()];
        for (int a = 0; a < originals.size(); a++) {
            int i = originals.get(a);
            var src = set.rows().get(i).source();
            double bs = Double.MAX_VALUE, bo = Double.MAX_VALUE;
            for (int b = 0; b < originals.size(); b++) {
                if (a == b) continue;
                int j = originals.get(b);
                double d = Math.sqrt(NearestNeighbour.distance2(z[i], z[j]));
                if (set.rows().get(j).source().speaker().equals(src.speaker())) bs = Math.min(bs, d);
                else bo = Math.min(bo, d);
            }
            same[a] = bs;
            other[a] = bo;
            for (int c = 0; c < set.size(); c++) {
                var r = set.rows().get(c);
                if (r.copy() == 0 || !r.source().key().equals(src.key())) continue;
                copies.computeIfAbsent(r.copyName(), k -> new ArrayList<>()).add(Math.sqrt(NearestNeighbour.distance2(z[i], z[c])));
            }
        }
        Map<String, double[]> cd = new LinkedHashMap<>();
        copies.forEach((k, v) -> cd.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return new Result(cd, same, other);
    }

    static double quantile(double[] v, double q) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return Math.round(org.emoaugnet.eval.Statistics.quantile(s, q) * 1000) / 1000.0;
    }
}
