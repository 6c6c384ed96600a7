package org.emoaugnet.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.features.Fidelity;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.chartpart.ChartLayout;

/**
 * Every figure helper, given the longest labels the suite gives it (24 actor names, the longest notebook titles, run
 * names marked "(NOT converged)"), renders with its title and every legend entry inside the image and no two x tick
 * labels closer than {@link #GAP} pixels, as read from the painted chart's own layout ({@link ChartLayout}). With
 * {@code -Demoaug.figures=DIR} the images are written there to be looked at.
 */
class ChartFitTest {
    /** Least distance between neighbouring tick labels the test accepts (the fitter aims at {@link ChartFit#GAP}). */
    static final double GAP = 4;

    /** What does not fit in a chart painted at its current size; empty when everything fits. */
    static List<String> problems(Chart<?, ?> c) {
        int w = c.getWidth(), h = c.getHeight();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        ChartLayout l = ChartLayout.paint(c, g, w, h);
        g.dispose();
        Rectangle2D image = new Rectangle2D.Double(0, 0, w, h);
        List<String> out = new ArrayList<>();
        if (!l.title().isEmpty() && !image.contains(l.title())) out.add("title outside the image: " + l.title() + " in " + w + "x" + h);
        if (l.legend() != null) {
            if (!image.contains(l.legend())) out.add("legend outside the image: " + l.legend() + " in " + w + "x" + h);
            if (!l.title().isEmpty() && l.legend().intersects(l.title())) out.add("legend over the title: " + l.legend() + " / " + l.title());
        }
        for (String pair : l.crowdedTickLabels(GAP)) out.add("x tick labels crowded: " + pair);
        return out;
    }

    /** Renders through {@link Plots#image} (the size fitting), optionally saves it, and asserts that it fits. */
    static void assertFits(String name, Chart<?, ?> c) throws Exception {
        BufferedImage img = Plots.image(c);
        assertEquals(img.getWidth(), c.getWidth());
        String dir = System.getProperty("emoaug.figures");
        if (dir != null) {
            Files.createDirectories(Path.of(dir));
            javax.imageio.ImageIO.write(img, "png", Path.of(dir, name + ".png").toFile());
        }
        List<String> p = problems(c);
        assertTrue(p.isEmpty(), name + ": " + p);
    }

    static final List<String> ACTORS = new ArrayList<>();
    static {
        for (int a = 1; a <= 24; a++) ACTORS.add(String.format("Actor_%02d", a));
    }

    @Test
    void speakerScatterShowsAll24ActorsAndTheClassScatterFits() throws Exception {
        Random r = new Random(1);
        Map<String, List<double[]>> bySpeaker = new LinkedHashMap<>();
        for (String a : ACTORS) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < 60; i++) pts.add(new double[] {r.nextGaussian() * 4, r.nextGaussian() * 3});
            bySpeaker.put(a, pts);
        }
        assertFits("pca-by-speaker", FeatureFigures.scatter("ravdess: the same points, by speaker", "PC1 (27%)", "PC2 (15%)", bySpeaker));
        Map<String, List<double[]>> byClass = new LinkedHashMap<>();
        for (String k : ClassSet.RAVDESS_8.classes()) byClass.put(k, bySpeaker.get(ACTORS.get(byClass.size())));
        assertFits("pca-by-class", FeatureFigures.scatter("ravdess: PCA of utterance statistics, by class", "PC1 (27%)", "PC2 (15%)", byClass));
    }

    @Test
    void waveformTicksStandApartAtEveryExampleDuration() throws Exception {
        Random r = new Random(2);
        for (double seconds : new double[] {3.30, 3.54, 3.47, 3.84, 3.87, 3.67, 3.40, 1.2, 9.0}) {
            float[] y = new float[(int) (seconds * 16000)];
            for (int i = 0; i < y.length; i++) y[i] = (float) (0.05 * r.nextGaussian());
            assertFits("waveform-" + seconds, Plots.waveform("surprised — 03-01-08-01-01-01-01", y, 16000));
        }
    }

    @Test
    void fidelityTracesFitTheirLongestCaseName() throws Exception {
        for (int frames : new int[] {44, 82, 216}) {
            float[][] m = new float[frames][20];
            for (int t = 0; t < frames; t++) for (int k = 0; k < 20; k++) m[t][k] = (float) Math.sin(t * 0.1 * (k + 1));
            Fidelity f = new Fidelity("chirp_44100_to_22050 (libsoxr output)", frames, frames, 6.1e-5, 1e-6, 1e-6, 1e-6, m, m);
            assertFits("fidelity-" + frames, FeatureFigures.fidelityTrace(f, 5));
        }
    }

    @Test
    void histogramsAndBarsFitTheirLabels() throws Exception {
        Random r = new Random(3);
        double[] male = new double[700], female = new double[700];
        for (int i = 0; i < 700; i++) { male[i] = 3.6 + 0.4 * r.nextGaussian(); female[i] = 3.7 + 0.35 * r.nextGaussian(); }
        assertFits("durations", Plots.histogram("emodb-2s: file durations", "duration (s)", Map.of("male", male, "female", female), 25));
        List<Integer> counts = new ArrayList<>();
        for (String k : ClassSet.RAVDESS_8.classes()) counts.add(96 + counts.size());
        assertFits("class-balance", Plots.bar("ravdess: class balance (" + ClassSet.RAVDESS_8.name() + ")", "class", "files",
                ClassSet.RAVDESS_8.classes(), counts));
        Map<String, List<Double>> shift = new LinkedHashMap<>();
        for (String x : List.of("emodb-2s", "synthetic-b", "ravdess")) {
            List<Double> v = new ArrayList<>();
            for (int i = 0; i < 5; i++) v.add(r.nextGaussian() * 20);
            shift.put("trained on " + x, v);
        }
        assertFits("recall-shift", Plots.bars("Recall shift on synthetic-b (cross minus within, points)", "class", "points",
                List.of("neutral", "happy", "sad", "angry", "fearful"), shift));
    }

    @Test
    void ablationBarsFitTheLongestNotebookTitles() throws Exception {
        List<String> recipes = List.of("none", "noise", "pitch", "stretch", "shift", "all-but-noise", "all-but-pitch", "all-but-stretch",
                "all-but-shift", "public-4", "all");
        double[] est = new double[recipes.size()], lo = new double[recipes.size()], hi = new double[recipes.size()];
        for (int i = 0; i < est.length; i++) { est[i] = 50 + i; lo[i] = est[i] - 5; hi[i] = est[i] + 5; }
        for (String design : List.of("si", "paper-style")) {
            String title = "ravdess, " + design + ": ";
            assertFits("ablation-" + design, ResultFigures.barsWithIntervals(title + "UA by recipe (over recordings, 95 % CI resampling speakers, then recordings)",
                    "UA (%)", recipes, est, lo, hi));
            assertFits("ablation-delta-" + design, ResultFigures.barsWithIntervals(title + "UA difference to no augmentation (over recordings, speaker-resampled 95 % CI)",
                    "ΔUA (points)", recipes, est, lo, hi));
        }
        Map<String, double[][]> ledger = new LinkedHashMap<>();
        for (String s : List.of("paper", "paper-style (leaks)", "augment after utterance split", "speaker-independent"))
            ledger.put(s, s.startsWith("paper") ? new double[][] {{90, 85, 95}, {80, Double.NaN, Double.NaN}, {70, 60, 75}, {60, 50, 70}, {94, 93, 95}, {95, 94, 96}}
                    : new double[][] {{90, 85, 95}, {80, Double.NaN, Double.NaN}, {70, 60, 75}, {60, 50, 70}, {Double.NaN, Double.NaN, Double.NaN},
                    {Double.NaN, Double.NaN, Double.NaN}});
        assertFits("ledger", ResultFigures.groupedBarsWithIntervals("RAVDESS (8 classes): paper claims and our numbers by protocol and recipe",
                "% (mean over runs, 95 % CI over seeds)", List.of("ReLU WA, public-4", "ReLU UA, public-4", "ELU WA, public-4", "ELU UA, public-4",
                        "ReLU WA, all", "ELU UA, all"), ledger, "not run"));
    }

    @Test
    void boxPlotsFitTheirGroups() throws Exception {
        Random r = new Random(4);
        Map<String, double[]> dist = new LinkedHashMap<>();
        for (String k : List.of("noise", "pitch+0.7", "pitch+0.7+noise", "same speaker", "other speaker")) dist.put(k, r.doubles(200, 0, 100).toArray());
        assertFits("distances", FeatureFigures.box("ravdess: distance from each recording to ... (2376-d, standardised)", "distance", dist));
        Map<String, double[]> perClass = new LinkedHashMap<>();
        for (String k : ClassSet.RAVDESS_8.classes()) perClass.put(k, r.doubles(100, 50, 400).toArray());
        assertFits("box-f0", FeatureFigures.box("emodb-2s: f0_median_hz per class", "f0_median_hz", perClass));
    }

    @Test
    void learningAndRobustnessCurvesFit() throws Exception {
        Map<String, double[]> runs = new LinkedHashMap<>();
        Random r = new Random(5);
        for (int s = 1; s <= 5; s++) runs.put("random-80-20-seed" + s + "-seed" + s + " (NOT converged)", r.doubles(100, 0, 1).toArray());
        assertFits("curves", ResultFigures.curves("ravdess-paper-style-compact-relu-aug-none: validation UA", "UA", runs));
        Map<String, List<ResultFigures.RunCurve>> folds = new LinkedHashMap<>();   // a plan's 30 final runs, grouped by outer fold
        for (int f = 1; f <= 6; f++) {
            List<ResultFigures.RunCurve> seeds = new ArrayList<>();
            for (int s = 1; s <= 5; s++) seeds.add(new ResultFigures.RunCurve(r.doubles(60, 0, 100).toArray(), s != f));
            folds.put("emobox-fold-" + f, seeds);
        }
        XYChart grouped = ResultFigures.curvesByGroup("ravdess-s2, final runs: test_ua", "UA (%)", folds);
        assertFits("curves-by-fold", grouped);
        assertEquals(30, grouped.getSeriesMap().size());
        assertEquals(List.of("emobox-fold-1 (5 runs, 1 NOT converged: dashed)", "emobox-fold-2 (5 runs, 1 NOT converged: dashed)"),
                grouped.getSeriesMap().values().stream().filter(x -> x.isShowInLegend()).map(x -> x.getName()).limit(2).toList(), "one legend entry per fold");
        Map<String, DegradationCurves.Curve> models = new LinkedHashMap<>();
        for (String m : List.of("relu, none", "relu, public-4", "elu, none", "elu, public-4"))
            models.put(m, new DegradationCurves.Curve(new double[] {0, 5, 10, 20}, new double[] {14.3, 20, 30, 45}, 55));
        assertFits("robustness", ResultFigures.degradation("ravdess: UA under white noise", "SNR (dB)", "UA (%)",
                new DegradationCurves(models, DegradationCurves.chance(7))));
    }

    @Test
    void aGridWidensToHoldItsTitle() {
        BufferedImage tile = new BufferedImage(100, 50, BufferedImage.TYPE_INT_RGB);
        String title = "chirp_44100_to_22050 (libsoxr output): emoaugnet-java vs librosa (golden references)";
        BufferedImage g = Plots.grid(title, List.of(tile, tile), 2);
        double needed = 10 + ChartFit.text(title, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 16)).getMaxX();
        assertTrue(g.getWidth() >= needed, g.getWidth() + " < " + needed);
        assertEquals(200, Plots.grid("short", List.of(tile, tile), 2).getWidth(), "a short title keeps the tiles' width");
    }

    @Test
    void drawnImagesWidenToHoldTheirTitles() throws Exception {
        // the cross-corpus matrix of two corpora was cut at "train (rows) -> te"
        String title = "UA (%), per-speaker normalisation: train (rows) -> test (columns)", note = "7 shared classes, chance 14.3 %";
        BufferedImage m = ResultFigures.matrix(title, note, List.of("synthetic", "synthetic-b"), List.of("synthetic", "synthetic-b"),
                new double[][] {{Double.NaN, 68}, {59, Double.NaN}}, new String[][] {{null, "UA 68.0 %"}, {"UA 59.0 %", null}}, 14.3, 100);
        assertTrue(m.getWidth() >= 10 + ChartFit.text(title, ResultFigures.TITLE_FONT).getMaxX(), "matrix " + m.getWidth());
        List<String> classes = List.of("neutral", "happy");
        String run = "ravdess-si-common-emodb-2s-ravdess-synthetic-relu-aug-public-4-onset1.5s";
        BufferedImage cm = ResultFigures.confusion(run, org.emoaugnet.eval.Confusion.of(classes, new int[] {0, 1}, new int[] {0, 1}));
        assertTrue(cm.getWidth() >= 10 + ChartFit.text(run, ResultFigures.TITLE_FONT).getMaxX(), "confusion " + cm.getWidth());
        String mel = "noise∘pitch (public combination) at 10 dB SNR, pink, WSOLA — log-mel";
        BufferedImage h = Heatmap.render(mel, new float[][] {{0, 1}, {1, 0}}, 0, 1, "time 0–3.87 s", "128 Slaney mel bands, dB", 400, 225);
        assertTrue(h.getWidth() >= 8 + ChartFit.text(mel, Heatmap.TITLE_FONT).getMaxX(), "heatmap " + h.getWidth());
        assertEquals(400, Heatmap.render("sad — log-mel", new float[][] {{0, 1}, {1, 0}}, 0, 1, "time 0–3.87 s", "128 Slaney mel bands, dB", 400, 225).getWidth(),
                "short texts keep the asked width");
        String dir = System.getProperty("emoaug.figures");
        if (dir != null) javax.imageio.ImageIO.write(m, "png", Path.of(dir, "matrix.png").toFile());
    }

    @Test
    void theCheckFailsOnAChartTooSmallForItsContent() {
        // the pre-fit figures: a 400 x 225 chart with 24 legend entries, a long title and equally spaced x data
        XYChart c = new XYChartBuilder().width(400).height(225).title("ravdess: PCA of utterance statistics, the same points, by speaker")
                .xAxisTitle("frame").yAxisTitle("value").build();
        double[] x = new double[82], y = new double[82];
        for (int i = 0; i < x.length; i++) { x[i] = i; y[i] = Math.sin(i / 5.0); }
        for (String a : ACTORS) c.addSeries(a, x, y);
        List<String> p = problems(c);
        assertTrue(p.stream().anyMatch(s -> s.startsWith("title outside")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("legend outside")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("x tick labels crowded")), p.toString());
    }
}
