package dev.glaze.core.images;

import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The JSON patch that {@link Image#save()} would send: operations sorted by path, one per top-level attribute that
 * changed. Its {@link #toString()} is what a person previews:
 *
 * <pre>
 * PATCH /v2/images/1c3f... (application/openstack-images-v2.1-json-patch)
 * [{"op":"replace","path":"/min_disk","value":40},{"op":"add","path":"/release","value":"2024.1"}]
 * </pre>
 */
public final class ImagePatch {
    /** Glance's JSON patch media type (the draft-10 form, v2.1). */
    public static final String MEDIA_TYPE = "application/openstack-images-v2.1-json-patch";

    private final String imageId;
    private final List<Operation> operations;

    ImagePatch(String imageId, List<Operation> operations) {
        this.imageId = imageId;
        this.operations = List.copyOf(operations);
    }

    public List<Operation> operations() {
        return operations;
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    /** The request body. */
    public JsonArray toJson() {
        JsonArrayBuilder b = Json.array();
        operations.forEach(o -> b.add(o.toJson()));
        return b.build();
    }

    @Override
    public String toString() {
        if (operations.isEmpty()) {
            return "no changes to image " + imageId;
        }
        return "PATCH /v2/images/" + imageId + " (" + MEDIA_TYPE + ")\n" + Json.pretty(toJson());
    }

    /** One operation: {@code add}, {@code replace} or {@code remove} of a top-level attribute. */
    public static final class Operation {
        private final String op;
        private final String name;
        private final JsonValue value;

        Operation(String op, String name, JsonValue value) {
            this.op = op;
            this.name = name;
            this.value = value;
        }

        public String op() {
            return op;
        }

        /** The attribute's wire name. */
        public String name() {
            return name;
        }

        /** The JSON pointer: one reference token, {@code ~} and {@code /} escaped (RFC 6901). */
        public String path() {
            return "/" + name.replace("~", "~0").replace("/", "~1");
        }

        /** The new value as plain Java; null for {@code remove}. */
        public Object value() {
            return value == null ? null : Json.toJava(value);
        }

        jakarta.json.JsonObject toJson() {
            var b = Json.object().add("op", op).add("path", path());
            if (value != null) {
                b.add("value", value);
            }
            return b.build();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Operation && ((Operation) o).op.equals(op) && ((Operation) o).name.equals(name)
                    && Objects.equals(((Operation) o).value, value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(op, name, value);
        }

        @Override
        public String toString() {
            return toJson().toString();
        }
    }
}
