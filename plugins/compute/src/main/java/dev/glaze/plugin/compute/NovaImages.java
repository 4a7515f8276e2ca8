package dev.glaze.plugin.compute;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Map;

/**
 * One image of Nova's {@code /images/detail} in Glance v2's shape: {@code minDisk} as {@code min_disk},
 * {@code created} as {@code created_at}, {@code OS-EXT-IMG-SIZE:size} as {@code size}, Nova's upper-case status as
 * the Glance status it stands for, and each {@code metadata} entry as a property of its own (as Glance lists them).
 * Nova's {@code progress} is kept as a property.
 */
final class NovaImages {
    /** Nova's statuses and the Glance status each stands for (Nova shows queued and saving both as SAVING). */
    private static final Map<String, String> STATUS = Map.of("ACTIVE", "active", "SAVING", "saving",
            "ERROR", "killed", "DELETED", "deleted");

    private NovaImages() {
    }

    static JsonObject toGlance(JsonObject nova) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        // metadata first, so that Nova's own fields win over a property of the same name
        if (nova.get("metadata") instanceof JsonObject metadata) {
            metadata.forEach((k, v) -> b.add(k, v instanceof JsonString ? v : Json.createValue(v.toString())));
        }
        copy(nova, "id", b, "id");
        copy(nova, "name", b, "name");
        String status = nova.get("status") instanceof JsonString s ? s.getString() : null;
        if (status != null) {
            b.add("status", STATUS.getOrDefault(status, status.toLowerCase(Locale.ROOT)));
        }
        copy(nova, "progress", b, "progress");
        b.add("min_disk", number(nova, "minDisk"));
        b.add("min_ram", number(nova, "minRam"));
        copy(nova, "created", b, "created_at");
        copy(nova, "updated", b, "updated_at");
        if (nova.get("OS-EXT-IMG-SIZE:size") instanceof JsonNumber size) {
            b.add("size", size);
        }
        b.add("tags", JsonValue.EMPTY_JSON_ARRAY);
        return b.build();
    }

    private static void copy(JsonObject from, String key, JsonObjectBuilder to, String as) {
        JsonValue v = from.get(key);
        if (v != null) {
            // Nova v1.1 had integer ids (seed 004); glaze's ids are text
            to.add(as, "id".equals(key) && v instanceof JsonNumber ? Json.createValue(v.toString()) : v);
        }
    }

    private static long number(JsonObject from, String key) {
        return from.get(key) instanceof JsonNumber n ? n.longValue() : 0; // Nova shows null as 0
    }
}
