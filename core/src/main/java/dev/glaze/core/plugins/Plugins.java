package dev.glaze.core.plugins;

import dev.glaze.core.Cloud;
import dev.glaze.core.ConfigurationException;
import dev.glaze.core.GlazeException;
import dev.glaze.core.spi.AuthMethod;
import dev.glaze.core.spi.GlazePlugin;
import dev.glaze.core.spi.PluginContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugins a process may use: found on the class path with {@link ServiceLoader}, or given. Each cloud keeps
 * those that apply to it ({@link Cloud#plugins()}). Plugins built for a newer SPI, and a second plugin with an id
 * already taken, are left out with one warning each (System.Logger {@code dev.glaze.core.plugins}).
 *
 * <pre>{@code
 * Plugins.discovered().list();                          // every usable plugin on the class path
 * Cloud cloud = Cloud.builder().endpoint(url).plugins(Plugins.discovered().only(List.of("rackspace"))).build();
 * Cloud plain = Cloud.builder().endpoint(url).plugins(Plugins.none()).build();
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Plugins {
    static final System.Logger LOG = System.getLogger("dev.glaze.core.plugins");
    /** Warnings already given: each is said once per process, however many clouds and regions meet it. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final Map<ClassLoader, Plugins> DISCOVERED = new WeakHashMap<>();
    private static final Plugins NONE = new Plugins(List.of(), Map.of());
    static final Comparator<GlazePlugin> ORDER = Comparator.comparingInt(GlazePlugin::priority).reversed()
            .thenComparing(GlazePlugin::id);

    private final List<GlazePlugin> plugins;
    private final Map<String, String> excluded;

    private Plugins(List<GlazePlugin> plugins, Map<String, String> excluded) {
        List<GlazePlugin> sorted = new ArrayList<>(plugins);
        sorted.sort(ORDER);
        this.plugins = List.copyOf(sorted);
        this.excluded = Map.copyOf(excluded);
    }

    /** The plugins on the class path of the thread's context class loader, found once per class loader. */
    public static Plugins discovered() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Plugins.class.getClassLoader();
        }
        synchronized (DISCOVERED) {
            return DISCOVERED.computeIfAbsent(loader, Plugins::load);
        }
    }

    /** The plugins {@code loader} finds through {@code META-INF/services/dev.glaze.core.spi.GlazePlugin}. */
    public static Plugins load(ClassLoader loader) {
        List<GlazePlugin> found = new ArrayList<>();
        var it = ServiceLoader.load(GlazePlugin.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError broken) {
                // one bad jar must not take the others (or glaze) down
                warnOnce("broken:" + broken.getMessage(), "glaze: a plugin could not be loaded, left out: "
                        + broken.getMessage());
            }
        }
        return of(found);
    }

    /** No plugins at all: plain Glance v2 behaviour ({@code --no-plugins}). */
    public static Plugins none() {
        return NONE;
    }

    /** Exactly these plugins, with the same checks as discovery (SPI version, unique id). */
    public static Plugins of(Collection<? extends GlazePlugin> candidates) {
        List<GlazePlugin> usable = new ArrayList<>();
        Map<String, String> excluded = new LinkedHashMap<>();
        Set<String> ids = new TreeSet<>();
        for (GlazePlugin p : candidates) {
            String id = p.id();
            if (p.spiVersion() > GlazePlugin.SPI_VERSION) {
                String why = "built for plugin SPI " + p.spiVersion() + ", this glaze has " + GlazePlugin.SPI_VERSION;
                warnOnce("spi:" + id + ":" + p.getClass().getName(), "glaze: plugin '" + id + "' ("
                        + p.getClass().getName() + ") skipped: " + why + "; use a newer glaze or an older plugin");
                excluded.put(id, why);
            } else if (!GlazePlugin.isValidId(id)) {
                warnOnce("id:" + p.getClass().getName(), "glaze: plugin " + p.getClass().getName()
                        + " skipped: its id '" + id + "' is not lower-case letters, digits, '-', '_' or '.'");
            } else if (!ids.add(id)) {
                warnOnce("dup:" + id + ":" + p.getClass().getName(), "glaze: plugin " + p.getClass().getName()
                        + " skipped: another plugin already has the id '" + id + "'");
            } else {
                usable.add(p);
            }
        }
        return new Plugins(usable, excluded);
    }

    public static Plugins of(GlazePlugin... plugins) {
        return of(List.of(plugins));
    }

    /**
     * Only the plugins named ({@code --plugin ID}); the others are listed as left out.
     *
     * @throws ConfigurationException naming an id no plugin has, and the ids there are
     */
    public Plugins only(Collection<String> ids) {
        List<GlazePlugin> kept = new ArrayList<>();
        Map<String, String> out = new LinkedHashMap<>(excluded);
        for (String id : ids) {
            if (plugins.stream().noneMatch(p -> p.id().equals(id))) {
                throw new ConfigurationException("no plugin '" + id + "'" + (excluded.containsKey(id)
                        ? " can be used: " + excluded.get(id) : " on the class path; plugins: " + ids()));
            }
        }
        for (GlazePlugin p : plugins) {
            if (ids.contains(p.id())) {
                kept.add(p);
            } else {
                out.put(p.id(), "not chosen (--plugin " + String.join(" --plugin ", ids) + ")");
            }
        }
        return new Plugins(kept, out);
    }

    /** The usable plugins, highest priority first. */
    public List<GlazePlugin> list() {
        return plugins;
    }

    /** Their ids, in the same order. */
    public List<String> ids() {
        return plugins.stream().map(GlazePlugin::id).toList();
    }

    /** Plugins found but not used, with why: built for a newer SPI, or not chosen. */
    public Map<String, String> excluded() {
        return excluded;
    }

    /** The plugins that apply to a cloud, with their properties resolved (conflicts reported once). */
    public ActivePlugins activeFor(PluginContext cloud) {
        List<GlazePlugin> active = new ArrayList<>();
        for (GlazePlugin p : plugins) {
            if (applies(p, cloud)) {
                active.add(p);
            }
        }
        return new ActivePlugins(active);
    }

    /** What {@code :plugins} shows: every plugin found, whether it applies to {@code cloud}, and why not. */
    public List<PluginStatus> status(PluginContext cloud) {
        List<PluginStatus> out = new ArrayList<>();
        for (GlazePlugin p : plugins) {
            boolean on = applies(p, cloud);
            out.add(new PluginStatus(p.id(), p.version(), p.priority(), on, on ? "applies to "
                    + cloud.displayName() : "does not apply to " + cloud.displayName(), p.properties().size(),
                    p.description()));
        }
        excluded.forEach((id, why) -> out.add(new PluginStatus(id, "", 0, false, why, 0, "")));
        return out;
    }

    /** The sign-in method a plugin brings for an {@code auth_type}, if one does (highest priority first). */
    public Optional<AuthMethod> authMethod(String authType) {
        for (GlazePlugin p : plugins) {
            Optional<AuthMethod> m = p.authMethod();
            if (m.isPresent() && m.get().authTypes().contains(authType)) {
                return m;
            }
        }
        return Optional.empty();
    }

    private static boolean applies(GlazePlugin p, PluginContext cloud) {
        try {
            return p.appliesTo(cloud);
        } catch (ConfigurationException e) {
            // e.g. a catalog with no image service (only the Compute API): a plugin that looks at the image
            // endpoint does not apply; the cloud's own requests say what is missing, if anything needs it
            return false;
        } catch (GlazeException e) {
            throw e; // the cloud cannot be reached or read: the caller's request would fail the same way
        } catch (RuntimeException e) {
            warnOnce("applies:" + p.id(), "glaze: plugin '" + p.id() + "' failed to check " + cloud.displayName()
                    + ", left out: " + e);
            return false;
        }
    }

    static void warnOnce(String key, String message) {
        if (WARNED.add(key)) {
            LOG.log(System.Logger.Level.WARNING, message);
        }
    }

    @Override
    public String toString() {
        return "Plugins" + ids();
    }
}
