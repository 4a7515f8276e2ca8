package dev.glaze.core.plugins;

import dev.glaze.core.Cloud;
import dev.glaze.core.spi.GlazePlugin;
import dev.glaze.core.spi.ImageSource;
import dev.glaze.core.spi.PropertySpec;
import dev.glaze.core.spi.TaskFlow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The plugins active for one cloud and region, and the property specs they declare, resolved: when two claim the
 * same wire name or alias, the higher priority wins (on a tie, the id first in alphabetical order) and the clash
 * is reported once per process. Immutable.
 */
public final class ActivePlugins {
    private final List<GlazePlugin> plugins;
    private final Map<String, Claim> byWireName = new LinkedHashMap<>();
    private final Map<String, Claim> byAlias = new LinkedHashMap<>();
    private final List<Claim> prefixes = new ArrayList<>();

    ActivePlugins(List<GlazePlugin> active) {
        this.plugins = List.copyOf(active); // already highest priority first
        for (GlazePlugin p : plugins) {
            for (PropertySpec spec : p.properties()) {
                claim(new Claim(p, spec));
            }
        }
        // the most specific prefix first: hw_video_ before hw_
        prefixes.sort((a, b) -> b.spec().name().length() - a.spec().name().length());
    }

    /** The spec of a property and the plugin that declared it. */
    public record Claim(GlazePlugin plugin, PropertySpec spec) {
        public String pluginId() {
            return plugin.id();
        }
    }

    private void claim(Claim c) {
        PropertySpec spec = c.spec();
        if (spec.isPrefix()) {
            Optional<Claim> same = prefixes.stream().filter(o -> o.spec().name().equals(spec.name())).findFirst();
            if (same.isPresent()) {
                clash("prefix " + spec.name() + "*", same.get(), c);
            } else {
                prefixes.add(c);
            }
            return;
        }
        Claim held = byWireName.putIfAbsent(spec.name(), c);
        if (held != null) {
            clash("'" + spec.name() + "'", held, c);
            return;
        }
        spec.alias().filter(PropertySpec::isValidAlias).ifPresent(alias -> {
            Claim other = byAlias.putIfAbsent(alias, c);
            if (other != null) {
                clash("the alias '" + alias + "' (for '" + other.spec().name() + "' and '" + spec.name() + "')",
                        other, c);
            }
        });
    }

    private static void clash(String what, Claim winner, Claim loser) {
        String by = winner.plugin().priority() == loser.plugin().priority() ? "same priority, first by id"
                : "priority " + winner.plugin().priority() + " over " + loser.plugin().priority();
        Plugins.warnOnce("clash:" + what + ":" + winner.pluginId() + ":" + loser.pluginId(), "glaze: plugins '"
                + winner.pluginId() + "' and '" + loser.pluginId() + "' both claim image property " + what + ": '"
                + winner.pluginId() + "' wins (" + by + ")");
    }

    /** The active plugins, highest priority first. */
    public List<GlazePlugin> plugins() {
        return plugins;
    }

    public List<String> ids() {
        return plugins.stream().map(GlazePlugin::id).toList();
    }

    public boolean isEmpty() {
        return plugins.isEmpty();
    }

    /** The spec that speaks for a wire name: an exact one, else the longest matching prefix. */
    public Optional<Claim> forWireName(String wireName) {
        Claim exact = byWireName.get(wireName);
        if (exact != null) {
            return Optional.of(exact);
        }
        return prefixes.stream().filter(c -> c.spec().matches(wireName)).findFirst();
    }

    /**
     * The wire name an alias stands for: a declared alias, or the camel-case alias of one of {@code present} (the
     * image's own properties) that a prefix spec covers.
     */
    public Optional<String> wireNameOf(String alias, Collection<String> present) {
        Claim declared = byAlias.get(alias);
        if (declared != null) {
            return Optional.of(declared.spec().name());
        }
        for (String wire : present) {
            if (byWireName.get(wire) == null) {
                Optional<Claim> c = forWireName(wire);
                if (c.isPresent() && c.get().spec().aliasFor(wire).filter(alias::equals).isPresent()) {
                    return Optional.of(wire);
                }
            }
        }
        return Optional.empty();
    }

    /** Every alias scripts may use on an image with the properties {@code present}: for completion. */
    public TreeSet<String> aliases(Collection<String> present) {
        TreeSet<String> out = new TreeSet<>(byAlias.keySet());
        for (String wire : present) {
            if (byWireName.get(wire) == null) {
                forWireName(wire).flatMap(c -> c.spec().aliasFor(wire)).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The declared single-property specs, by wire name, as resolved. */
    public Map<String, Claim> specs() {
        return java.util.Collections.unmodifiableMap(byWireName);
    }

    /** The task flow of the highest-priority plugin that brings one for this cloud. */
    public Optional<TaskFlow> taskFlow(Cloud cloud) {
        for (GlazePlugin p : plugins) {
            Optional<TaskFlow> f = p.taskFlow(cloud);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** The image source of the highest-priority plugin that brings one for this cloud. */
    public Optional<ImageSource> imageSource(Cloud cloud) {
        for (GlazePlugin p : plugins) {
            Optional<ImageSource> s = p.imageSource(cloud);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ActivePlugins" + ids();
    }
}
