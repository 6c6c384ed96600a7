package org.emoaugnet.cli;

import java.util.concurrent.Callable;

/**
 * What a command does once its options are parsed: its work, ending with an {@link ExitCode}. Errors are thrown and
 * turned into a message and a code by {@link Main} ({@link ExitCode#of(Throwable)}).
 */
interface CommandAction extends Callable<Integer> {
    ExitCode execute() throws Exception;

    @Override
    default Integer call() throws Exception { return execute().code(); }
}
