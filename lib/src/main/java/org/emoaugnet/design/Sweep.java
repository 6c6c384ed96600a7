package org.emoaugnet.design;

import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Runner;
import org.emoaugnet.run.SpecJobs;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.util.Settings;

/**
 * A set of runs named by the kind of {@link Design} that plans them (notebook 04's study, an ablation design, one
 * experiment file, the cross-corpus grid, the robustness study), its file and settings, and where its data, cache and
 * records live, so that any process that sees the same project, corpora and record folder rebuilds the design and
 * exactly the same plan from it: the CLI on one machine, or each task of a distributed sweep. A value, not a job list:
 * jobs hold code and paths, a sweep only names and settings, and is {@link Serializable}.
 *
 * @param kind     the kind of design
 * @param file     the ablation design or experiment configuration (absolute), empty for the other kinds
 * @param settings every setting resolved to an explicit value (property names of {@link Settings}), so that a
 *                 process with another environment plans the same runs
 * @param runs     the record folder (absolute), seen by every process that runs a part of the sweep
 * @param only     the grid's variants (cross) or the robustness models' activations to run; empty: all
 */
public record Sweep(Kind kind, String file, Map<String, String> settings, String runs, List<String> only) implements Serializable {
    private static final long serialVersionUID = 2L;

    public enum Kind { STUDY, ABLATION, EXPERIMENT, CROSS, ROBUSTNESS, STRONGEST }

    public Sweep {
        settings = Map.copyOf(settings);
        only = List.copyOf(only);
    }

    /** Notebook 04's ReLU-vs-ELU study on the primary corpus of {@code s}. */
    public static Sweep study(Settings s, Path runs) {
        return new Sweep(Kind.STUDY, "", explicit(s), absolute(runs), List.of());
    }

    /** An ablation design: one experiment per recipe ({@code experiments/<corpus>/ablation/*.properties}). */
    public static Sweep ablation(Path design, Settings s, Path runs) {
        return new Sweep(Kind.ABLATION, absolute(design), explicit(s), absolute(runs), List.of());
    }

    /** One experiment configuration file. */
    public static Sweep experiment(Path config, Settings s, Path runs) {
        return new Sweep(Kind.EXPERIMENT, absolute(config), explicit(s), absolute(runs), List.of());
    }

    /** The cross-corpus grid of notebook 05 over the corpora of {@code s} ({@link CrossCorpusStudy#corpora}), the variants labelled {@code variants} (all when empty). */
    public static Sweep cross(Settings s, Path runs, List<String> variants) {
        CrossCorpusStudy.design(List.of(), s, variants);   // an unknown variant fails here, before anything is planned
        return new Sweep(Kind.CROSS, "", explicit(s), absolute(runs), variants);
    }

    /** The trained models of notebook 05's robustness study on the primary corpus of {@code s}, of {@code activations} (both when empty). */
    public static Sweep robustness(Settings s, Path runs, List<String> activations) {
        for (String a : activations)
            if (!a.equals("relu") && !a.equals("elu")) throw new IllegalArgumentException("the robustness models' activations are relu and elu, got '" + a + "'");
        return new Sweep(Kind.ROBUSTNESS, "", explicit(s), absolute(runs), activations);
    }

    /**
     * Notebook 06's study on the primary corpus of {@code s} ({@link StrongestModel}): its searches, their final runs
     * (planned once a fold's search is complete, so run the sweep again after the searches), baselines and questions.
     */
    public static Sweep strongest(Settings s, Path runs) {
        return new Sweep(Kind.STRONGEST, "", explicit(s), absolute(runs), List.of());
    }

    private static String absolute(Path p) { return p.toAbsolutePath().normalize().toString(); }

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
        m.put("retry_failed", String.valueOf(s.retryFailed()));
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

    /** The design the sweep names, with the corpora it plans from. */
    public record Setup(Design design, CorpusSource corpora) {}

    /** Rebuilds the design from the sweep's file and settings. */
    public Setup setup() throws IOException {
        Settings s = resolvedSettings();
        CorpusSource source = CorpusSource.of(s);
        Design design = switch (kind) {
            case STUDY -> Study.of(source.primary().name(), s);
            case ABLATION -> Ablation.load(Path.of(file));
            case EXPERIMENT -> ExperimentConfigs.load(Path.of(file));
            case CROSS -> {
                List<Corpus> corpora = CrossCorpusStudy.corpora(s);
                source = CorpusSource.of(corpora);
                yield CrossCorpusStudy.design(corpora.stream().map(Corpus::name).toList(), s, only);
            }
            case ROBUSTNESS -> new Robustness.Evaluated(Robustness.design(source.primary().name(), s, only), runsRoot());
            case STRONGEST -> StrongestModel.of(source.primary().name(), s, runsRoot());
        };
        return new Setup(design, source);
    }

    /** The sweep's design, its planned runs, and every run as a job, in the order the design plans them. */
    public record Plan(Design design, List<PlannedRun> runs, List<Runner.Job> jobs) {}

    public Plan plan() throws IOException {
        Setup setup = setup();
        List<PlannedRun> runs = setup.design().plan(setup.corpora());
        return new Plan(setup.design(), runs, new SpecJobs(cache(), runsRoot(), setup.corpora().retryFailed()).jobs(runs));
    }

    /** {@link #plan}'s jobs. */
    public List<Runner.Job> jobs() throws IOException { return plan().jobs(); }

    /** The distinct feature sets the sweep's runs train and test on ({@link SpecJobs#featureWork}). */
    public List<SpecJobs.FeatureWork> features() throws IOException {
        Setup setup = setup();
        return SpecJobs.featureWork(setup.design().plan(setup.corpora()), cache());
    }

    private FeatureCache cache() { return new FeatureCache(resolvedSettings().cache().resolve("features")); }

    /** The job with this label ({@code experiment/run}), rebuilt from the sweep. */
    public Optional<Runner.Job> job(String label) throws IOException {
        return jobs().stream().filter(j -> j.label().equals(label)).findFirst();
    }

    /** Short description for logs. */
    public String describe() {
        return switch (kind) {
            case STUDY -> "the study of notebook 04";
            case ABLATION -> "the ablation " + Path.of(file).getFileName();
            case EXPERIMENT -> "the experiment " + Path.of(file).getFileName();
            case CROSS -> "the cross-corpus grid of notebook 05" + (only.isEmpty() ? "" : " (variants " + String.join(", ", only) + ")");
            case ROBUSTNESS -> "the robustness study of notebook 05" + (only.isEmpty() ? "" : " (" + String.join(", ", only) + ")");
            case STRONGEST -> "the strongest-honest-model study of notebook 06 (final runs are planned once a fold's search is complete: run it again)";
        } + " (records in " + runs + ")";
    }
}
