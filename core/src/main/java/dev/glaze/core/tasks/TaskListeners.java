package dev.glaze.core.tasks;

import dev.glaze.core.internal.http.Secrets;
import dev.glaze.core.internal.http.SharedHttpClient;
import dev.glaze.core.internal.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ready-made {@link TaskListener}s.
 *
 * <pre>{@code
 * tasks.onFinished(TaskListeners.log(System.err::println));
 * tasks.onFinished(TaskListeners.webhook("https://hooks.example.com/glaze"));
 * }</pre>
 */
public final class TaskListeners {
    private static final Logger LOG = Logger.getLogger(TaskListeners.class.getName());
    private static final Set<CompletableFuture<?>> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    private TaskListeners() {
    }

    /** One line per task: {@code task <id> (import, success): <message>}. */
    public static TaskListener log(Consumer<String> lines) {
        return task -> lines.accept("task " + task.getId() + " (" + task.getType() + ", " + task.getStatus() + ")"
                + (task.getMessage() == null || task.getMessage().isEmpty() ? "" : ": " + task.getMessage()));
    }

    /**
     * POSTs {@code {"id", "type", "status", "message"}} as JSON to {@code url}, in the background (the await does
     * not wait for it; {@code Cloud.shutdownForExit()} waits up to 5 s for those still on their way); a webhook that
     * fails is a warning in the log.
     */
    public static TaskListener webhook(String url) {
        URI target = URI.create(url);
        return task -> {
            byte[] body = Json.bytes(Json.object().add("id", task.getId()).add("type", String.valueOf(task.getType()))
                    .add("status", String.valueOf(task.getStatus()))
                    .add("message", task.getMessage() == null ? "" : Secrets.redact(task.getMessage())).build());
            HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            CompletableFuture<?> sent = SharedHttpClient.get().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() >= 300) {
                            LOG.log(Level.WARNING, "glaze: the webhook " + target + " for task " + task.getId()
                                    + " failed: " + (error != null ? error : "HTTP " + response.statusCode()));
                        }
                    });
            IN_FLIGHT.add(sent);
            sent.whenComplete((r, e) -> IN_FLIGHT.remove(sent));
        };
    }

    /** Waits (at most {@code timeout}) for webhooks still being sent: a one-shot command must not end before. */
    public static void awaitWebhooks(Duration timeout) {
        try {
            CompletableFuture.allOf(IN_FLIGHT.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a failed one was logged; a slow one is given up
        }
    }
}
