package org.emoaugnet.design;

import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.Defaults;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.Protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.model.TrainConfig;
import org.emoaugnet.util.ConfigValues;
import org.emoaugnet.util.ConfigurationException;
import org.emoaugnet.util.Settings;

/**
 * The augmentation ablation of notebook 02: one base experiment (corpus, protocol, model, activation, training
 * settings) trained once per augmentation recipe, everything else fixed, so that the conditions share folds,
 * seeds and test items and can be compared item by item against the reference (no augmentation).
 *
 * <p>A design file {@code experiments/<corpus>/ablation/<protocol>.properties} names its base experiment file
 * (relative to itself), the recipes and the seeds:
 * <pre>
 * base=../si-relu.properties
 * recipes=none,noise,pitch,stretch,shift,all-but-noise,all-but-pitch,all-but-stretch,all-but-shift,public-4,all
 * seeds=1,2,3
 * folds=0
 * epoch_copies=4
 * </pre>
 * These five are its only keys ({@link #KEYS}): an unknown one is an error naming it and the nearest known one, raised
 * before anything runs. {@code recipes} defaults to {@link #ALL_RECIPES}, {@code seeds} to {@link Defaults#SEEDS},
 * {@code folds} to the base experiment's. {@code epoch_copies} (default 0) matches the optimiser steps across recipes:
 * every epoch of every condition then draws that many samples per training recording, whatever number of copies its
 * recipe makes.
 * The condition whose recipe is the base's own reuses the base experiment's run folder (its runs of the listed
 * seeds), every other condition runs as {@code <base name>-aug-<recipe>}. Without design files (other corpora, and
 * quick mode) the defaults are built from {@link Study#configs}: {@link #DEFAULT_RECIPES} under the speaker-independent protocol
 * and {@code none, public-4, all} under the paper-style protocol (quick mode: {@code none, pitch, public-4} and
 * {@code none, public-4}).
 */
public final class Ablation {
    /** The recipe every condition is compared with. */
    public static final String REFERENCE = "none";

    /** Without a design file: no augmentation, each alone, the public recipe and all four (leave-one-out only in design files). */
    public static final List<String> DEFAULT_RECIPES = List.of("none", "noise", "pitch", "stretch", "shift", "public-4", "all");

    /** Every key a design file may hold. */
    public static final List<String> KEYS = List.of("base", "recipes", "seeds", "folds", "epoch_copies");

    public static final List<String> ALL_RECIPES = List.of("none", "noise", "pitch", "stretch", "shift",
            "all-but-noise", "all-but-pitch", "all-but-stretch", "all-but-shift", "public-4", "all");

    /**
     * One ablation: its conditions (recipe name → experiment) under one protocol, the seeds compared and the number
     * of folds (the first {@code folds} of the protocol; ≤ 0: all).
     */
    public record Design(String name, Protocol protocol, List<Condition> conditions, List<Long> seeds, int folds, int epochCopies)
            implements org.emoaugnet.design.Design {
        @Override
        public String describe() { return "the ablation " + name + " (" + conditions.size() + " recipes, " + protocol + ")"; }

        /**
         * Every run of every condition, seed-major: every recipe and fold of the first seed before the second, so that an
         * interrupted ablation leaves whole seeds.
         */
        @Override
        public List<PlannedRun> plan(CorpusSource corpora) throws IOException {
            List<PlannedRun> out = new ArrayList<>();
            for (Condition c : conditions) out.addAll(c.config().plan(corpora));
            out.sort(java.util.Comparator.comparingLong(p -> p.spec().seed()));
            return out;
        }

        /** Whether every condition takes the same number of optimiser steps per epoch ({@link TrainConfig#epochCopies}). */
        public boolean matchedSteps() { return epochCopies > 0; }

        /** The design for a reader: protocol, seeds, folds, epoch size, and one row per recipe with its experiment. */
        public tech.tablesaw.api.Table overview() {
            String how = protocol == Protocol.PAPER_STYLE ? "one random 80/20 row split per seed"
                    : (reference().config().folds() <= 0 ? "all" : String.valueOf(reference().config().folds())) + " folds";
            String steps = matchedSteps() ? "optimiser steps matched (" + epochCopies + " samples per training recording per epoch)"
                    : "one pass over each recipe's rows per epoch";
            var recipe = tech.tablesaw.api.StringColumn.create("recipe");
            var experiment = tech.tablesaw.api.StringColumn.create(ResultColumns.EXPERIMENT);
            var copies = tech.tablesaw.api.StringColumn.create("copies");
            for (Condition c : conditions) {
                recipe.append(c.recipe());
                experiment.append(c.config().name());
                copies.append(c.config().recipe().key());
            }
            return tech.tablesaw.api.Table.create(name + ": " + protocol + (protocol.leaks() ? " (leaks)" : "") + ", training seeds " + seeds
                    + ", " + how + ", " + steps, recipe, experiment, copies);
        }

        public Condition reference() {
            return conditions.stream().filter(c -> c.recipe().equals(REFERENCE)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + ": no '" + REFERENCE + "' condition"));
        }
    }

    public record Condition(String recipe, ExperimentConfig config) {}

    private Ablation() {}

    public static List<Design> designs(String corpus, Settings s) throws IOException {
        Path dir = s.projectRoot().resolve("experiments").resolve(corpus).resolve("ablation");
        List<Design> out = new ArrayList<>();
        if (!s.quick() && Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".properties")).sorted().toList()) out.add(load(f));
            }
            return out;
        }
        for (ExperimentConfig base : Study.configs(corpus, s)) {
            if (!base.activation().equals("relu")) continue;
            List<String> recipes = base.protocol() == Protocol.PAPER_STYLE
                    ? (s.quick() ? List.of("none", "public-4") : List.of("none", "public-4", "all"))
                    : (s.quick() ? List.of("none", "pitch", "public-4") : DEFAULT_RECIPES);
            out.add(design(base.protocol().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), base, recipes, base.seeds(), base.folds(), 0));
        }
        return out;
    }

    /**
     * The design of {@code file}, every value checked before anything runs: the base experiment file (relative to the
     * design; it is checked as every experiment file is), the recipes (known names including {@value #REFERENCE}, none
     * twice), the seeds (distinct integers ≥ 0), the folds (up to the base protocol's) and {@code epoch_copies}
     * ({@link TrainConfig#EPOCH_COPIES}).
     *
     * @throws org.emoaugnet.util.KnownKeys.UnknownKeyException when the design or its base experiment file holds an
     *         unknown key (the message names the file)
     * @throws ConfigurationException when a file is missing or a value is missing, malformed, out of range or unknown
     *         (the message names the file, the key, the value and what is allowed)
     */
    public static Design load(Path file) {
        Properties p = ExperimentConfigs.read(file, "ablation design");
        org.emoaugnet.util.KnownKeys.check(file.toString(), p.stringPropertyNames().stream().sorted().toList(), KEYS, "key", "");
        ConfigValues v = new ConfigValues(file.toString(), p);
        String baseName = v.required("base", "the experiment file every condition starts from");
        Path baseFile = ExperimentConfigs.parentOf(file).resolve(baseName).normalize();
        if (!Files.isRegularFile(baseFile)) throw v.error("base", "an experiment file, relative to this design (" + baseFile + " does not exist)");
        ExperimentConfig base = ExperimentConfigs.load(baseFile);
        List<String> recipes = v.choices("recipes", Recipe.named().keySet(), ALL_RECIPES);
        if (!recipes.contains(REFERENCE)) throw v.error("recipes", "a list that includes '" + REFERENCE + "' (the reference every recipe is compared with)");
        List<Long> seeds = ExperimentConfigs.seeds(v, Defaults.SEEDS);
        int folds = ExperimentConfigs.folds(v, base.protocol(), base.split(), base.corpus(), base.folds());
        int epochCopies = v.integer("epoch_copies", TrainConfig.EPOCH_COPIES, 0);   // 0: one pass over each recipe's rows (TrainConfig's own default)
        try {
            return design(file.getFileName().toString().replace(".properties", ""), base, recipes, seeds, folds, epochCopies);
        } catch (IllegalArgumentException e) {   // a combination the design refuses
            throw new ConfigurationException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The design's conditions. With {@code epochCopies > 0} every condition trains on epochs of that many samples per
     * training recording (matched optimiser steps) and runs as {@code <base>-steps<k>-aug-<recipe>}, the base's own
     * recipe included; otherwise each condition makes one pass over its own rows per epoch and the base's recipe reuses
     * the base's runs.
     */
    static Design design(String name, ExperimentConfig base, List<String> recipes, List<Long> seeds, int folds, int epochCopies) {
        if (!recipes.contains(REFERENCE)) throw new IllegalArgumentException("the recipes must include '" + REFERENCE + "' (the reference)");
        List<Condition> conditions = new ArrayList<>();
        for (String r : recipes) {
            Recipe recipe = Recipe.named().get(r);
            if (recipe == null) throw new IllegalArgumentException("unknown recipe '" + r + "' (known: " + Recipe.named().keySet() + ")");
            String runName = epochCopies > 0 ? base.name() + "-steps" + epochCopies + "-aug-" + r
                    : recipe.name().equals(base.recipe().name()) ? base.name() : base.name() + "-aug-" + r;
            conditions.add(new Condition(r, new ExperimentConfig(runName, base.corpus(), base.classSet(), base.protocol(), base.features(),
                    base.layout(), recipe, base.model(), base.activation(), base.train().withEpochCopies(epochCopies), seeds, folds, base.split(), base.normalisation())));
        }
        return new Design(name, base.protocol(), List.copyOf(conditions), List.copyOf(seeds), folds, epochCopies);
    }
}
