package org.emoaugnet.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A command the integration tests run with its output in a log file: started, waited for at most a time limit (then
 * killed), and read back.
 *
 * @param done whether it ended within the limit
 * @param exit its exit code (-1 when killed)
 * @param log  everything it printed (standard output and error together)
 */
record LoggedProcess(boolean done, int exit, String log) {
    static LoggedProcess run(ProcessBuilder pb, Path log, long minutes) throws Exception {
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(minutes, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly().waitFor();
        return new LoggedProcess(done, done ? p.exitValue() : -1, Files.readString(log));
    }
}
