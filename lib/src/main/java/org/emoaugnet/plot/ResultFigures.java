package org.emoaugnet.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.emoaugnet.eval.Confusion;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Figures of training and evaluation: learning curves and confusion matrices. */
public final class ResultFigures {
    private ResultFigures() {}

    /** One line per series over epochs 1..n. */
    public static XYChart curves(String title, String yLabel, Map<String, double[]> series) {
        XYChart c = new XYChartBuilder().width(Plots.WIDTH).height(Plots.HEIGHT).title(title).xAxisTitle("epoch").yAxisTitle(yLabel).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        series.forEach((k, v) -> {
            double[] x = new double[v.length];
            for (int i = 0; i < v.length; i++) x[i] = i + 1;
            c.addSeries(k, x, v).setMarker(SeriesMarkers.CIRCLE);
        });
        return org.emoaugnet.util.Lineage.tag(c, series);
    }

    /**
     * One run's curve for {@link #curvesByGroup}: its values at epochs 1..n and whether the run converged by its
     * schedule's rule.
     */
    public record RunCurve(double[] values, boolean converged) {}

    /**
     * Curves of many runs in groups (an outer fold's seeds), so that 30 runs stay readable: one colour per group, a
     * thin line without markers per run, dashed where the run did not converge; one legend entry per group, "name (n
     * runs)" or "name (n runs, k NOT converged: dashed)".
     */
    public static XYChart curvesByGroup(String title, String yLabel, Map<String, List<RunCurve>> groups) {
        XYChart c = new XYChartBuilder().width(Plots.WIDTH).height(Plots.HEIGHT).title(title).xAxisTitle("epoch").yAxisTitle(yLabel).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        Color[] palette = c.getStyler().getSeriesColors();
        int g = 0;
        for (var e : groups.entrySet()) {
            Color colour = palette[g++ % palette.length];
            List<RunCurve> runs = e.getValue();
            long unconverged = runs.stream().filter(r -> !r.converged()).count();
            String legend = e.getKey() + " (" + runs.size() + (runs.size() == 1 ? " run" : " runs")
                    + (unconverged == 0 ? ")" : ", " + unconverged + " NOT converged: dashed)");
            for (int i = 0; i < runs.size(); i++) {
                double[] v = runs.get(i).values(), x = new double[v.length];
                for (int k = 0; k < v.length; k++) x[k] = k + 1;
                var line = c.addSeries(i == 0 ? legend : legend + " #" + (i + 1), x, v);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(colour);
                line.setLineWidth(1.2f);
                if (!runs.get(i).converged()) line.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
                line.setShowInLegend(i == 0);
            }
        }
        return org.emoaugnet.util.Lineage.tag(c, groups);
    }

    /**
     * A metric over degradation levels (e.g. UA against SNR), one coloured line with markers per model; each model's
     * value on clean speech as a dashed horizontal line of its colour (clean speech has no level, so it is not drawn at
     * a made-up one), and the chance level as a grey dotted line. The y axis spans 0–100 %.
     */
    public static XYChart degradation(String title, String xLabel, String yLabel, DegradationCurves curves) {
        XYChart c = new XYChartBuilder().width(Plots.WIDTH).height(Plots.HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        c.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (DegradationCurves.Curve k : curves.curves().values())
            for (double x : k.level()) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        if (!(hi > lo)) { lo = Double.isFinite(lo) ? lo - 1 : 0; hi = lo + 2; }
        double[] span = {lo, hi};
        Color[] palette = c.getStyler().getSeriesColors();
        int i = 0;
        for (var e : curves.curves().entrySet()) {
            Color colour = palette[i++ % palette.length];
            DegradationCurves.Curve k = e.getValue();
            if (k.level().length > 0) {
                var line = c.addSeries(e.getKey(), k.level(), k.value());
                line.setMarker(SeriesMarkers.CIRCLE);
                line.setLineColor(colour);
                line.setMarkerColor(colour);
            }
            if (!Double.isNaN(k.clean())) {
                var clean = c.addSeries(e.getKey() + ": clean speech", span, new double[] {k.clean(), k.clean()});
                clean.setMarker(SeriesMarkers.NONE);
                clean.setLineColor(colour);
                clean.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
            }
        }
        var chance = c.addSeries(String.format(java.util.Locale.ROOT, "chance (%.1f %%)", curves.chance()), span,
                new double[] {curves.chance(), curves.chance()});
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineColor(Color.GRAY);
        chance.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DOT_DOT);
        return org.emoaugnet.util.Lineage.tag(c, curves);
    }

    /**
     * Bars with 95 % interval whiskers, one bar per category (NaN estimate: no bar, the category labelled
     * "(no value)", {@link Plots#NO_VALUE}). XChart draws symmetric error bars, so each whisker is the larger side of its
     * interval (never narrower than the interval itself).
     */
    public static org.knowm.xchart.CategoryChart barsWithIntervals(String title, String yLabel, java.util.List<String> categories,
                                                                   double[] estimate, double[] low, double[] high) {
        double[][] v = new double[estimate.length][];
        for (int i = 0; i < estimate.length; i++) v[i] = new double[] {estimate[i], low[i], high[i]};
        org.knowm.xchart.CategoryChart c = groupedBarsWithIntervals(title, yLabel, categories, java.util.Map.of(yLabel, v), Plots.NO_VALUE);
        c.getStyler().setLegendVisible(false);
        return c;
    }

    /**
     * Grouped bars with 95 % interval whiskers: one series per map entry, each an array {estimate, low, high} per
     * category (NaN low/high: no whisker). A NaN estimate is drawn as absent, never as a bar at 0: no bar and no whisker
     * (XChart paints nothing for a NaN value, and leaves it out of the axis range), and the category's label says so in
     * the words {@code absent} gives ({@link Plots#absentMarked}), e.g. "ReLU WA, all (2 not run)". Whiskers are
     * symmetric, the larger side of each interval.
     */
    public static org.knowm.xchart.CategoryChart groupedBarsWithIntervals(String title, String yLabel, java.util.List<String> categories,
                                                                          java.util.Map<String, double[][]> series, String absent) {
        java.util.List<String> labels = Plots.absentMarked(categories, series.values().stream()
                .map(v -> java.util.Arrays.stream(v).mapToDouble(e -> e[0]).toArray()).toList(), absent);
        org.knowm.xchart.CategoryChart c = Plots.bars(title, "", yLabel, labels, java.util.Map.of());
        c.getStyler().setLegendVisible(true);
        c.getStyler().setErrorBarsColor(Color.BLACK);
        series.forEach((name, v) -> {
            java.util.List<Double> est = new java.util.ArrayList<>(), err = new java.util.ArrayList<>();
            for (double[] e : v) {
                est.add(e[0]);
                err.add(Double.isNaN(e[0]) ? Double.NaN : Double.isNaN(e[1]) || Double.isNaN(e[2]) ? 0 : Math.max(e[2] - e[0], e[0] - e[1]));
            }
            c.addSeries(name, labels, est, err);
        });
        return c;
    }

    /**
     * A labelled matrix of values in [lo, hi] (e.g. UA in % of a train-corpus × test-corpus grid) with a text per cell
     * (value and interval); NaN cells are grey.
     */
    public static BufferedImage matrix(String title, String note, java.util.List<String> rows, java.util.List<String> cols, double[][] v,
                                       String[][] text, double lo, double hi) {
        return matrix(title, note, rows, cols, v, text, x -> {
            double share = Math.max(0, Math.min(1, (x - lo) / (hi - lo)));
            return new Color(Heatmap.viridis(share));
        }, x -> Math.max(0, Math.min(1, (x - lo) / (hi - lo))) <= 0.6, left(rows));
    }

    /** Where a matrix's cells start: 120 pixels, or more where a row label needs it. */
    private static int left(java.util.List<String> rows) {
        return Math.max(120, 20 + rows.stream().mapToInt(r -> (int) Math.ceil(ChartFit.text(r, NOTE_FONT).getMaxX())).max().orElse(0));
    }

    /**
     * A matrix of differences on a diverging scale: white at 0, red for positive values and blue for negative ones,
     * full at ±{@code range} (beyond it clipped); each cell's text beside its colour, grey where the value is NaN.
     */
    public static BufferedImage differenceMatrix(String title, String note, java.util.List<String> rows, java.util.List<String> cols, double[][] v,
                                                 String[][] text, double range) {
        return matrix(title, note, rows, cols, v, text, x -> {
            double t = Math.max(-1, Math.min(1, x / range));
            int fade = (int) Math.round(255 * (1 - Math.abs(t)));
            return t >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
        }, x -> Math.abs(x / range) > 0.7, left(rows));
    }

    private static BufferedImage matrix(String title, String note, java.util.List<String> rows, java.util.List<String> cols, double[][] v, String[][] text,
                                        java.util.function.DoubleFunction<Color> colour, java.util.function.DoublePredicate whiteText, int left) {
        int cell = 130, top = 64;
        BufferedImage img = new BufferedImage(canvasWidth(left + cols.size() * cell + 20, title, note), top + rows.size() * 70 + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title, note);
        for (int r = 0; r < rows.size(); r++) {
            g.setColor(Color.BLACK);
            g.drawString(rows.get(r), 10, top + r * 70 + 38);
            for (int c = 0; c < cols.size(); c++) {
                double x = v[r][c];
                g.setColor(Double.isNaN(x) ? Color.LIGHT_GRAY : colour.apply(x));
                g.fillRect(left + c * cell, top + r * 70, cell - 2, 68);
                g.setColor(Double.isNaN(x) || !whiteText.test(x) ? Color.BLACK : Color.WHITE);
                String[] lines = text[r][c] == null ? new String[] {"not run"} : text[r][c].split("\n");
                for (int l = 0; l < lines.length; l++) g.drawString(lines[l], left + c * cell + 8, top + r * 70 + 24 + 16 * l);
            }
        }
        g.setColor(Color.BLACK);
        for (int c = 0; c < cols.size(); c++) g.drawString(cols.get(c), left + c * cell + 8, top + rows.size() * 70 + 16);
        g.dispose();
        return img;
    }

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13), NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /** At least {@code content} pixels, and wide enough that the {@link #canvas} title and note are not cut. */
    static int canvasWidth(int content, String title, String note) {
        double text = Math.max(ChartFit.text(title, TITLE_FONT).getMaxX(), ChartFit.text(note, NOTE_FONT).getMaxX());
        return Math.max(content, (int) Math.ceil(10 + text + 10));
    }

    /** A white image with a bold title and a note line under it; returns the graphics, plain font, black. */
    private static Graphics2D canvas(BufferedImage img, String title, String note) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(TITLE_FONT);
        g.drawString(title, 10, 20);
        g.setFont(NOTE_FONT);
        g.drawString(note, 10, 38);
        return g;
    }

    /** Row-normalised confusion matrix with counts and shares written in the cells. */
    public static BufferedImage confusion(String title, Confusion cm) {
        int k = cm.k(), cell = 70, left = 110, top = 60, size = left + k * cell + 20;
        String note = "rows: true class; columns: predicted";
        BufferedImage img = new BufferedImage(canvasWidth(size, title, note), top + k * cell + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img, title, note);
        for (int r = 0; r < k; r++) {
            int sup = Math.max(1, cm.support(r));
            g.setColor(Color.BLACK);
            g.drawString(cm.classes().get(r), 10, top + r * cell + cell / 2 + 4);
            for (int c = 0; c < k; c++) {
                double share = (double) cm.counts()[r][c] / sup;
                g.setColor(new Color(Heatmap.viridis(share)));
                g.fillRect(left + c * cell, top + r * cell, cell - 2, cell - 2);
                g.setColor(share > 0.6 ? Color.BLACK : Color.WHITE);
                g.drawString(String.format(java.util.Locale.ROOT, "%.2f", share), left + c * cell + 18, top + r * cell + cell / 2 - 2);
                g.drawString("(" + cm.counts()[r][c] + ")", left + c * cell + 18, top + r * cell + cell / 2 + 12);
            }
        }
        g.setColor(Color.BLACK);
        for (int c = 0; c < k; c++) {
            String name = cm.classes().get(c);
            g.drawString(name.length() > 9 ? name.substring(0, 9) : name, left + c * cell + 6, top + k * cell + 16);
        }
        g.dispose();
        return org.emoaugnet.util.Lineage.tag(img, cm);
    }
}
