package dev.glaze.core.internal;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The image schema of one service: which attributes may not be changed by a patch. Upstream marks read-only attributes with {@code readOnly: true}; Icehouse's
 * schema (Rackspace) only says "(READ-ONLY)" in descriptions, so Glance's own list backs both up.
 */
public final class ImageSchema {
    /** Glance's {@code _readonly_properties} and {@code _disallowed_properties} (contract 3.1). */
    private static final Set<String> READ_ONLY = Set.of("created_at", "updated_at", "status", "checksum", "size",
            "virtual_size", "direct_url", "self", "file", "schema", "id", "os_hash_algo", "os_hash_value", "stores");
    private static final Set<String> RESERVED = Set.of("location", "deleted", "deleted_at");

    private final JsonObject raw;
    private final JsonObject properties;

    private ImageSchema(JsonObject raw) {
        this.raw = raw;
        JsonValue p = raw.get("properties");
        this.properties = p instanceof JsonObject ? (JsonObject) p : JsonValue.EMPTY_JSON_OBJECT;
    }

    public static ImageSchema of(JsonObject schema) {
        return new ImageSchema(schema);
    }

    public JsonObject raw() {
        return raw;
    }

    /** Why the attribute cannot be changed by a patch, or empty when it can. */
    public Optional<String> refusal(String name) {
        if (READ_ONLY.contains(name) || markedReadOnly(name)) {
            return Optional.of("'" + name + "' is read-only");
        }
        if (RESERVED.contains(name) || name.startsWith("os_glance")) {
            return Optional.of("'" + name + "' is reserved");
        }
        return Optional.empty();
    }

    public Optional<String> description(String name) {
        JsonValue v = properties.get(name);
        if (v instanceof JsonObject && ((JsonObject) v).get("description") instanceof JsonString) {
            return Optional.of(((JsonObject) v).getString("description"));
        }
        return Optional.empty();
    }

    private boolean markedReadOnly(String name) {
        JsonValue v = properties.get(name);
        if (!(v instanceof JsonObject)) {
            return false;
        }
        JsonObject p = (JsonObject) v;
        if (p.get("readOnly") == JsonValue.TRUE) {
            return true;
        }
        return description(name).map(d -> d.toUpperCase(Locale.ROOT).contains("READ-ONLY")).orElse(false);
    }
}
