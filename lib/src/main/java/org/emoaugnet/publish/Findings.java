package org.emoaugnet.publish;

import org.emoaugnet.design.CrossCorpusStudy;
import org.emoaugnet.eval.PairedT;
import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.evidence.TestColumns;
import org.emoaugnet.run.Protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.emoaugnet.util.AtomicFiles;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The README's findings, built from the ledger and the committed result tables, never typed: one table per family of
 * results (the paper's claims; each family of tests; the cross-corpus grid; the WA/UA check), each under a title and
 * the source file it links, and, for a family of tests, one sentence on its power; how every test table reads is said
 * once, before the first ({@link #readingGuide}). A test table's rows give the contrast, the mean difference over units
 * with its 95 % t interval, the difference over recordings with its interval resampling speakers then recordings, the
 * primary test's Holm-adjusted p and the verdict's row label, worded by {@link org.emoaugnet.eval.TestVerdict} alone.
 * The block stays a summary: at most {@link #MAX_PROSE_WORDS} words outside its tables. {@link #updateReadme} replaces
 * the block between {@code <!-- findings:start -->} and {@code <!-- findings:end -->}; a test checks that the committed
 * README holds exactly what the committed results give.
 */
public final class Findings {
    public static final String START = "<!-- findings:start -->", END = "<!-- findings:end -->";
    public static final String HEADLINE_START = "<!-- headline:start -->", HEADLINE_END = "<!-- headline:end -->";

    /** The corpora of the cross-corpus grid the findings report, in the grid's order (the notebook's run on the project's corpora). */
    static final List<String> GRID_CORPORA = List.of("emodb-2s", "ravdess", "savee", "urdu");

    /**
     * The result tables the findings read, relative to {@code results/}, as the notebooks name them ({@link StudyOutputs}):
     * the RAVDESS studies' and the grid's.
     */
    public static final String RELU_ELU = StudyOutputs.path(Findings.HEADLINE_CORPUS, StudyOutputs.RELU_ELU_TESTS),
            ABLATION_SI = StudyOutputs.path(Findings.HEADLINE_CORPUS, StudyOutputs.ablation("si")),
            ABLATION_PAPER = StudyOutputs.path(Findings.HEADLINE_CORPUS, StudyOutputs.ablation("paper-style")),
            ROBUSTNESS = StudyOutputs.path(Findings.HEADLINE_CORPUS, StudyOutputs.ROBUSTNESS_AUGMENTATION),
            GRID = StudyOutputs.path(StudyOutputs.crossCorpusFolder(GRID_CORPORA), StudyOutputs.CROSS_CORPUS),
            GRID_TESTS = StudyOutputs.path(StudyOutputs.crossCorpusFolder(GRID_CORPORA), StudyOutputs.CROSS_CORPUS_VARIANT_TESTS),
            GRID_AUGMENTATION = StudyOutputs.path(StudyOutputs.crossCorpusFolder(GRID_CORPORA), StudyOutputs.CROSS_CORPUS_AUGMENTATION);

    private Findings() {}

    /** The ledger's rows from the committed runs ({@code projectRoot/results/runs}). */
    static List<Ledger.Row> ledger(Path projectRoot) throws IOException {
        return Ledger.build(projectRoot, projectRoot.resolve("results").resolve("runs"));
    }

    /**
     * The findings as Markdown sections (a bold title, one or two sentences, a table), from {@code projectRoot/results}
     * and the ledger's {@code rows} (as {@link Ledger#build} gives them for those results).
     */
    public static List<String> build(Path projectRoot, List<Ledger.Row> rows) throws IOException {
        Path results = projectRoot.resolve("results");
        List<String> out = new ArrayList<>();
        for (String corpus : rows.stream().map(Ledger.Row::corpus).distinct().toList())
            if (!corpus.equals(HEADLINE_CORPUS)) out.add(claims(corpus, rows.stream().filter(r -> r.corpus().equals(corpus)).toList()));
        if (TEST_TABLES.stream().anyMatch(f -> Files.isRegularFile(results.resolve(f)))) out.add(readingGuide());
        if (Files.isRegularFile(results.resolve(RELU_ELU)))
            out.add(tests("ReLU − ELU, RAVDESS, per protocol", "notebook 04, `results/" + RELU_ELU + "`",
                    read(results.resolve(RELU_ELU)), "comparison", List.of()));
        for (String[] a : List.of(new String[] {ABLATION_SI, "speaker-independent"}, new String[] {ABLATION_PAPER, "paper-style (leaks)"})) {
            if (!Files.isRegularFile(results.resolve(a[0]))) continue;
            Table t = read(results.resolve(a[0]));
            out.add(tests("Recipe − none, RAVDESS, " + a[1], "notebook 02, `results/" + a[0] + "`",
                    t.where(t.stringColumn(TestColumns.COMPARISON).isNotMissing()), "recipe", StudyReport.leaveOneOut(t)));
        }
        if (Files.isRegularFile(results.resolve(ROBUSTNESS))) {
            Table t = read(results.resolve(ROBUSTNESS));
            for (String act : t.stringColumn(ResultColumns.ACTIVATION).unique().asList())
                out.add(tests("Public-4 − none, degraded RAVDESS, " + (act.equals("relu") ? "ReLU" : "ELU"),
                        "notebook 05, `results/" + ROBUSTNESS + "`; trained on actor fold 1",
                        t.where(t.stringColumn(ResultColumns.ACTIVATION).isEqualTo(act)), "condition", List.of()));
        }
        if (Files.isRegularFile(results.resolve(GRID))) out.add(crossCorpus(read(results.resolve(GRID))));
        if (Files.isRegularFile(results.resolve(GRID_AUGMENTATION)))
            out.add(tests("Public-4 − none across corpora, the corpus pair as the unit", "notebook 05, `results/" + GRID_AUGMENTATION + "`",
                    read(results.resolve(GRID_AUGMENTATION)), "comparison", List.of()));
        if (Files.isRegularFile(results.resolve(GRID_TESTS))) out.add(variantVerdicts(read(results.resolve(GRID_TESTS))));
        if (Files.isRegularFile(results.resolve(StrongestModelSection.RESULTS))) out.addAll(StrongestModelSection.headline(results));
        out.addAll(StrongestModelSection.questions(results));
        out.add(consistency(Ledger.consistency(projectRoot, results.resolve("runs"))));
        return out;
    }

    /** The corpus of the README's first screen (its claims table opens the README; the findings block holds the rest). */
    static final String HEADLINE_CORPUS = "ravdess";

    /**
     * The README's first screen: one sentence with the paper's RAVDESS claim for ReLU WA beside our mean under the
     * leaking protocol and speaker-independently (recipe public-4, the speaker-independent design's), then the claims
     * table ({@link #claims}); empty of numbers, and saying so, when those runs do not exist.
     */
    public static String headline(Path projectRoot) throws IOException { return headline(ledger(projectRoot), projectRoot.resolve("results")); }

    /** {@link #headline(Path)} from the ledger's {@code rows} and the tables under {@code results} ({@link PlanSection#firstScreen}). */
    static String headline(List<Ledger.Row> all, Path results) throws IOException {
        List<Ledger.Row> rows = all.stream().filter(r -> r.corpus().equals(HEADLINE_CORPUS)).toList();
        Ledger.Row wa = rows.stream().filter(r -> r.activation().equals("relu") && r.metric().equals("WA")).findFirst().orElse(null);
        Ledger.Row ua = wa == null ? null : rows.stream().filter(r -> r.activation().equals("relu") && r.metric().equals("UA") && r.recipe().equals(wa.recipe()))
                .findFirst().orElse(null);
        String sentence;
        if (wa == null || ua == null || !wa.cells().get(Protocol.PAPER_STYLE).hasRuns() || !wa.cells().get(Protocol.SPEAKER_INDEPENDENT).hasRuns())
            sentence = "The RAVDESS runs behind the headline do not exist yet: run the notebooks on a RAVDESS copy (docs/corpora.md).";
        else {
            Ledger.Cell ps = wa.cells().get(Protocol.PAPER_STYLE), si = wa.cells().get(Protocol.SPEAKER_INDEPENDENT), siUa = ua.cells().get(Protocol.SPEAKER_INDEPENDENT);
            sentence = String.format(Locale.ROOT, "**In one sentence:** the paper's RAVDESS accuracy (ReLU, WA %.2f %%) is reached only under its leaking "
                            + "protocol, where augmented copies of one recording and every speaker sit on both sides of the split (our network: WA %.1f %%, "
                            + "%d runs); on actors it never trained on, the same network scores WA %.1f %% and UA %.1f %% (%d classes, chance UA %.1f %%; "
                            + "%d runs on 5 actor folds).",
                    wa.paper(), ps.mean(), ps.runs(), si.mean(), siUa.mean(), HEADLINE_CLASSES, 100.0 / HEADLINE_CLASSES, si.runs());
        }
        String plan = PlanSection.firstScreen(results);
        return HEADLINE_START + "\n" + sentence + "\n\n" + (plan.isEmpty() ? "" : plan + "\n\n") + claims(HEADLINE_CORPUS, rows) + "\n" + HEADLINE_END;
    }

    private static final int HEADLINE_CLASSES = org.emoaugnet.data.loaders.Corpora.defaultClassSet(HEADLINE_CORPUS).classes().size();

    /** The paper's claims on one corpus: per claim and recipe, our mean with its seed-level interval under the leaking and the speaker-independent protocol, and the ledger's verdict. */
    static String claims(String corpus, List<Ledger.Row> mine) {
        String name = org.emoaugnet.data.loaders.Corpora.displayName(corpus);
        StringBuilder b = new StringBuilder("**" + name + ": the paper's claims.** ");
        if (mine.stream().noneMatch(r -> r.cells().values().stream().anyMatch(Ledger.Cell::hasRuns)))
            return b.append(mine.get(0).verdict().text()).append(" (`results/ledger.csv`).").toString();
        b.append("Mean over runs [95 % t interval over seeds], percent; `results/ledger.csv` has the after-split protocol and the "
                + "intervals over recordings.\n\n")
                .append("| claim | recipe | paper | paper-style (leaks) | speaker-independent | verdict |\n|---|---|---|---|---|---|\n");
        for (Ledger.Row r : mine)
            b.append(String.format(Locale.ROOT, "| %s %s | %s | %.2f | %s | %s | %s |%n", r.activation().equals("relu") ? "ReLU" : "ELU", r.metric(), r.recipe(), r.paper(),
                    cell(r.cells().get(Protocol.PAPER_STYLE)), cell(r.cells().get(Protocol.SPEAKER_INDEPENDENT)), r.verdict().category().label));
        return b.toString().stripTrailing();
    }

    private static String cell(Ledger.Cell c) {
        if (c == null || c.experiment() == null) return "–";
        if (!c.hasRuns()) return "not run";
        return String.format(Locale.ROOT, "%.1f [%s] (%d runs)", c.mean(), Double.isNaN(c.seedLow()) ? "1 seed"
                : String.format(Locale.ROOT, "%.1f, %.1f", c.seedLow(), c.seedHigh()), c.runs());
    }

    /** The test tables the findings read, relative to {@code results/}: when any exists, {@link #readingGuide} precedes them. */
    static final List<String> TEST_TABLES = List.of(RELU_ELU, ABLATION_SI, ABLATION_PAPER, ROBUSTNESS, GRID_AUGMENTATION, GRID_TESTS, StrongestModelSection.RELU_ELU,
            StrongestModelSection.AUGMENTATION);

    /**
     * How every test table reads, said once before the first ({@link #tests} does not repeat it): what Δ is, the unit,
     * the test and its Holm family, and the power its line reports against the difference that matters.
     */
    static String readingGuide() {
        return String.format(Locale.ROOT, "**Test tables.** Δ: A − B in UA points over units (folds where fixed, else seeds), 95 %% t interval; "
                + "p: paired t-test, Holm-adjusted within the table; power at %d %% against the %.1f points that matter.",
                Math.round(100 * PairedT.POWER), Comparison.EFFECT_THAT_MATTERS);
    }

    /**
     * One family of tests as a table, under its title and {@code source} (and the runs each unit pairs, where a unit
     * pairs several): per contrast the mean difference over units with its 95 % t interval (and the units), the
     * difference over recordings with its speakers→recordings interval, the paired t-test's Holm-adjusted p and the
     * verdict's row label ({@link org.emoaugnet.eval.TestVerdict#of}); then the family's power ({@link #power}), and any
     * {@code notes} (one sentence each). What the columns mean is said once, in {@link #readingGuide}.
     */
    public static String tests(String title, String source, Table t, String contrast, List<String> notes) {
        StringBuilder b = new StringBuilder("**" + title + ".** ");
        if (t.rowCount() == 0) return b.append("No comparison has runs yet (").append(source).append(").").toString();
        List<String> unitNames = t.stringColumn(TestColumns.UNIT).unique().asList();
        String unit = unitNames.size() == 1 ? unitNames.get(0) : "unit";
        b.append(source).append(runsPerUnit(t, unit)).append(".\n\n");
        b.append("| ").append(contrast).append(" | Δ over ").append(unit).append("s [95 % t CI] (n) | Δ over recordings [95 % CI, speakers→recordings] | p (Holm) | verdict |\n")
                .append("|---|---|---|---|---|\n");
        for (int i = 0; i < t.rowCount(); i++) {
            var v = org.emoaugnet.eval.TestVerdict.of(StudyReport.numbers(t, i));
            int n = t.intColumn(TestColumns.UNITS).get(i);
            double di = StudyReport.num(t, TestColumns.ITEM_DELTA, i);
            b.append(String.format(Locale.ROOT, "| %s | %+.1f [%s, %s] (%d) | %s | %s | %s |%n", t.stringColumn(TestColumns.COMPARISON).get(i),
                    StudyReport.num(t, TestColumns.DELTA, i), StudyReport.signed(StudyReport.num(t, TestColumns.T_LOW, i)), StudyReport.signed(StudyReport.num(t, TestColumns.T_HIGH, i)), n,
                    Double.isNaN(di) ? "not on the same recordings" : String.format(Locale.ROOT, "%+.1f [%s, %s]", di, StudyReport.signed(StudyReport.num(t, TestColumns.ITEM_LOW, i)),
                            StudyReport.signed(StudyReport.num(t, TestColumns.ITEM_HIGH, i))),
                    StudyReport.p(StudyReport.num(t, TestColumns.P_T_HOLM, i)), v.label()));
        }
        b.append('\n').append(power(t));
        for (String n : notes) b.append(' ').append(n);
        return b.toString();
    }

    /** "; 3 runs per fold" where every row's unit pairs the same number of runs, more than one; "" otherwise. */
    static String runsPerUnit(Table t, String unit) {
        java.util.Set<Integer> per = new java.util.TreeSet<>();
        for (int i = 0; i < t.rowCount(); i++) {
            int n = t.intColumn(TestColumns.UNITS).get(i), pairs = t.intColumn(TestColumns.PAIRED_RUNS).get(i);
            per.add(n == 0 || pairs % n != 0 ? -1 : pairs / n);
        }
        int k = per.size() == 1 ? per.iterator().next() : -1;
        return k > 1 ? String.format(Locale.ROOT, "; %d runs per %s", k, unit) : "";
    }

    /**
     * A family's power in one sentence, from {@link StudyReport#power}: the differences its comparisons detect (at the
     * power and against the difference that matters {@link #readingGuide} names), how many rows detect the difference
     * that matters, and the units the rest would need.
     */
    static String power(Table t) {
        StudyReport.FamilyPower p = StudyReport.power("family", t).orElseThrow(() -> new IllegalArgumentException("a family of tests without comparisons has no power"));
        int m = p.comparisons(), can = p.detects();
        double lo = p.mdeMin(), hi = p.mdeMax();
        if (Double.isNaN(lo)) return "Power: none, with fewer than two units per row.";
        String range = Math.abs(hi - lo) < 0.05 ? String.format(Locale.ROOT, "%.1f", lo) : String.format(Locale.ROOT, "%.1f–%.1f", lo, hi);
        String need = p.mostUnitsNeeded().isEmpty() ? "over 1000 units" : (m == 1 ? "" : "up to ") + p.mostUnitsNeeded().getAsInt() + " units";
        String matters = String.format(Locale.ROOT, "%.1f points", p.matters());
        String detects = m == 1 ? (can == 1 ? "; it detects " + matters : ", not " + matters + ", which needs " + need)
                : can == m ? "; all " + m + " rows detect " + matters
                : String.format(Locale.ROOT, "; %d of %d rows detect %s; the rest need %s", can, m, matters, need);
        return "Power: detects " + range + " points" + detects + ".";
    }


    /** The cross-corpus grid's main variant: one row per train → test cell with its UA and interval, under one sentence. */
    public static String crossCorpus(Table t) {
        int unconverged = CrossCorpusStudy.unconvergedCells(t);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "**Across corpora, the main variant.** UA on the classes all corpora share; notebook 05, `results/%s`; "
                        + "runs: folds × seeds within a corpus, seeds across; %s%n%n", GRID,
                unconverged > 0 ? unconverged + " of the grid's " + t.rowCount() + " cells have runs stopped at the cap while still improving, so the grid carries no verdict."
                        : "every run of the grid's " + t.rowCount() + " cells converged."));
        b.append("| train | test | kind | UA [95 % CI, speakers→recordings] | runs |\n|---|---|---|---|---|\n");
        for (CrossCorpusStudy.Kind kind : CrossCorpusStudy.Kind.values()) {
            Table c = CrossCorpusStudy.mainCells(t, kind);
            String label = switch (kind) { case WITHIN -> "within"; case ACROSS -> "across"; case LEAVE_ONE_OUT -> "the other three"; };
            for (int i = 0; i < c.rowCount(); i++)
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f [%.1f, %.1f] | %d |%n", c.stringColumn(ResultColumns.TRAIN).get(i), c.stringColumn(ResultColumns.TEST).get(i),
                        label, c.doubleColumn(ResultColumns.UA).get(i), c.doubleColumn(ResultColumns.UA_LOW).get(i),
                        c.doubleColumn(ResultColumns.UA_HIGH).get(i), c.intColumn(ResultColumns.RUNS).get(i)));
        }
        return b.toString().stripTrailing();
    }

    /**
     * The grid's variant − main tests summarised: per variant, how many of its cells reach each verdict ({@link
     * org.emoaugnet.eval.TestVerdict}) and the cells whose verdict is established, with their Δ; every row is in the
     * table the source names (one test per cell and variant is too many rows for this page).
     */
    public static String variantVerdicts(Table t) {
        List<String> families = t.intColumn(TestColumns.FAMILY).unique().asList().stream().map(String::valueOf).toList();
        StringBuilder b = new StringBuilder("**Cross-corpus variants − the main variant.** notebook 05, `results/" + GRID_TESTS + "` ("
                + t.rowCount() + " cells, Holm over " + String.join(" or ", families) + "): cells by verdict.\n\n"
                + "| variant | cells | verdicts | established (Δ over units, points) |\n|---|---|---|---|\n");
        java.util.Map<String, java.util.List<Integer>> byVariant = new java.util.LinkedHashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            String c = t.stringColumn(TestColumns.COMPARISON).get(i);
            byVariant.computeIfAbsent(c.contains(":") ? c.substring(0, c.indexOf(':')) : c, k -> new java.util.ArrayList<>()).add(i);
        }
        for (var e : byVariant.entrySet()) {
            java.util.Map<String, Integer> count = new java.util.TreeMap<>();
            List<String> established = new ArrayList<>();
            for (int i : e.getValue()) {
                var v = org.emoaugnet.eval.TestVerdict.of(StudyReport.numbers(t, i));
                count.merge(v.verdict().shortLabel(), 1, Integer::sum);
                if (v.verdict() == org.emoaugnet.eval.TestVerdict.ESTABLISHED) {
                    String c = t.stringColumn(TestColumns.COMPARISON).get(i);
                    established.add(String.format(Locale.ROOT, "%s %+.1f", c.substring(c.indexOf(':') + 1).strip(), StudyReport.num(t, TestColumns.DELTA, i)));
                }
            }
            List<String> counts = new ArrayList<>();
            count.forEach((k, n) -> counts.add(n + " " + k));
            b.append(String.format(Locale.ROOT, "| %s | %d | %s | %s |%n", e.getKey(), e.getValue().size(), String.join("; ", counts),
                    established.isEmpty() ? "none" : String.join("; ", established)));
        }
        return b.toString().stripTrailing();
    }

    /** The WA/UA feasibility check of the paper's pairs as a table. */
    static String consistency(List<Ledger.PairCheck> checks) {
        StringBuilder b = new StringBuilder("**Are the paper's WA/UA pairs possible?** Against the largest |WA − UA| the class counts allow (`results/LEDGER.md`).\n\n"
                + "| claim | WA | UA | gap | at most | possible | class counts |\n|---|---|---|---|---|---|---|\n");
        for (Ledger.PairCheck c : checks)
            b.append(String.format(Locale.ROOT, "| %s %s | %.2f | %.2f | %s | %s | %s | %s |%n", org.emoaugnet.data.loaders.Corpora.displayName(c.claim().corpus()),
                    c.claim().activation().equals("relu") ? "ReLU" : "ELU", c.claim().wa(), c.claim().ua(), c.gap(), c.largest().isEmpty() ? "?" : c.largest(),
                    c.feasible(), c.counts(false)));
        return b.toString().stripTrailing();
    }

    /** A result CSV with its columns typed by name ({@link ResultColumns#INTEGERS}, {@link ResultColumns#TEXT}; never guessed from values, which may be empty or look like integers). */
    public static Table read(Path csv) throws IOException {
        return Table.read().usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypes(name -> ResultColumns.INTEGERS.contains(name) ? ColumnType.INTEGER
                : ResultColumns.TEXT.contains(name) ? ColumnType.STRING : ColumnType.DOUBLE));
    }

    /** The most words the findings block may hold outside its tables ({@link #proseWords}), so that it stays a summary. */
    public static final int MAX_PROSE_WORDS = 500;

    /**
     * The words of {@code markdown} outside its tables: whitespace-separated tokens (as {@code wc -w} counts them) of
     * the lines that do not start with '|', leaving out the lines of the block's markers ({@link #START}, {@link #END}).
     */
    public static int proseWords(String markdown) {
        int n = 0;
        for (String line : markdown.split("\n")) {
            String l = line.strip();
            if (l.startsWith("|") || l.equals(START) || l.equals(END) || l.isEmpty()) continue;
            n += l.split("\\s+").length;
        }
        return n;
    }

    /** The findings block as it belongs in the README: the sections, separated by blank lines. */
    public static String block(Path projectRoot) throws IOException { return block(projectRoot, ledger(projectRoot)); }

    static String block(Path projectRoot, List<Ledger.Row> rows) throws IOException {
        return START + "\n" + String.join("\n\n", build(projectRoot, rows)) + "\n" + END;
    }

    /**
     * Replaces the headline and findings blocks of {@code readme} from the committed results and the ledger's
     * {@code rows} (those {@link Ledger#write} just wrote, so the ledger is built once); false (nothing written) without
     * both pairs of markers.
     */
    public static boolean updateReadme(Path readme, Path projectRoot, List<Ledger.Row> rows) throws IOException {
        String text = Files.readString(readme);
        String replaced = replace(text, HEADLINE_START, HEADLINE_END, headline(rows, projectRoot.resolve("results")));
        replaced = replaced == null ? null : replace(replaced, START, END, block(projectRoot, rows));
        if (replaced == null) return false;
        AtomicFiles.writeString(readme, replaced);
        return true;
    }

    /** {@code text} with the block from {@code start} to {@code end} (markers included) replaced; null without the markers. */
    static String replace(String text, String start, String end, String block) {
        int a = text.indexOf(start), z = text.indexOf(end);
        if (a < 0 || z < a) return null;
        return text.substring(0, a) + block + text.substring(z + end.length());
    }
}
