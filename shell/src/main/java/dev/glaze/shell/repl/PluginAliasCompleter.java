package dev.glaze.shell.repl;

import dev.glaze.core.Cloud;
import dev.glaze.core.images.Image;
import dev.glaze.core.plugins.ActivePlugins;
import groovy.lang.Binding;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab after a dot on an image variable offers the aliases of the plugins active for its cloud
 * ({@code img.rel<TAB>} gives {@code img.releaseBuildDate}). Like {@link BindingCompleter} it never sends a
 * request: when a cloud's plugins are not decided yet, they are decided in the background for the next Tab.
 */
public final class PluginAliasCompleter implements Completer {
    private final Binding binding;

    public PluginAliasCompleter(Binding binding) {
        this.binding = binding;
    }

    /** Decides a cloud's plugins on a daemon thread (it may read the image schema), so Tab finds them ready. */
    public static void prefetch(Cloud cloud) {
        prefetch(cloud, 0);
    }

    /**
     * As {@link #prefetch(Cloud)}, after {@code delayMs}: at the REPL's start the first line typed should not
     * compete with it (loading plugins, reading the schema) for the CPU.
     */
    public static void prefetch(Cloud cloud, long delayMs) {
        if (cloud.resolvedPlugins().isPresent()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delayMs);
                cloud.plugins();
            } catch (InterruptedException stop) {
                // the process is ending
            } catch (RuntimeException unreachable) {
                // the first real request will report it; Tab simply offers no aliases
            }
        }, "glaze-plugins");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        String expression = BindingCompleter.expressionBefore(line.line(), line.cursor());
        String prefix = expression.substring(expression.lastIndexOf('.') + 1);
        String keep = word.endsWith(prefix) ? word.substring(0, word.length() - prefix.length()) : word;
        for (String c : complete(expression)) {
            String name = c.substring(c.lastIndexOf('.') + 1);
            candidates.add(new Candidate(keep + name, name, null, null, null, null, false));
        }
    }

    /** {@code img.rel} gives {@code img.releaseBuildDate}, ... when {@code img} holds an image. */
    public TreeSet<String> complete(String expression) {
        TreeSet<String> out = new TreeSet<>();
        int dot = expression.indexOf('.');
        if (dot <= 0 || expression.indexOf('.', dot + 1) >= 0) {
            return out; // only a variable and one member: past that, types are all the completer knows
        }
        String root = expression.substring(0, dot);
        String prefix = expression.substring(dot + 1);
        Object value = binding.getVariables().get(root);
        if (!(value instanceof Image image) || image.getCloud() == null) {
            return out;
        }
        Optional<ActivePlugins> active = image.getCloud().resolvedPlugins();
        if (active.isEmpty()) {
            prefetch(image.getCloud());
            return out;
        }
        for (String alias : active.get().aliases(image.toMap().keySet())) {
            if (alias.startsWith(prefix)) {
                out.add(root + "." + alias);
            }
        }
        return out;
    }
}
