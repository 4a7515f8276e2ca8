package dev.glaze.shell;

import dev.glaze.core.ConfigurationException;
import dev.glaze.core.plugins.Plugins;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;

/**
 * The plugins of this process: those on the class path and the jars in the plugins folder ({@code GLAZE_PLUGINS},
 * default {@code ~/.glaze/plugins}), narrowed by {@code --plugin ID} (repeatable) or dropped by {@code --no-plugins}.
 */
final class PluginChoice {
    static final String FOLDER_VARIABLE = "GLAZE_PLUGINS";

    private PluginChoice() {
    }

    static Plugins from(CommandLine options, Map<String, String> env) throws UsageException {
        boolean none = options.hasOption(ShellOptions.NO_PLUGINS);
        String[] ids = options.getOptionValues(ShellOptions.PLUGIN);
        if (none && ids != null) {
            throw new UsageException("--plugin and --no-plugins contradict each other; give one of them");
        }
        if (none) {
            return Plugins.none();
        }
        Plugins found = discovered(folder(env));
        if (ids == null) {
            return found;
        }
        try {
            return found.only(List.of(ids));
        } catch (ConfigurationException e) {
            throw new UsageException(e.getMessage() + " (--plugin)");
        }
    }

    static Path folder(Map<String, String> env) {
        String given = env.get(FOLDER_VARIABLE);
        return given != null && !given.isBlank() ? Path.of(given)
                : Path.of(System.getProperty("user.home"), ".glaze", "plugins");
    }

    /** The class path's plugins, plus the folder's jars (a jar there needs no change to the launcher's class path). */
    private static Plugins discovered(Path folder) throws UsageException {
        if (!Files.isDirectory(folder)) {
            return Plugins.discovered();
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new UsageException("a plugin jar in " + folder + " has no usable path: " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot list the plugins folder " + folder + ": " + DataFolder.reason(e));
        }
        if (jars.isEmpty()) {
            return Plugins.discovered();
        }
        // lives as long as the process: the plugins' classes are used until it ends
        return Plugins.load(new URLClassLoader(jars.toArray(URL[]::new), PluginChoice.class.getClassLoader()));
    }
}
