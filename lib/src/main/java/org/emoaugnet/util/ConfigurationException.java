package org.emoaugnet.util;

/**
 * A configuration that cannot be used: a value of an experiment file, an ablation design, a search folder, a fold
 * file or a setting that is malformed, out of its range or not among the names its registry knows, or a
 * configuration file that does not exist. Raised before anything runs (no corpus is scanned, no network is built),
 * with a message naming the file, the key, the value and what is allowed, e.g.
 * {@code experiments/x.properties: lr=NaN: must be a finite number > 0 and ≤ 1}.
 *
 * <p>Not an {@link IllegalArgumentException}, so that no handler of bad data rewraps it: the command line reports it
 * as a configuration error (exit code 1), like the unknown keys of {@link KnownKeys.UnknownKeyException}, which is
 * one.
 */
public class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) { super(message); }

    public ConfigurationException(String message, Throwable cause) { super(message, cause); }

    /**
     * {@code <where>: <key>=<value>: must be <allowed>}.
     *
     * @param where   the file (or "experiment", "settings") that holds the value
     * @param key     the key as written there
     * @param value   the value as written
     * @param allowed what the key accepts ("a finite number > 0 and ≤ 1", "one of relu, elu")
     */
    public static ConfigurationException value(String where, String key, String value, String allowed) {
        return new ConfigurationException(where + ": " + key + "=" + value + ": must be " + allowed);
    }
}
