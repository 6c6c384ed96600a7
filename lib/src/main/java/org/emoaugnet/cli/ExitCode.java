package org.emoaugnet.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.emoaugnet.run.Runner;
import org.emoaugnet.util.KnownKeys;
import picocli.CommandLine;

/**
 * The exit codes of {@code environment/emoaug}, defined once: the commands return them, the help's footer and
 * docs/cli.md list them ({@code ExitCodeTest} checks that the page has this table), and {@link #of} says which
 * error ends a command with which code. The {@code sweep} command (module lib/sweep, its own JVM) keeps its own codes.
 */
public enum ExitCode {
    OK(0, "success"),
    USAGE(1, "usage or configuration: an unknown command, option or key (named with the nearest known one), a missing or bad "
            + "value of an option or setting"),
    INPUT(2, "input or data: a file that is missing, unreadable or corrupt, bad audio, a saved model that does not load, a run "
            + "record that does not check out; the message names the file"),
    MISMATCH(3, "verification mismatch: `results compare` found differences, `records check` found problems, `records verify` "
            + "got another spec or other predictions, `corpus prepare` converted files that differ from the committed runs' ones"),
    NOT_VERIFIABLE(4, "not verifiable here (and none differed): `records verify` did not re-make a run whose recorded numeric kernels "
            + "cannot run on this machine, or that another engine made (it names the git tag and the command that re-make it there), "
            + "or its --sample found a notebook without a record of this checkout's engine"),
    RUN_FAILED(5, "a run failed: its training diverged (a non-finite loss or parameter), now or in an earlier attempt that is not retried without --retry-failed; the other runs are kept");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The process exit status. */
    public int code() { return code; }

    /** What the code means, in the words of the help and docs/cli.md. */
    public String meaning() { return meaning; }

    /**
     * The code an error ends a command with: bad usage (a command-line error, an unknown key in a file, a
     * {@link UsageException}, a bad value or configuration file, {@link org.emoaugnet.util.ConfigurationException}) 1; a failed run
     * ({@link org.emoaugnet.run.RunFailedException}) 5; a file, audio or record problem
     * ({@link IOException}, {@link UncheckedIOException}, {@link IllegalArgumentException}) 2; anything else 2 as well,
     * reported with its type (run with {@code EMOAUG_DEBUG=1} for the stack trace).
     */
    public static ExitCode of(Throwable e) {
        if (e instanceof CommandLine.ParameterException || e instanceof UsageException || e instanceof org.emoaugnet.util.ConfigurationException) return USAGE;
        if (e instanceof org.emoaugnet.run.RunFailedException) return RUN_FAILED;
        return INPUT;
    }
}
