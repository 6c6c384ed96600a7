package org.emoaugnet.publish;

import org.emoaugnet.design.StudyTables;

import org.emoaugnet.run.Predictions;

import org.emoaugnet.design.Ablation;
import org.emoaugnet.design.ExperimentConfig;
import org.emoaugnet.design.ExperimentConfigs;
import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.Consistency;
import org.emoaugnet.evidence.Evidence;
import org.emoaugnet.evidence.PaperClaims;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.evidence.TestColumns;
import org.emoaugnet.run.Protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.emoaugnet.util.AtomicFiles;
import org.emoaugnet.util.Tables;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The reproduction ledger: one row per paper claim (corpus × activation × WA/UA) and augmentation recipe, with our
 * result under each protocol, gathered from the run records of the study experiments in
 * {@code experiments/<corpus>/*.properties}, and a verdict computed from the numbers. A row never mixes recipes: the
 * paper-style protocol has experiments with the recipe 'all' and with public-4, the other protocols public-4 only, so
 * each recipe is its own row and a protocol without an experiment of that recipe says so. {@code LEDGER.md} also
 * holds the power of the test families the configured experiments form ({@link #power}). Nothing in it is typed by hand: {@link #write} regenerates
 * {@code results/LEDGER.md} and {@code results/ledger.csv}, and a test recomputes the CSV from the run records.
 */
public final class Ledger {
    /** The protocols in column order. */
    public static final List<Protocol> COLUMNS = List.of(Protocol.PAPER_STYLE, Protocol.AUGMENT_AFTER_RANDOM_SPLIT, Protocol.SPEAKER_INDEPENDENT);

    /** IEMOCAP standard 4-class counts (neutral, happy+excited, sad, angry; paper-notes §4), for the consistency check. */
    public static final double[] IEMOCAP_4_COUNTS = {1708, 1636, 1084, 1103};

    private Ledger() {}

    /**
     * Our result for one claim under one protocol; {@code experiment} null when no configuration exists. Values in %,
     * NaN when there are no finished runs.
     *
     * @param runs      finished runs of the experiment's current design
     * @param planned   runs its design asks for (seeds × folds)
     * @param converged runs that did not stop at their cap while still improving
     * @param seeds     distinct training seeds among the runs
     * @param mean      mean over runs; {@code sd} their s.d.
     * @param seedLow   95 % t interval of the mean over seeds (each seed's folds averaged): NaN with one seed
     * @param clustered metric over the test recordings, each once (seeds and copies averaged)
     * @param clLow     its 95 % interval resampling speakers, then recordings
     */
    public record Cell(String experiment, int runs, int planned, int converged, int seeds, double mean, double sd, double seedLow, double seedHigh,
                       double clustered, double clLow, double clHigh, boolean legacyNetwork) {
        public static Cell none(String experiment, int planned) {
            return new Cell(experiment, 0, planned, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
        }

        boolean hasRuns() { return runs > 0; }

        /** Runs that stopped at their epoch cap while still improving. */
        int unconverged() { return runs - converged; }

        boolean complete() { return runs >= planned; }

        /** Whether the seed-level interval exists (two or more seeds). */
        boolean hasSeedInterval() { return !Double.isNaN(seedLow); }

        public String text() {
            if (experiment == null) return "no experiment configured";
            if (runs == 0) return "not run (" + experiment + ", " + planned + (planned == 1 ? " run" : " runs") + " planned)";
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.1f%s over %d run%s, %d seed%s", mean,
                    Double.isNaN(sd) ? "" : String.format(Locale.ROOT, " ± %.1f", sd), runs, runs == 1 ? "" : "s", seeds, seeds == 1 ? "" : "s"));
            if (!complete()) b.append(String.format(Locale.ROOT, " (%d of %d planned)", runs, planned));
            if (unconverged() > 0) b.append(String.format(Locale.ROOT, ", **%d not converged**", unconverged()));
            b.append(hasSeedInterval() ? String.format(Locale.ROOT, "; seeds 95%% CI %.1f–%.1f", seedLow, seedHigh) : "; no seed interval (1 seed)");
            b.append(String.format(Locale.ROOT, "; recordings %.1f, speakers→recordings 95%% CI %.1f–%.1f", clustered, clLow, clHigh));
            if (legacyNetwork) b.append(' ').append(LEGACY_MARK);
            return b.toString();
        }
    }

    /** Marks cells computed from run-spec/1 runs, explained under the table. */
    static final String LEGACY_MARK = "[rev. 1]";

    static final String LEGACY_NOTE = LEGACY_MARK + ": runs of network revision 1, trained by DL4J's own fit before 2026-11-26: their convolution blocks "
            + "had no activation, because DL4J 1.0.0-M2.1's BatchNormalization layer ignores the activation it is given (ReLU and ELU then "
            + "differ only in the dense layer). Re-running the experiment replaces them (revision 2 adds the activation as its own layer).";

    /** One claim under one augmentation recipe: our cells per protocol (only experiments of that recipe) and the verdict. */
    public record Row(String corpus, String activation, String recipe, String metric, double paper, Map<Protocol, Cell> cells, Verdict verdict) {
        /** "RAVDESS ReLU UA", the claim this row is about. */
        String claim() { return label(corpus) + ' ' + (activation.equals("relu") ? "ReLU" : "ELU") + ' ' + metric; }
    }

    /**
     * Builds every row from the configurations under {@code projectRoot/experiments} and the runs under {@code runsRoot}:
     * per claim, one row per recipe its configured experiments use (the speaker-independent experiment's recipe first,
     * then the others by name).
     */
    public static List<Row> build(Path projectRoot, Path runsRoot) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (PaperClaims.Claim claim : PaperClaims.ALL) {
            List<ExperimentConfig> study = studyConfigs(projectRoot.resolve("experiments").resolve(claim.corpus())).stream()
                    .filter(c -> COLUMNS.contains(c.protocol()) && c.activation().equals(claim.activation())).toList();
            for (String recipe : recipes(study))
                for (String metric : List.of("WA", "UA")) {
                    double paper = metric.equals("WA") ? claim.wa() : claim.ua();
                    Map<Protocol, Cell> cells = new LinkedHashMap<>();
                    for (Protocol p : COLUMNS) {
                        ExperimentConfig cfg = study.stream().filter(c -> c.protocol() == p && c.recipe().name().equals(recipe)).findFirst().orElse(null);
                        cells.put(p, cell(cfg, runsRoot, metric));
                    }
                    rows.add(new Row(claim.corpus(), claim.activation(), recipe, metric, paper, cells, verdict(paper, cells, claim.corpus())));
                }
        }
        return rows;
    }

    /** The recipes of these experiments: the speaker-independent one first, then the others by name. */
    static List<String> recipes(List<ExperimentConfig> study) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        study.stream().filter(c -> c.protocol() == Protocol.SPEAKER_INDEPENDENT).forEach(c -> out.add(c.recipe().name()));
        study.stream().map(c -> c.recipe().name()).sorted().forEach(out::add);
        return List.copyOf(out);
    }

    /** The configured experiments of the ledger's columns that have finished runs (what the ledger is computed from). */
    public static List<String> experiments(Path projectRoot, Path runsRoot) throws IOException {
        List<String> out = new ArrayList<>();
        for (String corpus : PaperClaims.ALL.stream().map(PaperClaims.Claim::corpus).distinct().toList())
            for (ExperimentConfig c : studyConfigs(projectRoot.resolve("experiments").resolve(corpus)))
                if (COLUMNS.contains(c.protocol()) && !StudyTables.runs(c, runsRoot).isEmpty()) out.add(c.name());
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
        if (cfg == null) return Cell.none(null, 0);
        List<Path> runs = StudyTables.runs(cfg, runsRoot);
        int planned = StudyTables.plannedRuns(cfg, runsRoot);
        if (runs.isEmpty()) return Cell.none(cfg.name(), planned);
        Evidence e = Evidence.of(runs, metric);
        return new Cell(cfg.name(), runs.size(), planned, e.converged(), e.seeds(), e.perRun().mean(), e.perRun().sd(), e.seedLevel().low(),
                e.seedLevel().high(), e.clustered().estimate(), e.clustered().low(), e.clustered().high(), StudyReport.legacy(runs));
    }

    /** What a ledger row concludes, as a category and a sentence built from the numbers. */
    public enum Category {
        NEEDS_LICENSED_DATA("needs licensed data"),
        NOT_RUN("not run"),
        INCOMPLETE("no verdict yet: runs missing"),
        NOT_CONVERGED("no verdict: runs not converged"),
        INCONCLUSIVE("inconclusive"),
        REACHED_WITHOUT_LEAK("reached without the leak"),
        REACHED_WITH_SHARED_SPEAKERS("reached only with speakers shared between training and test"),
        REACHED_UNDER_LEAK("reached only under the leaking protocol"),
        NOT_REACHED_EVEN_UNDER_LEAK("not reached even under the leak");

        public final String label;

        Category(String label) { this.label = label; }
    }

    public record Verdict(Category category, String text) {}

    /**
     * The verdict of one claim from its cells. Every cell that has runs must be complete (all planned runs) and
     * converged, else there is no verdict. A protocol <em>reaches</em> the claim when the upper end of its seed-level
     * 95 % interval (the interval of our configuration's mean over repeated training) is at or above it, and falls
     * short when that upper end is below it. Checked from the least to the most leaking protocol: speaker-independent,
     * then augment-after-split (speakers shared), then paper-style (copies and speakers shared). Without a seed-level
     * interval (one seed) the answer is "inconclusive". The speaker-independent figure, with both of its intervals,
     * closes every sentence.
     */
    public static Verdict verdict(double paper, Map<Protocol, Cell> cells, String corpus) {
        Cell ps = cells.get(Protocol.PAPER_STYLE), si = cells.get(Protocol.SPEAKER_INDEPENDENT), as = cells.get(Protocol.AUGMENT_AFTER_RANDOM_SPLIT);
        if (!ps.hasRuns() && !si.hasRuns() && !as.hasRuns())
            return !org.emoaugnet.data.loaders.Corpora.definition(corpus).freelyAvailable()
                    ? new Verdict(Category.NEEDS_LICENSED_DATA, "needs licensed data (" + label(corpus) + " is not redistributable)")
                    : new Verdict(Category.NOT_RUN, "not run");
        String siText = si.hasRuns() ? String.format(Locale.ROOT, "; speaker-independent %.1f (seeds 95%% CI %s; speakers→recordings %.1f–%.1f)",
                si.mean(), si.hasSeedInterval() ? String.format(Locale.ROOT, "%.1f–%.1f", si.seedLow(), si.seedHigh()) : "n/a", si.clLow(), si.clHigh()) : "";
        List<String> missing = new ArrayList<>(), open = new ArrayList<>();
        for (Protocol p : COLUMNS) {
            Cell c = cells.get(p);
            if (c == null || c.experiment() == null) continue;
            if (!c.complete()) missing.add(COLUMN_NAMES.get(p) + " " + c.runs() + " of " + c.planned());
            if (c.hasRuns() && c.unconverged() > 0) open.add(COLUMN_NAMES.get(p) + " " + c.unconverged() + " of " + c.runs());
        }
        if (!missing.isEmpty()) return new Verdict(Category.INCOMPLETE, Category.INCOMPLETE.label + " (" + String.join(", ", missing) + ")" + siText);
        if (!open.isEmpty())
            return new Verdict(Category.NOT_CONVERGED, "no verdict: runs stopped at their epoch cap while still improving (" + String.join(", ", open) + ")" + siText);
        for (Protocol p : List.of(Protocol.SPEAKER_INDEPENDENT, Protocol.AUGMENT_AFTER_RANDOM_SPLIT, Protocol.PAPER_STYLE)) {
            Cell c = cells.get(p);
            if (!c.hasRuns()) continue;
            if (!c.hasSeedInterval())
                return new Verdict(Category.INCONCLUSIVE, "inconclusive: " + COLUMN_NAMES.get(p) + " has one seed, so no interval over repeated training" + siText);
            if (c.seedHigh() >= paper) {
                Category cat = p == Protocol.SPEAKER_INDEPENDENT ? Category.REACHED_WITHOUT_LEAK
                        : p == Protocol.AUGMENT_AFTER_RANDOM_SPLIT ? Category.REACHED_WITH_SHARED_SPEAKERS : Category.REACHED_UNDER_LEAK;
                return new Verdict(cat, String.format(Locale.ROOT, "%s: the claim %.2f is %s the %s seed-level 95%% CI %.1f–%.1f%s",
                        cat.label, paper, paper < c.seedLow() ? "below" : "within", COLUMN_NAMES.get(p), c.seedLow(), c.seedHigh(),
                        p == Protocol.SPEAKER_INDEPENDENT ? "" : siText));
            }
        }
        if (ps.hasRuns())
            return new Verdict(Category.NOT_REACHED_EVEN_UNDER_LEAK, String.format(Locale.ROOT,
                    "%s: the claim %.2f is %.1f points above the upper end of the paper-style seed-level 95%% CI %.1f–%.1f%s",
                    Category.NOT_REACHED_EVEN_UNDER_LEAK.label, paper, paper - ps.seedHigh(), ps.seedLow(), ps.seedHigh(), siText));
        return new Verdict(Category.INCONCLUSIVE, "inconclusive: the leaking protocol was not run and the others fall short" + siText);
    }

    public static Table table(List<Row> rows) {
        StringColumn corpus = StringColumn.create("corpus"), act = StringColumn.create(ResultColumns.ACTIVATION), recipe = StringColumn.create("recipe"),
                metric = StringColumn.create("metric"), category = StringColumn.create("verdict_category"), verdict = StringColumn.create("verdict");
        DoubleColumn paper = DoubleColumn.create("paper");
        List<tech.tablesaw.columns.Column<?>> cols = new ArrayList<>(List.of(corpus, act, recipe, metric, paper));
        String[] ints = {"runs", "planned", "converged", "seeds"};
        String[] nums = {"mean", "sd", "seed_ci_low", "seed_ci_high", "recordings", "recordings_ci_low", "recordings_ci_high"};
        Map<Protocol, StringColumn> exp = new LinkedHashMap<>();
        Map<Protocol, List<IntColumn>> in = new LinkedHashMap<>();
        Map<Protocol, List<DoubleColumn>> num = new LinkedHashMap<>();
        for (Protocol p : COLUMNS) {
            String k = key(p);
            exp.put(p, StringColumn.create(k + "_experiment"));
            in.put(p, java.util.Arrays.stream(ints).map(x -> IntColumn.create(k + "_" + x)).toList());
            num.put(p, java.util.Arrays.stream(nums).map(x -> DoubleColumn.create(k + "_" + x)).toList());
            cols.add(exp.get(p));
            cols.addAll(in.get(p));
            cols.addAll(num.get(p));
        }
        cols.add(category);
        cols.add(verdict);
        for (Row r : rows) {
            corpus.append(r.corpus());
            act.append(r.activation());
            recipe.append(r.recipe());
            metric.append(r.metric());
            paper.append(r.paper());
            category.append(r.verdict().category().name());
            verdict.append(r.verdict().text());
            for (Protocol p : COLUMNS) {
                Cell c = r.cells().get(p);
                exp.get(p).append(c.experiment() == null ? "" : c.experiment());
                int[] iv = {c.runs(), c.planned(), c.converged(), c.seeds()};
                for (int i = 0; i < iv.length; i++) in.get(p).get(i).append(iv[i]);
                double[] v = {c.mean(), c.sd(), c.seedLow(), c.seedHigh(), c.clustered(), c.clLow(), c.clHigh()};
                for (int i = 0; i < v.length; i++) num.get(p).get(i).append(r2(v[i]));
            }
        }
        return Table.create("ledger", cols.toArray(new tech.tablesaw.columns.Column<?>[0]));
    }

    /**
     * The ledger for a reader (a notebook or terminal): one row per claim and recipe, the paper's value, each protocol's mean over
     * runs with its seed-level 95 % t interval (or why there is none), and the verdict's category. LEDGER.md and
     * ledger.csv carry the full cells (s.d., recording-level intervals, run counts) and the verdict sentences.
     */
    public static Table overview(List<Row> rows) {
        StringColumn claim = StringColumn.create("claim"), recipe = StringColumn.create("recipe"), category = StringColumn.create("verdict"),
                paper = StringColumn.create("paper");
        Map<Protocol, StringColumn> cols = new LinkedHashMap<>();
        for (Protocol p : COLUMNS) cols.put(p, StringColumn.create(COLUMN_NAMES.get(p)));
        for (Row r : rows) {
            claim.append(r.corpus().toUpperCase(Locale.ROOT) + " " + (r.activation().equals("relu") ? "ReLU" : "ELU") + " " + r.metric());
            recipe.append(r.recipe());
            paper.append(String.format(Locale.ROOT, "%.2f", r.paper())); // as the paper reports it, not rounded again
            category.append(r.verdict().category().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            for (Protocol p : COLUMNS) {
                Cell c = r.cells().get(p);
                String v;
                if (c.experiment() == null) v = "not configured";
                else if (!c.hasRuns()) v = "not run";
                else v = String.format(Locale.ROOT, "%.1f", c.mean())
                        + (c.hasSeedInterval() ? String.format(Locale.ROOT, " [%.1f, %.1f]", c.seedLow(), c.seedHigh()) : " (1 seed)")
                        + (c.complete() ? "" : String.format(Locale.ROOT, " %d/%d runs", c.runs(), c.planned()))
                        + (c.unconverged() > 0 ? " " + c.unconverged() + " unconverged" : "");
                cols.get(p).append(v);
            }
        }
        Table t = Table.create("reproduction ledger (%; mean over runs [95% t CI over seeds])", claim, recipe, paper);
        cols.values().forEach(t::addColumns);
        return t.addColumns(category);
    }

    /** IEMOCAP 4-class counts with happy alone (excited dropped, 595 happy utterances), the alternative reading of the paper's class set. */
    public static final double[] IEMOCAP_4_HAPPY_ALONE_COUNTS = {1708, 595, 1084, 1103};

    /**
     * The WA/UA consistency check ({@link Consistency}) of one reported pair against one set of class counts.
     *
     * @param check  null when there are no class counts to check against
     * @param prefix the class counts are said as {@code prefix + reading + suffix}; {@code reading}, the reading of the
     *               class set (IEMOCAP's two), is emphasised in LEDGER.md; empty where there is one reading
     */
    public record PairCheck(PaperClaims.Claim claim, Consistency.Check check, String prefix, String reading, String suffix) {
        /** "WA−UA = 1.23" (the reported gap with its direction); empty without counts. */
        String gap() { return check == null ? "" : (check.waAboveUa() ? "WA−UA = " : "UA−WA = ") + fmt(check.reportedGap()); }

        /** The largest feasible gap, two decimals; empty without counts. */
        String largest() { return check == null ? "" : fmt(check.largestFeasibleGap()); }

        /** "yes", "no" or "unknown" (without counts). */
        String feasible() { return check == null ? "unknown" : check.feasible() ? "yes" : "no"; }

        /** The class counts in words, the reading emphasised (Markdown bold) when {@code bold}. */
        String counts(boolean bold) { return prefix + (bold && !reading.isEmpty() ? "**" + reading + "**" : reading) + suffix; }
    }

    /**
     * The WA/UA consistency check of every reported pair, against the class counts of our test sets (RAVDESS) or
     * IEMOCAP's standard counts, under both readings of IEMOCAP's 4 classes: excited merged into happy (the common
     * benchmark) and happy alone.
     */
    public static List<PairCheck> consistency(Path projectRoot, Path runsRoot) throws IOException {
        List<PairCheck> out = new ArrayList<>();
        for (PaperClaims.Claim c : PaperClaims.ALL) {
            if (c.corpus().equals("iemocap")) {
                out.add(check(c, IEMOCAP_4_COUNTS, "IEMOCAP 4 classes, ", "excited merged into happy", ": 1708/1636/1084/1103 (neutral/happy+excited/sad/angry)"));
                out.add(check(c, IEMOCAP_4_HAPPY_ALONE_COUNTS, "IEMOCAP 4 classes, ", "happy alone", " (excited dropped): 1708/595/1084/1103"));
                continue;
            }
            double[] counts = testCounts(projectRoot, runsRoot, c.corpus());
            if (counts == null) {
                out.add(new PairCheck(c, null, "no run records to take class counts from", "", ""));
                continue;
            }
            out.add(check(c, counts, "class counts of our speaker-independent test sets (one seed): "
                    + java.util.Arrays.stream(counts).mapToObj(x -> String.valueOf((long) x)).reduce((a, b) -> a + "/" + b).orElse(""), "", ""));
        }
        return out;
    }

    private static PairCheck check(PaperClaims.Claim c, double[] counts, String prefix, String reading, String suffix) {
        return new PairCheck(c, Consistency.check(c.wa(), c.ua(), counts), prefix, reading, suffix);
    }

    /** Class counts of one seed's speaker-independent test sets (every recording once), or null without runs. */
    static double[] testCounts(Path projectRoot, Path runsRoot, String corpus) throws IOException {
        for (ExperimentConfig cfg : studyConfigs(projectRoot.resolve("experiments").resolve(corpus))) {
            if (cfg.protocol() != Protocol.SPEAKER_INDEPENDENT || cfg.seeds().isEmpty()) continue;
            Predictions p = StudyReport.predictions(runsRoot.resolve(cfg.name()), List.of(cfg.seeds().get(0)));
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
        md.append("`ledger.csv` from the run records). Values in %. Each cell: the mean ± s.d. over runs (folds × seeds); the 95 % t interval\n");
        md.append("of that mean over **seeds** (a seed is one repetition of the whole experiment, its folds averaged: the interval a claim is\n");
        md.append("compared with); and the metric over the test **recordings**, each counted once (its augmented copies and seeds averaged),\n");
        md.append("with a 95 % bootstrap interval that resamples **speakers, then recordings** within them. The paper-style protocol augments\n");
        md.append("before a random row split and **leaks** (augmented copies of test recordings, and their speakers, are in training).\n");
        md.append("A verdict needs every planned run, all converged (not stopped at the epoch cap while still improving); a protocol\n");
        md.append("*reaches* a claim when the upper end of its seed-level interval is at or above it. Each row is one augmentation **recipe**\n");
        md.append("(`all`: the original plus one copy each of noise, pitch shift, time stretch and time shift, the paper's four; `public-4`: original,\n");
        md.append("noise, pitch, pitch+noise, the public code's); a protocol without an experiment of that recipe reads \"no experiment configured\".\n\n");
        md.append(claimsTable(rows));
        if (md.indexOf(LEGACY_MARK) >= 0) md.append("\n").append(LEGACY_NOTE).append("\n");
        if (figure(rows, "ravdess", outDir.resolve("ledger.png"), lineage))
            md.append("\n![RAVDESS claims beside our numbers under each protocol and recipe](ledger.png)\n");
        List<StudyReport.FamilyPower> power = power(projectRoot, runsRoot);
        if (!power.isEmpty()) {
            md.append("\n## Power of the study's tests\n\n");
            md.append("Every family of comparisons the configured experiments form (ReLU − ELU under each protocol and recipe; each augmentation\n");
            md.append("ablation's recipes against none), UA. The primary test is the two-sided paired t-test over independent units (the fold\n");
            md.append("where folds are fixed, the seed where each seed draws its own split), Holm-adjusted over the family; the exact sign-flip\n");
            md.append("test is a check beside it, whose smallest p is 2/2ⁿ before and m·2/2ⁿ after Holm's first step. The minimal detectable\n");
            md.append("difference is the one the t-test finds with 80 % power at two-sided α = 0.05/m (the bound of Holm's first step), from each\n");
            md.append("comparison's observed between-unit s.d., computed from the noncentral t distribution (`PairedT`). The difference that\n");
            md.append(String.format(Locale.ROOT, "matters is %.1f UA points (%s).%n%n", Comparison.EFFECT_THAT_MATTERS, Comparison.EFFECT_REASON));
            md.append("| family | unit | units | comparisons (m) | smallest Holm p, paired t | smallest Holm p, sign-flip | minimal detectable Δ, 80 % power (points) "
                    + "| Δ that matters (points) | comparisons that detect it | most units it would need |\n|---|---|---|---|---|---|---|---|---|---|\n");
            for (StudyReport.FamilyPower f : power) {
                double lo = f.mdeMin(), hi = f.mdeMax();
                md.append("| ").append(f.family()).append(" | ").append(f.unit())
                        .append(" | ").append(f.units()).append(" | ").append(f.comparisons())
                        .append(" | ").append(String.format(Locale.ROOT, "%.3f", f.tFloor()))
                        .append(" | ").append(String.format(Locale.ROOT, "%.3f", f.signFloorHolm()))
                        .append(" | ").append(Double.isNaN(lo) ? "n/a (one unit)" : Math.abs(hi - lo) < 0.05 ? String.format(Locale.ROOT, "%.1f", lo)
                                : String.format(Locale.ROOT, "%.1f–%.1f", lo, hi))
                        .append(" | ").append(String.format(Locale.ROOT, "%.1f", f.matters()))
                        .append(" | ").append(f.detects()).append(" of ").append(f.comparisons())
                        .append(" | ").append(f.mostUnitsNeeded().isEmpty() ? (f.detects() == f.comparisons() ? "–" : "more than 1000, or no spread to plan from")
                                : String.valueOf(f.mostUnitsNeeded().getAsInt())).append(" |\n");
            }
        }
        Path results = runsRoot.toAbsolutePath().getParent();   // notebook 06's tables, beside the runs they were computed from
        if (Files.isRegularFile(results.resolve(StrongestModelSection.RESULTS))) {
            md.append("\n## Beyond the paper: the strongest honest model\n\n");
            md.append(String.join("\n\n", StrongestModelSection.headline(results))).append("\n");
        }
        md.append("\n## Are the paper's WA/UA pairs possible?\n\n");
        md.append("The largest |WA − UA| any per-class recalls with the reported UA can give on a test set with these class counts\n");
        md.append("(a linear program solved greedily; see `Consistency`). A reported gap above it cannot come from that class set.\n");
        md.append("Assumptions: WA is accuracy over test items and UA the unweighted mean of per-class recalls, on one test set with the\n");
        md.append("counts shown. The paper does not say how IEMOCAP's four classes were formed, so both readings are checked: with\n");
        md.append("excited merged into happy (the usual benchmark) a gap is possible only if it is below the first IEMOCAP row's bound; with\n");
        md.append("happy alone (fewer, rarer happy items) larger gaps become possible. A \"no\" under one reading is not a \"no\" under the other.\n\n");
        md.append("| corpus | activation | WA | UA | reported gap | largest feasible gap | feasible? | class counts |\n|---|---|---|---|---|---|---|---|\n");
        for (PairCheck c : consistency(projectRoot, runsRoot))
            md.append("| ").append(String.join(" | ", c.claim().corpus(), c.claim().activation(), fmt(c.claim().wa()), fmt(c.claim().ua()), c.gap(), c.largest(),
                    c.check() != null && !c.check().feasible() ? "**no**" : c.feasible(), c.counts(true))).append(" |\n");
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
                if (COLUMNS.contains(c.protocol())) out.addAll(StudyReport.lineage(StudyTables.runs(c, runsRoot)));
        return out;
    }

    /**
     * The claims of {@code corpus} as grouped bars, one group per claim and recipe (the recipe in its label): the
     * paper's value beside our mean under each protocol, with its seed-level 95 % interval (none with one seed); a
     * protocol without runs has no bar, and its group's label says how many were not run; written to {@code png} when
     * any protocol has runs. Returns whether it was written.
     */
    static boolean figure(List<Row> rows, String corpus, Path png, List<String> lineage) throws IOException {
        List<Row> mine = rows.stream().filter(r -> r.corpus().equals(corpus)).toList();
        if (mine.stream().noneMatch(r -> r.cells().values().stream().anyMatch(Cell::hasRuns))) return false;
        List<String> cats = mine.stream().map(r -> (r.activation().equals("relu") ? "ReLU " : "ELU ") + r.metric() + ", " + r.recipe()).toList();
        Map<String, double[][]> series = new java.util.LinkedHashMap<>();
        series.put("paper", mine.stream().map(r -> new double[] {r.paper(), Double.NaN, Double.NaN}).toArray(double[][]::new));
        for (Protocol p : COLUMNS)
            series.put(COLUMN_NAMES.get(p), mine.stream().map(r -> r.cells().get(p)).map(c -> c.hasRuns() ? new double[] {c.mean(), c.seedLow(), c.seedHigh()}
                    : new double[] {Double.NaN, Double.NaN, Double.NaN}).toArray(double[][]::new));
        var chart = org.emoaugnet.plot.ResultFigures.groupedBarsWithIntervals(label(corpus) + ": paper claims and our numbers by protocol and recipe",
                "% (mean over runs, 95 % CI over seeds)", cats, series, Category.NOT_RUN.label);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        org.emoaugnet.plot.Plots.save(org.emoaugnet.util.Lineage.tag(chart, lineage), png);
        return true;
    }

    /**
     * The power of every test family the configured experiments form ({@link StudyReport#power}), one each: per corpus
     * the ReLU − ELU comparisons under each protocol and recipe ({@link StudyReport#activationComparison}), and each
     * augmentation ablation under {@code experiments/<corpus>/ablation/} (its recipes against none). Families without
     * paired runs are left out.
     */
    static List<StudyReport.FamilyPower> power(Path projectRoot, Path runsRoot) throws IOException {
        List<StudyReport.FamilyPower> out = new ArrayList<>();
        for (String corpus : PaperClaims.ALL.stream().map(PaperClaims.Claim::corpus).distinct().toList()) {
            Path dir = projectRoot.resolve("experiments").resolve(corpus);
            StudyReport.power(label(corpus) + ": ReLU − ELU per protocol and recipe", StudyTables.activationComparison(studyConfigs(dir), runsRoot))
                    .ifPresent(out::add);
            if (Files.isDirectory(dir.resolve("ablation")))
                try (var files = Files.list(dir.resolve("ablation"))) {
                    for (Path f : files.filter(x -> x.toString().endsWith(".properties")).sorted().toList()) {
                        Ablation.Design d = Ablation.load(f);
                        Table a = StudyTables.ablation(d, runsRoot);
                        if (!a.columnNames().contains(TestColumns.COMPARISON)) continue;
                        StudyReport.power(label(corpus) + ": ablation " + d.name() + ", recipes − none", a.where(a.stringColumn(TestColumns.COMPARISON).isNotMissing()))
                                .ifPresent(out::add);
                    }
                }
        }
        return out;
    }

    /** The ledger's protocol columns ({@link ResultColumns#PROTOCOL_NAMES}). */
    public static final Map<Protocol, String> COLUMN_NAMES = ResultColumns.PROTOCOL_NAMES;

    /** The claims table of LEDGER.md: one line per row, each protocol's cell ({@link Cell#text}) and the verdict. */
    static String claimsTable(List<Row> rows) {
        StringBuilder md = new StringBuilder("| claim | recipe | paper | paper-style (leaks) | augment after utterance split | speaker-independent | verdict |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.claim()).append(" | `").append(r.recipe()).append("` | ").append(fmt(r.paper()));
            for (Protocol p : COLUMNS) md.append(" | ").append(r.cells().get(p).text());
            md.append(" | ").append(r.verdict().text()).append(" |\n");
        }
        return md.toString();
    }

    /**
     * Replaces the block between {@code <!-- ledger:start -->} and {@code <!-- ledger:end -->} in {@code readme} with
     * the claims table of the ledger's {@code rows} ({@link #claimsTable}, as in LEDGER.md); returns false (and writes
     * nothing) when the markers are absent.
     */
    public static boolean updateReadme(Path readme, List<Row> rows) throws IOException {
        String text = Files.readString(readme), start = "<!-- ledger:start -->", end = "<!-- ledger:end -->";
        int a = text.indexOf(start), b = text.indexOf(end);
        if (a < 0 || b < a) return false;
        StringBuilder table = new StringBuilder(claimsTable(rows));
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
