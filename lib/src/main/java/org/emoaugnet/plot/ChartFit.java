package org.emoaugnet.plot;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.chartpart.RenderableSeries.LegendRenderType;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Sizes an XChart chart to its content before it is painted, measuring text with the fonts and the font render
 * context XChart measures with: the title must lie over the plot (XChart centres it there and never wraps it), the
 * legend must fit beside the plot's height (XChart centres it there and never wraps it), and neighbouring x tick labels
 * must stay {@link #GAP} pixels apart (category labels turn 45° or 90° when they would not, and the chart widens when
 * even that fails). The chart is widened or heightened as needed, never shrunk. Margins the chart computes while it
 * paints (tick label widths of the y axis) are estimated generously; {@code ChartFitTest} checks the painted layout.
 */
final class ChartFit {
    /** Least distance, in pixels, between neighbouring x tick labels. */
    static final int GAP = 6;
    /** XChart's measuring context ({@code Legend_}, {@code ChartTitle}, {@code AxisTickCalculator_}). */
    private static final FontRenderContext FRC = new FontRenderContext(null, true, false);
    /** XChart's {@code Legend_.LEGEND_MARGIN} and {@code BOX_SIZE}, {@code Legend_.MULTI_LINE_SPACE}. */
    private static final int LEGEND_MARGIN = 6, BOX_SIZE = 20, MULTI_LINE_SPACE = 3;
    /** Allowance for the y tick labels (e.g. "-0.025" or "100"), which XChart computes while painting. */
    private static final String Y_TICK_SAMPLE = "-00.000";
    /** Legends with more entries than this get a tighter padding before the chart grows. */
    private static final int MANY_ENTRIES = 12;

    private ChartFit() {}

    /** The visual bounds of {@code s} in {@code f} (empty for empty text). */
    static Rectangle2D text(String s, Font f) {
        if (s == null || s.isEmpty()) return new Rectangle2D.Double();
        return new TextLayout(s, f, FRC).getBounds();
    }

    /**
     * Adjusts {@code c} where needed (x label rotation of category axes; round x-axis limits of numeric ones) and returns
     * the size to paint it at: at least its own size.
     */
    static Dimension fit(Chart<?, ?> c) {
        Styler s = c.getStyler();
        int pad = s.getChartPadding();
        double titleH = s.isChartTitleVisible() && c.getTitle() != null && !c.getTitle().isEmpty()
                ? text(c.getTitle(), s.getChartTitleFont()).getHeight() + 2 * s.getChartTitlePadding() : 0;
        double titleW = titleH == 0 ? 0 : text(c.getTitle(), s.getChartTitleFont()).getWidth() + 2 * s.getChartTitlePadding();
        if (s.isLegendVisible() && s.getLegendPosition() == Styler.LegendPosition.OutsideE && entries(c) > MANY_ENTRIES)
            s.setLegendPadding(Math.min(s.getLegendPadding(), 5));
        Rectangle2D legend = legend(c);
        double left = pad, right = pad + (legend.getWidth() > 0 ? legend.getWidth() + LEGEND_MARGIN : 0), bottom = pad, top = pad + titleH + pad;
        List<String> categories = List.of();
        if (s instanceof AxesChartStyler a) {
            Font axisTitle = a.getAxisTitleFont(), ticks = a.getAxisTickLabelsFont();
            double tickArea = a.getAxisTickMarkLength() + a.getAxisTickPadding() + a.getPlotMargin();
            left += (a.isYAxisTitleVisible() && notEmpty(c.getYAxisTitle()) ? text(c.getYAxisTitle(), axisTitle).getHeight() + a.getAxisTitlePadding() : 0)
                    + text(Y_TICK_SAMPLE, ticks).getWidth() + tickArea;
            bottom += (a.isXAxisTitleVisible() && notEmpty(c.getXAxisTitle()) ? text(c.getXAxisTitle(), axisTitle).getHeight() + a.getAxisTitlePadding() : 0)
                    + tickArea;
            categories = categories(c);
        }
        double width = c.getWidth(), height = c.getHeight();
        if (s instanceof AxesChartStyler a) {
            if (!categories.isEmpty()) {
                double slot = (width - left - right) * a.getPlotContentSize() / categories.size();
                double widest = 0, tallest = 0;
                for (String l : categories) {
                    Rectangle2D b = text(l, a.getAxisTickLabelsFont());
                    widest = Math.max(widest, b.getWidth());
                    tallest = Math.max(tallest, b.getHeight());
                }
                int rotation = a.getXAxisLabelRotation();
                if (rotation == 0 && widest + GAP > slot) rotation = 45;
                if (rotation > 0 && rotation < 90 && slot * Math.sin(Math.toRadians(rotation)) < tallest + GAP) rotation = 90;
                a.setXAxisLabelRotation(rotation);
                if (rotation == 90 && slot < tallest + GAP) // widen until the upright labels stand apart
                    width = left + right + (tallest + GAP) * categories.size() / a.getPlotContentSize();
                double t = Math.toRadians(rotation);
                bottom += widest * Math.sin(t) + tallest * Math.cos(t);
            } else {
                bottom += text("0123456789", a.getAxisTickLabelsFont()).getHeight();
                if (c instanceof XYChart xy) roundXRange(xy, a);
            }
        }
        width = Math.max(width, titleW + left + right);
        if (legend.getHeight() > height - top - bottom) height = legend.getHeight() + top + bottom;
        return new Dimension((int) Math.ceil(Math.max(width, c.getWidth())), (int) Math.ceil(Math.max(height, c.getHeight())));
    }

    private static boolean notEmpty(String s) { return s != null && !s.isEmpty(); }

    private static int entries(Chart<?, ?> c) {
        int n = 0;
        for (Series x : c.getSeriesMap().values()) if (x.isShowInLegend() && x.isEnabled()) n++;
        return n;
    }

    /** The size of XChart's vertical legend box ({@code Legend_.getBoundsHintVertical}); empty when none is drawn beside the plot. */
    private static Rectangle2D legend(Chart<?, ?> c) {
        Styler s = c.getStyler();
        if (!s.isLegendVisible() || s.getLegendPosition() != Styler.LegendPosition.OutsideE
                || s.getLegendLayout() != Styler.LegendLayout.Vertical || c.getSeriesMap().isEmpty())
            return new Rectangle2D.Double();
        boolean box = false;
        double textWidth = 0, height = 0;
        for (Series x : c.getSeriesMap().values()) {
            if (!x.isShowInLegend() || !x.isEnabled()) continue;
            double entry = 0;
            for (String line : x.getLabel().split("\\n")) {
                Rectangle2D b = new TextLayout(line, s.getLegendFont(), FRC).getOutline(null).getBounds2D();
                entry += b.getHeight() + MULTI_LINE_SPACE;
                textWidth = Math.max(textWidth, b.getWidth());
            }
            entry -= MULTI_LINE_SPACE;
            LegendRenderType type = legendType(c, x);
            boolean isBox = type == LegendRenderType.Box || type == LegendRenderType.BoxNoOutline;
            box |= isBox;
            double graphic = isBox ? BOX_SIZE : s instanceof AxesChartStyler a ? a.getMarkerSize() : BOX_SIZE;
            height += Math.max(entry, graphic) + s.getLegendPadding();
        }
        double content = (box ? BOX_SIZE : s.getLegendSeriesLineLength()) + s.getLegendPadding() + textWidth;
        return new Rectangle2D.Double(0, 0, content + 2 * s.getLegendPadding(), height + s.getLegendPadding());
    }

    /** How a series shows in the legend; before the first paint XChart has not yet given series its default style. */
    private static LegendRenderType legendType(Chart<?, ?> c, Series x) {
        if (x instanceof XYSeries xy && xy.getXYSeriesRenderStyle() == null && c.getStyler() instanceof org.knowm.xchart.style.XYStyler s)
            return s.getDefaultSeriesRenderStyle().getLegendRenderType();
        if (x instanceof CategorySeries cs && cs.getChartCategorySeriesRenderStyle() == null && c.getStyler() instanceof org.knowm.xchart.style.CategoryStyler s)
            return s.getDefaultSeriesRenderStyle().getLegendRenderType();
        return x.getLegendRenderType();
    }

    /** The x tick labels of a category axis (a category chart's categories, a box chart's series names); empty otherwise. */
    private static List<String> categories(Chart<?, ?> c) {
        List<String> out = new ArrayList<>();
        if (c instanceof CategoryChart cc && !cc.getSeriesMap().isEmpty()) {
            CategorySeries first = cc.getSeriesMap().values().iterator().next();
            for (Object o : first.getXData()) out.add(String.valueOf(o));
        } else if (c instanceof BoxChart bc) {
            out.addAll(bc.getSeriesMap().keySet());
        }
        return out;
    }

    /**
     * XChart puts x ticks on the data points whenever the x values (with the axis limits) are equally spaced — samples,
     * frames, epochs — and then packs the labels within a tenth of their width ("0.4590.9181.377"). Axis limits at
     * round numbers off that grid make it choose round ticks spaced by its tick-spacing hint instead.
     */
    private static void roundXRange(XYChart c, AxesChartStyler a) {
        if (a.getXAxisMin() != null || a.getXAxisMax() != null || a.isXAxisLogarithmic()) return;
        Set<Double> xs = new LinkedHashSet<>();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (XYSeries x : c.getSeriesMap().values())
            for (double v : x.getXData()) { xs.add(v); lo = Math.min(lo, v); hi = Math.max(hi, v); }
        if (!(hi > lo)) return;
        double step = niceStep((hi - lo) / 20); // limits close to the data; XChart still picks its own, wider tick step
        double min = Math.floor(lo / step) * step, max = Math.ceil(hi / step) * step;
        while (equallySpaced(min, xs, max)) max += step;
        a.setXAxisMin(min);
        a.setXAxisMax(max);
    }

    /** A step of 1, 2 or 5 × 10^k near {@code raw}. */
    static double niceStep(double raw) {
        double e = Math.pow(10, Math.floor(Math.log10(raw))), m = raw / e;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * e;
    }

    /** XChart's test ({@code AxisTickCalculator_.areValuesEquallySpaced}) on the axis limits and x values. */
    private static boolean equallySpaced(double min, Set<Double> xs, double max) {
        List<Double> v = new ArrayList<>();
        Set<Double> all = new LinkedHashSet<>();
        all.add(min);
        all.addAll(xs);
        all.add(max);
        v.addAll(all);
        if (v.size() < 2 || Math.abs(max - min) < 1e-4) return false;
        double space = v.get(1) - v.get(0);
        for (int i = 1; i < v.size(); i++) if (Math.abs(v.get(i) - v.get(i - 1) - space) >= 1e-4) return false;
        return true;
    }
}
