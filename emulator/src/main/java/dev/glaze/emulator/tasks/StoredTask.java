package dev.glaze.emulator.tasks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One task as stored. Immutable: a change makes a new value. Times keep full precision (Glance's database keeps
 * microseconds and sorts by them) and are shown to the second.
 *
 * @param input what the client sent as {@code input}, echoed verbatim (a map, or null)
 * @param result null until the task succeeds
 * @param message null until there is something to say (a failure)
 * @param imageId upstream's {@code image_id} column: the {@code image_id} given in the input, if any
 * @param createdImage the image an import made, so that a task that fails (or is cut off by a stop) can remove it
 * @param expiresAt null until the task ends
 */
public record StoredTask(String id, String type, String status, String owner, Object input,
        Map<String, Object> result, String message, String imageId, String requestId, String userId,
        Instant createdAt, Instant updatedAt, Instant expiresAt, String createdImage) {

    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";

    public StoredTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        result = result == null ? null : Map.copyOf(result);
    }

    /** Terminal states never change. */
    public boolean finished() {
        return SUCCESS.equals(status) || FAILURE.equals(status);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The input as a map, or an empty one when it is not an object. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> inputMap() {
        return input instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public StoredTask processing(Instant now) {
        return new StoredTask(id, type, PROCESSING, owner, input, result, message, imageId, requestId, userId,
                createdAt, now, expiresAt, createdImage);
    }

    public StoredTask withCreatedImage(String image, Instant now) {
        return new StoredTask(id, type, status, owner, input, result, message, imageId, requestId, userId,
                createdAt, now, expiresAt, image);
    }

    public StoredTask succeeded(Map<String, Object> taskResult, Instant now, Instant expires) {
        return new StoredTask(id, type, SUCCESS, owner, input, taskResult, message, imageId, requestId, userId,
                createdAt, now, expires, createdImage);
    }

    public StoredTask failed(String failure, Instant now, Instant expires) {
        return new StoredTask(id, type, FAILURE, owner, input, null, failure, imageId, requestId, userId,
                createdAt, now, expires, createdImage);
    }

    /** The document kept on disk. */
    Map<String, Object> toDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", id);
        doc.put("type", type);
        doc.put("status", status);
        doc.put("owner", owner);
        doc.put("input", input);
        doc.put("result", result);
        doc.put("message", message);
        doc.put("image_id", imageId);
        doc.put("request_id", requestId);
        doc.put("user_id", userId);
        doc.put("created_at", text(createdAt));
        doc.put("updated_at", text(updatedAt));
        doc.put("expires_at", text(expiresAt));
        doc.put("created_image", createdImage);
        return doc;
    }

    @SuppressWarnings("unchecked")
    static StoredTask fromDocument(Map<String, Object> doc) {
        return new StoredTask((String) doc.get("id"), (String) doc.get("type"), (String) doc.get("status"),
                (String) doc.get("owner"), doc.get("input"), (Map<String, Object>) doc.get("result"),
                (String) doc.get("message"), (String) doc.get("image_id"), (String) doc.get("request_id"),
                (String) doc.get("user_id"), instant(doc.get("created_at")), instant(doc.get("updated_at")),
                instant(doc.get("expires_at")), (String) doc.get("created_image"));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(Object text) {
        return text == null ? null : Instant.parse((String) text);
    }
}
