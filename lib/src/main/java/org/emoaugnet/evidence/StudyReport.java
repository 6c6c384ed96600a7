package org.emoaugnet.evidence;

import org.emoaugnet.run.Predictions;

import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.RunSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.eval.Confusion;
import org.emoaugnet.eval.PairedT;
import org.emoaugnet.eval.Statistics;
import org.emoaugnet.eval.TestVerdict;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Reads finished runs back for tables, curves and paired comparisons. Every number comes from run records. */
public final class StudyReport {
    private StudyReport() {}

    /** Test predictions of every finished run of an experiment, in a fixed order (run folder, then row). */

    public static List<Path> runs(Path experimentDir) throws IOException { return runs(experimentDir, List.of()); }

    /** The finished runs of an experiment whose training seed is one of {@code seeds} (empty: all). */
    public static List<Path> runs(Path experimentDir, List<Long> seeds) throws IOException { return runs(experimentDir, seeds, 0); }

    /**
     * The finished runs of an experiment folder (superseded and temporary folders aside) whose training seed is one of
     * {@code seeds} (empty: all) and, when {@code folds > 0}, whose fold is among the first {@code folds}.
     */
    public static List<Path> runs(Path experimentDir, List<Long> seeds, int folds) throws IOException {
        if (!Files.isDirectory(experimentDir)) return List.of();
        List<Path> dirs;
        try (var s = Files.list(experimentDir)) {
            dirs = s.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".") && !d.getFileName().toString().equals("superseded"))
                    .filter(RunRecord::finished).sorted().toList();
        }
        List<Path> out = new ArrayList<>();
        for (Path d : dirs) {
            RunSpec spec = RunRecord.read(d).spec();
            if (!seeds.isEmpty() && !seeds.contains(spec.seed())) continue;
            if (folds > 0 && foldIndex(spec.fold()) > folds) continue;
            out.add(d);
        }
        return out;
    }

    /** Whether these runs are run-spec/1 records (network revision 1, DL4J's own fit), which tables must label. */
    public static boolean legacy(List<Path> runs) throws IOException {
        for (Path d : runs) if (!RunRecord.read(d).spec().legacy()) return false;
        return !runs.isEmpty();
    }

    /** 1-based fold number of a fold name {@code fold-<k>} or {@code <set>-fold-<k>} ({@code emobox-fold-3}); 1 for single-split protocols. */
    public static int foldIndex(String fold) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?:[a-z0-9]+-)?fold-(\\d+)").matcher(fold);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    public static Predictions predictions(Path experimentDir) throws IOException { return predictions(experimentDir, List.of()); }

    public static Predictions predictions(Path experimentDir, List<Long> seeds) throws IOException { return predictions(experimentDir, seeds, 0); }

    public static Predictions predictions(Path experimentDir, List<Long> seeds, int folds) throws IOException {
        return predictions(runs(experimentDir, seeds, folds));
    }

    /** The predictions of the given runs, one after another (items tagged with the run folder's name). */
    public static Predictions predictions(List<Path> runs) throws IOException {
        List<Path> csvs = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (Path run : runs) { csvs.add(run.resolve(Predictions.FILE)); tags.add(run.getFileName().toString() + "/"); }
        List<String> classes = runs.isEmpty() ? List.of() : Predictions.classesOf(runs.get(0));
        return org.emoaugnet.util.Lineage.tag(Predictions.read(csvs, tags, classes), lineage(runs));
    }

    /** The lineage names ({@link org.emoaugnet.util.Lineage#run}) of run folders. */
    public static List<String> lineage(List<Path> runs) throws IOException {
        List<String> out = new ArrayList<>();
        for (Path r : runs) {
            RunRecord rec = RunRecord.read(r);
            out.add(org.emoaugnet.util.Lineage.run(rec.experiment(), r.getFileName().toString(), rec.specSha256()));
        }
        return out;
    }

    /** The confusion matrix pooled over every run of an experiment. */
    public static Confusion pooledConfusion(Path experimentDir) throws IOException { return pooledConfusion(runs(experimentDir)); }

    /** The confusion matrix pooled over these runs (of one class set). */
    public static Confusion pooledConfusion(List<Path> runs) throws IOException {
        Predictions p = predictions(runs);
        return org.emoaugnet.util.Lineage.tag(Confusion.of(p.classes(), p.truth(), p.predicted()), p);
    }

    /**
     * One row per experiment: runs, WA and UA as mean ± s.d. over runs (folds × seeds), the pooled 95 % bootstrap
     * interval of WA and UA over all test items, and the paper's value beside it. Experiments holding the same runs
     * (equal spec hashes) are one row with both names; {@link ResultColumns#SAME_RUNS} names such experiments outside the table.
     */
    public static Table table(Map<String, Path> experiments, String corpus) throws IOException {
        Map<String, List<Path>> runs = new LinkedHashMap<>();
        for (var e : experiments.entrySet()) runs.put(e.getKey(), runs(e.getValue()));
        return tableOf(runs, corpus);
    }

    /**
     * The study table's rows. Experiments whose runs are the same (equal spec hashes, {@link SharedRuns}) are one row
     * named "first = second"; {@link ResultColumns#SAME_RUNS} names experiments outside the table that hold the same runs.
     */
    public static Table tableOf(Map<String, List<Path>> given, String corpus) throws IOException {
        Map<String, List<Path>> experiments = new LinkedHashMap<>();
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, String> firstName = new LinkedHashMap<>();
        for (var e : given.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            String id = SharedRuns.identity(e.getValue());
            names.computeIfAbsent(id, k -> new ArrayList<>()).add(e.getKey());
            firstName.putIfAbsent(id, e.getKey());
        }
        Map<String, List<String>> namesOf = new LinkedHashMap<>();
        for (var e : names.entrySet()) {
            experiments.put(SharedRuns.joined(e.getValue()), given.get(firstName.get(e.getKey())));
            namesOf.put(SharedRuns.joined(e.getValue()), e.getValue());
        }
        SharedRuns shared = experiments.isEmpty() ? null : SharedRuns.scan(experiments.values().iterator().next().get(0).getParent().getParent());
        StringColumn same = StringColumn.create(ResultColumns.SAME_RUNS);
        StringColumn name = StringColumn.create(ResultColumns.EXPERIMENT), proto = StringColumn.create(ResultColumns.PROTOCOL), act = StringColumn.create(ResultColumns.ACTIVATION),
                seedsCol = StringColumn.create(ResultColumns.SEEDS), wa = StringColumn.create(ResultColumns.WA_OVER_RUNS), ua = StringColumn.create(ResultColumns.UA_OVER_RUNS),
                waSeed = StringColumn.create(ResultColumns.WA_OVER_SEEDS), uaSeed = StringColumn.create(ResultColumns.UA_OVER_SEEDS),
                waCl = StringColumn.create(ResultColumns.WA_OVER_RECORDINGS), uaCl = StringColumn.create(ResultColumns.UA_OVER_RECORDINGS);
        IntColumn n = IntColumn.create(ResultColumns.RUNS), conv = IntColumn.create(ResultColumns.CONVERGED_RUNS), folds = IntColumn.create(ResultColumns.FOLDS),
                recs = IntColumn.create(ResultColumns.TEST_RECORDINGS), spk = IntColumn.create(ResultColumns.TEST_SPEAKERS);
        DoubleColumn pWa = DoubleColumn.create(ResultColumns.PAPER_WA), pUa = DoubleColumn.create(ResultColumns.PAPER_UA);
        for (var e : experiments.entrySet()) {
            List<Path> rs = e.getValue();
            if (rs.isEmpty()) continue;
            RunSpec first = RunRecord.read(rs.get(0)).spec();
            Evidence.WaUa wu = Evidence.waAndUa(rs);
            Evidence w = wu.wa(), u = wu.ua();
            name.append(e.getKey());
            same.append(shared.describe(rs, rs.get(0).getParent().getFileName().toString(), namesOf.get(e.getKey())));
            proto.append(first.protocol().name() + (first.protocol().leaks() ? " (leaks)" : ""));
            act.append(first.activation());
            n.append(rs.size());
            conv.append(w.converged());
            seedsCol.append(w.seedMeans().keySet().stream().map(String::valueOf).reduce((x, y) -> x + "," + y).orElse(""));
            folds.append(w.foldsPerSeed().values().stream().mapToInt(Integer::intValue).max().orElse(0));
            recs.append(w.recordings());
            spk.append(w.speakers());
            wa.append(pm(w.perRun()));
            ua.append(pm(u.perRun()));
            waSeed.append(Evidence.format(w.seedLevel()));
            uaSeed.append(Evidence.format(u.seedLevel()));
            waCl.append(Evidence.format(w.clustered()));
            uaCl.append(Evidence.format(u.clustered()));
            PaperClaims.Claim c = PaperClaims.of(corpus, first.activation());
            pWa.append(c == null ? Double.NaN : c.wa());
            pUa.append(c == null ? Double.NaN : c.ua());
        }
        List<Path> all = new ArrayList<>();
        experiments.values().forEach(all::addAll);
        return org.emoaugnet.util.Lineage.tag(Table.create("results (" + corpus + ")", name, proto, act, n, conv, seedsCol, folds, recs, spk,
                wa, waSeed, waCl, ua, uaSeed, uaCl, pWa, pUa, same), lineage(all));
    }

    /**
     * One row per comparison (A − B, points), the rows forming one family of tests ({@link TestColumns} names the
     * columns): pairs, unconverged runs, the run-level unit, how many units and their differences, how many go the
     * mean's way, the family size m; the primary test (mean over units, 95 % t interval, paired t p, its Holm
     * adjustment over the family and the smallest Holm-adjusted p it can reach); the sign-flip check (p, Holm, its floor
     * 2/2ⁿ and that floor × m, Holm's first step); the power of the primary test (minimal detectable Δ at 80 % power and
     * two-sided α/m, the Bonferroni bound of Holm's first step, from the observed between-unit s.d.; the Δ that matters,
     * {@link Comparison#EFFECT_THAT_MATTERS}; the units it would need, missing beyond 1000); the clustered item-level
     * difference with its interval, bootstrap p and Holm-adjusted p; and the verdict ({@link TestVerdict}).
     *
     * <p>Comparisons of the same runs (same {@link Comparison#identity}, e.g. an experiment reused under a second name)
     * are one row named "first = second" and count once in the family.
     */
    public static Table comparisonTable(String title, Map<String, Comparison> given) {
        Map<String, List<String>> names = namesByIdentity(given);
        Map<String, Comparison> byIdentity = new LinkedHashMap<>();
        for (var e : given.entrySet()) byIdentity.putIfAbsent(e.getValue().identity(), e.getValue());
        StringColumn what = StringColumn.create(TestColumns.COMPARISON), unit = StringColumn.create(TestColumns.UNIT),
                diffs = StringColumn.create(TestColumns.PER_UNIT), verdict = StringColumn.create(TestColumns.VERDICT);
        IntColumn pairs = IntColumn.create(TestColumns.PAIRED_RUNS), unconv = IntColumn.create(TestColumns.UNCONVERGED), nUnits = IntColumn.create(TestColumns.UNITS),
                agree = IntColumn.create(TestColumns.IN_DIRECTION), family = IntColumn.create(TestColumns.FAMILY), needed = IntColumn.create(TestColumns.UNITS_NEEDED);
        DoubleColumn d = DoubleColumn.create(TestColumns.DELTA), lo = DoubleColumn.create(TestColumns.T_LOW), hi = DoubleColumn.create(TestColumns.T_HIGH),
                pt = DoubleColumn.create(TestColumns.P_T), pth = DoubleColumn.create(TestColumns.P_T_HOLM), ptFloor = DoubleColumn.create(TestColumns.P_T_FLOOR),
                ps = DoubleColumn.create(TestColumns.P_SIGN), psh = DoubleColumn.create(TestColumns.P_SIGN_HOLM), psFloor = DoubleColumn.create(TestColumns.P_SIGN_FLOOR),
                psFloorHolm = DoubleColumn.create(TestColumns.P_SIGN_FLOOR_HOLM), mde = DoubleColumn.create(TestColumns.MDE),
                matters = DoubleColumn.create(TestColumns.MATTERS), di = DoubleColumn.create(TestColumns.ITEM_DELTA),
                dlo = DoubleColumn.create(TestColumns.ITEM_LOW), dhi = DoubleColumn.create(TestColumns.ITEM_HIGH), pi = DoubleColumn.create(TestColumns.P_ITEM),
                pih = DoubleColumn.create(TestColumns.P_ITEM_HOLM);
        List<Comparison> cs = new ArrayList<>(byIdentity.values());
        int m = cs.size();
        double[] hT = holmOrNaN(cs.stream().mapToDouble(c -> c.tTest().p()).toArray());
        double[] hS = holmOrNaN(cs.stream().mapToDouble(Comparison::pRuns).toArray());
        double[] hI = holmOrNaN(cs.stream().mapToDouble(Comparison::pItems).toArray());
        double alpha = TestVerdict.ALPHA / Math.max(1, m);
        int i = 0;
        for (var e : byIdentity.entrySet()) {
            Comparison c = e.getValue();
            List<String> n = names.get(e.getKey());
            what.append(SharedRuns.joined(n) + (n.size() > 1 ? SAME_RUNS_MARK : ""));
            pairs.append(c.pairs());
            unconv.append(c.unconverged());
            unit.append(c.unit());
            nUnits.append(c.units().size());
            diffs.append(java.util.Arrays.stream(c.differences()).mapToObj(x -> String.format(java.util.Locale.ROOT, "%+.1f", x))
                    .reduce((x, y) -> x + " " + y).orElse(""));
            agree.append(c.unitsInDirection());
            family.append(m);
            d.append(c.runLevel().estimate());
            lo.append(c.runLevel().low());
            hi.append(c.runLevel().high());
            pt.append(c.tTest().p());
            pth.append(hT[i]);
            ptFloor.append(Math.min(1, m * PairedT.smallestP(c.units().size())));
            ps.append(c.pRuns());
            psh.append(hS[i]);
            psFloor.append(c.smallestAttainableP());
            psFloorHolm.append(Math.min(1, m * c.smallestAttainableP()));
            mde.append(PairedT.minimalDetectableEffect(c.tTest().sd(), c.units().size(), alpha, PairedT.POWER));
            matters.append(Comparison.EFFECT_THAT_MATTERS);
            int k = PairedT.unitsFor(Comparison.EFFECT_THAT_MATTERS, c.tTest().sd(), alpha, PairedT.POWER, 1000);
            if (k < 0) needed.appendMissing();
            else needed.append(k);
            di.append(c.itemLevel().estimate());
            dlo.append(c.itemLevel().low());
            dhi.append(c.itemLevel().high());
            pi.append(c.pItems());
            pih.append(hI[i]);
            i++;
        }
        Table t = Table.create(title, what, pairs, unconv, unit, nUnits, diffs, agree, family, d, lo, hi, pt, pth, ptFloor, ps, psh, psFloor, psFloorHolm,
                mde, matters, needed, di, dlo, dhi, pi, pih);
        for (int r = 0; r < t.rowCount(); r++) verdict.append(TestVerdict.of(numbers(t, r)).verdict().name());
        return t.addColumns(verdict);
    }

    /** The names of the comparisons per {@link Comparison#identity}, in the order of the rows of {@link #comparisonTable}. */
    private static Map<String, List<String>> namesByIdentity(Map<String, Comparison> given) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (var e : given.entrySet()) names.computeIfAbsent(e.getValue().identity(), k -> new ArrayList<>()).add(e.getKey());
        return names;
    }

    /** Marks a comparison row that stands for several names of the same runs. */
    static final String SAME_RUNS_MARK = " (same runs)";

    /** The numbers of one row of a {@link #comparisonTable} that its verdict is decided from. */
    public static TestVerdict.Numbers numbers(Table t, int i) {
        return new TestVerdict.Numbers(t.stringColumn(TestColumns.UNIT).get(i), t.intColumn(TestColumns.UNITS).get(i), t.intColumn(TestColumns.IN_DIRECTION).get(i),
                t.intColumn(TestColumns.FAMILY).get(i), num(t, TestColumns.T_LOW, i), num(t, TestColumns.T_HIGH, i), num(t, TestColumns.P_T_HOLM, i),
                num(t, TestColumns.P_T_FLOOR, i), num(t, TestColumns.ITEM_LOW, i), num(t, TestColumns.ITEM_HIGH, i), num(t, TestColumns.P_ITEM_HOLM, i),
                num(t, TestColumns.MDE, i), num(t, TestColumns.MATTERS, i), t.intColumn(TestColumns.UNCONVERGED).get(i), 2 * t.intColumn(TestColumns.PAIRED_RUNS).get(i));
    }

    /** A cell of a number column, NaN where missing. */
    public static double num(Table t, String column, int i) { return t.doubleColumn(column).isMissing(i) ? Double.NaN : t.doubleColumn(column).getDouble(i); }

    /** Holm-adjusted p-values of the finite entries (NaN entries stay NaN and are not counted in the family). */
    public static double[] holmOrNaN(double[] p) {
        double[] finite = java.util.Arrays.stream(p).filter(x -> !Double.isNaN(x)).toArray();
        double[] adj = org.emoaugnet.eval.Multiplicity.holm(finite);
        double[] out = new double[p.length];
        for (int i = 0, k = 0; i < p.length; i++) out[i] = Double.isNaN(p[i]) ? Double.NaN : adj[k++];
        return out;
    }

    /**
     * Sentences from a {@link #comparisonTable}: each difference with its run-level evidence (the paired t-test, its
     * Holm adjustment, and the sign-flip check with its floor) and its item-level evidence, then its verdict, worded by
     * {@link TestVerdict#of} alone; and, last, the family's power ({@link #powerSentence}). Differences in points with
     * one decimal.
     */
    public static List<String> comparisonSentences(Table t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            int n = t.intColumn(TestColumns.UNITS).get(i), pairs = t.intColumn(TestColumns.PAIRED_RUNS).get(i);
            String unit = t.stringColumn(TestColumns.UNIT).get(i) + (n == 1 ? "" : "s");
            double lo = num(t, TestColumns.T_LOW, i), hi = num(t, TestColumns.T_HIGH, i), di = num(t, TestColumns.ITEM_DELTA, i);
            String runLevel = String.format(java.util.Locale.ROOT, "%+.1f points over %d %s (%s; %s; paired t p %s, Holm %s; sign-flip check p %s, Holm %s, "
                            + "which cannot go below %s here)",
                    num(t, TestColumns.DELTA, i), n, unit, t.stringColumn(TestColumns.PER_UNIT).get(i),
                    Double.isNaN(lo) ? "no t interval from one unit" : "95% t CI " + signed(lo) + " to " + signed(hi),
                    pEq(num(t, TestColumns.P_T, i)), p(num(t, TestColumns.P_T_HOLM, i)), pEq(num(t, TestColumns.P_SIGN, i)),
                    fmt3(num(t, TestColumns.P_SIGN_HOLM, i)), fmt3(num(t, TestColumns.P_SIGN_FLOOR_HOLM, i)));
            String itemLevel = Double.isNaN(di) ? "not tested on the same recordings, so no item-level comparison"
                    : String.format(java.util.Locale.ROOT, "%+.1f over recordings (95%% CI resampling speakers, then recordings, %s to %s; p %s, Holm %s)", di,
                    signed(num(t, TestColumns.ITEM_LOW, i)), signed(num(t, TestColumns.ITEM_HIGH, i)), pEq(num(t, TestColumns.P_ITEM, i)),
                    p(num(t, TestColumns.P_ITEM_HOLM, i)));
            out.add(String.format(java.util.Locale.ROOT, "%s: %s; %s; from %d paired run%s — %s.", t.stringColumn(TestColumns.COMPARISON).get(i), runLevel, itemLevel,
                    pairs, pairs == 1 ? "" : "s", TestVerdict.of(numbers(t, i)).sentence()));
        }
        if (t.rowCount() > 0) out.add(powerSentence(t));
        return out;
    }

    /**
     * The power of a family's primary test in one sentence: its size, units, the floors of both tests after Holm, the
     * minimal detectable differences at 80 % power (two-sided α/m) against the difference that matters, and how many
     * units the comparisons that cannot detect it would need.
     */
    public static String powerSentence(Table t) {
        FamilyPower p = power("family", t).orElseThrow(() -> new IllegalArgumentException("a family of tests without comparisons has no power"));
        int m = p.comparisons(), can = p.detects();
        double mdeLo = p.mdeMin(), mdeHi = p.mdeMax();
        return String.format(java.util.Locale.ROOT, "Power of this family (%d comparison%s, unit: %s, %s units): the paired t-test's smallest Holm-adjusted p "
                        + "is %s, the sign-flip check's %s; at 80%% power (two-sided α = 0.05/%d) it detects differences of %s points, against the %.1f points "
                        + "that matter (%s): %d of %d comparison%s can detect them%s.",
                m, m == 1 ? "" : "s", p.unit(), p.units(),
                p.tFloor() == 0 ? "0 (it can reach any p)" : fmt3(p.tFloor()),
                fmt3(p.signFloorHolm()), m, Double.isNaN(mdeLo) ? "n/a (fewer than two units)"
                        : Math.abs(mdeHi - mdeLo) < 0.05 ? String.format(java.util.Locale.ROOT, "%.1f", mdeLo)
                        : String.format(java.util.Locale.ROOT, "%.1f–%.1f", mdeLo, mdeHi),
                Comparison.EFFECT_THAT_MATTERS, Comparison.EFFECT_REASON, can, m, m == 1 ? "" : "s",
                can == m ? "" : p.mostUnitsNeeded().isPresent() ? String.format(java.util.Locale.ROOT, "; the others would need up to %d units", p.mostUnitsNeeded().getAsInt())
                        : "; the others would need more than 1000 units, or have no spread to plan from");
    }

    /**
     * A family's power ({@link #power}): its name, the unit(s), the unit counts ("5" or "3–5"), the family size m, the
     * smallest Holm-adjusted p of the paired t-test and of the sign-flip check, the smallest and largest minimal
     * detectable Δ (NaN without two units), the Δ that matters, how many comparisons detect it, and the most units any
     * that cannot would need (empty beyond 1000 or without a spread).
     */
    public record FamilyPower(String family, String unit, String units, int comparisons, double tFloor, double signFloorHolm, double mdeMin,
                              double mdeMax, double matters, int detects, java.util.OptionalInt mostUnitsNeeded) {}

    /**
     * A family's power from its {@link #comparisonTable} (empty without rows): the smallest Holm-adjusted p of the paired
     * t-test (0 with two or more units: it can reject; 1 with one) and of the sign-flip check (m·2/2ⁿ), the smallest and
     * largest minimal detectable Δ at 80 % power and two-sided α/m (exact noncentral t, {@link PairedT}) from each
     * comparison's observed between-unit s.d., the Δ that matters ({@link Comparison#EFFECT_THAT_MATTERS}), how many
     * comparisons detect it and the most units any of them would need (empty beyond 1000 or without a spread).
     */
    public static java.util.Optional<FamilyPower> power(String familyName, Table t) {
        if (t.rowCount() == 0) return java.util.Optional.empty();
        int uMin = (int) t.intColumn(TestColumns.UNITS).min(), uMax = (int) t.intColumn(TestColumns.UNITS).max();
        double lo = Double.NaN, hi = Double.NaN;
        int can = 0, most = -1;
        boolean beyond = false;
        for (int i = 0; i < t.rowCount(); i++) {
            double v = num(t, TestColumns.MDE, i);
            if (!Double.isNaN(v)) {
                lo = Double.isNaN(lo) ? v : Math.min(lo, v);
                hi = Double.isNaN(hi) ? v : Math.max(hi, v);
                if (v <= Comparison.EFFECT_THAT_MATTERS) can++;
            }
            if (!(v <= Comparison.EFFECT_THAT_MATTERS)) {
                if (t.intColumn(TestColumns.UNITS_NEEDED).isMissing(i)) beyond = true;
                else most = Math.max(most, t.intColumn(TestColumns.UNITS_NEEDED).get(i));
            }
        }
        return java.util.Optional.of(new FamilyPower(familyName, String.join("/", t.stringColumn(TestColumns.UNIT).unique().asList()),
                uMin == uMax ? String.valueOf(uMin) : uMin + "–" + uMax, t.intColumn(TestColumns.FAMILY).get(0), t.doubleColumn(TestColumns.P_T_FLOOR).min(),
                t.doubleColumn(TestColumns.P_SIGN_FLOOR_HOLM).min(), lo, hi, Comparison.EFFECT_THAT_MATTERS, can,
                beyond || most < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(most)));
    }

    /** A family's power ({@link #power}) as a table of one row (no row without comparisons), for notebooks and CSV files. */
    public static Table powerTable(String familyName, Table t) { return powerTable(power(familyName, t).stream().toList()); }

    /** Families' powers as a table, one row each. */
    public static Table powerTable(List<FamilyPower> families) {
        StringColumn fam = StringColumn.create(TestColumns.POWER_FAMILY), unit = StringColumn.create(TestColumns.UNIT), units = StringColumn.create(TestColumns.UNITS);
        IntColumn m = IntColumn.create(TestColumns.FAMILY), detects = IntColumn.create(TestColumns.POWER_DETECTS), needed = IntColumn.create(TestColumns.POWER_NEEDED);
        DoubleColumn tFloor = DoubleColumn.create(TestColumns.P_T_FLOOR), sFloor = DoubleColumn.create(TestColumns.P_SIGN_FLOOR_HOLM),
                mdeLo = DoubleColumn.create(TestColumns.POWER_MDE_MIN), mdeHi = DoubleColumn.create(TestColumns.POWER_MDE_MAX), matters = DoubleColumn.create(TestColumns.MATTERS);
        for (FamilyPower f : families) {
            fam.append(f.family());
            unit.append(f.unit());
            units.append(f.units());
            m.append(f.comparisons());
            tFloor.append(f.tFloor());
            sFloor.append(f.signFloorHolm());
            mdeLo.append(f.mdeMin());
            mdeHi.append(f.mdeMax());
            matters.append(f.matters());
            detects.append(f.detects());
            if (f.mostUnitsNeeded().isPresent()) needed.append(f.mostUnitsNeeded().getAsInt());
            else needed.appendMissing();
        }
        return Table.create("power of the primary test", fam, unit, units, m, tFloor, sFloor, mdeLo, mdeHi, matters, detects, needed);
    }

    /** "= 0.163", "< 0.001" or "= n/a": a p-value as a sentence states it. */
    private static String pEq(double v) { return v < 0.001 ? p(v) : "= " + p(v); }

    /** A p-value as tables show it: "0.163", "< 0.001" or "n/a". */
    public static String p(double v) { return Double.isNaN(v) ? "n/a" : v < 0.001 ? "< 0.001" : fmt3(v); }

    private static String fmt3(double v) { return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", v); }

    /** A signed difference in points with one decimal ("+1.4", "-0.2"), "n/a" where missing. */
    public static String signed(double v) { return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%+.1f", v); }

    /**
     * The row of {@link #comparisonTable}{@code (title, given)} that holds the comparison named {@code name} (alone or
     * merged with its same-runs twins); -1 if none. Found from the comparisons themselves, never from the row's label.
     */
    public static int testRow(Map<String, Comparison> given, String name) {
        int i = 0;
        for (List<String> n : namesByIdentity(given).values()) {
            if (n.contains(name)) return i;
            i++;
        }
        return -1;
    }

    /** Values with their interval per named condition, ready for a bar chart with error bars. */
    public record Bars(List<String> names, double[] values, double[] low, double[] high) {
        public boolean isEmpty() { return names.isEmpty(); }
    }

    /** The ablation's UA over recordings per recipe that has runs, with its speaker-then-recording interval. */
    public static Bars ablationUa(Table t) {
        return bars(t.where(t.intColumn(ResultColumns.RUNS).isGreaterThan(0)), ResultColumns.UA_RECORDINGS, ResultColumns.UA_LOW, ResultColumns.UA_HIGH);
    }

    /** Each recipe's UA difference to no augmentation over the same recordings, with its interval (empty when the recipes were not tested on the same recordings). */
    public static Bars ablationDelta(Table t) {
        return bars(t.where(t.doubleColumn(TestColumns.ITEM_DELTA).isNotMissing()), TestColumns.ITEM_DELTA, TestColumns.ITEM_LOW, TestColumns.ITEM_HIGH);
    }

    private static Bars bars(Table rows, String value, String low, String high) {
        return new Bars(rows.stringColumn(ResultColumns.CONDITION).asList(), rows.doubleColumn(value).asDoubleArray(), rows.doubleColumn(low).asDoubleArray(),
                rows.doubleColumn(high).asDoubleArray());
    }

    /** Why a chart of the ablation is missing, as a sentence ("" when both charts exist). */
    public static String ablationGaps(String design, Table t) {
        if (ablationUa(t).isEmpty())
            return design + ": none of its " + (int) t.intColumn(ResultColumns.PLANNED_RUNS).sum() + " planned runs exists yet.";
        if (ablationDelta(t).isEmpty())
            return design + ": the recipes were not tested on the same recordings (under the paper-style protocol the test rows are "
                    + "themselves augmented copies drawn by each recipe's own row split); only the run-level comparison applies.";
        return "";
    }

    /**
     * Sentences computed from an {@link #ablation} table: each condition against no augmentation by its Holm-adjusted
     * run-level test (the primary one) with the item-level evidence beside it, runs and planned runs named, and the
     * family's power ({@link #comparisonSentences}); the best condition, with the experiments that hold the same runs;
     * the leave-one-out contrasts ({@link #leaveOneOut}). Says when runs are missing or unconverged.
     */
    public static List<String> ablationSentences(Table t) {
        List<String> out = new ArrayList<>();
        if (t.rowCount() == 0) return out;
        int done = 0, planned = 0;
        for (int i = 0; i < t.rowCount(); i++) { done += t.intColumn(ResultColumns.RUNS).get(i); planned += t.intColumn(ResultColumns.PLANNED_RUNS).get(i); }
        if (done < planned) out.add(String.format(java.util.Locale.ROOT, "Incomplete: %d of the %d planned runs exist; "
                + "the tests below use the runs both sides have, and no conclusion is final until the rest are in.", done, planned));
        if (t.columnNames().contains(TestColumns.COMPARISON)) {
            Table tests = t.where(t.stringColumn(TestColumns.COMPARISON).isNotMissing());
            out.addAll(comparisonSentences(tests));
        }
        int best = -1;
        for (int i = 0; i < t.rowCount(); i++)
            if (t.intColumn(ResultColumns.RUNS).get(i) > 0 && (best < 0 || meanOf(t, i) > meanOf(t, best))) best = i;
        if (best < 0) {
            out.add("No run of this design exists yet.");
            return out;
        }
        String twins = t.columnNames().contains(ResultColumns.SAME_RUNS) ? t.stringColumn(ResultColumns.SAME_RUNS).get(best) : "";
        out.add("Highest mean UA over runs: " + t.stringColumn(ResultColumns.CONDITION).get(best) + " (" + t.stringColumn(ResultColumns.UA_OVER_RUNS).get(best) + " %"
                + (twins.isEmpty() ? "" : "; the same runs as " + twins) + ")" + (done < planned ? ", among the runs that exist." : "."));
        out.addAll(leaveOneOut(t));
        return out;
    }

    /**
     * The leave-one-out contrasts of an ablation table, descriptive (no test of their own): from 'all', which left-out
     * augmentation changes mean UA over runs the <em>most</em> in either direction (the largest |Δ|, its sign said),
     * and which one <em>costs</em> the most (lowers UA the most), or that leaving out none lowers it. Empty without
     * an 'all' row with runs or without an 'all-but-' row with runs. UA in % with one decimal.
     */
    public static List<String> leaveOneOut(Table t) {
        List<String> out = new ArrayList<>();
        int all = t.stringColumn(ResultColumns.CONDITION).asList().indexOf("all");
        if (all < 0 || t.intColumn(ResultColumns.RUNS).get(all) == 0) return out;
        String most = null, cost = null;
        double change = 0, drop = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            String c = t.stringColumn(ResultColumns.CONDITION).get(i);
            if (!c.startsWith("all-but-") || t.intColumn(ResultColumns.RUNS).get(i) == 0) continue;
            double dd = meanOf(t, i) - meanOf(t, all);   // leaving the augmentation out: + raises UA, − lowers it
            if (most == null || Math.abs(dd) > Math.abs(change)) { most = c.substring("all-but-".length()); change = dd; }
            if (dd < drop) { cost = c.substring("all-but-".length()); drop = dd; }
        }
        if (most == null) return out;
        out.add(String.format(java.util.Locale.ROOT, "Leaving one augmentation out of 'all' (UA %.1f %%, mean over runs; descriptive, untested): leaving %s out "
                        + "changes it most (%+.1f points, to %.1f %%); %s.",
                meanOf(t, all), most, change, meanOf(t, all) + change,
                cost == null ? "no single omission lowers it" : String.format(java.util.Locale.ROOT, "leaving %s out lowers it most (%+.1f points)", cost, drop)));
        return out;
    }

    private static double meanOf(Table t, int row) { return t.doubleColumn(ResultColumns.UA_MEAN_OVER_RUNS).get(row); }

    /**
     * A history column per epoch of every run (keys: run names, marked "(NOT converged)" where so), for learning curves.
     * Accuracies ({@code val_ua}, {@code val_wa}, {@code train_acc}: any column whose name ends in {@code ua}, {@code wa}
     * or {@code acc}) come back as percentages, as every WA and UA a reader sees; others (losses) as recorded.
     */
    public static Map<String, double[]> curves(Path experimentDir, String column) throws IOException { return curves(runs(experimentDir), column, false); }

    /**
     * {@link #curves(Path, String)} of these runs; with {@code experimentNames} each key is prefixed by the run's
     * experiment (runs drawn from several experiments, as a nested search's).
     */
    public static Map<String, double[]> curves(List<Path> runs, String column, boolean experimentNames) throws IOException {
        Map<String, double[]> m = new LinkedHashMap<>();
        boolean percent = column.endsWith("ua") || column.endsWith("wa") || column.endsWith("acc");
        for (Path run : runs) {
            RunRecord r = RunRecord.read(run);
            double[] v = r.historyTable().numberColumn(column).asDoubleArray();
            if (percent) for (int i = 0; i < v.length; i++) v[i] *= 100;
            m.put((experimentNames ? r.experiment() + "/" : "") + run.getFileName().toString() + (r.training().converged() ? "" : " (NOT converged)"), v);
        }
        org.emoaugnet.util.Lineage.tag(m, lineage(runs));
        return m;
    }

    /**
     * One plain sentence per row of {@link #table}: runs, seeds and folds behind it, how many converged, the seed-level
     * and speaker-clustered intervals of WA and UA, and the paper's pair.
     */
    public static List<String> sentences(Table t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) {
            boolean noClaim = t.doubleColumn(ResultColumns.PAPER_WA).isMissing(i);
            double pw = noClaim ? Double.NaN : t.doubleColumn(ResultColumns.PAPER_WA).getDouble(i), pu = noClaim ? Double.NaN : t.doubleColumn(ResultColumns.PAPER_UA).getDouble(i);
            int runs = t.intColumn(ResultColumns.RUNS).get(i), conv = t.intColumn(ResultColumns.CONVERGED_RUNS).get(i);
            out.add(String.format(java.util.Locale.ROOT, "%s (%s, %s): %d run(s) = seeds %s × %d fold(s), %s; %d test recordings of %d speakers. "
                            + "WA %s over runs, mean over seeds %s (t interval over seeds), %s over recordings (interval resampling speakers, then recordings); "
                            + "UA %s, %s, %s; %s",
                    t.stringColumn(ResultColumns.EXPERIMENT).get(i), t.stringColumn(ResultColumns.PROTOCOL).get(i), t.stringColumn(ResultColumns.ACTIVATION).get(i), runs,
                    t.stringColumn(ResultColumns.SEEDS).get(i), t.intColumn(ResultColumns.FOLDS).get(i),
                    conv == runs ? "all converged" : (runs - conv) + " stopped at their epoch cap while still improving (no verdict rests on them)",
                    t.intColumn(ResultColumns.TEST_RECORDINGS).get(i), t.intColumn(ResultColumns.TEST_SPEAKERS).get(i),
                    t.stringColumn(ResultColumns.WA_OVER_RUNS).get(i), t.stringColumn(ResultColumns.WA_OVER_SEEDS).get(i), t.stringColumn(ResultColumns.WA_OVER_RECORDINGS).get(i),
                    t.stringColumn(ResultColumns.UA_OVER_RUNS).get(i), t.stringColumn(ResultColumns.UA_OVER_SEEDS).get(i), t.stringColumn(ResultColumns.UA_OVER_RECORDINGS).get(i),
                    Double.isNaN(pw) ? "the paper reports no number for this corpus" : String.format(java.util.Locale.ROOT, "paper: WA %.2f, UA %.2f", pw, pu)));
        }
        return out;
    }

    private static double r2(double v) { return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0; }

    private static double r4(double v) { return Double.isNaN(v) ? v : Math.round(v * 10_000) / 10_000.0; }

    public static String pm(double[] v) { return pm(Statistics.meanSd(v)); }

    public static String pm(Statistics.MeanSd s) {
        return Double.isNaN(s.sd()) ? String.format(java.util.Locale.ROOT, "%.1f", s.mean())
                : String.format(java.util.Locale.ROOT, "%.1f ± %.1f", s.mean(), s.sd());
    }

    /**
     * One row per run record; test WA, UA and macro-F1 in % (unrounded: a reader's display rounds, e.g.
     * {@code Tables.show(t, 1)}, and a fraction shown to one decimal would read 1.0 for every run above 95 %).
     */
    public static Table summary(String name, List<RunRecord> records) {
        StringColumn fold = StringColumn.create("fold"), proto = StringColumn.create(ResultColumns.PROTOCOL), act = StringColumn.create(ResultColumns.ACTIVATION),
                stop = StringColumn.create("stopped by");
        IntColumn seed = IntColumn.create("seed"), best = IntColumn.create("best_epoch"), ran = IntColumn.create("epochs_run");
        tech.tablesaw.api.BooleanColumn conv = tech.tablesaw.api.BooleanColumn.create("converged");
        DoubleColumn wa = DoubleColumn.create(ResultColumns.TEST_WA), ua = DoubleColumn.create(ResultColumns.TEST_UA), f1 = DoubleColumn.create("test macro-F1 (%)");
        for (RunRecord r : records) {
            fold.append(r.spec().fold()); proto.append(r.spec().protocol().name()); act.append(r.spec().activation());
            seed.append((int) r.spec().seed()); best.append(r.training().bestEpoch()); ran.append(r.training().epochsRun());
            stop.append(r.training().stopReason().name()); conv.append(r.training().converged());
            wa.append(100 * r.test().wa()); ua.append(100 * r.test().ua()); f1.append(100 * r.test().macroF1());
        }
        return Table.create(name, proto, act, fold, seed, best, ran, stop, conv, wa, ua, f1);
    }
}
