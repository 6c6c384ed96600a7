package org.emoaugnet.model;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A network layer by layer with one parameter count, the trainable one ({@link ModelFactory#trainableParams}).
 * DL4J's own {@code summary()} adds batch normalisation's running mean and standard deviation to its total, so a
 * reader met two counts for one network; here those statistics are a column of their own (state updated outside the
 * optimiser, not parameters it trains).
 */
public final class NetworkSummary {
    private NetworkSummary() {}

    /** One row per layer: index, type, inputs, outputs, trainable parameters, running statistics, parameter shapes. */
    public static Table layers(MultiLayerNetwork net) {
        IntColumn index = IntColumn.create("layer");
        StringColumn type = StringColumn.create("type"), shapes = StringColumn.create("trainable parameter shapes");
        LongColumn trainable = LongColumn.create("trainable parameters"), running = LongColumn.create("running statistics");
        var layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            var layer = layers[i];
            long t = 0, r = 0;
            Map<String, String> shape = new TreeMap<>();
            for (var e : layer.paramTable().entrySet()) {
                if (isRunningStatistic(layer, e.getKey())) r += e.getValue().length();
                else {
                    t += e.getValue().length();
                    shape.put(e.getKey(), java.util.Arrays.toString(e.getValue().shape()).replace(" ", ""));
                }
            }
            index.append(i);
            type.append(layer.conf().getLayer().getClass().getSimpleName());
            trainable.append(t);
            running.append(r);
            shapes.append(shape.isEmpty() ? "" : shape.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .reduce((a, b) -> a + ", " + b).orElse(""));
        }
        return Table.create("layers", index, type, trainable, running, shapes);
    }

    /** The count in one sentence: trainable parameters, with the running statistics named apart. */
    public static String parameters(MultiLayerNetwork net) {
        long trainable = ModelFactory.trainableParams(net), all = net.numParams();
        return String.format(Locale.ROOT, "%,d trainable parameters%s", trainable, all == trainable ? ""
                : String.format(Locale.ROOT, " (batch normalisation also keeps %,d running statistics, updated outside the optimiser and not counted)",
                        all - trainable));
    }

    static boolean isRunningStatistic(org.deeplearning4j.nn.api.Layer layer, String key) {
        return layer instanceof BatchNormalization && (key.equals("mean") || key.equals("var") || key.equals("log10stdev"));
    }
}
