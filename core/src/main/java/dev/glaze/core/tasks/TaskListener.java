package dev.glaze.core.tasks;

/**
 * Told when an awaited task ends (succeeded, or failed for good): a log line, a desktop notification, a webhook.
 * Register one on a cloud ({@code Cloud.builder()...onTaskFinished(listener)}), with {@code tasks.onFinished { }}
 * in a script, or from a plugin ({@code GlazePlugin.taskListener()}). A listener that throws is logged and does not
 * disturb the await; listeners run on the thread that saw the end, so a slow one should hand its work off.
 *
 * <pre>{@code
 * cloud.tasks().onFinished(t -> System.out.println(t.getId() + " " + t.getStatus()));
 * }</pre>
 */
@FunctionalInterface
public interface TaskListener {
    void finished(Task task);
}
