package org.emoaugnet.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@link SettingsOptions} of the commands that train runs, with {@code --retry-failed}: a run recorded as failed (a
 * non-finite loss, say) is skipped when resuming unless this asks to train it again (the setting
 * {@code retry_failed}, {@code EMOAUG_RETRY_FAILED}).
 */
class TrainingSettingsOptions extends SettingsOptions {
    @Option(names = "--retry-failed", description = "train again the runs recorded as failed (default: EMOAUG_RETRY_FAILED, else they are skipped)")
    boolean retryFailed;

    @Override
    Map<String, String> moreOverrides() { return retryFailed ? Map.of("retry_failed", "true") : Map.of(); }
}
