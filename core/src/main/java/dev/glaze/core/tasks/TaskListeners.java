package dev.glaze.core.tasks;

import dev.glaze.core.internal.http.Secrets;
import dev.glaze.core.internal.http.SharedHttpClient;
import dev.glaze.core.internal.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ready-made {@link TaskListener}s.
 *
 * <pre>{@code
 * tasks.onFinished(TaskListeners.log(System.err::println));
 * tasks.onFinished(TaskListeners.webhook("https://hooks.example.com/glaze"));
 * tasks.onFinished(TaskListeners.desktop());
 * tasks.onFinished(TaskListeners.command(List.of("/usr/local/bin/page-oncall")));
 * }</pre>
 */
public final class TaskListeners {
    private static final Logger LOG = Logger.getLogger(TaskListeners.class.getName());
    private static final Set<CompletableFuture<?>> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    private TaskListeners() {
    }

    /** One line per task: {@code task <id> (import, success): <message>}. */
    public static TaskListener log(Consumer<String> lines) {
        return task -> lines.accept(line(task));
    }

    private static String line(Task task) {
        return "task " + task.getId() + " (" + task.getType() + ", " + task.getStatus() + ")"
                + (task.getMessage() == null || task.getMessage().isEmpty() ? "" : ": " + Secrets.redact(task.getMessage()));
    }

    /**
     * Runs a program for each task that ends, not through a shell: {@code argv} and then the task's line (as
     * {@link #log} writes it) as the last argument; {@code GLAZE_TASK_ID}, {@code GLAZE_TASK_TYPE},
     * {@code GLAZE_TASK_STATUS} in its environment, which holds only those and a few of glaze's own ({@code PATH},
     * {@code HOME}, the locale, the desktop session's), never a password or key. It runs on the listeners' thread, up to 30 s; one that cannot
     * start, fails or takes longer is a warning in the log.
     */
    public static TaskListener command(List<String> argv) {
        List<String> fixed = List.copyOf(argv);
        if (fixed.isEmpty()) {
            throw new IllegalArgumentException("TaskListeners.command needs the program to run, e.g. ['notify-send', 'glaze']");
        }
        return task -> {
            List<String> full = new ArrayList<>(fixed);
            full.add(line(task));
            ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            // the program gets no secret of glaze's environment (OS_PASSWORD, OS_API_KEY, ...): only what it needs
            Map<String, String> env = pb.environment();
            env.keySet().retainAll(Set.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "USER", "DISPLAY",
                    "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "TMPDIR"));
            env.put("GLAZE_TASK_ID", String.valueOf(task.getId()));
            env.put("GLAZE_TASK_TYPE", String.valueOf(task.getType()));
            env.put("GLAZE_TASK_STATUS", String.valueOf(task.getStatus()));
            try {
                Process p = pb.start();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    LOG.warning("glaze: " + fixed.get(0) + " for task " + task.getId() + " took over 30 s and was stopped");
                } else if (p.exitValue() != 0) {
                    LOG.warning("glaze: " + fixed.get(0) + " for task " + task.getId() + " exited with " + p.exitValue());
                }
            } catch (IOException e) {
                LOG.warning("glaze: could not run " + fixed.get(0) + " for task " + task.getId() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /**
     * A desktop notification per task that ends: {@code notify-send} (Linux) or {@code osascript} (macOS), whichever
     * is on the {@code PATH}; with neither, a listener that does nothing, and one warning now.
     */
    public static TaskListener desktop() {
        if (onPath("notify-send")) {
            return command(List.of("notify-send", "--app-name=glaze", "glaze"));
        }
        if (onPath("osascript")) {
            TaskListener mac = task -> command(List.of("osascript", "-e",
                    "display notification \"" + line(task).replace("\\", "").replace("\"", "'")
                            + "\" with title \"glaze\"", "--")).finished(task);
            return mac;
        }
        LOG.warning("glaze: no desktop notifications: neither notify-send nor osascript is on the PATH");
        return task -> { };
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program)));
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
