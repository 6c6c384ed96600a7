package org.emoaugnet.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.emoaugnet.design.ExperimentConfig;
import org.emoaugnet.features.FeatureCache;
import org.emoaugnet.model.Predictor;
import org.emoaugnet.model.SavedModel;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.PlannedRun;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.Runner;
import org.emoaugnet.run.SpecJobs;
import org.emoaugnet.util.AtomicFiles;

/**
 * {@code emoaug model train}: one run of an experiment file trained with its network kept and exported as a model
 * folder; {@code emoaug predict}: class probabilities of such a model for audio files.
 */
final class ModelCommands {
    private ModelCommands() {}

    /**
     * Trains (or reads back, when its network was kept) the run of {@code cfg} on {@code fold} with {@code seed} (the
     * experiment's first fold and seed when empty) under {@code runsRoot}, and copies its model folder to {@code out}
     * with the run's record beside it ({@code run-record.properties}: the spec, its hash and the provenance).
     */
    static int train(ExperimentConfig cfg, CorpusSource corpora, FeatureCache cache, Path runsRoot, String fold, Long seed, Path out, PrintStream log)
            throws IOException {
        List<PlannedRun> plan = cfg.plan(corpora);
        PlannedRun chosen = plan.stream()
                .filter(r -> (fold.isEmpty() || r.spec().fold().equals(fold)) && (seed == null || r.spec().seed() == seed))
                .findFirst().orElseThrow(() -> new Main.UsageException("the experiment " + cfg.name() + " plans no run on fold '" + fold + "' with seed " + seed
                        + "; its runs: " + plan.stream().map(PlannedRun::label).toList()));
        PlannedRun kept = new PlannedRun(chosen.experiment(), chosen.spec(), chosen.corpora(), true);
        Runner.Job first = new SpecJobs(cache, runsRoot).job(kept);
        boolean withoutNetwork = RunRecord.finished(first.runDir()) && !Files.isRegularFile(first.runDir().resolve("model").resolve("model.properties"));
        if (withoutNetwork)
            log.println("model train: " + kept.label() + " is finished without its network (a committed or earlier run); training it again into "
                    + runsRoot.resolve(".model-retrain"));
        Runner.Job job = withoutNetwork ? new SpecJobs(cache, runsRoot.resolve(".model-retrain")).job(kept) : first;
        RunRecord rec = Runner.runOrResume(job);
        Path model = job.runDir().resolve("model");
        SavedModel.load(model, null);   // checks what is exported
        Files.createDirectories(out);
        for (String f : List.of("network.zip", "scaler.csv", "model.properties"))
            AtomicFiles.write(out.resolve(f), tmp -> Files.copy(model.resolve(f), tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
        AtomicFiles.write(out.resolve("run-record.properties"), tmp -> Files.copy(job.runDir().resolve(RunRecord.FILE), tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
        log.printf(Locale.ROOT, "model of %s (spec %s): test WA %.1f %%, UA %.1f %% on %s's test speakers; written to %s%n", kept.label(),
                rec.specSha256().substring(0, 12), 100 * rec.test().wa(), 100 * rec.test().ua(), rec.spec().fold(), out);
        return 0;
    }

    /** One line per file: the file, the most probable class, then every class's probability. */
    static int predict(Path modelDir, List<Path> wavs, PrintStream out) throws IOException {
        if (wavs.isEmpty()) throw new Main.UsageException("predict needs one or more audio files");
        Predictor p = new Predictor(SavedModel.load(modelDir, null));
        for (Path wav : wavs) {
            Predictor.Prediction r = p.predict(wav);
            StringBuilder line = new StringBuilder(wav + "\t" + r.best());
            for (int i = 0; i < r.classes().size(); i++) line.append(String.format(Locale.ROOT, "\t%s=%.4f", r.classes().get(i), r.probabilities()[i]));
            out.println(line);
        }
        return 0;
    }
}
