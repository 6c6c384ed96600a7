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
import org.emoaugnet.util.ConfigurationException;
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
 * <p>A search may grow in rounds: candidates added after an earlier round's results were known carry a higher round
 * number (a folder's {@code round-N/} subfolder), so a reader sees which were added late, and a choice made at an
 * earlier round ({@link #pooledChoice(CorpusSource, int)}) stays where it was. A candidate added within a round after
 * some other candidates' test results had been written says so in {@code designedAfter} ({@link DesignedAfter}).
 * Candidates are lettered a, b, c, ... in their order ({@link #letter}), as the search folders name their files.
 *
 * @param name          the search's name
 * @param candidates    the candidate configurations, simpler ones first within a round (ties go to the earlier one)
 * @param rounds        each candidate's round (1 for the first), non-decreasing along {@code candidates}
 * @param designedAfter the candidates designed after test results that their round does not imply were known, at most one entry each
 * @param searchSeeds   training seeds of the search runs
 * @param finalSeeds    training seeds of each fold's winner
 * @param runsRoot      where the records are (the plan depends on which search runs have finished)
 */
public record ModelSearch(String name, List<ExperimentConfig> candidates, List<Integer> rounds, List<DesignedAfter> designedAfter, List<Long> searchSeeds,
                          List<Long> finalSeeds, Path runsRoot) implements Design {
    public ModelSearch {
        candidates = List.copyOf(candidates);
        rounds = List.copyOf(rounds);
        designedAfter = List.copyOf(designedAfter);
        searchSeeds = List.copyOf(searchSeeds);
        finalSeeds = List.copyOf(finalSeeds);
        if (candidates.isEmpty()) throw new IllegalArgumentException(name + ": a search needs candidates");
        if (candidates.size() > LETTERS.length()) throw new IllegalArgumentException(name + ": at most " + LETTERS.length() + " candidates (one letter each)");
        if (rounds.size() != candidates.size()) throw new IllegalArgumentException(name + ": " + rounds.size() + " rounds for " + candidates.size() + " candidates");
        for (int i = 0; i < rounds.size(); i++)
            if (rounds.get(i) < 1 || (i > 0 && rounds.get(i) < rounds.get(i - 1)))
                throw new IllegalArgumentException(name + ": rounds must start at 1 and never decrease along the candidates: " + rounds);
        java.util.Set<String> names = new java.util.HashSet<>(), stated = new java.util.HashSet<>();
        for (ExperimentConfig c : candidates) names.add(c.name());
        for (DesignedAfter d : designedAfter) {
            if (!names.contains(d.candidate())) throw new IllegalArgumentException(name + ": " + d.candidate() + " is not a candidate of the search");
            if (!stated.add(d.candidate())) throw new IllegalArgumentException(name + ": " + d.candidate() + " has two entries of what was known when it was designed");
        }
        ExperimentConfig first = candidates.get(0);
        for (ExperimentConfig c : candidates)
            if (!c.corpus().equals(first.corpus()) || !c.classSet().equals(first.classSet()) || c.protocol() != first.protocol() || !c.split().equals(first.split()))
                throw new IllegalArgumentException(name + ": candidate " + c.name() + " differs from " + first.name()
                        + " in corpus, class set, protocol or split: candidates must be compared on the same folds");
    }

    /** A search whose candidates are all of the first round, none designed after another's test results. */
    public ModelSearch(String name, List<ExperimentConfig> candidates, List<Long> searchSeeds, List<Long> finalSeeds, Path runsRoot) {
        this(name, candidates, java.util.Collections.nCopies(candidates.size(), 1), searchSeeds, finalSeeds, runsRoot);
    }

    /** A search in rounds whose candidates' rounds say all that was known when each was designed. */
    public ModelSearch(String name, List<ExperimentConfig> candidates, List<Integer> rounds, List<Long> searchSeeds, List<Long> finalSeeds, Path runsRoot) {
        this(name, candidates, rounds, List.of(), searchSeeds, finalSeeds, runsRoot);
    }

    /**
     * A candidate designed after test results were known that its round does not imply (a candidate of round N was
     * designed after rounds 1 to N − 1's results by definition): the experiments, of this search or of another search
     * on the same recordings, that had written test results when the candidate was added. The baseline's test results,
     * the study's starting point, are not listed.
     *
     * @param candidate     the candidate's experiment name
     * @param testResultsOf the experiments whose test results were known when it was designed
     */
    public record DesignedAfter(String candidate, List<String> testResultsOf) {
        public DesignedAfter {
            testResultsOf = List.copyOf(testResultsOf);
            if (testResultsOf.isEmpty()) throw new IllegalArgumentException(candidate + ": an entry names the test results that were known");
            if (testResultsOf.contains(candidate)) throw new IllegalArgumentException(candidate + ": a candidate cannot be designed after its own test results");
        }
    }

    /** The letters of the candidates, in order. */
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    /** A candidate's letter: a for the first, b for the second, ... (the search folders' file names start with it). */
    public String letter(String candidate) { return String.valueOf(LETTERS.charAt(indexOf(candidate))); }

    /** A candidate's round. */
    public int round(String candidate) { return rounds.get(indexOf(candidate)); }

    /** What was known when {@code candidate} was designed beyond its round, if its search folder says so. */
    public java.util.Optional<DesignedAfter> designedAfter(String candidate) {
        indexOf(candidate);
        return designedAfter.stream().filter(d -> d.candidate().equals(candidate)).findFirst();
    }

    /** Whether {@code candidate} was designed after some test results of the search were known: a later round's, or one its folder names. */
    public boolean designedLate(String candidate) { return round(candidate) > 1 || designedAfter(candidate).isPresent(); }

    /** Whether {@code experiment} is one of the candidates. */
    public boolean hasCandidate(String experiment) { return candidates.stream().anyMatch(c -> c.name().equals(experiment)); }

    private int indexOf(String candidate) {
        for (int i = 0; i < candidates.size(); i++) if (candidates.get(i).name().equals(candidate)) return i;
        throw new IllegalArgumentException(name + ": " + candidate + " is not a candidate of the search");
    }

    /** The letters of the candidates of rounds 1 to {@code round}: "a–e" (one letter alone, two "a, b"). */
    public String lettersUpTo(int round) {
        List<String> among = candidatesUpTo(round);
        String first = letter(among.get(0)), last = letter(among.get(among.size() - 1));
        return among.size() == 1 ? first : among.size() == 2 ? first + ", " + last : first + "–" + last;
    }

    /**
     * The letters of the candidates of rounds 1 to {@code round} by the engine that makes their runs
     * ({@link RunSpec.Engine#forExperiment}, keyed by its revisions, {@link RunSpec.Engine#design}: two pins that differ
     * only in thread count are one trainer), in candidate order: one entry when one engine makes them all, more where
     * engine pins keep some candidates on an older engine (experiments/engine-pins.csv) while others were re-made, so
     * that selection compares validation scores of several engines.
     */
    public Map<RunSpec.Engine, List<String>> lettersByEngine(int round) {
        Map<RunSpec.Engine, List<String>> out = new java.util.LinkedHashMap<>();
        for (String c : candidatesUpTo(round)) out.computeIfAbsent(RunSpec.Engine.forExperiment(c).design(), k -> new ArrayList<>()).add(letter(c));
        return out;
    }

    /**
     * The candidates written in a folder and their rounds: round 1 is {@code dir/*.properties}, round N the files of
     * {@code dir/round-N/} (N = 2, 3, ... without gaps), each in file-name order (name them so simpler ones come first);
     * and, if the folder has a {@link #DESIGNED_AFTER} file, the candidates designed after test results that their round
     * does not imply were known ({@link DesignedAfter}).
     */
    public record CandidateFolder(List<ExperimentConfig> candidates, List<Integer> rounds, List<DesignedAfter> designedAfter) {
        public CandidateFolder { candidates = List.copyOf(candidates); rounds = List.copyOf(rounds); designedAfter = List.copyOf(designedAfter); }

        /**
         * The file of a search folder that names, per line {@code candidate,experiment;experiment;...} under the header
         * {@link #DESIGNED_AFTER_HEADER}, a candidate (its experiment name) and the experiments whose test results were
         * known when it was designed; lines starting with {@code #} are comments (the evidence: commit times, record times).
         */
        public static final String DESIGNED_AFTER = "designed-after.csv", DESIGNED_AFTER_HEADER = "candidate,after_test_results_of";

        /**
         * The candidates of {@code dir}, every file checked as an experiment file is ({@link ExperimentConfigs#load})
         * and the folder as a whole before anything runs: at least one candidate, distinct experiment names, one corpus,
         * class set, protocol and split (fold set) for all (candidates are compared on the same folds), round folders
         * numbered without gaps, and a well-formed {@link #DESIGNED_AFTER} file naming candidates of the folder.
         *
         * @throws org.emoaugnet.util.ConfigurationException naming the folder or file and what is wrong
         */
        public static CandidateFolder read(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) throw new ConfigurationException(dir + ": no such candidate folder");
            List<ExperimentConfig> candidates = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            List<Integer> rounds = new ArrayList<>();
            for (int round = 1; round == 1 || Files.isDirectory(dir.resolve("round-" + round)); round++) {
                Path d = round == 1 ? dir : dir.resolve("round-" + round);
                try (var list = Files.list(d)) {
                    for (Path f : list.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) {
                        ExperimentConfig c = ExperimentConfigs.load(f);
                        for (int i = 0; i < candidates.size(); i++) {
                            ExperimentConfig o = candidates.get(i);
                            if (o.name().equals(c.name()))
                                throw new ConfigurationException(f + ": name=" + c.name() + ": must differ from every other candidate's (" + files.get(i)
                                        + " has it): the name is the candidate's run folder");
                            if (!o.corpus().equals(c.corpus()) || !o.classSet().equals(c.classSet()) || o.protocol() != c.protocol() || !o.split().equals(c.split()))
                                throw new ConfigurationException(f + ": differs from " + files.get(i) + " in corpus, class set, protocol or split (fold set "
                                        + "included): the candidates of a search are compared on the same folds");
                        }
                        candidates.add(c);
                        files.add(f);
                        rounds.add(round);
                    }
                }
            }
            if (candidates.isEmpty()) throw new ConfigurationException(dir + ": no candidate configurations (*.properties)");
            try (var list = Files.list(dir)) {
                for (Path d : list.filter(Files::isDirectory).toList())
                    if (d.getFileName().toString().startsWith("round-") && !rounds.contains(roundOf(d)))
                        throw new ConfigurationException(d + ": round folders must be numbered round-2, round-3, ... without gaps");
            }
            Path after = dir.resolve(DESIGNED_AFTER);
            List<DesignedAfter> designedAfter = Files.isRegularFile(after) ? designedAfter(after) : List.of();
            for (DesignedAfter d : designedAfter)
                if (candidates.stream().noneMatch(c -> c.name().equals(d.candidate())))
                    throw new ConfigurationException(after + ": " + d.candidate() + " is not a candidate of " + dir);
            return new CandidateFolder(candidates, rounds, designedAfter);
        }

        /** The entries of a {@link #DESIGNED_AFTER} file; a missing or wrong header, or a line without two fields, is an error naming the file and line. */
        static List<DesignedAfter> designedAfter(Path file) throws IOException {
            List<DesignedAfter> out = new ArrayList<>();
            boolean header = false;
            int n = 0;
            for (String line : Files.readAllLines(file)) {
                n++;
                if (line.isBlank() || line.startsWith("#")) continue;
                if (!header) {
                    if (!line.strip().equals(DESIGNED_AFTER_HEADER))
                        throw new ConfigurationException(file + ":" + n + ": the first line that is not a comment must be the header " + DESIGNED_AFTER_HEADER);
                    header = true;
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 2 || f[0].isBlank() || f[1].isBlank())
                    throw new ConfigurationException(file + ":" + n + ": expected candidate,experiment;experiment;... got '" + line + "'");
                try {
                    out.add(new DesignedAfter(f[0].strip(), java.util.Arrays.stream(f[1].split(";")).map(String::strip).toList()));
                } catch (IllegalArgumentException e) {   // an entry the record refuses: named with its file and line
                    throw new ConfigurationException(file + ":" + n + ": " + e.getMessage(), e);
                }
                if (out.stream().filter(d -> d.candidate().equals(f[0].strip())).count() > 1)
                    throw new ConfigurationException(file + ":" + n + ": a second entry for " + f[0].strip());
            }
            if (!header) throw new ConfigurationException(file + ": no header " + DESIGNED_AFTER_HEADER);
            return out;
        }
    }

    /** The search over the candidates written in {@code dir} ({@link CandidateFolder}). */
    public static ModelSearch inFolder(String name, Path dir, List<Long> searchSeeds, List<Long> finalSeeds, Path runsRoot) throws IOException {
        CandidateFolder f = CandidateFolder.read(dir);
        return new ModelSearch(name, f.candidates(), f.rounds(), f.designedAfter(), searchSeeds, finalSeeds, runsRoot);
    }

    private static int roundOf(Path roundDir) {
        try { return Integer.parseInt(roundDir.getFileName().toString().substring("round-".length())); }
        catch (NumberFormatException e) { throw new ConfigurationException(roundDir + ": a round folder is named round-N with N a number", e); }
    }

    @Override
    public String describe() {
        return "model search " + name + ": " + candidates.size() + " candidates" + (lastRound() > 1 ? " in " + lastRound() + " rounds" : "")
                + " × search seeds " + searchSeeds + ", each fold's winner × seeds " + finalSeeds;
    }

    /** A candidate restricted to {@code seeds}. */
    private static ExperimentConfig withSeeds(ExperimentConfig c, List<Long> seeds, String name) {
        return new ExperimentConfig(name, c.corpus(), c.classSet(), c.protocol(), c.features(), c.layout(), c.recipe(), c.model(), c.activation(),
                c.train(), seeds, c.folds(), c.split(), c.normalisation());
    }

    /** Every search run: each candidate on every fold with the search seeds. */
    List<PlannedRun> searchRuns(CorpusSource corpora) throws IOException {
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
        for (PlannedRun r : finalRuns(corpora, search, lastRound())) out.putIfAbsent(key(r), r);
        return List.copyOf(out.values());
    }

    /** A planned run's place under the runs folder ({@code experiment/run}): one key for one run wherever plans are merged. */
    static String key(PlannedRun r) { return r.experiment() + "/" + SpecJobs.runName(r.spec()); }

    /**
     * The nested result's runs: in each fold whose search is complete, its winner with the final seeds, under the
     * winner's own experiment name (so a run the candidate already has, such as a baseline's, is not trained twice).
     * Folds whose search is incomplete have none yet.
     */
    public List<PlannedRun> finalRuns(CorpusSource corpora) throws IOException { return finalRuns(corpora, searchRuns(corpora), lastRound()); }

    /**
     * The nested result as it stood after {@code round}: in each fold whose search among the candidates of rounds 1 to
     * {@code round} is complete, the winner among those candidates with the final seeds. For an earlier round these
     * are the runs a later round's candidates may have replaced; their test results were known when the later round
     * was designed, so a report shows them beside the latest.
     */
    public List<PlannedRun> finalRuns(CorpusSource corpora, int round) throws IOException { return finalRuns(corpora, searchRuns(corpora), round); }

    private List<PlannedRun> finalRuns(CorpusSource corpora, List<PlannedRun> search, int round) throws IOException {
        List<String> among = candidatesUpTo(round);
        List<PlannedRun> inRound = search.stream().filter(r -> among.contains(r.experiment())).toList();
        Map<String, String> winners = winners(inRound, scores(inRound), among);
        List<PlannedRun> out = new ArrayList<>();
        for (ExperimentConfig c : candidates)
            for (PlannedRun r : withSeeds(c, finalSeeds, c.name()).plan(corpora))
                if (c.name().equals(winners.get(r.spec().fold()))) out.add(r);
        return out;
    }

    /** The names of the candidates of rounds 1 to {@code round}, in order. */
    private List<String> candidatesUpTo(int round) {
        List<String> among = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) if (rounds.get(i) <= round) among.add(candidates.get(i).name());
        if (among.isEmpty()) throw new IllegalArgumentException(name + ": no candidate of round " + round + " or earlier");
        return among;
    }

    /**
     * The single candidate with the best validation score pooled over all folds ({@link ModelSelection#pooled}), once
     * every search run has finished; empty before. Pooling lets one fold's test speakers inform the choice through
     * another fold's validation speakers, so whatever is built on it is reported beside the nested result and labelled.
     */
    public java.util.Optional<ExperimentConfig> pooledChoice(CorpusSource corpora) throws IOException {
        return pooledChoice(corpora, lastRound());
    }

    /**
     * The pooled choice among the candidates of rounds 1 to {@code round} only, once all their search runs have
     * finished: a choice made at that round, which later rounds' candidates do not move.
     */
    public java.util.Optional<ExperimentConfig> pooledChoice(CorpusSource corpora, int round) throws IOException {
        List<String> among = candidatesUpTo(round);
        List<PlannedRun> search = searchRuns(corpora).stream().filter(r -> among.contains(r.experiment())).toList();
        List<ModelSelection.ValidationScore> s = scores(search);
        if (s.size() < search.size()) return java.util.Optional.empty();
        String chosen = ModelSelection.pooled(s, among);
        return candidates.stream().filter(c -> c.name().equals(chosen)).findFirst();
    }

    /** The folder of a planned run's record under {@link #runsRoot}. */
    Path dir(PlannedRun r) { return dir(r, runsRoot); }

    /** The folder of planned run {@code r} under {@code runsRoot} ({@code <experiment>/<run name>}). */
    static Path dir(PlannedRun r, Path runsRoot) { return runsRoot.resolve(r.experiment()).resolve(SpecJobs.runName(r.spec())); }

    /** The records of the finished runs among {@code planned} whose specification is unchanged, in plan order. */
    Map<PlannedRun, RunRecord> finished(List<PlannedRun> planned) throws IOException { return finished(planned, runsRoot); }

    /** {@link #finished(List)} under any runs folder (the searches of this package share it). */
    static Map<PlannedRun, RunRecord> finished(List<PlannedRun> planned, Path runsRoot) throws IOException {
        Map<PlannedRun, RunRecord> out = new java.util.LinkedHashMap<>();
        for (PlannedRun r : planned) {
            Path dir = dir(r, runsRoot);
            if (!RunRecord.finished(dir)) continue;
            RunRecord rec = RunRecord.read(dir);
            if (rec.specSha256().equals(r.spec().sha256())) out.put(r, rec);
        }
        return out;
    }

    /** The validation scores of the finished search runs among {@code planned}. */
    private List<ModelSelection.ValidationScore> scores(List<PlannedRun> planned) throws IOException { return scores(finished(planned)); }

    /** The validation scores of records already read ({@link #finished}). */
    private static List<ModelSelection.ValidationScore> scores(Map<PlannedRun, RunRecord> finished) {
        List<ModelSelection.ValidationScore> out = new ArrayList<>();
        for (var e : finished.entrySet()) out.add(ModelSelection.ValidationScore.of(e.getKey().experiment(), e.getValue()));
        return out;
    }

    /** The highest round among the candidates (1 for a search that never grew). */
    public int lastRound() { return rounds.get(rounds.size() - 1); }

    /**
     * The finished search runs that stopped at their epoch cap while still improving ({@code experiment/run} names):
     * their validation scores enter selection as they are, and the search log and the notebook name them.
     */
    public List<String> unconvergedSearchRuns(CorpusSource corpora) throws IOException {
        List<String> out = new ArrayList<>();
        for (var e : finished(searchRuns(corpora)).entrySet())
            if (!e.getValue().training().converged()) out.add(key(e.getKey()));
        return out;
    }

    /**
     * Each fold's winner on its validation speakers among every round's candidates (fold → candidate name), for the
     * folds whose search runs have all finished: the choice the nested result and the search log's "chosen" column show.
     */
    public Map<String, String> winners(CorpusSource corpora) throws IOException {
        List<PlannedRun> search = searchRuns(corpora);
        return winners(search, finished(search));
    }

    /** {@link #winners(CorpusSource)} from the search runs and their records already read ({@link #finished}). */
    Map<String, String> winners(List<PlannedRun> search, Map<PlannedRun, RunRecord> records) {
        return winners(search, scores(records), candidatesUpTo(lastRound()));
    }

    /** The winner of each fold whose search runs have all finished (a fold with a missing search run has none yet). */
    private static Map<String, String> winners(List<PlannedRun> search, List<ModelSelection.ValidationScore> s, List<String> among) {
        return winners(search, s, among, r -> r.spec().fold());
    }

    /**
     * The winner of each fold ({@code foldOf} a selection run: the fold its score is for) whose selection runs have all
     * finished, by {@link ModelSelection#nested}; a fold with a missing run has none yet.
     */
    static Map<String, String> winners(List<PlannedRun> runs, List<ModelSelection.ValidationScore> s, List<String> among,
                                       java.util.function.Function<PlannedRun, String> foldOf) {
        Map<String, String> all = s.isEmpty() ? Map.of() : ModelSelection.nested(s, among);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (var e : all.entrySet()) {
            long planned = runs.stream().filter(r -> foldOf.apply(r).equals(e.getKey())).count();
            long done = s.stream().filter(v -> v.fold().equals(e.getKey())).count();
            if (done == planned) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * The search log: one row per fold and candidate with the candidate's round, the number of finished search runs, how many of them
     * converged (the others stopped at their epoch cap while still improving; their scores still enter selection), their
     * mean validation score (%) and whether the candidate won that fold (only once the fold's search is complete), from
     * the records.
     */
    public Table log(CorpusSource corpora) throws IOException {
        List<PlannedRun> search = searchRuns(corpora);
        Map<PlannedRun, RunRecord> records = finished(search);
        List<ModelSelection.ValidationScore> scores = scores(records);
        Map<String, String> winners = winners(search, scores, candidatesUpTo(lastRound()));
        StringColumn fold = StringColumn.create("fold"), candidate = StringColumn.create("candidate");
        IntColumn round = IntColumn.create("round");
        IntColumn runs = IntColumn.create("search runs finished"), planned = IntColumn.create("search runs planned");
        IntColumn converged = IntColumn.create("search runs converged");
        DoubleColumn val = DoubleColumn.create("validation UA (%)");
        BooleanColumn chosen = BooleanColumn.create("chosen");
        for (String f : search.stream().map(r -> r.spec().fold()).distinct().toList())
            for (int k = 0; k < candidates.size(); k++) {
                ExperimentConfig c = candidates.get(k);
                List<ModelSelection.ValidationScore> mine = scores.stream().filter(v -> v.fold().equals(f) && v.candidate().equals(c.name())).toList();
                fold.append(f);
                candidate.append(c.name());
                round.append(rounds.get(k));
                runs.append(mine.size());
                converged.append((int) records.entrySet().stream().filter(e -> e.getKey().spec().fold().equals(f) && e.getKey().experiment().equals(c.name())
                        && e.getValue().training().converged()).count());
                planned.append((int) search.stream().filter(r -> r.spec().fold().equals(f) && r.experiment().equals(c.name())).count());
                val.append(mine.isEmpty() ? Double.NaN : 100 * mine.stream().mapToDouble(ModelSelection.ValidationScore::validation).average().orElse(Double.NaN));
                chosen.append(c.name().equals(winners.get(f)));
            }
        return Table.create(name + ": the search log (validation speakers only)", fold, candidate, round, runs, planned, converged, val, chosen);
    }
}
