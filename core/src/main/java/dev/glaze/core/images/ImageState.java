package dev.glaze.core.images;

import dev.glaze.core.GlazeException;
import dev.glaze.core.internal.Timestamps;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An image's JSON as fetched ({@code original}) and as changed since ({@code current}), the openstacksdk way: the
 * diff of the two is the patch {@link Image#save()} sends. Values are read and written here in their wire form.
 */
final class ImageState {
    /**
     * Glance's base attributes: they exist on every image (even when absent from the JSON, or null), so a change is
     * a {@code replace}; everything else is a custom property, a string, added and removed.
     */
    static final Set<String> BASE = Set.of("id", "name", "status", "visibility", "protected", "os_hidden", "checksum",
            "os_hash_algo", "os_hash_value", "owner", "size", "virtual_size", "container_format", "disk_format",
            "created_at", "updated_at", "tags", "direct_url", "min_ram", "min_disk", "self", "file", "schema",
            "locations", "stores");
    /** Attributes never sent back in a patch and refused at once, before the schema is consulted. */
    static final Set<String> READ_ONLY = Set.of("id", "status", "checksum", "size", "virtual_size", "created_at",
            "updated_at", "self", "file", "schema", "os_hash_algo", "os_hash_value", "direct_url", "stores");

    private JsonObject original;
    private final LinkedHashMap<String, JsonValue> current = new LinkedHashMap<>();

    ImageState(JsonObject json) {
        reset(json);
    }

    /** Takes the server's answer as the new state, dropping changes. */
    void reset(JsonObject json) {
        this.original = json;
        current.clear();
        current.putAll(json);
    }

    /** Takes a fresh answer but keeps the changes made to other attributes than {@code except}. */
    void resetKeeping(JsonObject fresh, String except) {
        Map<String, JsonValue> pending = new LinkedHashMap<>(current);
        JsonObject before = original;
        reset(fresh);
        pending.forEach((k, v) -> {
            if (!k.equals(except) && !Objects.equals(before.get(k), v) && !READ_ONLY.contains(k)) {
                current.put(k, v);
            }
        });
        before.keySet().stream().filter(k -> !pending.containsKey(k) && !k.equals(except)).forEach(current::remove);
    }

    JsonObject original() {
        return original;
    }

    Map<String, JsonValue> current() {
        return current;
    }

    Map<String, JsonValue> snapshot() {
        return new LinkedHashMap<>(current);
    }

    void restore(Map<String, JsonValue> snapshot) {
        current.clear();
        current.putAll(snapshot);
    }

    boolean contains(String name) {
        return current.containsKey(name);
    }

    JsonValue json(String name) {
        return current.get(name);
    }

    /**
     * Sets an attribute: base attributes keep their JSON type, custom properties become strings (Glance's schema);
     * null removes a custom property and nulls a base attribute.
     *
     * @throws GlazeException for a read-only attribute
     */
    void assign(String imageId, String name, Object value) {
        if (READ_ONLY.contains(name)) {
            throw new GlazeException("image " + imageId + ": '" + name + "' is read-only and cannot be changed");
        }
        if (value == null) {
            if (BASE.contains(name)) {
                current.put(name, JsonValue.NULL);
            } else {
                current.remove(name);
            }
        } else if (BASE.contains(name) || value instanceof Collection || value instanceof Map) {
            current.put(name, Json.fromJava(value));
        } else {
            current.put(name, Json.string(String.valueOf(value)));
        }
    }

    String string(String name) {
        JsonValue v = current.get(name);
        return v instanceof JsonString ? ((JsonString) v).getString() : null;
    }

    Long longValue(String name) {
        JsonValue v = current.get(name);
        if (v instanceof JsonNumber) {
            return ((JsonNumber) v).longValue();
        }
        if (v instanceof JsonString) {
            try {
                return Long.parseLong(((JsonString) v).getString());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    boolean isTrue(String name) {
        return current.get(name) == JsonValue.TRUE;
    }

    Instant instant(String name) {
        return Timestamps.parse(string(name));
    }
}
