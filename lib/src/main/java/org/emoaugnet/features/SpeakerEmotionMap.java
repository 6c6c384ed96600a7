package org.emoaugnet.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Utterance;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Does the feature space encode emotion or speaker? The utterance statistics of a feature set, standardised and
 * projected on their first two principal components (points grouped by class and by speaker, for two scatter plots),
 * and leave-one-out 1-nearest-neighbour accuracy of the class and of the speaker against their majority shares.
 *
 * @param byClass   projected points per class
 * @param bySpeaker the same points per speaker
 * @param xLabel    "PC1 (k%)", with the share of variance it explains
 */
public record SpeakerEmotionMap(Map<String, List<double[]>> byClass, Map<String, List<double[]>> bySpeaker, String xLabel, String yLabel,
                                Table nearestNeighbour) {

    public static SpeakerEmotionMap of(FeatureSet set, ClassSet cs) {
        float[][] z = Scaler.fit(set.stats()).transform(set.stats());
        Pca pca = Pca.fit(z, 2);
        double[][] p = pca.project(z);
        Map<String, List<double[]>> byClass = new TreeMap<>(), bySpeaker = new TreeMap<>();
        List<String> classes = new ArrayList<>(), speakers = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            Utterance u = set.rows().get(i).source();
            byClass.computeIfAbsent(cs.classOf(u), k -> new ArrayList<>()).add(p[i]);
            bySpeaker.computeIfAbsent(u.speaker(), k -> new ArrayList<>()).add(p[i]);
            classes.add(cs.classOf(u));
            speakers.add(u.speaker());
        }
        Table nn = Table.create("1-NN leave-one-out on utterance statistics",
                StringColumn.create("target", List.of("class", "speaker")),
                DoubleColumn.create("accuracy", new double[] {NearestNeighbour.leaveOneOutAccuracy(z, classes), NearestNeighbour.leaveOneOutAccuracy(z, speakers)}),
                DoubleColumn.create("chance_majority", new double[] {NearestNeighbour.majorityShare(classes), NearestNeighbour.majorityShare(speakers)}),
                IntColumn.create("labels", new int[] {new HashSet<>(classes).size(), new HashSet<>(speakers).size()}));
        return new SpeakerEmotionMap(byClass, bySpeaker, String.format(Locale.ROOT, "PC1 (%.0f%%)", 100 * pca.explained()[0]),
                String.format(Locale.ROOT, "PC2 (%.0f%%)", 100 * pca.explained()[1]), nn);
    }
}
