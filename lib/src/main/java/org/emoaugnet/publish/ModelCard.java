package org.emoaugnet.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.emoaugnet.design.ExperimentConfig;
import org.emoaugnet.design.NestedSearch;
import org.emoaugnet.eval.Metrics;
import org.emoaugnet.evidence.ResultColumns;
import org.emoaugnet.evidence.StudyReport;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.RunRecord;
import tech.tablesaw.api.Table;

/**
 * The model card of a model exported from a pre-registered plan ({@code emoaug model train --plan}): what the model
 * is and what it was trained on, how its recipe was chosen (outer folds won by inner cross-validation; no test metric
 * read), what to expect on new speakers (the plan's nested result as it stands: UA with both intervals, per-class
 * recall, how many of the plan's final runs it rests on) and its limitations, every figure read from the records.
 */
public final class ModelCard {
    private ModelCard() {}

    /** The card's file in the model folder. */
    public static final String FILE = "MODEL_CARD.md";

    /** The card of the model trained by {@code export} (its run record), the recipe {@code choice} of {@code search}. */
    public static String markdown(NestedSearch search, CorpusSource corpora, NestedSearch.Choice choice, RunRecord export) throws IOException {
        ExperimentConfig c = choice.candidate();
        var spec = export.spec();
        List<Path> finals = search.finishedDirs(search.finalRuns(corpora));
        int planned = search.inner().size() * search.finalSeeds().size();
        StringBuilder b = new StringBuilder();
        b.append("# Model card: ").append(c.name()).append("\n\n");
        b.append("Exported by `emoaug model train --plan` from plan `").append(search.name()).append("` (").append(search.plan().shortHash())
                .append("), `").append(search.plan().dir().getFileName()).append("/plan.md`.\n\n");
        b.append("## The model\n\n");
        b.append(String.format(Locale.ROOT, "- Network `%s` (%s), trained from scratch (no pretrained weights) by this library's fused trainer `%s`.%n",
                spec.model(), spec.activation(), spec.engine().trainer()));
        b.append("- Input: `").append(spec.features()).append("`; normalisation ").append(spec.normalisation()).append(".\n");
        b.append(String.format(Locale.ROOT, "- Training: %d epochs, batch %d, learning rate %s, schedule %s, selection `%s` (the last epoch kept); "
                        + "waveform augmentation `%s`; seed %d.%n", spec.training().epochs(), spec.training().batch(), spec.training().learningRate(),
                spec.training().options().schedule().name().toLowerCase(Locale.ROOT), spec.selection(), spec.recipe(), spec.seed()));
        b.append(String.format(Locale.ROOT, "- Data: %s, %d training rows from %d speakers (every speaker of the corpus; none held out), classes %s.%n",
                spec.corpus(), export.split().rowsTrain(), export.split().sides().train().size(), String.join(", ", export.classes())));
        b.append("- Its own record: `run-record.properties` (spec ").append(export.specSha256(), 0, 12).append(", code ")
                .append(export.provenance().gitCommit().isEmpty() ? "unknown" : export.provenance().gitCommit().substring(0, Math.min(12, export.provenance().gitCommit().length())))
                .append("); it has no test figures, because no speaker was left out.\n\n");
        b.append("## How the recipe was chosen\n\n");
        b.append(String.format(Locale.ROOT, "In each of the plan's %d outer folds, the candidates were scored by %d-fold cross-validation over that fold's "
                        + "training speakers only; `%s` won %d of the %d (mean inner UA over all its inner runs %.1f %%). The plan fixed the rule before its "
                        + "runs: the candidate chosen most often, ties to the higher mean inner score; no test metric is read.%n%n",
                search.inner().size(), search.inner().values().iterator().next().size(), c.name(), choice.foldsWon(), search.inner().size(), 100 * choice.meanInner()));
        b.append("## What to expect on new speakers\n\n");
        if (finals.isEmpty()) b.append("No final run of the plan has finished yet: no expected accuracy can be given.\n\n");
        else {
            Map<String, List<Path>> rows = new LinkedHashMap<>();
            rows.put("nested", finals);
            Table t = StudyReport.tableOf(rows, c.corpus());
            b.append(String.format(Locale.ROOT, "The plan's nested result (each outer fold's own winner, tested on speakers it never trained on; %d of %d "
                            + "final runs%s): UA %s %% (mean over seeds, 95 %% t interval) and %s %% over %d recordings of %d speakers (interval resampling "
                            + "speakers, then recordings). It estimates what this recipe achieves on new speakers of the same corpus; the exported model "
                            + "itself, trained on every speaker, has no held-out figure.%n%n", finals.size(), planned,
                    finals.size() < planned ? ", so the figure is not the plan's headline yet" : "",
                    t.stringColumn(ResultColumns.UA_OVER_SEEDS).get(0), t.stringColumn(ResultColumns.UA_OVER_RECORDINGS).get(0),
                    t.intColumn(ResultColumns.TEST_RECORDINGS).get(0), t.intColumn(ResultColumns.TEST_SPEAKERS).get(0)));
            double[] recall = Metrics.of(StudyReport.pooledConfusion(finals)).recall();
            b.append("| class | recall in the nested result (%) |\n|---|---|\n");
            for (int k = 0; k < export.classes().size(); k++) b.append(String.format(Locale.ROOT, "| %s | %.1f |%n", export.classes().get(k), 100 * recall[k]));
            b.append('\n');
        }
        b.append("## Limitations\n\n");
        b.append("- Trained and evaluated on one corpus, ").append(spec.corpus().equals("ravdess")
                ? "RAVDESS: acted speech of 24 professional North-American English actors reading two fixed sentences" : spec.corpus())
                .append("; notebook 05 shows accuracy falling sharply across corpora, so expect less on other speakers, languages, recording set-ups or spontaneous speech.\n");
        b.append("- Only these ").append(export.classes().size()).append(" classes: ").append(String.join(", ", export.classes()))
                .append("; a recording of any other state is given one of them.\n");
        b.append("- Audio at ").append(org.emoaugnet.features.FeatureSpec.byKey(spec.features()).features().sampleRate()).append(" Hz, mono; the features read a fixed window from the speech onset, so longer "
                + "recordings are judged on that window only.\n");
        b.append("- Speech emotion recognition from acted speech is not a measure of anyone's feelings; do not use it for decisions about people.\n");
        return b.toString();
    }
}
