package org.emoaugnet.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.Runner;
import org.emoaugnet.design.Sweep;
import org.emoaugnet.util.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quick synthetic sweeps (the study, a cross-corpus variant) through embedded Spark (local[2]) against the serial runner on the same specs. */
class SparkSweepTest {
    @TempDir Path tmp;

    static Path root() { return Path.of(System.getProperty("emoaug.projectRoot", "../..")).toAbsolutePath().normalize(); }

    /** The quick synthetic study, recorded under {@code runs}, whatever the caller's environment configures. */
    static Sweep quickStudy(Path runs) {
        Path root = root();
        Map<String, String> env = Map.of("EMOAUG_HOME", root.toString(), "EMOAUG_CACHE", root.resolve(".cache").toString());
        return Sweep.study(Settings.resolve(env, Map.of("quick", "true", "data", "", "corpus", "")), runs);
    }

    /** The quick synthetic cross-corpus grid's per-speaker variant (synthetic ↔ synthetic-b), recorded under {@code runs}. */
    static Sweep quickCross(Path runs) {
        Path root = root();
        Map<String, String> env = Map.of("EMOAUG_HOME", root.toString(), "EMOAUG_CACHE", root.resolve(".cache").toString());
        return Sweep.cross(Settings.resolve(env, Map.of("quick", "true", "data", "", "corpus", "")), runs, List.of("per-speaker normalisation"));
    }

    @Test
    void theCrossCorpusGridRunsAsSparkTasksAndEqualsTheSerialRunner() throws Exception {
        Path serialRuns = tmp.resolve("serial-cross"), sparkRuns = tmp.resolve("spark-cross");
        Sweep.Plan plan = quickCross(serialRuns).plan();
        assertInstanceOf(org.emoaugnet.design.CrossCorpusStudy.Grid.class, plan.design());
        assertEquals(List.of("cross-corpus", "cross-corpus"), plan.runs().stream().map(r -> r.spec().kind().key()).toList(),
                "the per-speaker variant has no diagonal: synthetic → synthetic-b and back");
        assertEquals(List.of("PER_SPEAKER", "PER_SPEAKER"), plan.runs().stream().map(r -> r.spec().normalisation()).toList());
        Runner.runAll(plan.jobs(), 1, System.err);

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SparkSweep.Report first = SparkSweep.run(quickCross(sparkRuns), SparkSweep.Options.local(2), new PrintStream(buf, true));
        String text = buf.toString();
        System.err.print(text);
        assertTrue(text.contains("the cross-corpus grid of notebook 05 (variants per-speaker normalisation)"), text);
        assertEquals(2, first.planned());
        assertEquals(2, first.computed(), text);
        assertTrue(first.failures().isEmpty(), text);
        sameRecords(plan.jobs(), serialRuns, sparkRuns);
        assertEquals(2, SparkSweep.run(quickCross(sparkRuns), SparkSweep.Options.local(2), new PrintStream(buf, true)).alreadyFinished(),
                "a second sweep reads both runs back");
    }

    /** Every job's record under {@code a} equals the one under {@code b}: spec, predictions, metrics and selected epoch. */
    static void sameRecords(List<Runner.Job> jobs, Path a, Path b) throws Exception {
        for (Runner.Job j : jobs) {
            Path rel = a.relativize(j.runDir());
            RunRecord x = RunRecord.read(j.runDir()), y = RunRecord.read(b.resolve(rel));
            assertEquals(x.specSha256(), y.specSha256(), rel + ": same specification");
            assertEquals(x.predictionsSha256(), y.predictionsSha256(), rel + ": same predictions");
            assertEquals(x.test().ua(), y.test().ua(), 0.0, rel + ": same UA");
            assertEquals(x.training().bestEpoch(), y.training().bestEpoch(), rel + ": same best epoch");
        }
    }

    @Test
    void sparkRecordsEqualTheSerialRunnersAndASecondSweepTrainsNothing() throws Exception {
        Path serialRuns = tmp.resolve("serial"), sparkRuns = tmp.resolve("spark");
        List<Runner.Job> serialJobs = quickStudy(serialRuns).jobs();
        Runner.runAll(serialJobs, 1, System.err);

        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(buf, true);
        SparkSweep.Report first = SparkSweep.run(quickStudy(sparkRuns), SparkSweep.Options.local(2), log);
        String text = buf.toString();
        System.err.print(text);
        assertEquals(serialJobs.size(), first.planned());
        assertEquals(0, first.alreadyFinished());
        assertEquals(serialJobs.size(), first.computed(), text);
        assertTrue(first.failures().isEmpty(), text);
        assertTrue(text.contains(serialJobs.size() + "/" + serialJobs.size() + " done"), "progress is printed as tasks end:\n" + text);

        Map<Path, FileTime> written = new HashMap<>();
        for (Runner.Job j : serialJobs) {
            Path rel = serialRuns.relativize(j.runDir());
            RunRecord a = RunRecord.read(j.runDir()), b = RunRecord.read(sparkRuns.resolve(rel));
            assertEquals(a.specSha256(), b.specSha256(), rel + ": same specification");
            assertEquals(a.predictionsSha256(), b.predictionsSha256(), rel + ": same predictions");
            assertEquals(a.test().ua(), b.test().ua(), 0.0, rel + ": same UA");
            assertEquals(a.test().wa(), b.test().wa(), 0.0, rel + ": same WA");
            assertEquals(a.training().bestEpoch(), b.training().bestEpoch(), rel + ": same best epoch");
            written.put(rel, Files.getLastModifiedTime(sparkRuns.resolve(rel).resolve(RunRecord.FILE)));
        }

        SparkSweep.Report second = SparkSweep.run(quickStudy(sparkRuns), SparkSweep.Options.local(2), log);
        assertEquals(second.planned(), second.alreadyFinished(), "every run is finished");
        assertTrue(second.outcomes().isEmpty(), "a second sweep starts no task");
        for (var e : written.entrySet())
            assertEquals(e.getValue(), Files.getLastModifiedTime(sparkRuns.resolve(e.getKey()).resolve(RunRecord.FILE)), e.getKey() + " rewritten");
    }

    @Test
    void aRunThatCannotBeFoundIsReportedNotThrown() {
        SweepTask.Outcome o = SweepTask.run(quickStudy(tmp.resolve("runs")), "no-such-experiment/fold-1-seed1");
        assertFalse(o.ok());
        assertTrue(o.error().contains("no run named no-such-experiment/fold-1-seed1"), o.error());
    }

    @Test
    void theJvmOptionsSparkNeedsTravelInTheJar() {
        String opts = SparkSweep.jvmOptions();
        assertTrue(opts.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), opts);
        assertFalse(opts.contains("${"), "filtered at build time: " + opts);
    }

    @Test
    void notebook06sStudyIsASweepThatPlansWhatTheStudyPlans() throws Exception {
        Path root = root(), runs = tmp.resolve("strongest");
        Map<String, String> env = Map.of("EMOAUG_HOME", root.toString(), "EMOAUG_CACHE", root.resolve(".cache").toString());
        Settings s = Settings.resolve(env, Map.of("quick", "true", "data", "", "corpus", ""));
        Sweep.Plan plan = Sweep.strongest(s, runs).plan();
        var study = assertInstanceOf(org.emoaugnet.design.StrongestModel.class, plan.design());
        assertEquals(study.arms().get(0).search().runsRoot(), runs, "the searches read the sweep's records, not results/runs");
        // before any search run: the search runs only (the baseline's are the first candidate's), no final run, no question
        assertEquals(study.arms().get(0).search().candidates().size() * 2, plan.runs().size(), plan.runs().stream().map(r -> r.label()).toList().toString());
        assertTrue(study.questions(org.emoaugnet.run.CorpusSource.of(s)).isEmpty());
    }
}
