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

    /**
     * The nearest-neighbour result in one sentence: how often a recording's nearest neighbour (leave-one-out) shares its
     * class and its speaker, each beside its majority share, and which of the two the statistics encode more reliably
     * relative to chance (accuracy over majority share).
     */
    public String sentence(String corpus) {
        double ca = nearestNeighbour.doubleColumn("accuracy").get(0), cm = nearestNeighbour.doubleColumn("chance_majority").get(0);
        double sa = nearestNeighbour.doubleColumn("accuracy").get(1), sm = nearestNeighbour.doubleColumn("chance_majority").get(1);
        int nc = nearestNeighbour.intColumn("labels").get(0), ns = nearestNeighbour.intColumn("labels").get(1);
        return String.format(Locale.ROOT, "%s: a recording's nearest neighbour in utterance statistics (leave-one-out) has its class %.1f %% of the "
                        + "time (majority share %.1f %%, %d classes) and its speaker %.1f %% (majority share %.1f %%, %d speakers): %s.",
                corpus, 100 * ca, 100 * cm, nc, 100 * sa, 100 * sm, ns,
                sa / sm > ca / cm ? "the features identify the speaker more reliably than the emotion, relative to chance, which a split that "
                        + "shares speakers between training and test lets a classifier exploit"
                        : "relative to chance the features identify the emotion more reliably than the speaker");
    }
}
