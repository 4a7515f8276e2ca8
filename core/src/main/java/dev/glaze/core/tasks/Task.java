package dev.glaze.core.tasks;

import dev.glaze.core.GlazeException;
import dev.glaze.core.ProgressListener;
import dev.glaze.core.images.Image;
import dev.glaze.core.internal.Timestamps;
import dev.glaze.core.internal.json.Json;
import dev.glaze.core.storage.StoredObject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One import or export task as it was when fetched: an immutable snapshot; {@link #refresh()} fetches a new one and
 * {@link #await()} waits until it ends.
 *
 * <pre>{@code
 * Task task = cloud.tasks().importImage(Map.of("from", "exports/web.vhd", "name", "web-gold")).await();
 * Image image = task.getImage();                          // the imported image
 * Task export = image.export("exports").await();
 * StoredObject vhd = export.getExportedObject();           // exports/<image id>.vhd
 * }</pre>
 *
 * Tasks from a listing carry no {@code input}, {@code result} or {@code message} (Glance leaves them out):
 * {@link #refresh()} one to see them. Thread-safe.
 */
public final class Task {
    private final Tasks tasks;
    private final JsonObject json;
    private final Task retryOf;

    Task(Tasks tasks, JsonObject json, Task retryOf) {
        this.tasks = tasks;
        this.json = json;
        this.retryOf = retryOf;
    }

    public String getId() {
        return Json.string(json, "id");
    }

    /** {@code import} or {@code export} (upstream also {@code api_image_import}). */
    public String getType() {
        return Json.string(json, "type");
    }

    /** {@code pending}, {@code processing}, {@code success} or {@code failure}. */
    public String getStatus() {
        return Json.string(json, "status");
    }

    /** What the task was given, as sent. */
    public Map<String, Object> getInput() {
        return map("input");
    }

    /** What it made ({@code image_id}, {@code export_location}); empty until it succeeds. */
    public Map<String, Object> getResult() {
        return map("result");
    }

    /** The service's message: why it failed; empty when there is none (Rackspace's {@code "None"} too). */
    public String getMessage() {
        String m = Json.string(json, "message");
        return m == null || "None".equals(m) ? "" : m;
    }

    /** The project it belongs to. */
    public String getOwner() {
        return Json.string(json, "owner");
    }

    public Instant getCreatedAt() {
        return time("created_at");
    }

    public Instant getUpdatedAt() {
        return time("updated_at");
    }

    /** When the service deletes it: set once it has ended (48 hours later by default). */
    public Optional<Instant> getExpiresAt() {
        return Optional.ofNullable(time("expires_at"));
    }

    /** Whether it has ended, either way. */
    public boolean isFinished() {
        return isSuccess() || isFailure();
    }

    public boolean isSuccess() {
        return "success".equals(getStatus());
    }

    public boolean isFailure() {
        return "failure".equals(getStatus());
    }

    /** The id of the image an import made ({@code result.image_id}), or null. */
    public String getImageId() {
        Object id = getResult().get("image_id");
        if (id == null) {
            id = Json.string(json, "image_id");
        }
        return id == null ? null : String.valueOf(id);
    }

    /**
     * The image a successful import made, fetched now.
     *
     * @throws GlazeException when the task has not succeeded or made no image
     */
    public Image getImage() {
        if (!isSuccess()) {
            throw new GlazeException("task " + getId() + " is " + getStatus() + ": it has no image"
                    + (isFinished() ? " (" + getMessage() + ")" : " yet; wait for it: task.await().image"));
        }
        String id = getImageId();
        if (id == null) {
            throw new GlazeException("task " + getId() + " (" + getType() + ") made no image; its result: "
                    + getResult());
        }
        return tasks.cloud().images().byId(id);
    }

    /** Where an export put the image ({@code result.export_location}, e.g. {@code exports/<id>.vhd}), or null. */
    public String getExportLocation() {
        Object location = getResult().get("export_location");
        return location == null ? null : String.valueOf(location);
    }

    /**
     * The object a successful export wrote, fetched now.
     *
     * @throws GlazeException when the task has not succeeded or is not an export
     */
    public StoredObject getExportedObject() {
        String location = getExportLocation();
        if (location == null) {
            throw new GlazeException("task " + getId() + " (" + getType() + ", " + getStatus() + ") has no export"
                    + " location" + (isFinished() ? "" : " yet; wait for it: task.await().exportedObject"));
        }
        int slash = location.indexOf('/');
        if (slash <= 0) {
            throw new GlazeException("task " + getId() + " gives export location '" + location
                    + "', not '<container>/<object>'");
        }
        return tasks.cloud().containers().named(location.substring(0, slash)).object(location.substring(slash + 1));
    }

    /** The task fetched again ({@code GET /v2/tasks/{id}}), as a new snapshot. */
    public Task refresh() {
        return new Task(tasks, tasks.fetch(getId()), retryOf);
    }

    /** Waits until it ends, with the default {@link AwaitOptions}; returns the successful task. */
    public Task await() {
        return await(AwaitOptions.defaults());
    }

    /**
     * Waits until it ends; returns the successful task.
     *
     * @throws TaskFailedException when it fails (after any transient retries), with the service's message
     * @throws AwaitTimeoutException when the timeout passes first; the task keeps running
     * @throws AwaitInterruptedException when the waiting thread is interrupted; the task keeps running
     */
    public Task await(AwaitOptions options) {
        ProgressListener.Watch<Task> watch = options.getOnPoll() == null
                ? tasks.cloud().context().progress().awaiting(this) : null;
        if (watch == null) {
            return awaitPolling(options);
        }
        try (watch) {
            watch.update(this);
            return awaitPolling(options.toBuilder().onPoll(watch::update).build());
        }
    }

    private Task awaitPolling(AwaitOptions options) {
        Poll poll = tasks.poll(this, options);
        try {
            return poll.future().get();
        } catch (InterruptedException e) {
            poll.future().cancel(false);
            Thread.currentThread().interrupt();
            throw new AwaitInterruptedException(List.of(poll.current()), e);
        } catch (ExecutionException e) {
            throw Poll.unwrap(e.getCause());
        }
    }

    /** Waits in the background: the future completes with the successful task, or the exceptions of {@link #await}. */
    public CompletableFuture<Task> awaitAsync(AwaitOptions options) {
        return tasks.poll(this, options).future();
    }

    public CompletableFuture<Task> awaitAsync() {
        return awaitAsync(AwaitOptions.defaults());
    }

    /** The failed task this one runs again (a transient failure, see {@link AwaitOptions#getRetryTransient()}). */
    public Optional<Task> getRetryOf() {
        return Optional.ofNullable(retryOf);
    }

    /** How many tasks were created to get this far: 1 plus the transient retries before it. */
    public int attempts() {
        return retryOf == null ? 1 : 1 + retryOf.attempts();
    }

    /** The task as the service sent it, for the REPL and logs. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap() {
        return (Map<String, Object>) Json.toJava(json);
    }

    public JsonObject toJson() {
        return json;
    }

    Tasks tasks() {
        return tasks;
    }

    Task withRetryOf(Task failed) {
        return new Task(tasks, json, failed);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String key) {
        JsonValue v = json.get(key);
        return v instanceof JsonObject ? (Map<String, Object>) Json.toJava(v) : Map.of();
    }

    private Instant time(String key) {
        return Timestamps.parse(Json.string(json, key));
    }

    @Override
    public String toString() {
        String made = getImageId() != null ? ", image " + getImageId()
                : getExportLocation() != null ? ", " + getExportLocation() : "";
        String why = isFailure() && !getMessage().isEmpty() ? ": " + getMessage() : "";
        return "task " + getId() + " (" + getType() + ", " + getStatus() + made + ")" + why;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Task && ((Task) o).json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }
}
