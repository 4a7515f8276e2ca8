package dev.glaze.core.spi;

import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * What {@code POST /v2/tasks} sends: the task's type and its input.
 *
 * <pre>{@code
 * new TaskBody("export", Json.object().add("image_uuid", id).add("receiving_swift_container", "exports").build());
 * }</pre>
 */
public final class TaskBody {
    private final String type;
    private final JsonObject input;

    public TaskBody(String type, JsonObject input) {
        this.type = Objects.requireNonNull(type, "type");
        this.input = Objects.requireNonNull(input, "input");
    }

    public String type() {
        return type;
    }

    public JsonObject input() {
        return input;
    }

    /** {@code {"type": ..., "input": {...}}}. */
    public JsonObject toJson() {
        return Json.object().add("type", type).add("input", input).build();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskBody && ((TaskBody) o).type.equals(type) && ((TaskBody) o).input.equals(input);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, input);
    }
}
