package org.emoaugnet.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.emoaugnet.run.Defaults;
import org.emoaugnet.run.EngineTags;
import org.emoaugnet.run.RecordFixtures;
import org.emoaugnet.run.RunSpec;
import org.emoaugnet.util.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on picocli: every command answers --help, mistyped names get the nearest known one, each exit code
 * of {@link ExitCode} ends a command it belongs to, and errors name what they are about.
 */
class CommandLineTest {
    @TempDir Path dir;

    @BeforeAll
    static void quiet() { Progress.setQuiet(true); }

    static MainTest.Run debug(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true), new PrintStream(err, true), true);
        return new MainTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandAndGroupAnswersHelpWithItsUsage() {
        List<List<String>> commands = Main.commands();
        for (List<String> expected : List.of(List.of("bench"), List.of("ledger"), List.of("records"), List.of("records", "check"), List.of("records", "migrate"),
                List.of("experiment", "search"), List.of("model", "train"), List.of("predict"), List.of("sweep"), List.of("help")))
            assertTrue(commands.contains(expected), "declared: " + expected + " in " + commands);
        assertTrue(commands.size() >= 33, commands.toString());
        for (List<String> words : commands) {
            List<String> args = new ArrayList<>(words);
            args.add("--help");
            MainTest.Run r = MainTest.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), words + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: emoaug " + String.join(" ", words)), words + ": " + r.out());
            assertEquals("", r.err(), words.toString());
            List<String> viaHelp = new ArrayList<>(List.of("help"));
            viaHelp.addAll(words);
            assertEquals(r.out(), MainTest.run(viaHelp.toArray(String[]::new)).out(), "help " + words + " prints the same usage");
        }
        for (String h : List.of("help", "--help", "-h")) {
            MainTest.Run r = MainTest.run(h);
            assertEquals(0, r.code(), h);
            assertTrue(r.out().contains("experiment run") && r.out().contains("records migrate") && r.out().contains("Exit codes:"), r.out());
        }
        MainTest.Run none = MainTest.run();
        assertEquals(1, none.code(), "no command is bad usage");
        assertTrue(none.out().startsWith("Usage: emoaug"), none.out());
    }

    @Test
    void theHelpShowsTheLibrarysDefaults() {
        MainTest.Run search = MainTest.run("experiment", "search", "--help");
        assertTrue(search.out().contains("(default: " + new SeedList(Defaults.FINAL_SEEDS) + ")") && search.out().contains("(default: 1)"), search.out());
        assertTrue(new SeedList(Defaults.FINAL_SEEDS).toString().equals("1,2,3,4,5"));
        MainTest.Run synth = MainTest.run("synth", "generate", "--help");
        var d = org.emoaugnet.data.synth.SyntheticCorpus.Config.defaults();
        assertTrue(synth.out().contains("(default: " + d.speakers() + ")") && synth.out().contains("(default: " + d.sampleRate() + ")"), synth.out());
        assertTrue(MainTest.run("augment", "--help").out().contains("(default: " + org.emoaugnet.audio.AudioLoader.DEFAULT_RATE + ")"));
    }

    @Test
    void mistypedOptionsAndCommandsNameTheNearestKnownOne() {
        MainTest.Run option = MainTest.run("corpus", "list", "--sead", "3");
        assertEquals(1, option.code());
        assertTrue(option.err().contains("unknown option '--sead' — did you mean '--seed'?"), option.err());
        MainTest.Run required = MainTest.run("synth", "generate", "--otu", dir.resolve("s").toString());
        assertEquals(1, required.code());
        assertTrue(required.err().contains("unknown option '--otu' — did you mean '--out'?") && !required.err().contains("missing --out"),
                "the typo, not the required option it leaves missing: " + required.err());
        MainTest.Run top = MainTest.run("--sead");
        assertTrue(top.err().startsWith("emoaug: unknown option '--sead'"), top.err());
        MainTest.Run command = MainTest.run("expriment", "run");
        assertEquals(1, command.code());
        assertTrue(command.err().contains("unknown command 'expriment' — did you mean 'experiment'?"), command.err());
        MainTest.Run sub = MainTest.run("records", "chek");
        assertEquals(1, sub.code());
        assertTrue(sub.err().contains("unknown command 'records chek' — did you mean 'records check'?"), sub.err());
        MainTest.Run group = MainTest.run("experiment");
        assertEquals(1, group.code());
        assertTrue(group.err().contains("'experiment' needs a command") && group.err().contains("search"), group.err());
        MainTest.Run value = MainTest.run("predict", "--model", dir.toString(), "--format", "xml", "a.wav");
        assertEquals(1, value.code());
        assertTrue(value.err().contains("--format") && value.err().contains("xml") && value.err().contains("json"), value.err());
        MainTest.Run seeds = MainTest.run("experiment", "search", "--candidates", dir.toString(), "--final-seeds", "1,two");
        assertEquals(1, seeds.code());
        assertTrue(seeds.err().contains("seeds are comma-separated integers, got '1,two'"), seeds.err());
    }

    @Test
    void retryFailedIsAnOptionOfTheCommandsThatTrainOnly() {
        Path missing = dir.resolve("none.properties");
        for (String[] cmd : new String[][] {{"experiment", "run", "--config", missing.toString()}, {"model", "train", "--config", missing.toString(), "--out", dir.toString()},
                {"experiment", "ablation", "--design", missing.toString()}, {"experiment", "search", "--candidates", missing.toString()}}) {
            List<String> args = new ArrayList<>(List.of(cmd));
            args.add("--retry-failed");
            MainTest.Run r = MainTest.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), "--retry-failed is accepted, then the missing file is the error: " + r.err());
        }
        for (String c : List.of("study", "cross", "robustness", "strongest"))
            assertTrue(MainTest.run("experiment", c, "--help").out().contains("--retry-failed"), c);
        MainTest.Run list = MainTest.run("corpus", "list", "--retry-failed");
        assertEquals(1, list.code(), "corpus list trains nothing");
    }

    /** 0: the command did what it was asked. */
    @Test
    void exitCode0Ok() throws IOException {
        MainTest.Run r = MainTest.run("synth", "generate", "--out", dir.resolve("s").toString(), "--speakers", "2");
        assertEquals(ExitCode.OK.code(), r.code(), r.err());
    }

    /** 1: usage or configuration, before any work. */
    @Test
    void exitCode1UsageNamesTheValueAndDoesNothing() {
        Path out = dir.resolve("s");
        MainTest.Run r = MainTest.run("synth", "generate", "--out", out.toString(), "--speakers", "1");
        assertEquals(ExitCode.USAGE.code(), r.code());
        assertTrue(r.err().contains("speakers must be in [2, 99]: 1"), r.err());
        assertFalse(Files.exists(out));
    }

    /** 2: a missing configuration file says what is missing (it once printed only the path). */
    @Test
    void exitCode2MissingConfigurationFileSaysSo() {
        Path f = dir.resolve("nonexistent.properties");
        MainTest.Run r = MainTest.run("experiment", "run", "--config", f.toString());
        assertEquals(ExitCode.INPUT.code(), r.code());
        assertTrue(r.err().contains("configuration file " + f + " does not exist"), r.err());
        MainTest.Run design = MainTest.run("experiment", "ablation", "--design", dir.toString());
        assertEquals(ExitCode.INPUT.code(), design.code());
        assertTrue(design.err().contains("ablation design " + dir + " is a folder, not a file"), design.err());
    }

    /** 3: results compare found a difference. */
    @Test
    void exitCode3MismatchAndOneSidedFilesCountedByFolder() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a/t")), b = Files.createDirectories(dir.resolve("b/t"));
        Files.writeString(a.resolve("x.csv"), "k,v\na,1\n");
        Files.writeString(b.resolve("x.csv"), "k,v\na,2\n");
        for (int i = 0; i < 15; i++) Files.writeString(Files.createDirectories(dir.resolve("a/figs")).resolve("f" + i + ".csv"), "k\n" + i + "\n");
        MainTest.Run r = MainTest.run("results", "compare", "--committed", dir.resolve("a").toString(), "--regenerated", dir.resolve("b").toString());
        assertEquals(ExitCode.MISMATCH.code(), r.code(), r.out() + r.err());
        assertTrue(r.out().contains("DIFFERS t/x.csv"), r.out());
        assertTrue(r.out().contains("only committed: 15 files (each listed with --all): figs/ 15"), r.out());
        assertFalse(r.out().contains("only committed: figs/f1.csv"), "not one line per file: " + r.out());
        MainTest.Run all = MainTest.run("results", "compare", "--committed", dir.resolve("a").toString(), "--regenerated", dir.resolve("b").toString(), "--all");
        assertTrue(all.out().contains("only committed: figs/f1.csv"), all.out());
    }

    /**
     * 4: a committed record ran the pinned kernels, which need an x86-64 CPU with AVX2; a JVM that takes itself for an
     * ARM machine ({@code os.arch}) refuses to verify it, before anything is computed. (The record is copied and
     * re-written as made by this checkout's engine, which a record must be for its kernels to be looked at.)
     */
    @Test
    void exitCode4NotVerifiableOnThisMachine() throws Exception {
        Path committed = Path.of(System.getProperty("emoaug.projectRoot")).resolve("results/runs"), runs = dir.resolve("runs");
        String run;
        try (var s = Files.list(committed)) {
            Path exp = s.filter(p -> p.getFileName().toString().startsWith("cross-emodb-2s-to-synthetic")).sorted().findFirst().orElseThrow();
            run = exp.getFileName() + "/seed1";
        }
        RecordFixtures.withEngine(RecordFixtures.copy(committed.resolve(run), runs.resolve(run)), RunSpec.Engine.current());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dos.arch=aarch64",
                "-Demoaug.quiet=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "records", "verify", run, "--runs", runs.toString(),
                "--scratch", dir.resolve("scratch").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCode.NOT_VERIFIABLE.code(), p.waitFor(), out);
        assertTrue(out.contains(run + ": not verifiable on this machine") && out.contains("is not x86-64"), out);
        assertFalse(Files.exists(dir.resolve("scratch")), "nothing computed");
    }

    /**
     * 4 as well: a record another engine made (the fused network's first revision, or a run-spec/1 record, which names
     * no trainer) is not re-made with this checkout's engine; each is named with the git tag {@link EngineTags#FUSED_1}
     * and the commands that re-make it there, and a trainer no tag is defined for with the commit its provenance names.
     * Nothing is computed, and a run of this engine beside them would still be verified.
     */
    @Test
    void exitCode4ARunOfAnotherEngineNamesTheTagThatReMakesIt() throws Exception {
        Path committed = Path.of(System.getProperty("emoaug.projectRoot")).resolve("results/runs"), runs = dir.resolve("runs");
        String fused1 = "synthetic-speaker-independent-compact-relu/fold-1-seed42", v1 = "synthetic-speaker-independent-compact-relu/fold-2-seed42",
                unknown = "synthetic-speaker-independent-compact-relu/fold-3-seed42";
        RecordFixtures.withEngine(RecordFixtures.copy(committed.resolve(fused1), runs.resolve(fused1)), RecordFixtures.oldFused1());
        RecordFixtures.withEngine(RecordFixtures.copy(committed.resolve(v1), runs.resolve(v1)), new RunSpec.Engine("1", null, null));
        RunSpec.Engine other = new RunSpec.Engine(null, RunSpec.Engine.current().network(), "fused-0/loop-9");
        RecordFixtures.withEngine(RecordFixtures.copy(committed.resolve(unknown), runs.resolve(unknown)), other);
        MainTest.Run r = MainTest.run("records", "verify", fused1, v1, unknown, "--runs", runs.toString(), "--scratch", dir.resolve("scratch").toString());
        assertEquals(ExitCode.NOT_VERIFIABLE.code(), r.code(), r.out() + r.err());
        String abs = runs.toAbsolutePath().normalize().toString();
        for (String run : List.of(fused1, v1))
            assertTrue(r.out().contains(run + ": not verifiable here: made by another engine (") && r.out().contains("re-make it at git tag " + EngineTags.FUSED_1
                    + " (commit " + EngineTags.FUSED_1_COMMIT + "): git worktree add ../emoaugnet-" + EngineTags.FUSED_1 + " " + EngineTags.FUSED_1 + " && cd ../emoaugnet-" + EngineTags.FUSED_1
                    + " && environment/emoaug records verify " + run + " --runs " + abs + "\n"), r.out());
        assertTrue(r.out().contains("made by another engine (trainer " + RecordFixtures.oldFused1().trainer() + ", network "), r.out());
        assertTrue(r.out().contains("made by another engine (no trainer recorded (run-spec/1"), r.out());
        assertTrue(r.out().contains(unknown + ": not verifiable here: made by another engine (trainer fused-0/loop-9") && r.out().contains("no tag is defined for it")
                && r.out().contains("provenance.git_commit " + org.emoaugnet.run.RunRecord.read(runs.resolve(unknown)).provenance().gitCommit()), r.out());
        assertTrue(r.out().contains("3 made by another engine, not re-made here"), r.out());
        assertFalse(Files.exists(dir.resolve("scratch")), "nothing computed");
        assertEquals(java.util.Optional.of(EngineTags.FUSED_1), EngineTags.of(new RunSpec.Engine(null, "2", RecordFixtures.oldFused1().trainer())));
        if (!"fused-1/loop-2".equals(org.emoaugnet.model.Trainer.ENGINE))
            assertEquals(java.util.Optional.of(EngineTags.FUSED_1), EngineTags.of(new RunSpec.Engine("1", "2", "fused-1/loop-2")), "the committed records' trainer");
        assertEquals(java.util.Optional.empty(), EngineTags.of(RunSpec.Engine.current()), "this checkout's engine is re-made here");
        assertEquals(java.util.Optional.empty(), EngineTags.of(new RunSpec.Engine(null, "2", "fused-10/loop-2")), "a prefix is a whole revision");
    }

    /** 5: a run that failed; the runner's failure is mapped to it (RunnerMessagesTest shows that runAll throws it). */
    @Test
    void exitCode5RunFailed() {
        assertEquals(ExitCode.RUN_FAILED, ExitCode.of(org.emoaugnet.run.RunFailedException.unrecorded("e/fold-1-seed1", "abc", new IllegalStateException("x"))));
        assertEquals(ExitCode.USAGE, ExitCode.of(new UsageException("x")));
        assertEquals(ExitCode.INPUT, ExitCode.of(new java.nio.file.NoSuchFileException("x")));
        assertEquals(5, ExitCode.RUN_FAILED.code());
    }

    @Test
    void debugPrintsTheStackTraceOfAnyError() {
        Path f = dir.resolve("nonexistent.properties");
        MainTest.Run quiet = MainTest.run("experiment", "run", "--config", f.toString());
        assertFalse(quiet.err().contains("\tat org.emoaugnet"), quiet.err());
        MainTest.Run input = debug("experiment", "run", "--config", f.toString());
        assertEquals(2, input.code());
        assertTrue(input.err().contains("does not exist") && input.err().contains("\tat org.emoaugnet.cli.InputFiles.file"), input.err());
        MainTest.Run usage = debug("corpus", "list", "--sead", "3");
        assertEquals(1, usage.code());
        assertTrue(usage.err().contains("did you mean '--seed'") && usage.err().contains("\tat picocli.CommandLine"), usage.err());
    }
}
