package org.emoaugnet.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.emoaugnet.features.FeatureExtractor;
import org.emoaugnet.features.Fidelity;
import org.emoaugnet.features.LibrosaFeatures;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Figures of the signal layer: mel spectrogram and MFCC images, distributions, projections, fidelity. */
public final class FeatureFigures {
    private FeatureFigures() {}

    /** Log-mel spectrogram (dB re the clip maximum, 80 dB range) of a clip at the extractor's rate. */
    public static BufferedImage melImage(String title, float[] y, FeatureExtractor fx) {
        float[][] db = LibrosaFeatures.powerToDb(fx.melPower(y), 1e-10, 80.0);
        float max = -Float.MAX_VALUE;
        for (float[] r : db) for (float v : r) max = Math.max(max, v);
        return Heatmap.render(title, db, max - 80, max, String.format(java.util.Locale.ROOT, "time 0–%.2f s", (double) y.length / fx.config().sampleRate()),
                fx.config().nMels() + " Slaney mel bands, dB", Plots.WIDTH / 2, Plots.HEIGHT / 2);
    }

    /** MFCC image (coefficients 1..n upwards), colour range symmetric per coefficient set. */
    public static BufferedImage mfccImage(String title, float[][] mfcc) {
        float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
        for (float[] r : mfcc) for (int k = 1; k < r.length; k++) { lo = Math.min(lo, r[k]); hi = Math.max(hi, r[k]); }
        return Heatmap.render(title, mfcc, lo, hi, "frames 0–" + (mfcc.length - 1), "MFCC 0–" + (mfcc[0].length - 1) + " (colour range from c1..)",
                Plots.WIDTH / 2, Plots.HEIGHT / 2);
    }

    /** Box plots of several groups. */
    public static BoxChart box(String title, String yLabel, Map<String, double[]> groups) {
        BoxChart c = new BoxChartBuilder().width(Plots.WIDTH).height(Plots.HEIGHT).title(title).yAxisTitle(yLabel).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setLegendVisible(false);
        groups.forEach((k, v) -> {
            double[] clean = Arrays.stream(v).filter(Double::isFinite).toArray();
            if (clean.length > 0) c.addSeries(k, clean);
        });
        return c;
    }

    /** Scatter of 2-D points, one series per group. */
    public static XYChart scatter(String title, String xLabel, String yLabel, Map<String, List<double[]>> groups) {
        XYChart c = new XYChartBuilder().width(Plots.WIDTH).height(Plots.HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setMarkerSize(6);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        groups.forEach((k, pts) -> {
            double[] x = pts.stream().mapToDouble(p -> p[0]).toArray(), y = pts.stream().mapToDouble(p -> p[1]).toArray();
            c.addSeries(k, x, y);
        });
        return c;
    }

    /** One MFCC coefficient over frames: ours and the reference. */
    public static XYChart fidelityTrace(Fidelity f, int coefficient) {
        int t = f.mfccRef().length;
        double[] x = new double[t], ours = new double[t], ref = new double[t];
        for (int i = 0; i < t; i++) { x[i] = i; ours[i] = f.mfcc()[i][coefficient]; ref[i] = f.mfccRef()[i][coefficient]; }
        XYChart c = new XYChartBuilder().width(Plots.WIDTH / 2).height(Plots.HEIGHT / 2)
                .title(f.name() + ": MFCC c" + coefficient + String.format(java.util.Locale.ROOT, " (max |Δ| all coeffs %.1e)", f.mfccMaxAbs()))
                .xAxisTitle("frame").yAxisTitle("value").build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.addSeries("librosa (golden)", x, ref).setMarker(SeriesMarkers.NONE);
        c.addSeries("emoaugnet-java", x, ours).setMarker(SeriesMarkers.CIRCLE);
        c.getStyler().setMarkerSize(3);
        return c;
    }

    /** Waveform + mel image pairs for a list of named clips, as one grid. */
    public static BufferedImage gallery(String title, Map<String, float[]> clips, FeatureExtractor fx) {
        List<BufferedImage> tiles = new ArrayList<>();
        clips.forEach((name, y) -> {
            tiles.add(Plots.image(Plots.waveform(name, y, fx.config().sampleRate())));
            tiles.add(melImage(name + " — log-mel", y, fx));
        });
        return Plots.grid(title, tiles, 2);
    }
}
