package org.emoaugnet.publish;

import org.emoaugnet.design.CrossCorpusStudy;
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
 * results (the paper's claims; each family of tests; the cross-corpus grid; the WA/UA check), each under one sentence
 * that names its source file, unit and design, and, for a family of tests, one sentence on its power. A test table's
 * rows give the contrast, the mean difference over units with its 95 % t interval, the difference over recordings with
 * its interval resampling speakers then recordings, the primary test's Holm-adjusted p and the verdict, worded by
 * {@link org.emoaugnet.eval.TestVerdict} alone. {@link #updateReadme} replaces the block between
 * {@code <!-- findings:start -->} and {@code <!-- findings:end -->}; a test checks that the committed README holds
 * exactly what the committed results give.
 */
public final class Findings {
    public static final String START = "<!-- findings:start -->", END = "<!-- findings:end -->";
    public static final String HEADLINE_START = "<!-- headline:start -->", HEADLINE_END = "<!-- headline:end -->";

    /** The corpora of the cross-corpus grid the findings report, in the grid's order (the notebook's run on the project's corpora). */
    static final List<String> GRID_CORPORA = List.of("emodb-2s", "ravdess", "synthetic");

    /**
     * The result tables the findings read, relative to {@code results/}, as the notebooks name them ({@link StudyOutputs}):
     * the RAVDESS studies' and the grid's.
     */
    public static final String RELU_ELU = StudyOutputs.path(Findings.HEADLINE_CORPUS, StudyOutputs.RELU_ELU_TESTS),
            ABLATION_SI = StudyOutputs.path(Findings.HEADLINE_CORPUS, StudyOutputs.ablation("si")),
            ABLATION_PAPER = StudyOutputs.path(Findings.HEADLINE_CORPUS, StudyOutputs.ablation("paper-style")),
            ROBUSTNESS = StudyOutputs.path(Findings.HEADLINE_CORPUS, StudyOutputs.ROBUSTNESS_AUGMENTATION),
            GRID = StudyOutputs.path(StudyOutputs.crossCorpusFolder(GRID_CORPORA), StudyOutputs.CROSS_CORPUS),
            GRID_TESTS = StudyOutputs.path(StudyOutputs.crossCorpusFolder(GRID_CORPORA), StudyOutputs.CROSS_CORPUS_VARIANT_TESTS);

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
        if (Files.isRegularFile(results.resolve(RELU_ELU)))
            out.add(tests("ReLU − ELU on RAVDESS, UA", "notebook 04, `results/" + RELU_ELU + "`; Holm over the protocols",
                    read(results.resolve(RELU_ELU)), "comparison", List.of()));
        for (String[] a : List.of(new String[] {ABLATION_SI, "speaker-independent (5 actor folds × 3 seeds)"},
                new String[] {ABLATION_PAPER, "paper-style, leaking (5 seeds, each its own row split)"})) {
            if (!Files.isRegularFile(results.resolve(a[0]))) continue;
            Table t = read(results.resolve(a[0]));
            out.add(tests("Each augmentation recipe − no augmentation, RAVDESS " + a[1] + ", UA", "notebook 02, `results/" + a[0] + "`; Holm over the recipes",
                    t.where(t.stringColumn(TestColumns.COMPARISON).isNotMissing()), "recipe", StudyReport.leaveOneOut(t)));
        }
        if (Files.isRegularFile(results.resolve(ROBUSTNESS))) {
            Table t = read(results.resolve(ROBUSTNESS));
            for (String act : t.stringColumn(ResultColumns.ACTIVATION).unique().asList())
                out.add(tests("Public-4 − no augmentation on degraded RAVDESS speech, " + (act.equals("relu") ? "ReLU" : "ELU") + ", UA",
                        "notebook 05, `results/" + ROBUSTNESS + "`; models trained on actor fold 1, Holm over the conditions",
                        t.where(t.stringColumn(ResultColumns.ACTIVATION).isEqualTo(act)), "condition", List.of()));
        }
        if (Files.isRegularFile(results.resolve(GRID))) out.add(crossCorpus(read(results.resolve(GRID))));
        if (Files.isRegularFile(results.resolve(GRID_TESTS)))
            out.add(tests("Cross-corpus variants − the main variant, UA", "notebook 05, `results/" + GRID_TESTS + "`; Holm over the variant comparisons",
                    read(results.resolve(GRID_TESTS)), "comparison", List.of()));
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
    public static String headline(Path projectRoot) throws IOException { return headline(ledger(projectRoot)); }

    /** {@link #headline(Path)} from the ledger's {@code rows}. */
    static String headline(List<Ledger.Row> all) {
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
        return HEADLINE_START + "\n" + sentence + "\n\n" + claims(HEADLINE_CORPUS, rows) + "\n" + HEADLINE_END;
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

    /**
     * One family of tests as a table: per contrast the mean difference over units with its 95 % t interval (and the
     * units), the difference over recordings with its speakers→recordings interval, the paired t-test's Holm-adjusted p
     * and the verdict; then the family's power in one sentence, and any {@code notes} (one sentence each).
     */
    public static String tests(String title, String source, Table t, String contrast, List<String> notes) {
        StringBuilder b = new StringBuilder("**" + title + ".** ");
        if (t.rowCount() == 0) return b.append("No comparison has runs yet (").append(source).append(").").toString();
        List<String> unitNames = t.stringColumn(TestColumns.UNIT).unique().asList();
        String unit = unitNames.size() == 1 ? unitNames.get(0) + "s" : "units";
        b.append(String.format(Locale.ROOT, "Points; %s; unit: %s.%n%n", source, unitNames.size() == 1 ? unitNames.get(0)
                : "fold where the folds are fixed, seed where each seed draws its own split"));
        b.append("| ").append(contrast).append(" | Δ over ").append(unit).append(" [95 % t CI] (n) | Δ over recordings [95 % CI, speakers→recordings] | p (Holm) | verdict |\n")
                .append("|---|---|---|---|---|\n");
        for (int i = 0; i < t.rowCount(); i++) {
            var v = org.emoaugnet.eval.TestVerdict.of(StudyReport.numbers(t, i));
            int n = t.intColumn(TestColumns.UNITS).get(i);
            double di = StudyReport.num(t, TestColumns.ITEM_DELTA, i);
            b.append(String.format(Locale.ROOT, "| %s | %+.1f [%s, %s] (%d) | %s | %s | %s |%n", t.stringColumn(TestColumns.COMPARISON).get(i),
                    StudyReport.num(t, TestColumns.DELTA, i), StudyReport.signed(StudyReport.num(t, TestColumns.T_LOW, i)), StudyReport.signed(StudyReport.num(t, TestColumns.T_HIGH, i)), n,
                    Double.isNaN(di) ? "not on the same recordings" : String.format(Locale.ROOT, "%+.1f [%s, %s]", di, StudyReport.signed(StudyReport.num(t, TestColumns.ITEM_LOW, i)),
                            StudyReport.signed(StudyReport.num(t, TestColumns.ITEM_HIGH, i))),
                    StudyReport.p(StudyReport.num(t, TestColumns.P_T_HOLM, i)), v.verdict().label));
        }
        b.append('\n').append(power(t));
        for (String n : notes) b.append(' ').append(n);
        return b.toString();
    }

    /** A family's power in one sentence, from {@link StudyReport#power}. */
    static String power(Table t) {
        StudyReport.FamilyPower p = StudyReport.power("family", t).orElseThrow(() -> new IllegalArgumentException("a family of tests without comparisons has no power"));
        int m = p.comparisons(), can = p.detects();
        double lo = p.mdeMin(), hi = p.mdeMax();
        String range = Double.isNaN(lo) ? "no difference (fewer than two units)"
                : Math.abs(hi - lo) < 0.05 ? String.format(Locale.ROOT, "%.1f points", lo) : String.format(Locale.ROOT, "%.1f–%.1f points", lo, hi);
        String more = can == m ? "" : p.mostUnitsNeeded().isEmpty() ? "; the rest need over 1000 units"
                : String.format(Locale.ROOT, "; the rest need up to %d units", p.mostUnitsNeeded().getAsInt());
        return String.format(Locale.ROOT, "Power (80 %%, %s units): detects %s; %d of %d comparison%s detect the %.1f points that matter%s.",
                p.units(), range, can, m, m == 1 ? "" : "s", Comparison.EFFECT_THAT_MATTERS, more);
    }


    /** The cross-corpus grid's main variant: one row per train → test cell with its UA and interval, under one sentence. */
    public static String crossCorpus(Table t) {
        int unconverged = CrossCorpusStudy.unconvergedCells(t);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "**Across corpora, the main variant.** UA over the classes all corpora share; notebook 05, `results/%s`; "
                        + "within a corpus 5 speaker-independent folds, across one run per cell; %s%n%n", GRID,
                unconverged > 0 ? unconverged + " of the grid's " + t.rowCount() + " cells have runs stopped at the cap while still improving, so the grid carries no verdict."
                        : "every run of the grid's " + t.rowCount() + " cells converged."));
        b.append("| train | test | kind | UA [95 % CI, speakers→recordings] | runs |\n|---|---|---|---|---|\n");
        for (boolean within : List.of(true, false)) {
            Table c = CrossCorpusStudy.mainCells(t, within);
            for (int i = 0; i < c.rowCount(); i++)
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f [%.1f, %.1f] | %d |%n", c.stringColumn(ResultColumns.TRAIN).get(i), c.stringColumn(ResultColumns.TEST).get(i),
                        within ? "within" : "across", c.doubleColumn(ResultColumns.UA).get(i), c.doubleColumn(ResultColumns.UA_LOW).get(i),
                        c.doubleColumn(ResultColumns.UA_HIGH).get(i), c.intColumn(ResultColumns.RUNS).get(i)));
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
        String replaced = replace(text, HEADLINE_START, HEADLINE_END, headline(rows));
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
