package org.emoaugnet.design;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.augment.Recipe;
import org.emoaugnet.evidence.Comparison;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.PlannedRun;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The paper's two questions asked again in notebook 06 at a search's pooled choice: does ReLU beat ELU, and does the
 * paper's augmentation beat none? The pooled choice ({@code strong}) is the configuration a search chose by pooling
 * validation scores over every fold ({@link ModelSearch#pooledChoice}), whichever network that is (on RAVDESS, at
 * round 1, the baseline's compact network), so everything here is labelled as resting on the pooled choice and names
 * its network ({@link ResultColumns#MODEL} in each table); it is
 * run on the search's folds with fixed seeds, changing one thing at a time: its activation (ReLU ↔ ELU), and its
 * waveform augmentation ({@link #RECIPES}: none, the public pipeline's public-4 and the paper's combined recipe with
 * all four augmentations). "None" means no waveform augmentation; the model's own regularisation (masks, label
 * smoothing, mixup) is kept in every arm. Unit of the tests: the fold (each fold's runs averaged over the seeds).
 *
 * @param search      the search whose pooled choice this is
 * @param strong      the pooled choice with the questions' seeds (same experiment name, so its runs are reused)
 * @param elu         the pooled choice with the other activation
 * @param recipes     recipe name → the pooled choice with that waveform augmentation (the pooled choice itself for its own recipe)
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

    /** Every experiment of the questions, each once (the pooled choice is both an activation and a recipe arm). */
    public List<ExperimentConfig> experiments() {
        Map<String, ExperimentConfig> out = new LinkedHashMap<>();
        out.put(strong.name(), strong);
        out.put(elu.name(), elu);
        for (ExperimentConfig c : recipes.values()) out.putIfAbsent(c.name(), c);
        return List.copyOf(out.values());
    }

    @Override
    public String describe() {
        return "the paper's questions at " + search + "'s pooled choice " + strong.name() + " (" + strong.model() + "): " + experiments().size()
                + " experiments × seeds " + strong.seeds();
    }

    @Override
    public List<PlannedRun> plan(CorpusSource corpora) throws IOException {
        Map<String, PlannedRun> out = new LinkedHashMap<>();
        for (ExperimentConfig c : experiments())
            for (PlannedRun r : c.plan(corpora)) out.putIfAbsent(ModelSearch.key(r), r);
        return List.copyOf(out.values());
    }

    /** ReLU − ELU at the pooled choice (one comparison; paired by fold and seed), UA, with its network; no row before both sides have runs. */
    public Table activation(Path runsRoot) throws IOException {
        ExperimentConfig relu = strong.activation().equals("relu") ? strong : elu, other = relu == strong ? elu : strong;
        Map<String, Comparison> cmp = new LinkedHashMap<>();
        List<Path> a = StudyTables.runs(relu, runsRoot), b = StudyTables.runs(other, runsRoot);
        if (!a.isEmpty() && !b.isEmpty()) cmp.put(strong.model() + " (" + search + ", pooled choice)", Comparison.of(a, b, "UA"));
        return org.emoaugnet.util.Lineage.tag(withNetwork(StudyReport.comparisonTable("ReLU − ELU at " + at() + ", UA", cmp)), StudyReport.lineage(concat(a, b)));
    }

    /** Each augmentation recipe − none at the pooled choice, one family (Holm over the recipes), UA, with its network. */
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
        return org.emoaugnet.util.Lineage.tag(withNetwork(StudyReport.comparisonTable("Waveform augmentation − none at " + at() + ", UA", cmp)),
                StudyReport.lineage(used));
    }

    /** Where the questions are asked, for the tables' titles: {@code ravdess-search's pooled choice (compact-cnn-lstm)}. */
    private String at() { return search + "'s pooled choice (" + strong.model() + ")"; }

    /** {@code t} with the pooled choice's network beside each comparison ({@link ResultColumns#MODEL}), which the README's headings read. */
    private Table withNetwork(Table t) {
        StringColumn model = StringColumn.create(ResultColumns.MODEL);
        for (int i = 0; i < t.rowCount(); i++) model.append(strong.model());
        t.insertColumn(1, model);
        return t;
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
