package dev.glaze.shell;

import dev.glaze.core.ConfigurationException;
import dev.glaze.core.plugins.Plugins;
import java.util.List;
import org.apache.commons.cli.CommandLine;

/** The plugins {@code --plugin ID} (repeatable) and {@code --no-plugins} leave for the clouds of this process. */
final class PluginChoice {
    private PluginChoice() {
    }

    static Plugins from(CommandLine options) throws UsageException {
        boolean none = options.hasOption(ShellOptions.NO_PLUGINS);
        String[] ids = options.getOptionValues(ShellOptions.PLUGIN);
        if (none && ids != null) {
            throw new UsageException("--plugin and --no-plugins contradict each other; give one of them");
        }
        if (none) {
            return Plugins.none();
        }
        if (ids == null) {
            return Plugins.discovered();
        }
        try {
            return Plugins.discovered().only(List.of(ids));
        } catch (ConfigurationException e) {
            throw new UsageException(e.getMessage() + " (--plugin)");
        }
    }
}
