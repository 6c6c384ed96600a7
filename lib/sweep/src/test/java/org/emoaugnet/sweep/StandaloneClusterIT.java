package org.emoaugnet.sweep;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.emoaugnet.run.RunRecord;
import org.emoaugnet.run.Runner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on loopback, from the Maven-resolved Spark jars (no download): a master and one
 * worker (2 cores) as their own JVMs. The README's sweep command submits the quick synthetic study to it; while runs
 * are in progress the test kills the executor (SIGKILL). Spark starts a new executor and tries the lost tasks again;
 * afterwards every planned run has exactly one complete record, no temporary folder is left, and the records equal
 * the plan. The cluster is stopped afterwards, and its ports are checked closed.
 */
class StandaloneClusterIT {
    @TempDir Path tmp;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopCluster() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            Process p = started.get(i);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static boolean open(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Process start(Path home, Path log, String mainClass, String... args) throws IOException {
        Path jars = Path.of(System.getProperty("emoaug.sweepJars"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        cmd.addAll(Arrays.asList(SparkSweep.jvmOptions().split("\\s+")));
        cmd.addAll(List.of("-cp", jars + "/*", mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.12", "SPARK_LOCAL_IP", "127.0.0.1",
                "SPARK_NO_DAEMONIZE", "1"));
        Process p = pb.start();
        started.add(p);
        return p;
    }

    static void waitFor(String what, java.util.function.BooleanSupplier ok, int seconds, Path... logs) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (ok.getAsBoolean()) return;
            Thread.sleep(200);
        }
        StringBuilder b = new StringBuilder(what + " not within " + seconds + " s");
        for (Path l : logs) if (Files.exists(l)) b.append("\n--- ").append(l.getFileName()).append(":\n").append(tail(Files.readString(l)));
        fail(b.toString());
    }

    static String tail(String s) { return s.length() > 4000 ? s.substring(s.length() - 4000) : s; }

    static List<Path> tmpFolders(Path runs) {
        if (!Files.isDirectory(runs)) return List.of();
        try (Stream<Path> s = Files.walk(runs, 2)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Test
    void aSweepOnAStandaloneClusterSurvivesAKilledExecutorWithOneRecordPerRun() throws Exception {
        Path root = SparkSweepTest.root();
        // a Spark "installation" made of the jars Maven resolved: the worker builds executor command lines from it
        Path home = tmp.resolve("spark-home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("RELEASE"), "Spark (jars resolved by Maven for emoaugnet-sweep)\n");
        Files.createSymbolicLink(home.resolve("jars"), Path.of(System.getProperty("emoaug.sweepJars")));

        int masterPort = freePort(), masterUi = freePort();
        Path masterLog = tmp.resolve("master.log"), workerLog = tmp.resolve("worker.log"), sweepLog = tmp.resolve("sweep.log");
        start(home, masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(masterPort),
                "--webui-port", String.valueOf(masterUi));
        waitFor("the master to listen on " + masterPort, () -> open(masterPort), 60, masterLog);
        String master = "spark://127.0.0.1:" + masterPort;
        Process worker = start(home, workerLog, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2", "--memory", "6g",
                "--webui-port", String.valueOf(freePort()), "--work-dir", tmp.resolve("work").toString(), master);
        // the master's status page (its JSON form) counts the workers alive; Spark logs only warnings here
        waitFor("the worker to register", () -> http("http://127.0.0.1:" + masterUi + "/json/").replace(" ", "").contains("\"aliveworkers\":1"),
                90, masterLog, workerLog);

        Path runs = tmp.resolve("runs");
        ProcessBuilder pb = new ProcessBuilder(root.resolve("environment/emoaug").toString(), "sweep", "study", "--quick", "--master", master,
                "--runs", runs.toString(), "--executor-memory", "2g", "--max-failures", "4")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(sweepLog.toFile());
        pb.environment().remove("EMOAUG_DATA");
        pb.environment().remove("EMOAUG_CORPUS");
        pb.environment().putAll(Map.of("EMOAUG_CACHE", root.resolve(".cache").toString(), "SPARK_LOCAL_IP", "127.0.0.1",
                "EMOAUG_JAVA_OPTS", "-Xmx1g"));
        Process sweep = pb.start();
        started.add(sweep);

        // kill the executor while a run is being written
        waitFor("a run in progress on an executor", () -> !tmpFolders(runs).isEmpty() && executor(worker).isPresent(), 240,
                sweepLog, workerLog);
        ProcessHandle executor = executor(worker).orElseThrow();
        long killedPid = executor.pid();
        executor.destroyForcibly();
        System.out.println("[cluster-it] killed executor pid " + killedPid + " while writing " + tmpFolders(runs));

        assertTrue(sweep.waitFor(8, TimeUnit.MINUTES), "the sweep did not finish in 8 minutes:\n" + tail(read(sweepLog)));
        String out = read(sweepLog);
        System.out.println(out.lines().filter(l -> l.startsWith("[sweep]")).reduce("", (a, b) -> a + b + "\n"));
        assertEquals(0, sweep.exitValue(), "the sweep failed:\n" + tail(out));
        assertTrue(out.contains("did not finish on executor"), "the lost attempt is reported:\n" + tail(out));
        assertTrue(executor(worker).map(h -> h.pid() != killedPid).orElse(true), "a new executor replaced the killed one");

        List<Runner.Job> plan = SparkSweepTest.quickStudy(runs).jobs();
        for (Runner.Job j : plan) {
            assertEquals(Runner.Status.FINISHED, Runner.status(j), j.label() + " is finished under its spec");
            assertEquals(j.spec().sha256(), RunRecord.read(j.runDir()).specSha256(), j.label());
        }
        long records;
        try (Stream<Path> s = Files.walk(runs)) {
            records = s.filter(p -> p.getFileName().toString().equals(RunRecord.FILE)).count();
        }
        assertEquals(plan.size(), records, "exactly one record per run, none in a second or stray folder");
        assertEquals(List.of(), tmpFolders(runs), "no temporary folder left by the killed attempts");
        try (Stream<Path> s = Files.walk(runs, 2)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().equals("superseded")), "nothing was superseded");
        }

        stopCluster();
        started.clear();
        waitFor("the master's port to close", () -> !open(masterPort), 20);
    }

    /** The executor JVM the worker started, if any (a child of the worker process). */
    static Optional<ProcessHandle> executor(Process worker) {
        return worker.descendants().filter(h -> h.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")).findFirst();
    }

    static String http(String url) {
        try (var in = java.net.URI.create(url).toURL().openStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
