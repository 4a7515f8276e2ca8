package dev.glaze.core.tasks;

import dev.glaze.core.GlazeException;

/**
 * A task ended in {@code failure}; the message holds the server's reason.
 *
 * <pre>{@code
 * try {
 *     task.await();
 * } catch (TaskFailedException e) {
 *     System.err.println(e.getTask().getMessage());   // Error: Image not found for import. ...
 * }
 * }</pre>
 */
public class TaskFailedException extends GlazeException {
    private static final long serialVersionUID = 1L;

    private final transient Task task;

    public TaskFailedException(Task task) {
        super("task " + task.getId() + " (" + task.getType() + ") failed: "
                + (task.getMessage().isEmpty() ? "the service gave no reason" : task.getMessage().strip().replaceAll("\\s+", " "))
                + (task.getRetryOf().isPresent() ? " (after " + task.attempts() + " attempts)" : ""));
        this.task = task;
    }

    /** The failed task, as last fetched. */
    public Task getTask() {
        return task;
    }
}
