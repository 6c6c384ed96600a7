package org.emoaugnet.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.data.Corpus;
import org.emoaugnet.data.loaders.Corpora;
import org.emoaugnet.design.CrossCorpusStudy;
import org.emoaugnet.run.CorpusSource;
import org.emoaugnet.run.EngineTags;
import org.emoaugnet.run.EvaluationMigration;
import org.emoaugnet.run.NumericKernels;
import org.emoaugnet.run.RecordCheck;
import org.emoaugnet.run.RecordImport;
import org.emoaugnet.run.RecordMigration;
import org.emoaugnet.run.RecordUpgrade;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.RunSpec;
import org.emoaugnet.run.SpecJobs;
import org.emoaugnet.run.SplitDerivation;
import org.emoaugnet.run.VerifySample;
import org.emoaugnet.util.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emoaug records verify|check|migrate}: the run records as evidence. */
@Command(name = "records", description = "the run records as evidence: verify, check, import, migrate",
        subcommands = {RecordsCommands.Verify.class, RecordsCommands.Check.class, RecordsCommands.Import.class, RecordsCommands.Migrate.class})
final class RecordsCommands {
    /** {@code --runs}: where the records are. */
    static final class RunsOption {
        @Option(names = "--runs", paramLabel = "DIR", description = "the runs folder (default: <results>/runs)")
        Path runs;
    }

    @Command(name = "verify", description = "re-run recorded runs (<experiment>/<run> under the runs folder, or --sample N of them drawn at random) from "
            + "their specs with the current code into the scratch folder and compare spec hash and predictions (exit code 3 when any differs; 4 when, "
            + "and none differs, one cannot be verified here: its recorded numeric kernels cannot run on this machine, or another engine made it, "
            + "whose git tag is named with the command that re-makes it there); each under the record's own numeric-kernel settings (in a child "
            + "JVM where this one's differ)")
    static final class Verify implements CommandAction {
        @Parameters(arity = "0..*", paramLabel = "RUN", description = "<experiment>/<run> under the runs folder")
        List<String> runs = new ArrayList<>();

        @Option(names = "--sample", paramLabel = "N", description = "verify N runs drawn at random among the records of this checkout's engine, at "
                + "least one of every notebook and of the ledger (which runs each used: the MANIFEST.json beside the runs folder); the draw "
                + "(seed and run folders) is printed before anything is verified")
        Integer sample;

        @Option(names = "--sample-seed", paramLabel = "S", description = "the seed of --sample's draw (default: a new one, printed, so that the draw "
                + "can be repeated; --seed is the settings' master seed, which generates the synthetic corpora)")
        Long sampleSeed;

        @Option(names = "--draw-only", description = "with --sample: print the draw and verify nothing (exit code 4 when a notebook has no record of "
                + "this checkout's engine)")
        boolean drawOnly;

        @Option(names = "--scratch", paramLabel = "DIR", description = "where the runs are computed again (default: <project>/build/verify)")
        Path scratch;

        @Mixin RunsOption runsOption;
        @Mixin SettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Settings s = settings.settings();
            Path root = SettingsOptions.runsRoot(runsOption.runs, s), work = scratch != null ? scratch : s.projectRoot().resolve("build/verify");
            PrintStream out = Main.out(spec);
            if (sample == null && runs.isEmpty()) throw new UsageException("records verify: name the runs (<experiment>/<run>) or draw them with --sample N");
            if (sample != null && !runs.isEmpty()) throw new UsageException("records verify: name the runs or draw them with --sample N, not both");
            if (sample == null && (sampleSeed != null || drawOnly)) throw new UsageException("records verify: --sample-seed and --draw-only go with --sample N");
            List<String> todo = runs;
            int uncovered = 0;
            if (sample != null) {
                long sd = sampleSeed != null ? sampleSeed : new java.security.SecureRandom().nextInt(Integer.MAX_VALUE);
                VerifySample.Draw draw;
                try {
                    draw = VerifySample.draw(root, root.toAbsolutePath().normalize().getParent(), sample, sd);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("records verify: " + e.getMessage());
                }
                out.print(draw.text());
                if (sampleSeed == null) out.println("(a new seed: --sample-seed " + sd + " draws the same runs again)");
                uncovered = draw.uncovered().size();
                if (drawOnly) return uncovered == 0 && !draw.runs().isEmpty() ? ExitCode.OK : ExitCode.NOT_VERIFIABLE;
                if (draw.runs().isEmpty()) {
                    out.println("nothing verified: no record under " + root + " is of this checkout's engine (" + EngineTags.describe(RunSpec.Engine.current()) + ")");
                    return ExitCode.NOT_VERIFIABLE;
                }
                todo = draw.runs();
            }
            for (String r : todo)
                if (!RunRecord.finished(root.resolve(r))) throw new FileNotFoundException(root.resolve(r) + ": no finished run there (no run record)");
            boolean child = System.getenv(ChildVerification.CHILD) != null;
            // a record of another engine is not re-made here: said at once, with the tag and command that re-make it
            // there; each other record is verified under its own numeric-kernel settings: here when this process has
            // them, else in a child JVM that has them (OpenBLAS and oneDNN read them from the environment when they load)
            var machine = NumericKernels.Machine.current();
            Map<String, NumericKernels.Plan> plans = new LinkedHashMap<>();
            int otherEngine = 0;
            for (String r : todo) {
                RunRecord rec = RunRecord.read(root.resolve(r));
                if (!rec.spec().engine().isCurrent()) {
                    out.println(EngineTags.notHere(r, rec.spec().engine(), rec.provenance().gitCommit(), root));
                    otherEngine++;
                    continue;
                }
                var prov = rec.provenance();
                var plan = NumericKernels.plan(prov.environment(), prov.kernels(), System.getenv(), machine);
                if (!plan.inProcess() && plan.refusal().isEmpty() && child)
                    throw new IllegalStateException("records verify: the child JVM for " + r + " still lacks the record's numeric-kernel settings ("
                            + plan.describe() + ")");
                plans.put(r, plan);
            }
            var corpora = CorpusSource.of(s);   // opened as the runs need them
            // expected: runs with the same spec and other predictions whose records' convolutions ran on another instruction set
            int differ = 0, refused = 0, expected = 0, specDiffers = 0;
            for (var e : plans.entrySet()) {
                String r = e.getKey();
                var plan = e.getValue();
                plan.notes().forEach(n -> out.println(r + ": note: " + n));
                if (plan.refusal().isPresent()) {
                    out.println(r + ": not verifiable on this machine: " + plan.refusal().get());
                    refused++;
                } else if (!plan.inProcess()) {
                    out.println(r + ": verifying in a child JVM with the record's numeric-kernel settings (" + plan.describe() + ")");
                    ChildVerification.Result rc;
                    try {
                        rc = ChildVerification.run(r, root, work, s, plan, out);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while verifying " + r + " in a child JVM", ie);
                    }
                    if (rc.exitCode() == ExitCode.MISMATCH.code()) {
                        differ++;
                        if (rc.sameSpecOtherPredictions() && plan.otherConvolutionKernels()) expected++;
                    } else if (rc.exitCode() == ExitCode.NOT_VERIFIABLE.code()) refused++;
                    else if (rc.exitCode() != ExitCode.OK.code())
                        throw new IOException("the child JVM verifying " + r + " failed with exit code " + rc.exitCode() + " (its errors are above)");
                } else {
                    var v = SpecJobs.verify(root.resolve(r), corpora, SettingsOptions.cache(s), work);
                    out.println(v.text());
                    if (!v.reproduced()) {
                        differ++;
                        if (!v.sameSpec()) specDiffers++;
                        if (v.sameSpec() && plan.otherConvolutionKernels()) expected++;
                    }
                }
            }
            ExitCode code = differ > 0 ? ExitCode.MISMATCH : refused + otherEngine + uncovered > 0 ? ExitCode.NOT_VERIFIABLE : ExitCode.OK;
            if (child) {   // the parent prints the summary
                if (differ > 0 && specDiffers == 0) out.println(ChildVerification.SAME_SPEC_OTHER_PREDICTIONS);
                return code;
            }
            out.println(summary(todo.size(), differ, expected, refused, otherEngine, uncovered));
            return code;
        }

        /** The last line: what was reproduced, what differed and what could not be verified here, and why. */
        static String summary(int runs, int differ, int expected, int refused, int otherEngine, int uncovered) {
            if (differ == 0 && refused == 0 && otherEngine == 0)
                return "every run reproduced exactly"
                        + (uncovered > 0 ? "; " + uncovered + " notebook(s) without a record of this engine were not sampled (named above)" : "");
            List<String> parts = new ArrayList<>();
            if (differ > 0)
                parts.add(differ + " of " + runs + " run(s) not reproduced" + (expected > 0 ? " (" + expected + " of them expected on this CPU: their "
                        + "records' convolutions ran oneDNN on another instruction set, see the notes above)" : ""));
            else parts.add((runs - refused - otherEngine) + " of " + runs + " run(s) reproduced exactly");
            if (refused > 0) parts.add(refused + " not verifiable on this machine");
            if (otherEngine > 0) parts.add(otherEngine + " made by another engine, not re-made here (each line above names the git tag and the command that re-make it)");
            if (uncovered > 0) parts.add(uncovered + " notebook(s) without a record of this engine not sampled (named above)");
            return String.join(", ", parts);
        }
    }

    @Command(name = "check", description = "check every run record under the runs folder without training: the record's checksum, the SHA-256 of every "
            + "file of the run, every test.* value and interval recomputed from predictions.csv, confusion.csv, the test row "
            + "count and history.csv; lists every problem naming the file (exit code 3 when any)")
    static final class Check implements CommandAction {
        @Mixin RunsOption runsOption;
        @Mixin SettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Path root = SettingsOptions.runsRoot(runsOption.runs, settings.settings());
            List<Path> runs = RunRecord.folders(root);
            if (runs.isEmpty()) throw new FileNotFoundException(root + ": no run records there");
            PrintStream out = Main.out(spec);
            int bad = 0;
            for (Path r : runs) {
                List<String> problems = RecordCheck.full(r);
                if (!problems.isEmpty()) bad++;
                problems.forEach(out::println);
            }
            out.println(bad == 0 ? runs.size() + " run record(s) checked under " + root + ": every file hashes to its record and every test metric is what its "
                    + "predictions give" : bad + " of " + runs.size() + " run record(s) under " + root + " do not check out (above)");
            return bad == 0 ? ExitCode.OK : ExitCode.MISMATCH;
        }
    }

    @Command(name = "import", description = "bring the finished runs of another runs folder (a study trained in the background into its own folder) "
            + "into the runs folder: every record checked in full and every target absent or holding the same record before anything is copied "
            + "(exit code 3, naming each problem, otherwise); each run's record and files (never model/) moved into place in one step")
    static final class Import implements CommandAction {
        @Option(names = "--from", required = true, paramLabel = "DIR", description = "the runs folder to import from (<experiment>/<run>/record.properties under it)")
        Path from;

        @Mixin RunsOption runsOption;
        @Mixin SettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Path source = InputFiles.folder(from, "runs folder to import from");
            Path root = SettingsOptions.runsRoot(runsOption.runs, settings.settings());
            PrintStream out = Main.out(spec);
            RecordImport.Outcome o;
            try {
                o = RecordImport.into(source, root);
            } catch (RecordImport.Refused e) {   // the finding of this command, not a failure: said, with its exit code
                out.println(e.getMessage());
                return ExitCode.MISMATCH;
            }
            o.imported().forEach(r -> out.println("imported " + r));
            out.println(o.imported().size() + " run(s) imported into " + root + "; " + o.alreadyThere().size() + " already there with the same record");
            return ExitCode.OK;
        }
    }

    @Command(name = "migrate", description = "convert run records of older formats to the current one, keeping every recorded value: format 1 to the typed "
            + "format (the old file stays as record-v1.properties; the data manifest is verified against the corpora under "
            + "the data folder by recording names, then content-hashed, or marked unknown, always for generated corpora); "
            + "format 2 gains every file's SHA-256 and the split's fold set and speakers, re-derived from the corpora and "
            + "checked against the run's predictions (a record that does not check out is left as it is, exit code 2)")
    static final class Migrate implements CommandAction {
        @Option(names = "--redo", description = "convert earlier migrated records again from record-v1.properties")
        boolean redo;

        @Mixin RunsOption runsOption;
        @Mixin SettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            Settings s = settings.settings();
            Path root = SettingsOptions.runsRoot(runsOption.runs, s);
            PrintStream out = Main.out(spec);
            Map<String, Corpus> found = corporaByName(s);
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            var sum = RecordMigration.migrate(root, found::get, today, out, redo);
            out.printf("%d record(s) migrated (data manifest verified for %d, unknown for %d), %d already current%n", sum.migrated(), sum.dataVerified(),
                    sum.dataUnknown(), sum.alreadyCurrent());
            var up = RecordUpgrade.upgrade(root, SplitDerivation.of(found::get), today, out);
            var ev = EvaluationMigration.migrate(root, today, out);
            out.printf("%d robustness evaluation(s) migrated into evaluation records, %d there already%n", ev.migrated(), ev.alreadyThere());
            out.printf("%d record(s) upgraded to %s (every file's SHA-256, the split's fold set and speakers), %d already current%n", up.upgraded(),
                    RunRecord.FORMAT, up.alreadyCurrent());
            up.problems().forEach(p -> out.println("not upgraded: " + p));
            return up.problems().isEmpty() ? ExitCode.OK : ExitCode.INPUT;
        }

        /** The configured corpora and the synthetic ones (as the cross-corpus study makes them), by name. */
        private static Map<String, Corpus> corporaByName(Settings s) throws IOException {
            Map<String, Corpus> found = new HashMap<>();
            if (s.data().isPresent()) for (var r : Corpora.open(s)) found.put(r.corpus().name(), r.corpus());
            for (var c : CrossCorpusStudy.corpora(Settings.resolve(Map.of("EMOAUG_HOME", s.projectRoot().toString(),
                    "EMOAUG_CACHE", s.cache().toString()), Map.of()))) found.putIfAbsent(c.name(), c);
            return found;
        }
    }
}
