package dev.glaze.core.spi;

import dev.glaze.core.Cloud;
import java.util.List;
import java.util.Optional;

/**
 * A provider plugin: what glaze knows about one kind of cloud beyond plain Glance v2. Found with
 * {@link java.util.ServiceLoader}: a jar lists its implementation in
 * {@code META-INF/services/dev.glaze.core.spi.GlazePlugin} and is put on the class path. Every method but
 * {@link #id()} and {@link #appliesTo} has a default, so a plugin says only what it knows.
 *
 * <pre>{@code
 * public final class ExamplePlugin implements GlazePlugin {
 *     public String id() { return "example"; }
 *     public boolean appliesTo(PluginContext cloud) { return cloud.endpoint().getHost().endsWith(".example.com"); }
 *     public List<PropertySpec> properties() {
 *         return List.of(PropertySpec.named("com.example.released").alias("released")
 *                 .codec(PropertyCodec.dateTime("yyyy-MM-dd")).description("the day it was released").build());
 *     }
 * }
 * }</pre>
 *
 * Implementations must be stateless or thread-safe: one instance serves every cloud of the process.
 */
public interface GlazePlugin {
    /**
     * The SPI version this core implements. A plugin built for a newer one is skipped with one warning; an older
     * one still works, since later versions only add methods with defaults.
     */
    int SPI_VERSION = 1;

    /** A short, unique, lower-case name ({@code rackspace}), as {@code --plugin ID} and {@code :plugins} show it. */
    String id();

    /** Whether this plugin speaks for {@code cloud}. Called once per cloud and region; must not fail. */
    boolean appliesTo(PluginContext cloud);

    /** The SPI version the plugin was built against: leave the default, which the compiler fills in. */
    default int spiVersion() {
        return SPI_VERSION;
    }

    /** Which plugin wins when two claim the same property (or both bring a task flow): the higher number. */
    default int priority() {
        return 0;
    }

    /** The plugin's own version, for {@code :plugins}: its jar's {@code Implementation-Version} unless overridden. */
    default String version() {
        String v = getClass().getPackage() == null ? null : getClass().getPackage().getImplementationVersion();
        return v == null ? "unversioned" : v;
    }

    /** One line for {@code :plugins}: what the plugin is for. */
    default String description() {
        return "";
    }

    /** The image properties this plugin types and names; see {@link PropertySpec}. */
    default List<PropertySpec> properties() {
        return List.of();
    }

    /**
     * How imports and exports are sent, checked before they are sent and retried when they fail transiently, on a
     * cloud this plugin applies to; empty leaves glaze's own choice (by the cloud's profile).
     */
    default Optional<TaskFlow> taskFlow(Cloud cloud) {
        return Optional.empty();
    }

    /** A way of signing in that this plugin brings, selected by its {@link AuthMethod#authType()}. */
    default Optional<AuthMethod> authMethod() {
        return Optional.empty();
    }

    /**
     * Where images come from when the cloud has no Glance v2 (e.g. the Compute API's {@code /images}); empty for
     * the usual image service.
     */
    default Optional<ImageSource> imageSource(Cloud cloud) {
        return Optional.empty();
    }

    /**
     * Told when an awaited task of a cloud this plugin applies to ends (e.g. a webhook or a notification); empty
     * by default.
     */
    default Optional<dev.glaze.core.tasks.TaskListener> taskListener() {
        return Optional.empty();
    }

    /** Lower-case ASCII letters, digits and {@code - _ .}, starting with a letter: what a plugin id may be. */
    static boolean isValidId(String id) {
        return id != null && id.matches("[a-z][a-z0-9._-]*");
    }
}
