package org.emoaugnet.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.emoaugnet.util.AtomicFiles;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart figures as {@link BufferedImage}s (what notebooks pass to {@code display(...)}) and PNG files. Charts are
 * rendered at the size their titles, legends and tick labels need ({@link #image}); x tick labels turn only when they
 * would crowd.
 */
public final class Plots {
    public static final int WIDTH = 800, HEIGHT = 450;

    private Plots() {}

    /** A bar chart of one series. */
    public static CategoryChart bar(String title, String xLabel, String yLabel, List<String> categories, List<? extends Number> values) {
        return bars(title, xLabel, yLabel, categories, Map.of(yLabel, values));
    }

    /**
     * Grouped bars: one series per map entry (in map order). A NaN value has no bar (XChart paints nothing for it and
     * leaves it out of the axis range), and its category's label says so ({@link #absentMarked}, {@link #NO_VALUE}),
     * since an empty place would otherwise read as a bar of height 0.
     */
    public static CategoryChart bars(String title, String xLabel, String yLabel, List<String> categories,
                                     Map<String, ? extends List<? extends Number>> series) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(c);
        c.getStyler().setLegendVisible(series.size() > 1);
        List<String> labels = absentMarked(categories, series.values().stream().map(v -> v.stream().mapToDouble(Number::doubleValue).toArray()).toList(), NO_VALUE);
        series.forEach((name, v) -> c.addSeries(name, labels, new ArrayList<Number>(v)));
        return c;
    }

    /** How a category's label names a bar without a value, where the caller does not say why ({@link #absentMarked}). */
    public static final String NO_VALUE = "no value";

    /**
     * The category labels of a bar chart whose {@code series} (one array per series, a value per category) have NaN
     * where a bar has no value: such a category's label ends in "(2 not run)" for {@code absent} "not run" (the number of
     * series without a value there), or "(not run)" with one series.
     */
    public static List<String> absentMarked(List<String> categories, List<double[]> series, String absent) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < categories.size(); k++) {
            int missing = 0;
            for (double[] v : series) if (Double.isNaN(v[k])) missing++;
            out.add(missing == 0 ? categories.get(k) : categories.get(k) + " (" + (series.size() == 1 ? "" : missing + " ") + absent + ")");
        }
        return out;
    }

    /** Overlaid histograms (as step-free bar series) of several groups over common bins. */
    public static CategoryChart histogram(String title, String xLabel, Map<String, double[]> groups, int bins) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double[] g : groups.values()) for (double v : g) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        if (hi <= lo) hi = lo + 1;
        double w = (hi - lo) / bins;
        List<String> cats = new ArrayList<>();
        for (int b = 0; b < bins; b++) cats.add(String.format(java.util.Locale.ROOT, "%.2f", lo + (b + 0.5) * w));
        Map<String, List<Integer>> series = new java.util.LinkedHashMap<>();
        for (var e : groups.entrySet()) {
            int[] h = new int[bins];
            for (double v : e.getValue()) h[Math.min(bins - 1, (int) ((v - lo) / w))]++;
            List<Integer> l = new ArrayList<>();
            for (int x : h) l.add(x);
            series.put(e.getKey(), l);
        }
        CategoryChart c = bars(title, xLabel, "count", cats, series);
        c.getStyler().setOverlapped(true);
        return c;
    }

    /** A line plot of y against x. */
    public static XYChart line(String title, String xLabel, String yLabel, double[] x, double[] y) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT / 2).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(c);
        c.getStyler().setLegendVisible(false);
        c.addSeries(yLabel, x, y).setMarker(SeriesMarkers.NONE);
        return c;
    }

    /** A waveform, decimated to at most 4000 points (min/max pairs keep the envelope). */
    public static XYChart waveform(String title, float[] y, int sr) {
        int n = y.length, buckets = Math.min(n, 2000), per = Math.max(1, n / buckets);
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int b = 0; b * per < n; b++) {
            float mn = Float.MAX_VALUE, mx = -Float.MAX_VALUE;
            for (int i = b * per; i < Math.min(n, (b + 1) * per); i++) { mn = Math.min(mn, y[i]); mx = Math.max(mx, y[i]); }
            double t = (double) b * per / sr;
            xs.add(t); ys.add((double) mn); xs.add(t); ys.add((double) mx);
        }
        XYChart c = new XYChartBuilder().width(WIDTH / 2).height(HEIGHT / 2).title(title).xAxisTitle("time (s)").yAxisTitle("amplitude").build();
        style(c);
        c.getStyler().setLegendVisible(false);
        c.addSeries("y", xs, ys).setMarker(SeriesMarkers.NONE);
        return c;
    }

    private static void style(Chart<?, ?> c) {
        Styler s = c.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setAntiAlias(true);
    }

    /**
     * Renders a chart at the size its content needs ({@link ChartFit}: at least its own size; titles, legends and tick
     * labels neither clipped nor crowded).
     */
    public static BufferedImage image(Chart<?, ?> chart) {
        java.awt.Dimension d = ChartFit.fit(chart);
        BufferedImage img = new BufferedImage(d.width, d.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        chart.paint(g, d.width, d.height);
        g.dispose();
        return img;
    }

    /**
     * Renders and saves a chart as PNG (atomically), enters it in the results' provenance log with the runs the chart
     * and {@code sources} (the tables or values it was drawn from) carry ({@link org.emoaugnet.util.Lineage}), and
     * returns the image for display.
     */
    public static BufferedImage save(Chart<?, ?> chart, Path png, Object... sources) throws IOException {
        BufferedImage img = image(chart);
        write(img, png, org.emoaugnet.util.Lineage.of(chart), org.emoaugnet.util.Lineage.of(sources));
        return img;
    }

    /** Saves an image as PNG (atomically), logged like {@link #save(Chart, Path, Object...)}, and returns it for display. */
    public static BufferedImage save(BufferedImage img, Path png, Object... sources) throws IOException {
        write(img, png, org.emoaugnet.util.Lineage.of(img), org.emoaugnet.util.Lineage.of(sources));
        return img;
    }

    private static void write(BufferedImage img, Path png, java.util.Set<String> a, java.util.Set<String> b) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bos);
        AtomicFiles.write(png, bos.toByteArray());
        java.util.Set<String> runs = new java.util.TreeSet<>(a);
        runs.addAll(b);
        org.emoaugnet.util.OutputLog.record(png, runs);
    }

    /** Lays images out on a grid, row by row, with a title strip (the image widens to hold the title). */
    public static BufferedImage grid(String title, List<BufferedImage> images, int cols) {
        int cw = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int ch = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        int rows = (images.size() + cols - 1) / cols, top = 30;
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        int titleWidth = (int) Math.ceil(ChartFit.text(title, font).getMaxX()) + 20; // never cut the title
        BufferedImage out = new BufferedImage(Math.max(cw * cols, titleWidth), ch * rows + top, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(font);
        g.drawString(title, 10, 21);
        for (int i = 0; i < images.size(); i++) g.drawImage(images.get(i), (i % cols) * cw, top + (i / cols) * ch, null);
        g.dispose();
        return out;
    }
}
