package org.emoaugnet.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.emoaugnet.features.Scaler;
import org.emoaugnet.features.SequenceNormalisation;
import org.emoaugnet.util.AtomicFiles;

/**
 * A trained model in one folder: the network ({@code network.zip}, DL4J's ModelSerializer), the scaler fitted on
 * its training rows ({@code scaler.csv}), and {@code model.properties} with the class list, the model preset and
 * the feature specification it was trained on, and how each recording's sequence is prepared before the scaler
 * ({@code normalisation}; absent in models saved before it existed, which all used {@code TRAIN_SCALER}). Loading with
 * another feature specification is refused. A network whose parameters, or a scaler whose means or scales, are not all
 * finite (NaN or infinite: its training diverged) is never written ({@link #save}) nor loaded ({@link #load}), so no
 * such model is exported or predicts.
 */
public record SavedModel(MultiLayerNetwork net, Scaler scaler, List<String> classes, String modelName, String featureKey, Dataset.Layout layout,
                         SequenceNormalisation normalisation) {

    /** A model whose sequences are scaled by the training scaler alone. */
    public SavedModel(MultiLayerNetwork net, Scaler scaler, List<String> classes, String modelName, String featureKey, Dataset.Layout layout) {
        this(net, scaler, classes, modelName, featureKey, layout, SequenceNormalisation.TRAIN_SCALER);
    }

    /** The {@code format} entry of {@code model.properties}: a folder without it is not a model of this suite. */
    public static final String FORMAT = "emoaugnet-model/1";

    /**
     * Writes the model into {@code dir}.
     *
     * @throws IOException naming the folder when the network's parameters or the scaler are not all finite (nothing is written)
     */
    public void save(Path dir) throws IOException {
        java.util.Optional<String> bad = nonFinite(net);
        if (bad.isEmpty()) bad = scaler.nonFinite().map(w -> "its scaler: " + w);
        if (bad.isPresent())
            throw new IOException(dir + ": refusing to save a model whose numbers are not all finite (" + bad.get() + "); its training diverged");
        Files.createDirectories(dir);
        AtomicFiles.write(dir.resolve("network.zip"), tmp -> ModelSerializer.writeModel(net, tmp.toFile(), true));
        scaler.save(dir.resolve("scaler.csv"));
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("classes", String.join(",", classes));
        p.setProperty("model", modelName);
        p.setProperty("features", featureKey);
        p.setProperty("layout", layout.name());
        p.setProperty("normalisation", normalisation.name());
        java.io.StringWriter w = new java.io.StringWriter();
        p.store(w, "emoaugnet-java trained model");
        AtomicFiles.writeString(dir.resolve("model.properties"), w.toString());
    }

    /** Loads a model, refusing one trained on a different feature specification than {@code expectedFeatureKey}. */
    public static SavedModel load(Path dir, String expectedFeatureKey) throws IOException {
        if (Files.isRegularFile(dir))
            throw new IOException(dir + ": a file, not a model folder (a saved model is a folder with model.properties, network.zip and scaler.csv)");
        Path props = dir.resolve("model.properties");
        if (!Files.isRegularFile(props)) throw new IOException(dir + ": not a saved model (no model.properties)");
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(props)) {
            p.load(r);
        }
        if (!FORMAT.equals(p.getProperty("format")))
            throw new IOException(props + ": a model of another format (format '" + p.getProperty("format") + "', this version reads '" + FORMAT + "')");
        for (String k : new String[] {"classes", "model", "features", "layout"})
            if (p.getProperty(k) == null) throw new IOException(props + ": no '" + k + "' entry");
        for (String f : new String[] {"network.zip", "scaler.csv"})
            if (!Files.isRegularFile(dir.resolve(f))) throw new IOException(dir + ": the saved model lacks " + f);
        String key = p.getProperty("features");
        if (expectedFeatureKey != null && !expectedFeatureKey.equals(key))
            throw new IOException(dir + ": the model was trained on features [" + key + "] but the data has [" + expectedFeatureKey + "]");
        SequenceNormalisation normalisation;
        try {
            normalisation = SequenceNormalisation.parse(p.getProperty("normalisation", SequenceNormalisation.TRAIN_SCALER.name()));
        } catch (IllegalArgumentException e) {
            throw new IOException(props + ": " + e.getMessage(), e);
        }
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("network.zip").toFile(), true);
        } catch (IOException | RuntimeException e) {   // a truncated or foreign zip: named, with what DL4J said
            throw new IOException(dir.resolve("network.zip") + ": not a readable DL4J network (" + e + ")", e);
        }
        java.util.Optional<String> bad = nonFinite(net);
        if (bad.isPresent())
            throw new IOException(dir.resolve("network.zip") + ": refusing a network whose parameters are not all finite (" + bad.get() + "): its training diverged");
        Scaler scaler = Scaler.load(dir.resolve("scaler.csv"));
        if (scaler.nonFinite().isPresent())
            throw new IOException(dir.resolve("scaler.csv") + ": refusing a scaler whose numbers are not all finite (" + scaler.nonFinite().get() + ")");
        return new SavedModel(net, scaler, List.of(p.getProperty("classes").split(",")),
                p.getProperty("model"), key, Dataset.Layout.valueOf(p.getProperty("layout")), normalisation);
    }

    /** Which parameter of {@code net} is not finite ("parameter 17 of 195336 is NaN"), or empty when all are. */
    static java.util.Optional<String> nonFinite(MultiLayerNetwork net) {
        float[] p = net.params().toFloatVector();
        for (int i = 0; i < p.length; i++)
            if (!Float.isFinite(p[i])) return java.util.Optional.of("parameter " + i + " of " + p.length + " is " + p[i]);
        return java.util.Optional.empty();
    }
}
