package org.emoaugnet.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.emoaugnet.eval.Statistics;
import org.emoaugnet.util.AtomicFiles;
import org.emoaugnet.util.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The reproduction ledger: one row per paper claim (corpus × activation × WA/UA) with our result under each
 * protocol, gathered from the run records of the study experiments in {@code experiments/<corpus>/*.properties},
 * and a verdict computed from the numbers. Nothing in it is typed by hand: {@link #write} regenerates
 * {@code results/LEDGER.md} and {@code results/ledger.csv}, and a test recomputes the CSV from the run records.
 */
public final class Ledger {
    /** The protocols in column order. */
    public static final List<Protocol> COLUMNS = List.of(Protocol.PAPER_STYLE, Protocol.AUGMENT_AFTER_RANDOM_SPLIT, Protocol.SPEAKER_INDEPENDENT);

    /** IEMOCAP standard 4-class counts (neutral, happy+excited, sad, angry; paper-notes §4), for the consistency check. */
    public static final double[] IEMOCAP_4_COUNTS = {1708, 1636, 1084, 1103};

    private Ledger() {}

    /**
     * Our result for one claim under one protocol; {@code experiment} null when no configuration exists.
     * Values in %, NaN when there are no finished runs.
     */
    public record Cell(String experiment, int runs, int converged, double mean, double sd, double pooled, double low, double high,
                       boolean legacyNetwork) {
        boolean hasRuns() { return runs > 0; }

        /** Runs that stopped at their epoch cap while still improving. */
        int unconverged() { return runs - converged; }

        String text() {
            if (experiment == null) return "no experiment configured";
            if (runs == 0) return "not run (" + experiment + ")";
            return String.format(Locale.ROOT, "%.1f%s (%d run%s%s; pooled %.1f, 95%% CI %.1f–%.1f)%s", mean,
                    Double.isNaN(sd) ? "" : String.format(Locale.ROOT, " ± %.1f", sd), runs, runs == 1 ? "" : "s",
                    unconverged() == 0 ? "" : String.format(Locale.ROOT, ", %d not converged", unconverged()), pooled, low, high,
                    legacyNetwork ? " " + LEGACY_MARK : "");
        }
    }

    /** Marks cells computed from run-spec/1 runs, explained under the table. */
    static final String LEGACY_MARK = "[rev. 1]";

    static final String LEGACY_NOTE = LEGACY_MARK + ": runs of network revision 1, trained by DL4J's own fit before 2026-11-26: their convolution blocks "
            + "had no activation, because DL4J 1.0.0-M2.1's BatchNormalization layer ignores the activation it is given (ReLU and ELU then "
            + "differ only in the dense layer). Re-running the experiment replaces them (revision 2 adds the activation as its own layer).";

    public record Row(String corpus, String activation, String metric, double paper, Map<Protocol, Cell> cells, String verdict) {}

    /** Builds every row from the configurations under {@code projectRoot/experiments} and the runs under {@code runsRoot}. */
    public static List<Row> build(Path projectRoot, Path runsRoot) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (PaperClaims.Claim claim : PaperClaims.ALL) {
            List<ExperimentConfig> study = studyConfigs(projectRoot.resolve("experiments").resolve(claim.corpus()));
            for (String metric : List.of("WA", "UA")) {
                double paper = metric.equals("WA") ? claim.wa() : claim.ua();
                Map<Protocol, Cell> cells = new LinkedHashMap<>();
                for (Protocol p : COLUMNS) {
                    ExperimentConfig cfg = study.stream().filter(c -> c.protocol() == p && c.activation().equals(claim.activation())).findFirst().orElse(null);
                    cells.put(p, cell(cfg, runsRoot, metric));
                }
                rows.add(new Row(claim.corpus(), claim.activation(), metric, paper, cells, verdict(paper, cells, claim.corpus())));
            }
        }
        return rows;
    }

    /** The configured experiments of the ledger's columns that have finished runs (what the ledger is computed from). */
    public static List<String> experiments(Path projectRoot, Path runsRoot) throws IOException {
        List<String> out = new ArrayList<>();
        for (String corpus : PaperClaims.ALL.stream().map(PaperClaims.Claim::corpus).distinct().toList())
            for (ExperimentConfig c : studyConfigs(projectRoot.resolve("experiments").resolve(corpus)))
                if (COLUMNS.contains(c.protocol()) && !StudyReport.runs(c, runsRoot).isEmpty()) out.add(c.name());
        return out;
    }

    static List<ExperimentConfig> studyConfigs(Path dir) throws IOException {
        List<ExperimentConfig> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) out.add(ExperimentConfigs.load(f));
        }
        return out;
    }

    static Cell cell(ExperimentConfig cfg, Path runsRoot, String metric) throws IOException {
        if (cfg == null) return new Cell(null, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
        List<Path> runs = StudyReport.runs(cfg, runsRoot);
        if (runs.isEmpty()) return new Cell(cfg.name(), 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
        double[] v = new double[runs.size()];
        int converged = 0;
        for (int i = 0; i < v.length; i++) {
            RunRecord rec = RunRecord.read(runs.get(i));
            v[i] = 100 * rec.metric(metric);
            if (rec.training().converged()) converged++;
        }
        Statistics.MeanSd ms = Statistics.meanSd(v);
        StudyReport.Predictions p = StudyReport.predictions(runs);
        Statistics.Interval ci = Statistics.bootstrap(p.truth(), p.predicted(), metric.equals("WA") ? Statistics::wa : Statistics::ua, 1000, 0.05, 1);
        return new Cell(cfg.name(), runs.size(), converged, r2(ms.mean()), r2(ms.sd()), r2(100 * ci.estimate()), r2(100 * ci.low()), r2(100 * ci.high()),
                StudyReport.legacy(runs));
    }

    /**
     * Reproduced when the claim lies at or below the upper end of the speaker-independent interval; explained by
     * leakage when only the paper-style interval reaches it; otherwise not reproduced, with the share of the gap
     * between the speaker-independent result and the claim that the leaking protocol recovers.
     */
    static String verdict(double paper, Map<Protocol, Cell> cells, String corpus) {
        Cell ps = cells.get(Protocol.PAPER_STYLE), si = cells.get(Protocol.SPEAKER_INDEPENDENT), as = cells.get(Protocol.AUGMENT_AFTER_RANDOM_SPLIT);
        if (!ps.hasRuns() && !si.hasRuns() && !as.hasRuns())
            return !org.emoaugnet.data.loaders.Corpora.definition(corpus).freelyAvailable()
                    ? "needs licensed data (" + label(corpus) + " is not redistributable)" : "not run";
        // converged or flagged: a run stopped at its epoch cap while still improving carries no verdict
        List<String> open = new ArrayList<>();
        for (Protocol p : COLUMNS) {
            Cell c = cells.get(p);
            if (c != null && c.hasRuns() && c.unconverged() > 0) open.add(COLUMN_NAMES.get(p) + " " + c.unconverged() + " of " + c.runs());
        }
        if (!open.isEmpty())
            return "no verdict: runs stopped at their epoch cap while still improving (" + String.join(", ", open) + ")"
                    + (si.hasRuns() ? String.format(Locale.ROOT, "; speaker-independent pooled %.1f", si.pooled()) : "");
        if (si.hasRuns() && paper <= si.high()) return "reproduced under the speaker-independent protocol";
        if (as.hasRuns() && paper <= as.high()) return "reproduced with augmentation after an utterance split (speakers shared)";
        if (ps.hasRuns() && paper <= ps.high()) return "explained by leakage: reached only by the paper-style protocol";
        if (ps.hasRuns() && si.hasRuns()) {
            double share = 100 * (ps.pooled() - si.pooled()) / (paper - si.pooled());
            return String.format(Locale.ROOT, "not reproduced: the claim is %.1f points above our paper-style upper bound; the leaking protocol "
                    + "recovers %.0f %% of the gap between speaker-independent (%.1f) and the claim", paper - ps.high(), share, si.pooled());
        }
        return "not reproduced by the protocols run so far";
    }

    public static Table table(List<Row> rows) {
        StringColumn corpus = StringColumn.create("corpus"), act = StringColumn.create("activation"), metric = StringColumn.create("metric"),
                verdict = StringColumn.create("verdict");
        DoubleColumn paper = DoubleColumn.create("paper");
        List<tech.tablesaw.columns.Column<?>> cols = new ArrayList<>(List.of(corpus, act, metric, paper));
        Map<Protocol, List<DoubleColumn>> num = new LinkedHashMap<>();
        Map<Protocol, IntColumn> n = new LinkedHashMap<>(), conv = new LinkedHashMap<>();
        Map<Protocol, StringColumn> exp = new LinkedHashMap<>();
        for (Protocol p : COLUMNS) {
            String k = key(p);
            exp.put(p, StringColumn.create(k + "_experiment"));
            n.put(p, IntColumn.create(k + "_runs"));
            conv.put(p, IntColumn.create(k + "_converged"));
            num.put(p, List.of(DoubleColumn.create(k + "_mean"), DoubleColumn.create(k + "_sd"), DoubleColumn.create(k + "_pooled"),
                    DoubleColumn.create(k + "_ci_low"), DoubleColumn.create(k + "_ci_high")));
            cols.add(exp.get(p));
            cols.add(n.get(p));
            cols.add(conv.get(p));
            cols.addAll(num.get(p));
        }
        cols.add(verdict);
        for (Row r : rows) {
            corpus.append(r.corpus());
            act.append(r.activation());
            metric.append(r.metric());
            paper.append(r.paper());
            verdict.append(r.verdict());
            for (Protocol p : COLUMNS) {
                Cell c = r.cells().get(p);
                exp.get(p).append(c.experiment() == null ? "" : c.experiment());
                n.get(p).append(c.runs());
                conv.get(p).append(c.converged());
                double[] v = {c.mean(), c.sd(), c.pooled(), c.low(), c.high()};
                for (int i = 0; i < v.length; i++) num.get(p).get(i).append(v[i]);
            }
        }
        return Table.create("ledger", cols.toArray(new tech.tablesaw.columns.Column<?>[0]));
    }

    /** The WA/UA consistency check of every reported pair, against the class counts of our test sets (or IEMOCAP's standard counts). */
    public static List<String[]> consistency(Path projectRoot, Path runsRoot) throws IOException {
        List<String[]> out = new ArrayList<>();
        for (PaperClaims.Claim c : PaperClaims.ALL) {
            double[] counts = null;
            String source;
            if (c.corpus().equals("iemocap")) {
                counts = IEMOCAP_4_COUNTS;
                source = "IEMOCAP standard 4-class counts 1708/1636/1084/1103 (paper-notes §4)";
            } else {
                counts = testCounts(projectRoot, runsRoot, c.corpus());
                source = counts == null ? "no run records to take class counts from" : "class counts of our speaker-independent test sets (one seed): "
                        + java.util.Arrays.stream(counts).mapToObj(x -> String.valueOf((long) x)).reduce((a, b) -> a + "/" + b).orElse("");
            }
            if (counts == null) {
                out.add(new String[] {c.corpus(), c.activation(), fmt(c.wa()), fmt(c.ua()), "", "", "unknown", source});
                continue;
            }
            Consistency.Check k = Consistency.check(c.wa(), c.ua(), counts);
            out.add(new String[] {c.corpus(), c.activation(), fmt(c.wa()), fmt(c.ua()),
                    (k.waAboveUa() ? "WA−UA = " : "UA−WA = ") + fmt(k.reportedGap()), fmt(k.largestFeasibleGap()), k.feasible() ? "yes" : "**no**", source});
        }
        return out;
    }

    /** Class counts of one seed's speaker-independent test sets (every recording once), or null without runs. */
    static double[] testCounts(Path projectRoot, Path runsRoot, String corpus) throws IOException {
        for (ExperimentConfig cfg : studyConfigs(projectRoot.resolve("experiments").resolve(corpus))) {
            if (cfg.protocol() != Protocol.SPEAKER_INDEPENDENT || cfg.seeds().isEmpty()) continue;
            StudyReport.Predictions p = StudyReport.predictions(runsRoot.resolve(cfg.name()), List.of(cfg.seeds().get(0)));
            if (p.truth().length == 0) continue;
            double[] counts = new double[p.classes().size()];
            for (int t : p.truth()) counts[t]++;
            return counts;
        }
        return null;
    }

    /**
     * Writes {@code LEDGER.md}, {@code ledger.csv} and {@code ledger.png} into {@code resultsDir} from the runs under
     * {@code resultsDir/runs}. It never touches README.md: only the report command ({@code emoaug ledger}) renders
     * the README's generated blocks ({@link #updateReadme}, {@link ReadmeTables}).
     */
    public static List<Row> write(Path projectRoot, Path resultsDir) throws IOException {
        return write(projectRoot, resultsDir.resolve("runs"), resultsDir);
    }

    /** Writes {@code LEDGER.md} and {@code ledger.csv} into {@code outDir} from the runs under {@code runsRoot}; returns the rows. */
    public static List<Row> write(Path projectRoot, Path runsRoot, Path outDir) throws IOException {
        List<Row> rows = build(projectRoot, runsRoot);
        Files.createDirectories(outDir);
        List<String> lineage = lineage(projectRoot, runsRoot);
        Tables.saveCsv(org.emoaugnet.util.Lineage.tag(table(rows), lineage), outDir.resolve("ledger.csv"));
        StringBuilder md = new StringBuilder();
        md.append("# Reproduction ledger\n\n");
        md.append("Generated by `emoaug ledger` from the run records under `results/runs/`; do not edit by hand (the test suite recomputes\n");
        md.append("`ledger.csv` from the run records). Values in %: mean ± s.d. over runs (folds × seeds), then the value pooled over all\n");
        md.append("test items with its 95 % bootstrap interval. The paper-style protocol augments before a random row split and **leaks**\n");
        md.append("(augmented copies of test recordings are in training).\n\n");
        md.append("| claim | paper | paper-style (leaks) | augment after utterance split | speaker-independent | verdict |\n|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(label(r.corpus())).append(' ').append(r.activation().equals("relu") ? "ReLU" : "ELU").append(' ').append(r.metric())
                    .append(" | ").append(fmt(r.paper()));
            for (Protocol p : COLUMNS) md.append(" | ").append(r.cells().get(p).text());
            md.append(" | ").append(r.verdict()).append(" |\n");
        }
        if (md.indexOf(LEGACY_MARK) >= 0) md.append("\n").append(LEGACY_NOTE).append("\n");
        if (figure(rows, "ravdess", outDir.resolve("ledger.png"), lineage))
            md.append("\n![RAVDESS claims beside our numbers under each protocol](ledger.png)\n");
        md.append("\n## Are the paper's WA/UA pairs possible?\n\n");
        md.append("The largest |WA − UA| any per-class recalls with the reported UA can give on a test set with these class counts\n");
        md.append("(a linear program solved greedily; paper-notes §4). A reported gap above it cannot come from that class set.\n\n");
        md.append("| corpus | activation | WA | UA | reported gap | largest feasible gap | feasible? | class counts |\n|---|---|---|---|---|---|---|---|\n");
        for (String[] c : consistency(projectRoot, runsRoot)) md.append("| ").append(String.join(" | ", c)).append(" |\n");
        md.append("\n## Regenerate\n\n");
        md.append("Each configured experiment runs (or resumes) with one command; the ledger is then rebuilt from the records:\n\n```\n");
        for (String corpus : rows.stream().map(Row::corpus).distinct().toList()) {
            Path dir = projectRoot.resolve("experiments").resolve(corpus);
            if (!Files.isDirectory(dir)) continue;
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList())
                    md.append(!org.emoaugnet.data.loaders.Corpora.definition(corpus).freelyAvailable() ? "EMOAUG_DATA=/path/to/corpora " : "EMOAUG_DATA=../shared/data ")
                            .append("environment/emoaug experiment run --config ").append(projectRoot.relativize(f)).append('\n');
            }
        }
        md.append("environment/emoaug ledger\n```\n");
        AtomicFiles.writeString(outDir.resolve("LEDGER.md"), md.toString());
        org.emoaugnet.util.OutputLog.record(outDir.resolve("LEDGER.md"), new java.util.TreeSet<>(lineage));
        return rows;
    }

    /** The runs the ledger is computed from (every configured experiment's current design), as lineage names. */
    static List<String> lineage(Path projectRoot, Path runsRoot) throws IOException {
        List<String> out = new ArrayList<>();
        for (String corpus : PaperClaims.ALL.stream().map(PaperClaims.Claim::corpus).distinct().toList())
            for (ExperimentConfig c : studyConfigs(projectRoot.resolve("experiments").resolve(corpus)))
                if (COLUMNS.contains(c.protocol())) out.addAll(StudyReport.lineage(StudyReport.runs(c, runsRoot)));
        return out;
    }

    /**
     * The claims of {@code corpus} as grouped bars: the paper's value beside our pooled value under each protocol, with
     * its 95 % interval; written to {@code png} when any protocol has runs. Returns whether it was written.
     */
    static boolean figure(List<Row> rows, String corpus, Path png, List<String> lineage) throws IOException {
        List<Row> mine = rows.stream().filter(r -> r.corpus().equals(corpus)).toList();
        if (mine.stream().noneMatch(r -> r.cells().values().stream().anyMatch(Cell::hasRuns))) return false;
        List<String> cats = mine.stream().map(r -> (r.activation().equals("relu") ? "ReLU " : "ELU ") + r.metric()).toList();
        Map<String, double[][]> series = new java.util.LinkedHashMap<>();
        series.put("paper", mine.stream().map(r -> new double[] {r.paper(), Double.NaN, Double.NaN}).toArray(double[][]::new));
        for (Protocol p : COLUMNS)
            series.put(COLUMN_NAMES.get(p), mine.stream().map(r -> r.cells().get(p)).map(c -> c.hasRuns() ? new double[] {c.pooled(), c.low(), c.high()}
                    : new double[] {Double.NaN, Double.NaN, Double.NaN}).toArray(double[][]::new));
        var chart = org.emoaugnet.plot.ResultFigures.groupedBarsWithIntervals(label(corpus) + ": paper claims and our numbers by protocol",
                "% (pooled over test items, 95 % CI)", cats, series);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        org.emoaugnet.plot.Plots.save(org.emoaugnet.util.Lineage.tag(chart, lineage), png);
        return true;
    }

    static final Map<Protocol, String> COLUMN_NAMES = Map.of(Protocol.PAPER_STYLE, "paper-style (leaks)",
            Protocol.AUGMENT_AFTER_RANDOM_SPLIT, "augment after utterance split", Protocol.SPEAKER_INDEPENDENT, "speaker-independent");

    /**
     * Replaces the block between {@code <!-- ledger:start -->} and {@code <!-- ledger:end -->} in {@code readme} with
     * the claims table of {@code ledgerMd}; returns false (and writes nothing) when the markers are absent.
     */
    public static boolean updateReadme(Path readme, Path ledgerMd) throws IOException {
        String text = Files.readString(readme), start = "<!-- ledger:start -->", end = "<!-- ledger:end -->";
        int a = text.indexOf(start), b = text.indexOf(end);
        if (a < 0 || b < a) return false;
        StringBuilder table = new StringBuilder();
        boolean in = false;
        for (String line : Files.readAllLines(ledgerMd)) {   // the claims table: from its header to the first line that is not a row
            if (line.startsWith("| claim ")) in = true;
            else if (in && !line.startsWith("|")) break;
            if (in) table.append(line).append('\n');
        }
        if (table.indexOf(LEGACY_MARK) >= 0) table.append('\n').append(LEGACY_NOTE).append('\n');
        AtomicFiles.writeString(readme, text.substring(0, a + start.length()) + "\n" + table + text.substring(b));
        return true;
    }

    static String key(Protocol p) {
        return switch (p) {
            case PAPER_STYLE -> "paper_style";
            case AUGMENT_AFTER_RANDOM_SPLIT -> "after_split";
            case SPEAKER_INDEPENDENT -> "speaker_independent";
            case LEAVE_ONE_SPEAKER_OUT -> "leave_one_speaker_out";
            case CROSS_CORPUS -> "cross_corpus";
        };
    }

    private static String label(String corpus) { return org.emoaugnet.data.loaders.Corpora.displayName(corpus); }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.2f", v); }

    private static double r2(double v) { return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0; }
}
