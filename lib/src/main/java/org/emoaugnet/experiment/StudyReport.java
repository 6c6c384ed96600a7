package org.emoaugnet.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.eval.Confusion;
import org.emoaugnet.eval.Statistics;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Reads finished runs back for tables, curves and paired comparisons. Every number comes from run records. */
public final class StudyReport {
    private StudyReport() {}

    /** Test predictions of every finished run of an experiment, in a fixed order (run folder, then row). */
    public record Predictions(List<String> classes, List<String> items, int[] truth, int[] predicted) {}

    public static List<Path> runs(Path experimentDir) throws IOException {
        if (!Files.isDirectory(experimentDir)) return List.of();
        try (var s = Files.list(experimentDir)) {
            return s.filter(Files::isDirectory).filter(RunRecord::finished).sorted().toList();
        }
    }

    public static Predictions predictions(Path experimentDir) throws IOException {
        List<String> items = new ArrayList<>(), t = new ArrayList<>(), p = new ArrayList<>();
        List<String> classes = null;
        for (Path run : runs(experimentDir)) {
            if (classes == null) classes = List.of(RunRecord.read(run).get("classes").split(","));
            Table pr = Table.read().csv(run.resolve("predictions.csv").toFile());
            String tag = run.getFileName().toString();
            for (int i = 0; i < pr.rowCount(); i++) {
                items.add(tag + "/" + pr.stringColumn("utterance").get(i));
                t.add(pr.stringColumn("true").get(i));
                p.add(pr.stringColumn("predicted").get(i));
            }
        }
        if (classes == null) classes = List.of();
        List<String> cl = classes;
        return new Predictions(cl, items, t.stream().mapToInt(cl::indexOf).toArray(), p.stream().mapToInt(cl::indexOf).toArray());
    }

    /** The confusion matrix pooled over every run of an experiment. */
    public static Confusion pooledConfusion(Path experimentDir) throws IOException {
        Predictions p = predictions(experimentDir);
        return Confusion.of(p.classes(), p.truth(), p.predicted());
    }

    /**
     * One row per experiment: runs, WA and UA as mean ± s.d. over runs (folds × seeds), the pooled 95 % bootstrap
     * interval of WA and UA over all test items, and the paper's value beside it.
     */
    public static Table table(Map<String, Path> experiments, String corpus) throws IOException {
        StringColumn name = StringColumn.create("experiment"), proto = StringColumn.create("protocol"), act = StringColumn.create("activation"),
                wa = StringColumn.create("WA mean ± sd (%)"), ua = StringColumn.create("UA mean ± sd (%)"),
                waCi = StringColumn.create("WA pooled 95% CI"), uaCi = StringColumn.create("UA pooled 95% CI");
        IntColumn n = IntColumn.create("runs"), items = IntColumn.create("test_items");
        DoubleColumn pWa = DoubleColumn.create("paper WA (%)"), pUa = DoubleColumn.create("paper UA (%)");
        for (var e : experiments.entrySet()) {
            List<Path> rs = runs(e.getValue());
            if (rs.isEmpty()) continue;
            double[] w = new double[rs.size()], u = new double[rs.size()];
            Map<String, String> first = RunRecord.read(rs.get(0));
            for (int i = 0; i < rs.size(); i++) {
                Map<String, String> r = RunRecord.read(rs.get(i));
                w[i] = 100 * Double.parseDouble(r.get("test_wa"));
                u[i] = 100 * Double.parseDouble(r.get("test_ua"));
            }
            Predictions p = predictions(e.getValue());
            Statistics.Interval wi = Statistics.bootstrap(p.truth(), p.predicted(), Statistics::wa, 1000, 0.05, 1);
            Statistics.Interval ui = Statistics.bootstrap(p.truth(), p.predicted(), Statistics::ua, 1000, 0.05, 1);
            name.append(e.getKey());
            proto.append(first.get("protocol") + ("true".equals(first.get("leaks_by_design")) ? " (leaks)" : ""));
            act.append(first.get("activation"));
            n.append(rs.size());
            items.append(p.truth().length);
            wa.append(pm(w));
            ua.append(pm(u));
            waCi.append(String.format(java.util.Locale.ROOT, "%.1f–%.1f", 100 * wi.low(), 100 * wi.high()));
            uaCi.append(String.format(java.util.Locale.ROOT, "%.1f–%.1f", 100 * ui.low(), 100 * ui.high()));
            PaperClaims.Claim c = PaperClaims.of(corpus, first.get("activation"));
            pWa.append(c == null ? Double.NaN : c.wa());
            pUa.append(c == null ? Double.NaN : c.ua());
        }
        return Table.create("results (" + corpus + ")", name, proto, act, n, items, wa, ua, waCi, uaCi, pWa, pUa);
    }

    /**
     * ReLU against ELU on the same test items (the two experiments must share protocol, folds and seeds): McNemar
     * on pooled predictions and a paired bootstrap/permutation test on UA.
     */
    public static Map<String, Object> compare(Path a, Path b) throws IOException {
        Predictions pa = predictions(a), pb = predictions(b);
        if (!pa.items().equals(pb.items())) throw new IllegalArgumentException("the two experiments were not run on the same test items: " + a + " vs " + b);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", pa.truth().length);
        m.put("mcnemar", Statistics.mcnemar(pa.truth(), pa.predicted(), pb.predicted()));
        m.put("ua_difference", Statistics.paired(pa.truth(), pa.predicted(), pb.predicted(), Statistics::ua, 2000, 7));
        m.put("wa_difference", Statistics.paired(pa.truth(), pa.predicted(), pb.predicted(), Statistics::wa, 2000, 7));
        return m;
    }

    /** Validation UA per epoch of every run (columns: run names), for learning curves. */
    public static Map<String, double[]> curves(Path experimentDir, String column) throws IOException {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (Path run : runs(experimentDir)) {
            Table h = Table.read().csv(run.resolve("history.csv").toFile());
            m.put(run.getFileName().toString(), h.numberColumn(column).asDoubleArray());
        }
        return m;
    }

    /** One plain sentence per row of {@link #table}. */
    public static List<String> sentences(Table t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            boolean noClaim = t.doubleColumn("paper WA (%)").isMissing(i);
            double pw = noClaim ? Double.NaN : t.doubleColumn("paper WA (%)").getDouble(i), pu = noClaim ? Double.NaN : t.doubleColumn("paper UA (%)").getDouble(i);
            out.add(String.format(java.util.Locale.ROOT, "%s (%s, %s): WA %s, UA %s over %d run(s); %s", t.stringColumn("experiment").get(i),
                    t.stringColumn("protocol").get(i), t.stringColumn("activation").get(i), t.stringColumn("WA mean ± sd (%)").get(i),
                    t.stringColumn("UA mean ± sd (%)").get(i), t.intColumn("runs").get(i),
                    Double.isNaN(pw) ? "the paper reports no number for this corpus" : String.format(java.util.Locale.ROOT, "paper: WA %.2f, UA %.2f", pw, pu)));
        }
        return out;
    }

    private static String pm(double[] v) {
        Statistics.MeanSd s = Statistics.meanSd(v);
        return Double.isNaN(s.sd()) ? String.format(java.util.Locale.ROOT, "%.1f", s.mean())
                : String.format(java.util.Locale.ROOT, "%.1f ± %.1f", s.mean(), s.sd());
    }
}
