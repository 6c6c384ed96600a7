package org.emoaugnet.experiment;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.util.Settings;

/**
 * A set of runs described by what it sweeps (notebook 04's study, an ablation design, or one experiment file) and
 * where its data, cache and records live, so that any process that sees the same project, corpora and record folder
 * rebuilds exactly the same {@link Runner.Job}s from it: the CLI on one machine, or each task of a distributed sweep.
 * A value, not a job list: jobs hold code and paths, a sweep only names and settings, and is {@link Serializable}.
 *
 * @param kind     what is swept
 * @param file     the ablation design or experiment configuration (absolute), empty for the study
 * @param settings every setting resolved to an explicit value (property names of {@link Settings}), so that a
 *                 process with another environment plans the same runs
 * @param runs     the record folder (absolute), seen by every process that runs a part of the sweep
 */
public record Sweep(Kind kind, String file, Map<String, String> settings, String runs) implements Serializable {
    private static final long serialVersionUID = 1L;

    public enum Kind { STUDY, ABLATION, EXPERIMENT }

    public Sweep {
        settings = Map.copyOf(settings);
    }

    /** Notebook 04's ReLU-vs-ELU study on the primary corpus of {@code s}. */
    public static Sweep study(Settings s, Path runs) {
        return new Sweep(Kind.STUDY, "", explicit(s), runs.toAbsolutePath().normalize().toString());
    }

    /** An ablation design: one experiment per recipe ({@code experiments/<corpus>/ablation/*.properties}). */
    public static Sweep ablation(Path design, Settings s, Path runs) {
        return new Sweep(Kind.ABLATION, design.toAbsolutePath().normalize().toString(), explicit(s), runs.toAbsolutePath().normalize().toString());
    }

    /** One experiment configuration file. */
    public static Sweep experiment(Path config, Settings s, Path runs) {
        return new Sweep(Kind.EXPERIMENT, config.toAbsolutePath().normalize().toString(), explicit(s), runs.toAbsolutePath().normalize().toString());
    }

    /** The settings as explicit property values (absolute paths), independent of the environment that reads them. */
    static Map<String, String> explicit(Settings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("home", s.projectRoot().toAbsolutePath().normalize().toString());
        m.put("data", s.data().map(d -> d.toAbsolutePath().normalize().toString()).orElse("")); // "": the synthetic corpus
        m.put("corpus", String.join(",", s.corpora()));
        m.put("quick", String.valueOf(s.quick()));
        m.put("results", s.results().toAbsolutePath().normalize().toString());
        m.put("cache", s.cache().toAbsolutePath().normalize().toString());
        m.put("seed", String.valueOf(s.seed()));
        m.put("skip_bad", String.valueOf(s.skipBad()));
        return m;
    }

    /** The settings this sweep was planned with, whatever this process's environment says. */
    public Settings resolvedSettings() {
        Map<String, String> o = new LinkedHashMap<>(settings);
        String home = o.remove("home");
        Map<String, String> env = home == null ? Map.of() : Map.of("EMOAUG_HOME", home);
        return Settings.resolve(env, o);
    }

    public Path runsRoot() { return Path.of(runs); }

    /** An experiment of the sweep with the corpus it runs on. */
    private record Planned(ExperimentConfig config, Corpus corpus) {}

    private List<Planned> planned(Settings s) throws IOException {
        List<Planned> out = new ArrayList<>();
        switch (kind) {
            case STUDY -> {
                Corpus corpus = Corpora.primary(Corpora.open(s)).corpus();
                for (ExperimentConfig c : Study.configs(corpus.name(), s)) out.add(new Planned(c, corpus));
            }
            case ABLATION -> {
                Ablation.Design design = Ablation.load(Path.of(file));
                Corpus corpus = open(design.conditions().get(0).config().corpus(), s);
                for (var c : design.conditions()) out.add(new Planned(c.config(), corpus));
            }
            case EXPERIMENT -> {
                ExperimentConfig cfg = ExperimentConfigs.load(Path.of(file));
                out.add(new Planned(cfg, open(cfg.corpus(), s)));
            }
        }
        return out;
    }

    /** The sweep's experiments and their runs as jobs, planned from one scan of the corpus. */
    public record Plan(List<ExperimentConfig> experiments, List<Runner.Job> jobs) {}

    /**
     * Every experiment of the sweep and every run as a job, in the order the CLI runs them (an ablation seed-major:
     * every recipe and fold of seed 1 before seed 2, so that an interrupted ablation leaves whole seeds).
     */
    public Plan plan() throws IOException {
        Settings s = resolvedSettings();
        FeatureCache cache = new FeatureCache(s.cache().resolve("features"));
        List<ExperimentConfig> experiments = new ArrayList<>();
        List<Runner.Job> jobs = new ArrayList<>();
        for (Planned p : planned(s)) {
            experiments.add(p.config());
            jobs.addAll(ExperimentRunner.jobs(p.config(), p.corpus(), cache, runsRoot()));
        }
        if (kind == Kind.ABLATION) jobs.sort(Comparator.comparingLong(j -> j.spec().seed()));
        return new Plan(List.copyOf(experiments), jobs);
    }

    /** {@link #plan}'s jobs. */
    public List<Runner.Job> jobs() throws IOException { return plan().jobs(); }

    /**
     * One feature set the sweep's runs need: the recordings of one experiment's classes, its features and its
     * augmentation recipe, extracted into the sweep's feature cache. Any slice of the recordings can be extracted on
     * its own: cache entries are per recording and copy, so slices computed anywhere fill the same cache a run reads.
     */
    public record FeatureWork(String key, List<org.emoaugnet.data.Utterance> utterances, org.emoaugnet.features.FeatureSpec spec,
                              org.emoaugnet.augment.Recipe recipe, FeatureCache cache) {
        public int size() { return utterances.size(); }

        /** Extracts recordings {@code from} (inclusive) to {@code to} (exclusive) into the cache. */
        public org.emoaugnet.features.FeatureSet extract(int from, int to) throws IOException {
            return org.emoaugnet.features.FeatureExtraction.extract(utterances.subList(from, to), spec, recipe, ExperimentRunner.AUGMENTATION_SEED, cache);
        }
    }

    /** The distinct feature sets of the sweep's experiments (experiments that differ only in training share one). */
    public List<FeatureWork> features() throws IOException {
        Settings s = resolvedSettings();
        FeatureCache cache = new FeatureCache(s.cache().resolve("features"));
        Map<String, FeatureWork> byKey = new LinkedHashMap<>();
        for (Planned p : planned(s)) {
            ExperimentConfig c = p.config();
            String key = c.corpus() + "|" + RunSpec.classSetKey(c.classSet()) + "|" + c.features().key() + "|" + c.recipe().key();
            byKey.computeIfAbsent(key, k -> new FeatureWork(k, c.classSet().apply(p.corpus()).utterances(), c.features(), c.recipe(), cache));
        }
        return new ArrayList<>(byKey.values());
    }

    /** The job with this label ({@code experiment/run}), rebuilt from the sweep. */
    public Optional<Runner.Job> job(String label) throws IOException {
        return jobs().stream().filter(j -> j.label().equals(label)).findFirst();
    }

    private static Corpus open(String name, Settings s) throws IOException {
        Settings only = new Settings(s.data(), List.of(name), s.quick(), s.results(), s.cache(), s.seed(), s.skipBad(), s.projectRoot());
        return Corpora.open(only).stream().map(org.emoaugnet.data.CorpusScan.Report::corpus).filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IOException("corpus " + name + " not found under " + s.data().map(Path::toString).orElse("the synthetic corpus")));
    }

    /** Short description for logs. */
    public String describe() {
        return switch (kind) {
            case STUDY -> "the study of notebook 04";
            case ABLATION -> "the ablation " + Path.of(file).getFileName();
            case EXPERIMENT -> "the experiment " + Path.of(file).getFileName();
        } + " (records in " + runs + ")";
    }
}
