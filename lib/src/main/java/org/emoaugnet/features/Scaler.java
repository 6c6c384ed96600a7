package org.emoaugnet.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.emoaugnet.util.AtomicFiles;

/**
 * Per-feature standardisation ({@code sklearn.preprocessing.StandardScaler}: population s.d., a constant feature
 * gets scale 1). Fitted on training rows only; saved with a run as a two-line CSV (means, scales).
 */
public final class Scaler {
    private final double[] mean, scale;

    private Scaler(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
    }

    /** Fits on rows {@code [n][d]}. */
    public static Scaler fit(float[][] rows) {
        if (rows.length == 0) throw new IllegalArgumentException("cannot fit a scaler on zero rows");
        int d = rows[0].length;
        double[] mean = new double[d], var = new double[d];
        for (float[] r : rows) for (int j = 0; j < d; j++) mean[j] += r[j];
        for (int j = 0; j < d; j++) mean[j] /= rows.length;
        for (float[] r : rows) for (int j = 0; j < d; j++) var[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(var[j] / rows.length);
            scale[j] = s < 1e-12 ? 1.0 : s;
        }
        return new Scaler(mean, scale);
    }

    /** Fits on frame sequences {@code [n][T][C]}: one mean/scale per channel over all frames of all rows. */
    public static Scaler fitSequences(float[][][] seqs) {
        int c = seqs[0][0].length, total = 0;
        for (float[][] s : seqs) total += s.length;
        float[][] frames = new float[total][];
        int i = 0;
        for (float[][] s : seqs) for (float[] f : s) frames[i++] = f;
        return fit(frames);
    }

    /** The scaler that changes nothing ({@code d} means 0, scales 1): for inputs already standardised otherwise. */
    public static Scaler identity(int d) {
        double[] scale = new double[d];
        java.util.Arrays.fill(scale, 1.0);
        return new Scaler(new double[d], scale);
    }

    /**
     * One recording's frame sequence {@code [T][C]} standardised by its own statistics: per channel, the mean and
     * population s.d. over its T frames (a constant channel keeps scale 1, as in {@link #fit}). Not transductive: it
     * reads this recording only, never other test recordings or their labels. Padding frames of an aligned window
     * count as frames.
     */
    public static float[][] standardiseUtterance(float[][] seq) {
        if (seq.length == 0) throw new IllegalArgumentException("cannot standardise a sequence without frames");
        return fit(seq).transform(seq);
    }

    public int dimension() { return mean.length; }

    /** What of the scaler is not finite ("the mean of dimension 3 is NaN"), or empty when every mean and scale is finite. */
    public java.util.Optional<String> nonFinite() {
        for (int j = 0; j < mean.length; j++) {
            if (!Double.isFinite(mean[j])) return java.util.Optional.of("the mean of dimension " + j + " is " + mean[j]);
            if (!Double.isFinite(scale[j])) return java.util.Optional.of("the scale of dimension " + j + " is " + scale[j]);
        }
        return java.util.Optional.empty();
    }

    public float[] transform(float[] row) {
        if (row.length != mean.length) throw new IllegalArgumentException("row has " + row.length + " values, scaler " + mean.length);
        float[] out = new float[row.length];
        for (int j = 0; j < row.length; j++) out[j] = (float) ((row[j] - mean[j]) / scale[j]);
        return out;
    }

    public float[][] transform(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = transform(rows[i]);
        return out;
    }

    public void save(Path csv) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (double[] line : new double[][] {mean, scale}) {
            for (int j = 0; j < line.length; j++) sb.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.17g", line[j]));
            sb.append('\n');
        }
        AtomicFiles.writeString(csv, sb.toString());
    }

    public static Scaler load(Path csv) throws IOException {
        var lines = Files.readAllLines(csv);
        if (lines.size() < 2) throw new IOException(csv + ": a scaler file has two lines (means, scales)");
        double[] m = parse(csv, lines.get(0)), s = parse(csv, lines.get(1));
        if (m.length != s.length) throw new IOException(csv + ": means and scales differ in length");
        return new Scaler(m, s);
    }

    private static double[] parse(Path csv, String line) throws IOException {
        String[] f = line.split(",");
        double[] out = new double[f.length];
        try {
            for (int i = 0; i < f.length; i++) out[i] = Double.parseDouble(f[i]);
        } catch (NumberFormatException e) {
            throw new IOException(csv + ": not a number: " + e.getMessage());
        }
        return out;
    }
}
