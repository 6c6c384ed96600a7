package org.emoaugnet.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.internal.chartpart.ChartLayout;

/** Bars of a cell that has no value (a protocol not run) are absent, never drawn as a value: not in the data, not on the image. */
class ResultFiguresTest {
    static final double[] ABSENT = {Double.NaN, Double.NaN, Double.NaN};

    @Test
    void aCellWithoutAValueIsNoBarAndItsCategorySaysSo() {
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("paper", new double[][] {{94.5, Double.NaN, Double.NaN}, {94.5, Double.NaN, Double.NaN}});
        series.put("paper-style (leaks)", new double[][] {{96.3, 95.8, 96.8}, {97.0, 96.2, 97.8}});
        series.put("speaker-independent", new double[][] {{52.0, 49.9, 54.1}, ABSENT});
        series.put("augment after utterance split", new double[][] {{80.1, 77.0, 83.2}, ABSENT});
        CategoryChart c = ResultFigures.groupedBarsWithIntervals("claims", "%", List.of("ReLU WA, public-4", "ReLU WA, all"), series, "not run");
        CategorySeries si = c.getSeriesMap().get("speaker-independent");
        assertEquals(List.of("ReLU WA, public-4", "ReLU WA, all (2 not run)"), List.copyOf(si.getXData()), "the category says how many cells were not run");
        assertEquals(52.0, si.getYData().stream().toList().get(0).doubleValue(), 1e-12);
        assertTrue(Double.isNaN(si.getYData().stream().toList().get(1).doubleValue()), "a cell not run is no value, not 0: " + si.getYData());
        assertTrue(Double.isNaN(si.getExtraValues().stream().toList().get(1).doubleValue()), "and has no whisker: " + si.getExtraValues());
        assertEquals(0.0, c.getSeriesMap().get("paper").getExtraValues().stream().toList().get(0).doubleValue(), "a value without an interval keeps its bar, without a whisker");
        CategoryChart one = ResultFigures.barsWithIntervals("ablation", "UA (%)", List.of("none", "noise"), new double[] {50, Double.NaN},
                new double[] {45, Double.NaN}, new double[] {55, Double.NaN});
        assertEquals(List.of("none", "noise (" + Plots.NO_VALUE + ")"), List.copyOf(one.getSeriesMap().values().iterator().next().getXData()));
    }

    @Test
    void plainBarsMarkACategoryWithoutAValueToo() {
        Map<String, List<Double>> shift = new LinkedHashMap<>();
        shift.put("trained on a", List.of(-12.0, Double.NaN, 0.0));
        shift.put("trained on b", List.of(3.0, 4.0, 0.0));
        CategoryChart c = Plots.bars("recall shift", "class", "points", List.of("neutral", "happy", "sad"), shift);
        assertEquals(List.of("neutral", "happy (1 " + Plots.NO_VALUE + ")", "sad"), List.copyOf(c.getSeriesMap().get("trained on b").getXData()),
                "an undefined shift is named, unlike a shift of 0, which also has no visible bar");
    }

    /**
     * Painted, the half of the plot that holds the category without a value has no coloured pixel (a bar; the plot is
     * otherwise white with grey grid lines) and none of the whiskers' black (a bar at 0 with a zero whisker would leave a black cap on the zero line, which lies inside the plot
     * here), while the half with the value has both.
     */
    @Test
    void aCellWithoutAValueLeavesItsPlaceEmpty() {
        CategoryChart c = ResultFigures.groupedBarsWithIntervals("one series", "%", List.of("run", "not run here"),
                Map.of("speaker-independent", new double[][] {{50, 45, 55}, ABSENT}), "not run");
        c.getStyler().setYAxisMin(-20.0).setYAxisMax(100.0);
        BufferedImage img = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        c.paint(g, c.getWidth(), c.getHeight());
        g.dispose();
        Rectangle2D plot = ChartLayout.plotBounds(c);
        double mid = plot.getCenterX();
        int[] left = count(img, plot.getMinX() + 2, mid, plot), right = count(img, mid, plot.getMaxX() - 2, plot);
        assertTrue(left[0] > 100 && left[1] > 5, "the value is drawn, bar and whisker (sanity): " + left[0] + " / " + left[1]);
        assertEquals(0, right[0], "no bar where there is no value");
        assertEquals(0, right[1], "no whisker, nor a cap on the zero line, where there is no value");
    }

    /** Coloured (not grey) and black pixels between x0 and x1 inside the plot's height (its border left out). */
    private static int[] count(BufferedImage img, double x0, double x1, Rectangle2D plot) {
        int[] n = new int[2];
        for (int x = (int) Math.ceil(x0); x < (int) Math.floor(x1); x++)
            for (int y = (int) Math.ceil(plot.getMinY()) + 2; y < (int) Math.floor(plot.getMaxY()) - 2; y++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                int r = rgb >> 16 & 0xFF, gr = rgb >> 8 & 0xFF, b = rgb & 0xFF;
                if (Math.max(r, Math.max(gr, b)) - Math.min(r, Math.min(gr, b)) > 40) n[0]++;
                if (rgb == 0) n[1]++;
            }
        return n;
    }
}
