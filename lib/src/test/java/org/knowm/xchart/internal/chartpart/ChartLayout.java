package org.knowm.xchart.internal.chartpart;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * Test instrument (XChart 3.8.8 internals, hence this package): where a chart that has just been painted put its
 * title, its legend box and its x-axis tick labels, read from the chart's own parts (their bounds, offsets and tick
 * calculators) and placed the way {@code AxisTickLabels.paint} places them.
 *
 * @param width, height the size the chart was painted at
 * @param title         the title's box (empty when no title)
 * @param legend        the legend's box, which holds every legend entry (null when no legend was drawn)
 * @param xTickLabels   the drawn x tick labels, left to right
 */
public record ChartLayout(int width, int height, Rectangle2D title, Rectangle2D legend, List<Tick> xTickLabels) {

    /** One drawn tick label: its text box at the origin and the transform (rotation, then placement) it is drawn with. */
    public record Tick(String text, Rectangle2D box, AffineTransform place) {
        /** The label's box on the image. */
        public Shape shape() { return place.createTransformedShape(box); }

        /** The box widened by {@code gap} pixels on every side, in the label's own direction. */
        Shape grown(double gap) {
            return place.createTransformedShape(new Rectangle2D.Double(box.getX() - gap, box.getY() - gap, box.getWidth() + 2 * gap, box.getHeight() + 2 * gap));
        }
    }

    /** Paints {@code chart} on {@code g} at its size and reads back its layout. */
    public static ChartLayout paint(Chart<?, ?> chart, Graphics2D g, int width, int height) {
        chart.paint(g, width, height);
        Rectangle2D title = chart.getStyler().isChartTitleVisible() && chart.getTitle() != null && !chart.getTitle().isEmpty()
                ? chart.getChartTitle().getBounds() : new Rectangle2D.Double();
        Rectangle2D legend = null;
        if (chart.getStyler().isLegendVisible() && !chart.getSeriesMap().isEmpty() && chart.getPlot().getBounds().getWidth() >= 30) {
            Rectangle2D b = chart.getLegend().getBounds();
            legend = new Rectangle2D.Double(chart.getLegend().xOffset, chart.getLegend().yOffset, b.getWidth(), b.getHeight());
        }
        List<Tick> ticks = new ArrayList<>();
        if (chart.getStyler() instanceof AxesChartStyler s && s.isXAxisTicksVisible()) xTicks(chart, s, g.getFontRenderContext(), ticks);
        return new ChartLayout(width, height, title, legend, List.copyOf(ticks));
    }

    /** The plot area (inside the axes) of a chart that has just been painted. */
    public static Rectangle2D plotBounds(Chart<?, ?> chart) { return chart.getPlot().getBounds(); }

    @SuppressWarnings({"rawtypes"})
    private static void xTicks(Chart<?, ?> chart, AxesChartStyler s, FontRenderContext frc, List<Tick> out) {
        Axis axis = chart.getXAxis();
        List<String> labels = axis.getAxisTickCalculator().getTickLabels();
        List<Double> locations = axis.getAxisTickCalculator().getTickLocations();
        double xOffset = axis.getBounds().getX(), width = axis.getBounds().getWidth();
        double yOffset = axis.getAxisTitle().getBounds().getY();
        Font font = s.getAxisTickLabelsFont();
        double angle = -Math.toRadians(s.getXAxisLabelRotation());
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            double at = xOffset + locations.get(i);
            if (label == null || label.isEmpty() || at <= xOffset || at >= xOffset + width) continue;
            TextLayout tl = new TextLayout(label, font, frc);
            AffineTransform rot = AffineTransform.getRotateInstance(angle, 0, 0);
            Rectangle2D rb = tl.getOutline(rot).getBounds2D();
            double xPos = at - rb.getWidth() / 2.0; // centred, XChart's default alignment
            double shiftX = -rb.getX() * Math.sin(Math.toRadians(s.getXAxisLabelRotation()));
            double shiftY = -(rb.getY() + rb.getHeight());
            if (!(xPos > 0 && xPos + rb.getWidth() < chart.getWidth())) continue; // XChart does not draw it
            AffineTransform place = AffineTransform.getTranslateInstance(xPos + shiftX, yOffset + shiftY);
            place.concatenate(rot);
            out.add(new Tick(label, tl.getBounds(), place));
        }
    }

    /** Neighbouring x tick labels closer than {@code gap} pixels (or overlapping), as "'a' / 'b'". */
    public List<String> crowdedTickLabels(double gap) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < xTickLabels.size(); i++) {
            Area a = new Area(xTickLabels.get(i).grown(gap));
            a.intersect(new Area(xTickLabels.get(i + 1).shape()));
            if (!a.isEmpty()) out.add("'" + xTickLabels.get(i).text() + "' / '" + xTickLabels.get(i + 1).text() + "'");
        }
        return out;
    }
}
