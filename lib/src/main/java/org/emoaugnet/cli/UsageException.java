package org.emoaugnet.cli;

/**
 * Bad usage found by a command after parsing: an unknown name among an option's values (a variant, recipe or
 * activation), a missing argument. Ends the command with {@link ExitCode#USAGE}.
 */
final class UsageException extends RuntimeException {
    UsageException(String message) { super(message); }
}
