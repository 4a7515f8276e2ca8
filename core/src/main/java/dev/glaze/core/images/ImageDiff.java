package dev.glaze.core.images;

import dev.glaze.core.GlazeException;
import dev.glaze.core.internal.ImageSchema;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Computes the minimal patch between an image as fetched and as changed, at the top level only (Glance accepts a
 * single reference token per path, so arrays are replaced whole): {@code replace} for what exists (every attribute
 * the schema declares exists, even when absent or null), {@code add} for a new custom property, {@code remove} for
 * a removed one. Read-only and reserved attributes are refused here, before anything is sent.
 */
final class ImageDiff {
    private ImageDiff() {
    }

    static ImagePatch between(String imageId, JsonObject original, Map<String, JsonValue> current,
            ImageSchema schema) {
        List<ImagePatch.Operation> ops = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(original.keySet());
        names.addAll(current.keySet());
        List<String> refused = new ArrayList<>();
        for (String name : names) {
            JsonValue before = present(original.get(name));
            JsonValue after = "tags".equals(name) ? distinct(present(current.get(name))) : present(current.get(name));
            if (same(name, before, after)) {
                continue;
            }
            schema.refusal(name).ifPresent(refused::add);
            boolean base = ImageState.BASE.contains(name);
            if (after == null) {
                if (base) {
                    if (before != null) {
                        // tags must stay an array: no tags is [], not null
                        ops.add(new ImagePatch.Operation("replace", name,
                                "tags".equals(name) ? JsonValue.EMPTY_JSON_ARRAY : JsonValue.NULL));
                    }
                } else {
                    ops.add(new ImagePatch.Operation("remove", name, null));
                }
            } else if (before == null && !base) {
                ops.add(new ImagePatch.Operation("add", name, after));
            } else {
                ops.add(new ImagePatch.Operation("replace", name, after));
            }
        }
        if (!refused.isEmpty()) {
            throw new GlazeException("image " + imageId + ": " + String.join(", ", refused)
                    + "; undo the change (image.refresh()) and try again; nothing was sent");
        }
        return new ImagePatch(imageId, ops);
    }

    /** Tags are a set on the server: each once, in the order first given. */
    private static JsonValue distinct(JsonValue tags) {
        if (!(tags instanceof JsonArray)) {
            return tags;
        }
        var b = Json.array();
        new java.util.LinkedHashSet<>((JsonArray) tags).forEach(b::add);
        return b.build();
    }

    private static JsonValue present(JsonValue v) {
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
    }

    private static boolean same(String name, JsonValue a, JsonValue b) {
        if ("tags".equals(name) && (a == null || b == null)) {
            JsonValue other = a == null ? b : a;
            return other == null || (other instanceof JsonArray && ((JsonArray) other).isEmpty());
        }
        if ("tags".equals(name) && a instanceof JsonArray && b instanceof JsonArray) {
            // tags are a set on the server: another order is no change
            return new HashSet<>(Json.toJava(a) instanceof List ? (List<?>) Json.toJava(a) : List.of())
                    .equals(new HashSet<>((List<?>) Json.toJava(b)));
        }
        return Objects.equals(a, b);
    }
}
