package org.emoaugnet.design;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.PlannedRun;
import tech.tablesaw.api.Table;

/**
 * The paper's two questions asked again at the strong model of notebook 06: does ReLU beat ELU, and does the paper's
 * augmentation beat none? The strong model is the configuration a search chose by pooling validation scores over
 * every fold ({@link ModelSearch#pooledChoice}), so everything here is labelled as resting on the pooled choice; it is
 * run on the search's folds with fixed seeds, changing one thing at a time: its activation (ReLU ↔ ELU), and its
 * waveform augmentation ({@link #RECIPES}: none, the public pipeline's public-4 and the paper's combined recipe with
 * all four augmentations). "None" means no waveform augmentation; the model's own regularisation (masks, label
 * smoothing, mixup) is kept in every arm. Unit of the tests: the fold (each fold's runs averaged over the seeds).
 *
 * @param search      the search whose pooled choice this is
 * @param strong      the pooled choice with the questions' seeds (same experiment name, so its runs are reused)
 * @param elu         the strong model with the other activation
 * @param recipes     recipe name → the strong model with that waveform augmentation (the strong model itself for its own recipe)
 */
public record StrongModelQuestions(String search, ExperimentConfig strong, ExperimentConfig elu, Map<String, ExperimentConfig> recipes) implements Design {
    public StrongModelQuestions {
        recipes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(recipes));
    }

    /** The augmentation arms, the first the reference. */
    public static final List<String> RECIPES = List.of("none", "public-4", "all");

    /** The questions at {@code chosen} (a search's pooled choice), run with {@code seeds}. */
    public static StrongModelQuestions of(String search, ExperimentConfig chosen, List<Long> seeds) {
        ExperimentConfig strong = copy(chosen, chosen.name(), chosen.recipe(), chosen.activation(), seeds);
        String other = chosen.activation().equals("relu") ? "elu" : "relu";
        ExperimentConfig elu = copy(chosen, chosen.name() + "-" + other, chosen.recipe(), other, seeds);
        Map<String, ExperimentConfig> recipes = new LinkedHashMap<>();
        for (String r : RECIPES)
            recipes.put(r, r.equals(chosen.recipe().name()) ? strong : copy(chosen, chosen.name() + "-aug-" + r, Recipe.named().get(r), chosen.activation(), seeds));
        return new StrongModelQuestions(search, strong, elu, recipes);
    }

    private static ExperimentConfig copy(ExperimentConfig c, String name, Recipe recipe, String activation, List<Long> seeds) {
        return new ExperimentConfig(name, c.corpus(), c.classSet(), c.protocol(), c.features(), c.layout(), recipe, c.model(), activation, c.train(),
                seeds, c.folds(), c.split(), c.normalisation());
    }

    /** Every experiment of the questions, each once (the strong model is both an activation and a recipe arm). */
    public List<ExperimentConfig> experiments() {
        Map<String, ExperimentConfig> out = new LinkedHashMap<>();
        out.put(strong.name(), strong);
        out.put(elu.name(), elu);
        for (ExperimentConfig c : recipes.values()) out.putIfAbsent(c.name(), c);
        return List.copyOf(out.values());
    }

    @Override
    public String describe() {
        return "the paper's questions at " + search + "'s pooled choice " + strong.name() + ": " + experiments().size() + " experiments × seeds " + strong.seeds();
    }

    @Override
    public List<PlannedRun> plan(CorpusSource corpora) throws IOException {
        Map<String, PlannedRun> out = new LinkedHashMap<>();
        for (ExperimentConfig c : experiments())
            for (PlannedRun r : c.plan(corpora)) out.putIfAbsent(ModelSearch.key(r), r);
        return List.copyOf(out.values());
    }

    /** ReLU − ELU at the strong model (one comparison; paired by fold and seed), UA; no row before both sides have runs. */
    public Table activation(Path runsRoot) throws IOException {
        ExperimentConfig relu = strong.activation().equals("relu") ? strong : elu, other = relu == strong ? elu : strong;
        Map<String, Comparison> cmp = new LinkedHashMap<>();
        List<Path> a = StudyTables.runs(relu, runsRoot), b = StudyTables.runs(other, runsRoot);
        if (!a.isEmpty() && !b.isEmpty()) cmp.put(strong.model() + " (" + search + ", pooled choice)", Comparison.of(a, b, "UA"));
        return org.emoaugnet.util.Lineage.tag(StudyReport.comparisonTable("ReLU − ELU at the strong model, UA", cmp), StudyReport.lineage(concat(a, b)));
    }

    /** Each augmentation recipe − none at the strong model, one family (Holm over the recipes), UA. */
    public Table augmentation(Path runsRoot) throws IOException {
        List<Path> none = StudyTables.runs(recipes.get("none"), runsRoot), used = new ArrayList<>(none);
        Map<String, Comparison> cmp = new LinkedHashMap<>();
        for (var e : recipes.entrySet()) {
            if (e.getKey().equals("none")) continue;
            List<Path> r = StudyTables.runs(e.getValue(), runsRoot);
            if (r.isEmpty() || none.isEmpty()) continue;
            used.addAll(r);
            cmp.put(e.getKey() + " − none", Comparison.of(r, none, "UA"));
        }
        return org.emoaugnet.util.Lineage.tag(StudyReport.comparisonTable("Waveform augmentation − none at the strong model, UA", cmp), StudyReport.lineage(used));
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
