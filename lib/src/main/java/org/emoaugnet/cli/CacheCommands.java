package org.emoaugnet.cli;

import org.emoaugnet.features.FeatureCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emoaug cache info|clear}: the feature cache. */
@Command(name = "cache", description = "the feature cache: info, clear", subcommands = {CacheCommands.Info.class, CacheCommands.Clear.class})
final class CacheCommands {
    @Command(name = "info", description = "the feature cache's folder, entries and size")
    static final class Info implements CommandAction {
        @Mixin SettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            FeatureCache c = SettingsOptions.cache(settings.settings());
            long[] size = c.size();
            Main.out(spec).printf("%s: %d entries, %.1f MiB (code version %s)%n", c.dir(), size[0], size[1] / 1048576.0, FeatureCache.CODE_VERSION);
            return ExitCode.OK;
        }
    }

    @Command(name = "clear", description = "delete the feature cache")
    static final class Clear implements CommandAction {
        @Mixin SettingsOptions settings;
        @Spec CommandSpec spec;

        @Override
        public ExitCode execute() throws Exception {
            FeatureCache c = SettingsOptions.cache(settings.settings());
            long[] size = c.size();
            c.clear();
            Main.out(spec).printf("cleared %s (%d entries, %.1f MiB)%n", c.dir(), size[0], size[1] / 1048576.0);
            return ExitCode.OK;
        }
    }
}
