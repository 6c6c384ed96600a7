package org.emoaugnet.design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.Evidence;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.SharedRuns;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.run.Predictions;
import org.emoaugnet.run.Protocol;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.RunSpec;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The evidence of {@link StudyReport} over designs: the runs an experiment's current design plans, the study table and
 * the ReLU − ELU comparisons of notebook 04's study, and the ablation's table. Here, above the evidence layer, because
 * it reads designs ({@link ExperimentConfig}, {@link Ablation.Design}); the statistics themselves are in StudyReport.
 */
public final class StudyTables {
    private StudyTables() {}

    /**
     * The runs of an experiment's current design: its seeds and folds, and records whose spec is exactly what the
     * configuration gives for that fold and seed (apart from the data manifest and thread count, which a reader
     * without the corpus cannot recompute). A run of an older design in the folder is left out with a warning, so a
     * table never mixes specs. Where an experiment has no current run at all, its run-spec/1 runs of the same design
     * stand in ({@link RunSpec#sameDesignBeforeRevisions}); {@link #legacy} tells readers to label them.
     */
    public static List<Path> runs(ExperimentConfig cfg, Path runsRoot) throws IOException {
        List<Path> current = new ArrayList<>(), legacy = new ArrayList<>();
        for (Path d : StudyReport.runs(runsRoot.resolve(cfg.name()), cfg.seeds(), cfg.folds())) {
            RunSpec s = RunRecord.read(d).spec();
            RunSpec want = cfg.spec(s.fold(), s.seed(), s.data());
            if (want.sameDesign(s)) current.add(d);
            else if (want.sameDesignBeforeRevisions(s)) legacy.add(d);
            else System.err.println("[report] " + d + ": recorded spec differs from " + cfg.name() + "'s configuration; left out (re-run the experiment)");
        }
        if (current.isEmpty()) return legacy;
        if (!legacy.isEmpty())
            System.err.println("[report] " + cfg.name() + ": " + legacy.size() + " run(s) of network revision 1 left out beside " + current.size() + " current run(s)");
        return current;
    }

    /** The records of {@link #runs(ExperimentConfig, Path)}. */
    public static List<RunRecord> records(ExperimentConfig cfg, Path runsRoot) throws IOException {
        List<RunRecord> out = new ArrayList<>();
        for (Path d : runs(cfg, runsRoot)) out.add(RunRecord.read(d));
        return out;
    }

    /** Test predictions of the runs of an experiment's current design ({@link #runs(ExperimentConfig, Path)}). */
    public static Predictions predictions(ExperimentConfig cfg, Path runsRoot) throws IOException { return StudyReport.predictions(runs(cfg, runsRoot)); }

    /** {@link #table} over the runs of each experiment's current design ({@link #runs(ExperimentConfig, Path)}). */
    public static Table table(List<ExperimentConfig> study, Path runsRoot, String corpus) throws IOException {
        Map<String, List<Path>> runs = new LinkedHashMap<>();
        for (ExperimentConfig c : study) runs.put(c.name(), runs(c, runsRoot));
        return StudyReport.tableOf(runs, corpus);
    }

    /**
     * ReLU against ELU under each protocol of a study (experiments named {@code ...-relu...} and their {@code -elu}
     * twins), on UA: the run-level comparison (primary: the paired t-test over units, with the sign-flip check) and the
     * clustered item-level one ({@link Comparison}), each with Holm-adjusted p-values over the family of protocols
     * compared, and the family's power and verdicts ({@link #comparisonTable}).
     */
    public static Table activationComparison(List<ExperimentConfig> study, Path runsRoot) throws IOException {
        Map<String, Comparison> cmp = new LinkedHashMap<>();
        List<Path> used = new ArrayList<>();
        for (ExperimentConfig c : study) {
            if (!c.activation().equals("relu")) continue;
            ExperimentConfig elu = study.stream().filter(o -> o.name().equals(c.name().replace("-relu", "-elu"))).findFirst().orElse(null);
            if (elu == null) continue;
            List<Path> a = runs(c, runsRoot), b = runs(elu, runsRoot);
            if (a.isEmpty() || b.isEmpty()) continue;
            used.addAll(a);
            used.addAll(b);
            // named by what differs between the rows of the family (protocol and recipe), not by run ids; the experiments are in the CSV's lineage
            cmp.put(ResultColumns.PROTOCOL_NAMES.getOrDefault(c.protocol(), c.protocol().name()) + ", " + c.recipe().name(), Comparison.of(a, b, "UA"));
        }
        return org.emoaugnet.util.Lineage.tag(StudyReport.comparisonTable("ReLU − ELU, UA", cmp), StudyReport.lineage(used));
    }

    /**
     * The ablation table: one row per condition with runs (and how many converged), copies per file, training rows and
     * samples per epoch (equal across conditions when the design matches optimiser steps), UA over runs and over
     * recordings (speaker→recording interval), and the comparison with the reference condition ({@link Comparison}):
     * the columns of {@link #comparisonTable} (primary paired t-test Holm-adjusted over the conditions, the sign-flip
     * check, power, the clustered item-level difference with its own Holm adjustment, the verdict). Values unrounded. A
     * condition without finished runs has a row with 0 runs and no numbers; {@code planned runs} says how many the
     * design asks for; {@link ResultColumns#SAME_RUNS} names the other experiments that hold the very same runs (same spec hashes,
     * {@link SharedRuns}), so that they are not read as separate evidence.
     */
    public static Table ablation(Ablation.Design d, Path runsRoot) throws IOException {
        StringColumn cond = StringColumn.create(ResultColumns.CONDITION), ua = StringColumn.create(ResultColumns.UA_OVER_RUNS), uaCl = StringColumn.create(ResultColumns.UA_OVER_RECORDINGS),
                same = StringColumn.create(ResultColumns.SAME_RUNS);
        SharedRuns shared = SharedRuns.scan(runsRoot);
        IntColumn copies = IntColumn.create(ResultColumns.COPIES_PER_FILE), n = IntColumn.create(ResultColumns.RUNS), planned = IntColumn.create(ResultColumns.PLANNED_RUNS),
                conv = IntColumn.create(ResultColumns.CONVERGED_RUNS), rows = IntColumn.create(ResultColumns.TRAIN_ROWS_PER_RUN), perEpoch = IntColumn.create(ResultColumns.SAMPLES_PER_EPOCH);
        DoubleColumn uaMean = DoubleColumn.create(ResultColumns.UA_MEAN_OVER_RUNS), uaRec = DoubleColumn.create(ResultColumns.UA_RECORDINGS),
                uaRecLo = DoubleColumn.create(ResultColumns.UA_LOW), uaRecHi = DoubleColumn.create(ResultColumns.UA_HIGH);
        List<Path> refRuns = runs(d.reference().config(), runsRoot);
        List<Path> used = new ArrayList<>(refRuns);
        Map<String, Comparison> cmp = new LinkedHashMap<>();
        for (Ablation.Condition c : d.conditions()) {
            List<Path> rs = runs(c.config(), runsRoot);
            if (rs.isEmpty()) {   // a row that says what is missing, with no numbers
                cond.append(c.recipe());
                copies.append(c.config().recipe().size());
                n.append(0);
                planned.append(plannedRuns(c.config(), runsRoot));
                conv.append(0);
                rows.appendMissing();
                perEpoch.appendMissing();
                ua.append("not run yet");
                uaMean.appendMissing();
                uaCl.append("not run yet");
                uaRec.appendMissing();
                uaRecLo.appendMissing();
                uaRecHi.appendMissing();
                same.append("");
                continue;
            }
            used.addAll(rs);
            long trainRows = 0;
            for (Path r : rs) trainRows += RunRecord.read(r).split().rowsTrain();
            int meanRows = (int) Math.round((double) trainRows / rs.size()), k = c.config().recipe().size();
            Evidence u = Evidence.of(rs, "UA");
            cond.append(c.recipe());
            copies.append(k);
            n.append(rs.size());
            planned.append(plannedRuns(c.config(), runsRoot));
            conv.append(u.converged());
            rows.append(meanRows);
            perEpoch.append(c.config().train().samplesPerEpoch(meanRows, meanRows / k));
            ua.append(StudyReport.pm(u.perRun()));
            uaMean.append(u.perRun().mean());
            uaCl.append(Evidence.format(u.clustered()));
            uaRec.append(u.clustered().estimate());
            uaRecLo.append(u.clustered().low());
            uaRecHi.append(u.clustered().high());
            same.append(shared.describe(rs, c.config().name(), List.of()));
            if (!c.recipe().equals(Ablation.REFERENCE) && !refRuns.isEmpty()) cmp.put(c.recipe() + " − " + Ablation.REFERENCE, Comparison.of(rs, refRuns, "UA"));
        }
        Table base = Table.create("ablation " + d.name(), cond, copies, n, planned, conv, rows, perEpoch, uaMean, ua, uaCl, uaRec, uaRecLo, uaRecHi, same);
        Table tests = StudyReport.comparisonTable("ablation tests", cmp);
        // one row per condition: the reference's test columns stay empty
        Table out = base.copy();
        for (int c = 0; c < tests.columnCount(); c++) {
            var col = tests.column(c);
            var full = col.emptyCopy();
            for (int i = 0; i < base.rowCount(); i++) {
                int at = StudyReport.testRow(cmp, base.stringColumn(ResultColumns.CONDITION).get(i) + " − " + Ablation.REFERENCE);
                if (at < 0) full.appendMissing();
                else full.appendObj(col.get(at));
            }
            out.addColumns(full);
        }
        return org.emoaugnet.util.Lineage.tag(out.setName("ablation " + d.name() + (d.matchedSteps() ? " (optimiser steps matched)" : "")),
                StudyReport.lineage(new ArrayList<>(new java.util.LinkedHashSet<>(used))));
    }

    /**
     * Runs an experiment's design asks for: seeds × the folds its protocol gives (1 for single-split protocols; a
     * named non-default fold set's size; otherwise 5 assumed for fold protocols without runs).
     */
    public static int plannedRuns(ExperimentConfig cfg, Path runsRoot) throws IOException {
        if (cfg.protocol() == Protocol.PAPER_STYLE || cfg.protocol() == Protocol.AUGMENT_AFTER_RANDOM_SPLIT) return cfg.seeds().size();
        java.util.Set<String> folds = new java.util.TreeSet<>();
        for (Path r : runs(cfg, runsRoot)) folds.add(RunRecord.read(r).spec().fold());
        int expected = cfg.protocol() == Protocol.SPEAKER_INDEPENDENT && cfg.split().foldSet() != org.emoaugnet.data.FoldSet.DEFAULT ? cfg.split().foldSet().size() : 5;
        int perSeed = cfg.folds() > 0 ? cfg.folds() : Math.max(expected, folds.size());
        return cfg.seeds().size() * perSeed;
    }

    /** One row per run of the experiment's current design (its configured seeds and folds). */
    public static Table summary(ExperimentConfig cfg, Path runsRoot) throws IOException {
        return StudyReport.summary(cfg.name(), records(cfg, runsRoot));
    }

    /** Plans the experiment ({@link ExperimentConfig#plan}), runs what is missing or stale, and returns one summary row per run of its current spec. */
    public static Table run(ExperimentConfig cfg, org.emoaugnet.data.Corpus corpus, org.emoaugnet.features.FeatureCache cache, Path runsRoot) throws IOException {
        cfg.run(org.emoaugnet.run.CorpusSource.of(corpus), cache, runsRoot);
        return summary(cfg, runsRoot);
    }
}
