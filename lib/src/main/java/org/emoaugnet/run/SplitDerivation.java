package org.emoaugnet.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.emoaugnet.data.ClassSet;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.Utterance;

/**
 * The sides of a recorded run's split ({@link SplitSides}) re-derived from its spec and the corpora, without
 * features or training: the same fold code the runner ran ({@link ExperimentRunner#folds},
 * {@link ExperimentRunner#paperStyleRows}, {@link CrossCorpus#fold}), so a record written before the runner named its
 * sides can name them ({@code emoaug records migrate}). The derivation is checked against the run's own
 * {@code predictions.csv}: its test items must belong to exactly the derived test speakers.
 */
public final class SplitDerivation {
    private final Source corpora;
    private final FoldMemo folds = new FoldMemo();

    /** The corpora by name ({@link CorpusSource#corpus}); a corpus that is not available is an error naming it. */
    @FunctionalInterface
    public interface Source {
        Corpus corpus(String name) throws IOException;
    }

    public SplitDerivation(Source corpora) { this.corpora = corpora; }

    /** A derivation from the corpora of {@code byName}, which answers null for a corpus it does not have. */
    public static SplitDerivation of(java.util.function.Function<String, Corpus> byName) {
        return new SplitDerivation(name -> {
            Corpus c = byName.apply(name);
            if (c == null) throw new IOException("corpus '" + name + "' is not available here: the split's sides are derived from its recordings (--data DIR)");
            return c;
        });
    }

    /** The sides of the run of {@code spec} (an evaluation's are those of the run it evaluates). */
    public SplitSides sides(RunSpec spec) throws IOException {
        if (spec.evaluates()) return sides(spec.source());
        SpecJobs.Parts parts = SpecJobs.Parts.of(spec);   // the spec's keys, resolved in the one place that does
        ClassSet cs = parts.classSet();
        String foldSet = SplitSides.foldSetOf(spec);
        if (spec instanceof RunSpec.Across) {
            List<Utterance> xs = cs.apply(corpora.corpus(spec.corpus())).utterances(), ys = cs.apply(corpora.corpus(spec.testCorpus())).utterances();
            return SplitSides.ofFold(foldSet, CrossCorpus.fold(spec.corpus() + "->" + spec.testCorpus(), spec, cs, xs, ys), true);
        }
        Corpus kept = cs.apply(corpora.corpus(spec.corpus()));
        if (spec.protocol() == Protocol.PAPER_STYLE) {   // rows are recording-major, one per augmented copy (FeatureExtraction)
            int copies = parts.recipe().size();
            List<Utterance> us = kept.utterances();
            ExperimentRunner.PaperStyleRows rows = ExperimentRunner.paperStyleRows(us.size() * copies, spec.split(), spec.seed());
            return new SplitSides(foldSet, speakers(us, rows.train(), copies), speakers(us, rows.validation(), copies), speakers(us, rows.split().test(), copies));
        }
        return SplitSides.ofFold(foldSet, folds.of(spec, cs, kept), false);
    }

    /**
     * Checks derived sides against a run's predictions: every test item is a recording of a derived test speaker, and
     * every derived test speaker has a test item. Returns the problem, or null when they agree.
     */
    public String agreesWith(SplitSides sides, RunSpec spec, Predictions p) throws IOException {
        RunSpec s = spec.evaluates() ? spec.source() : spec;
        boolean qualified = s.crossCorpus();
        Map<String, String> speakerOf = new LinkedHashMap<>();
        for (String name : s.corpusNames())
            for (Utterance u : corpora.corpus(name).utterances()) speakerOf.put(u.key(), qualified ? u.corpus() + "/" + u.speaker() : u.speaker());
        TreeSet<String> seen = new TreeSet<>();
        for (String item : p.items()) {
            String who = speakerOf.get(item);
            if (who == null) return "test item " + item + " is no recording of " + s.corpus();
            seen.add(who);
        }
        return seen.equals(new TreeSet<>(sides.test())) ? null : "the test items' speakers " + seen + " are not the derived test speakers " + sides.test();
    }

    private static List<String> speakers(List<Utterance> us, List<Integer> rows, int copies) {
        List<String> out = new ArrayList<>();
        for (int i : rows) out.add(us.get(i / copies).speaker());
        return out;
    }
}
