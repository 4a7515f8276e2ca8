package dev.glaze.shell.repl;

import dev.glaze.core.Cloud;
import dev.glaze.core.plugins.PluginStatus;
import java.util.List;

/** What {@code :plugins} prints: each plugin, whether it is active for the cloud in use, and why (not). */
public final class PluginsTable {
    private PluginsTable() {
    }

    public static String render(Cloud cloud) {
        List<PluginStatus> all;
        try {
            all = cloud.pluginStatus();
        } catch (RuntimeException e) {
            // a plugin's check may need the cloud (its schema, its catalog): say so rather than fail the command
            return "glaze: cannot tell which plugins apply to " + cloud.getDisplayName() + ": " + e.getMessage()
                    + "\n";
        }
        if (all.isEmpty()) {
            return "no plugins (none on the class path, or --no-plugins)\n";
        }
        Table t = new Table(List.of("id", "version", "priority", "active", "properties", "why"), 5);
        for (PluginStatus s : all) {
            t.add(s.id(), s.version().isEmpty() ? "-" : s.version(), String.valueOf(s.priority()),
                    s.active() ? "yes" : "no", String.valueOf(s.properties()), s.reason());
        }
        return t.render(Renderer.DEFAULT_WIDTH) + "\n";
    }
}
