package org.emoaugnet.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Renders a matrix {@code [column][row]} (e.g. frames × bins) as a viridis-like image with a title and axis notes. */
public final class Heatmap {
    private Heatmap() {}

    /**
     * @param m       values {@code [x][y]}; y = 0 is drawn at the bottom
     * @param lo      value mapped to the darkest colour
     * @param hi      value mapped to the brightest colour
     * @param xNote   x-axis caption (e.g. "time 0–2.4 s")
     * @param yNote   y-axis caption (e.g. "0–8 kHz")
     */
    public static BufferedImage render(String title, float[][] m, double lo, double hi, String xNote, String yNote, int width, int height) {
        int left = 8, top = 22, bottom = 18;
        width = Math.max(width, width(title, xNote, yNote, left)); // never cut the title or the notes
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        int pw = width - 2 * left, ph = height - top - bottom;
        int nx = m.length, ny = m[0].length;
        for (int px = 0; px < pw; px++) {
            int x = Math.min(nx - 1, px * nx / pw);
            for (int py = 0; py < ph; py++) {
                int y = Math.min(ny - 1, (ph - 1 - py) * ny / ph);
                double v = (m[x][y] - lo) / (hi - lo);
                img.setRGB(left + px, top + py, viridis(Math.max(0, Math.min(1, v))));
            }
        }
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(TITLE_FONT);
        g.drawString(title, left, 15);
        g.setFont(NOTE_FONT);
        g.drawString(notes(xNote, yNote), left, height - 5);
        g.dispose();
        return img;
    }

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12), NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private static String notes(String xNote, String yNote) { return xNote + "   |   " + yNote; }

    /** The least image width that holds the title and the notes line with {@code left} pixels either side. */
    static int width(String title, String xNote, String yNote, int left) {
        double text = Math.max(ChartFit.text(title, TITLE_FONT).getMaxX(), ChartFit.text(notes(xNote, yNote), NOTE_FONT).getMaxX());
        return (int) Math.ceil(2 * left + text);
    }

    /** A compact approximation of matplotlib's viridis colour map. */
    static int viridis(double t) {
        double[][] c = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double s = t * (c.length - 1);
        int i = Math.min(c.length - 2, (int) s);
        double f = s - i;
        int r = (int) (c[i][0] + f * (c[i + 1][0] - c[i][0]));
        int gg = (int) (c[i][1] + f * (c[i + 1][1] - c[i][1]));
        int b = (int) (c[i][2] + f * (c[i + 1][2] - c[i][2]));
        return (r << 16) | (gg << 8) | b;
    }
}
