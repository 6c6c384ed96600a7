package org.emoaugnet.design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.RunSpec;
import org.emoaugnet.run.SpecJobs;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The search for the strongest honest model as a {@link Design}: every candidate configuration (an experiment file;
 * same corpus, class set, protocol and fold set) is run on every fold with the search seeds; in each fold the
 * candidate with the highest mean validation score on that fold's validation speakers wins ({@link
 * ModelSelection#nested}, which never sees a test metric); then the winner of each fold is run there with the final
 * seeds ({@link #finalRuns}, under the winner's own experiment name), and those runs' test figures are the nested
 * result. Until every search run of a fold is finished its final runs are not planned, so the plan grows as the search
 * completes and a resumed search continues where it stopped.
 * Every configuration tried is a recorded run under its own experiment name, so {@link #log} counts them.
 *
 * @param name        the search's name
 * @param candidates  the candidate configurations, simpler ones first (ties go to the earlier one)
 * @param searchSeeds training seeds of the search runs
 * @param finalSeeds  training seeds of each fold's winner
 * @param runsRoot    where the records are (the plan depends on which search runs have finished)
 */
public record ModelSearch(String name, List<ExperimentConfig> candidates, List<Long> searchSeeds, List<Long> finalSeeds, Path runsRoot) implements Design {
    public ModelSearch {
        candidates = List.copyOf(candidates);
        searchSeeds = List.copyOf(searchSeeds);
        finalSeeds = List.copyOf(finalSeeds);
        if (candidates.isEmpty()) throw new IllegalArgumentException(name + ": a search needs candidates");
        ExperimentConfig first = candidates.get(0);
        for (ExperimentConfig c : candidates)
            if (!c.corpus().equals(first.corpus()) || !c.classSet().equals(first.classSet()) || c.protocol() != first.protocol() || !c.split().equals(first.split()))
                throw new IllegalArgumentException(name + ": candidate " + c.name() + " differs from " + first.name()
                        + " in corpus, class set, protocol or split: candidates must be compared on the same folds");
    }

    /** The candidates as written in {@code dir/*.properties}, in file-name order (name them so simpler ones come first). */
    public static List<ExperimentConfig> candidatesIn(Path dir) throws IOException {
        List<ExperimentConfig> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) out.add(ExperimentConfigs.load(f));
        }
        if (out.isEmpty()) throw new IOException(dir + ": no candidate configurations (*.properties)");
        return out;
    }

    @Override
    public String describe() {
        return "model search " + name + ": " + candidates.size() + " candidates × search seeds " + searchSeeds + ", each fold's winner × seeds " + finalSeeds;
    }

    /** A candidate restricted to {@code seeds}. */
    private static ExperimentConfig withSeeds(ExperimentConfig c, List<Long> seeds, String name) {
        return new ExperimentConfig(name, c.corpus(), c.classSet(), c.protocol(), c.features(), c.layout(), c.recipe(), c.model(), c.activation(),
                c.train(), seeds, c.folds(), c.split(), c.normalisation());
    }

    /** Every search run: each candidate on every fold with the search seeds. */
    private List<PlannedRun> searchRuns(CorpusSource corpora) throws IOException {
        List<PlannedRun> out = new ArrayList<>();
        for (ExperimentConfig c : candidates) out.addAll(withSeeds(c, searchSeeds, c.name()).plan(corpora));
        return out;
    }

    /**
     * The search runs, then the final runs of every fold whose search is complete ({@link #finalRuns}); a final run
     * that is also a search run (a final seed among the search seeds) is planned once.
     */
    @Override
    public List<PlannedRun> plan(CorpusSource corpora) throws IOException {
        Map<String, PlannedRun> out = new java.util.LinkedHashMap<>();
        List<PlannedRun> search = searchRuns(corpora);
        for (PlannedRun r : search) out.put(key(r), r);
        for (PlannedRun r : finalRuns(corpora, search)) out.putIfAbsent(key(r), r);
        return List.copyOf(out.values());
    }

    private static String key(PlannedRun r) { return r.experiment() + "/" + SpecJobs.runName(r.spec()); }

    /**
     * The nested result's runs: in each fold whose search is complete, its winner with the final seeds, under the
     * winner's own experiment name (so a run the candidate already has, such as a baseline's, is not trained twice).
     * Folds whose search is incomplete have none yet.
     */
    public List<PlannedRun> finalRuns(CorpusSource corpora) throws IOException { return finalRuns(corpora, searchRuns(corpora)); }

    private List<PlannedRun> finalRuns(CorpusSource corpora, List<PlannedRun> search) throws IOException {
        Map<String, String> winners = winners(search, scores(search));
        List<PlannedRun> out = new ArrayList<>();
        for (ExperimentConfig c : candidates)
            for (PlannedRun r : withSeeds(c, finalSeeds, c.name()).plan(corpora))
                if (c.name().equals(winners.get(r.spec().fold()))) out.add(r);
        return out;
    }

    /**
     * The single candidate with the best validation score pooled over all folds ({@link ModelSelection#pooled}), once
     * every search run has finished; empty before. Pooling lets one fold's test speakers inform the choice through
     * another fold's validation speakers, so whatever is built on it is reported beside the nested result and labelled.
     */
    public java.util.Optional<ExperimentConfig> pooledChoice(CorpusSource corpora) throws IOException {
        List<PlannedRun> search = searchRuns(corpora);
        List<ModelSelection.ValidationScore> s = scores(search);
        if (s.size() < search.size()) return java.util.Optional.empty();
        String name = ModelSelection.pooled(s, candidates.stream().map(ExperimentConfig::name).toList());
        return candidates.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The validation scores of the finished search runs among {@code planned}. */
    private List<ModelSelection.ValidationScore> scores(List<PlannedRun> planned) throws IOException {
        List<ModelSelection.ValidationScore> out = new ArrayList<>();
        for (PlannedRun r : planned) {
            Path dir = runsRoot.resolve(r.experiment()).resolve(SpecJobs.runName(r.spec()));
            if (!RunRecord.finished(dir)) continue;
            RunRecord rec = RunRecord.read(dir);
            if (rec.specSha256().equals(r.spec().sha256())) out.add(ModelSelection.ValidationScore.of(r.experiment(), rec));
        }
        return out;
    }

    /** The winner of each fold whose search runs have all finished (a fold with a missing search run has none yet). */
    private Map<String, String> winners(List<PlannedRun> search, List<ModelSelection.ValidationScore> s) {
        Map<String, String> all = s.isEmpty() ? Map.of() : ModelSelection.nested(s, candidates.stream().map(ExperimentConfig::name).toList());
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (var e : all.entrySet()) {
            long planned = search.stream().filter(r -> r.spec().fold().equals(e.getKey())).count();
            long done = s.stream().filter(v -> v.fold().equals(e.getKey())).count();
            if (done == planned) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * The search log: one row per fold and candidate with the number of finished search runs, their mean validation
     * score (%) and whether the candidate won that fold (only once the fold's search is complete), from the records.
     */
    public Table log(CorpusSource corpora) throws IOException {
        List<PlannedRun> search = searchRuns(corpora);
        List<ModelSelection.ValidationScore> scores = scores(search);
        Map<String, String> winners = winners(search, scores);
        StringColumn fold = StringColumn.create("fold"), candidate = StringColumn.create("candidate");
        IntColumn runs = IntColumn.create("search runs finished"), planned = IntColumn.create("search runs planned");
        DoubleColumn val = DoubleColumn.create("validation UA (%)");
        BooleanColumn chosen = BooleanColumn.create("chosen");
        for (String f : search.stream().map(r -> r.spec().fold()).distinct().toList())
            for (ExperimentConfig c : candidates) {
                List<ModelSelection.ValidationScore> mine = scores.stream().filter(v -> v.fold().equals(f) && v.candidate().equals(c.name())).toList();
                fold.append(f);
                candidate.append(c.name());
                runs.append(mine.size());
                planned.append((int) search.stream().filter(r -> r.spec().fold().equals(f) && r.experiment().equals(c.name())).count());
                val.append(mine.isEmpty() ? Double.NaN : 100 * mine.stream().mapToDouble(ModelSelection.ValidationScore::validation).average().orElse(Double.NaN));
                chosen.append(c.name().equals(winners.get(f)));
            }
        return Table.create(name + ": the search log (validation speakers only)", fold, candidate, runs, planned, val, chosen);
    }
}
