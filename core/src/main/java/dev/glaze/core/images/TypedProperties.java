package dev.glaze.core.images;

import dev.glaze.core.GlazeException;
import dev.glaze.core.plugins.ActivePlugins;
import dev.glaze.core.spi.PropertySpec;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * Plugin-typed image properties: which wire name an alias stands for, the typed value of a wire string, and the
 * wire string of an assigned value, in the provider's exact spelling. Assigning what the property already holds
 * leaves the wire text as it was, so {@link Image#save()} then sends nothing.
 */
final class TypedProperties {
    private final Image image;
    private final ImageState state;

    TypedProperties(Image image, ImageState state) {
        this.image = image;
        this.state = state;
    }

    /** A property known through an alias or a wire name: the wire name and the claim that types it. */
    record Known(String wire, String alias, ActivePlugins.Claim claim) {
        String label() {
            return alias == null || alias.equals(wire) ? "'" + wire + "'" : "'" + alias + "' (" + wire + ")";
        }
    }

    private ActivePlugins active() {
        return image.getCloud() == null ? null : image.getCloud().plugins();
    }

    /** The alias {@code name} of the active plugins, when it is one. */
    Optional<Known> byAlias(String name) {
        ActivePlugins active = active();
        if (active == null || active.isEmpty()) {
            return Optional.empty();
        }
        return active.wireNameOf(name, state.current().keySet())
                .filter(wire -> !ImageState.BASE.contains(wire))
                .flatMap(wire -> active.forWireName(wire).map(c -> new Known(wire, name, c)));
    }

    /** The spec typing the wire name {@code name}, when a plugin declares one. */
    Optional<Known> byWireName(String name) {
        ActivePlugins active = active();
        // Glance's own attributes keep their JSON types, whatever a prefix spec (os_*) covers
        if (active == null || active.isEmpty() || ImageState.BASE.contains(name)) {
            return Optional.empty();
        }
        return active.forWireName(name).map(c -> new Known(name, c.spec().aliasFor(name).orElse(null), c));
    }

    /** An alias, else a typed wire name. */
    Optional<Known> find(String name) {
        return byAlias(name).or(() -> byWireName(name));
    }

    /** The typed value; null when the image lacks the property. */
    Object read(Known k) {
        JsonValue v = state.json(k.wire());
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonString)) {
            return dev.glaze.core.internal.json.Json.toJava(v); // not text on this cloud: give it as it is
        }
        try {
            return k.claim().spec().decode(((JsonString) v).getString());
        } catch (IllegalArgumentException e) {
            throw new GlazeException("image " + image.getId() + ": " + k.label() + " " + detail(e, k)
                    + " (plugin " + k.claim().pluginId() + "); read the text with image['" + k.wire() + "']");
        }
    }

    /**
     * The wire text to store for {@code value}, or null to remove the property; the current text when the value is
     * the one the property holds already.
     *
     * @throws GlazeException for a read-only property, or a value of the wrong type, naming the property
     */
    String encode(Known k, Object value) {
        PropertySpec spec = k.claim().spec();
        if (spec.isReadOnly()) {
            throw new GlazeException("image " + image.getId() + ": " + k.label() + " is read-only: the provider"
                    + " sets it (plugin " + k.claim().pluginId() + ")");
        }
        if (value == null) {
            return null;
        }
        String wire;
        try {
            wire = spec.encode(value);
        } catch (IllegalArgumentException e) {
            throw new GlazeException("image " + image.getId() + ": " + k.label() + " " + detail(e, k)
                    + "; nothing was changed");
        }
        String now = state.string(k.wire());
        if (now != null && !now.equals(wire)) {
            try {
                if (Objects.equals(spec.decode(now), spec.decode(wire))) {
                    return now; // the same value in another spelling ("true" for "True"): no change to send
                }
            } catch (IllegalArgumentException unreadable) {
                // the old text is not of the spec's form: the new one replaces it
            }
        }
        return wire;
    }

    /** The codec's reason without the wire name it starts with (the label says which property). */
    private static String detail(IllegalArgumentException e, Known k) {
        String m = e.getMessage();
        String head = "'" + k.claim().spec().name() + "' ";
        return m != null && m.startsWith(head) ? m.substring(head.length()) : String.valueOf(m);
    }
}
