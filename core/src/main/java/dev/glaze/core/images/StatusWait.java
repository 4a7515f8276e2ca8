package dev.glaze.core.images;

import dev.glaze.core.GlazeException;
import dev.glaze.core.internal.CloudContext;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Waits for an image to reach a status, polling with a growing interval: the way to follow an interoperable import
 * ({@code queued} or {@code uploading}, then {@code importing}, then {@code active}) or a plain upload. An image
 * that is {@code killed} or deleted fails at once; so does an import that ends with the image back in
 * {@code queued} (how Glance reports a failed import), or that names failed stores in
 * {@code os_glance_failed_import}.
 */
final class StatusWait {
    /** The statuses of an image on its way to having data. */
    private static final Set<String> UNDER_WAY = Set.of("uploading", "importing", "saving");
    private static final Set<String> GONE = Set.of("killed", "deleted", "pending_delete");
    private static final Duration QUEUED_GRACE = Duration.ofSeconds(10);

    private StatusWait() {
    }

    /**
     * @param importStarted when this client asked for an import of the image, or null: a queued image then
     *        counts as failed once it is queued again, or still, after a grace
     */
    static Image await(Image image, String wanted, Duration timeout, Instant importStarted) {
        CloudContext ctx = image.getCloud().context();
        boolean loopback = ctx.isLoopback();
        long intervalMs = loopback ? 20 : 1000;
        long maxMs = loopback ? 500 : 15_000;
        Instant deadline = ctx.clock().instant().plus(timeout);
        boolean underWay = UNDER_WAY.contains(image.getStatus());
        while (true) {
            String status = image.getStatus();
            // Glance makes an image active before its import task lets go of the image: a change saved in
            // between is lost when the task saves the image again, so the import counts once the lock is gone
            boolean importLocked = image.has("os_glance_import_task");
            if (status.equals(wanted) && !importLocked) {
                return image;
            }
            String failedStores = String.valueOf(image.attribute("os_glance_failed_import"));
            if (GONE.contains(status)) {
                throw new GlazeException("image " + image.getId() + " is " + status + ", it will never be "
                        + wanted + lastTask(image));
            }
            if (!"null".equals(failedStores) && !failedStores.isBlank()) {
                throw new GlazeException("the import of image " + image.getId() + " failed for the stores "
                        + failedStores + " (os_glance_failed_import)" + lastTask(image));
            }
            // web-download leaves the image queued until its task runs; still queued long after the request
            // (with no stage in between) is as failed as a queued image after importing
            boolean stalled = importStarted != null && Duration.between(importStarted, ctx.clock().instant())
                    .compareTo(QUEUED_GRACE) > 0;
            if ("queued".equals(status) && !importLocked && (underWay || stalled)) {
                throw new GlazeException("the import of image " + image.getId() + " failed: the image is queued"
                        + " again, without data" + lastTask(image) + "; fix the source and import again");
            }
            underWay |= UNDER_WAY.contains(status) || importLocked;
            Instant now = ctx.clock().instant();
            if (!now.isBefore(deadline)) {
                throw new GlazeException("image " + image.getId() + " is still " + status
                        + (status.equals(wanted) ? " with its import under way (os_glance_import_task)" : "")
                        + " after " + describe(timeout) + ", not " + wanted + "; wait again with image.awaitStatus('"
                        + wanted + "', timeout)");
            }
            try {
                ctx.sleeper().sleep(Duration.ofMillis(Math.min(intervalMs, Duration.between(now, deadline)
                        .toMillis() + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GlazeException("interrupted while image " + image.getId() + " is " + status
                        + "; it carries on on the service: image.awaitStatus('" + wanted + "', timeout) again");
            }
            intervalMs = Math.min(maxMs, intervalMs * 2);
            image.refresh();
        }
    }

    /** The message of the image's last import task, when the cloud has {@code /v2/images/{id}/tasks} (2.12+). */
    private static String lastTask(Image image) {
        try {
            CloudContext ctx = image.getCloud().context();
            JsonObject answer = ctx.transport().json(ApiRequest.get(ctx.v2("/images/" + image.seg() + "/tasks")));
            if (answer.get("tasks") instanceof JsonArray tasks && !tasks.isEmpty()) {
                JsonValue last = tasks.get(tasks.size() - 1);
                String message = last instanceof JsonObject o ? Json.string(o, "message") : null;
                if (message != null && !message.isBlank()) {
                    return " (its task says: " + message.strip() + ")";
                }
            }
        } catch (RuntimeException e) {
            // older clouds have no such list; the status alone is the answer then
        }
        return "";
    }

    private static String describe(Duration d) {
        return d.toMinutes() >= 1 && d.toSecondsPart() == 0 ? d.toMinutes() + " min" : d.toMillis() % 1000 == 0
                ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
