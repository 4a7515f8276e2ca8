package dev.glaze.core.tasks;

import dev.glaze.core.GlazeException;
import java.time.Duration;

/**
 * A task had not ended when the wait's {@code timeout} passed. The task itself keeps running on the service.
 *
 * <pre>{@code
 * try {
 *     task.await(AwaitOptions.builder().timeout(Duration.ofMinutes(5)).build());
 * } catch (AwaitTimeoutException e) {
 *     Task later = cloud.tasks().byId(e.getTask().getId()).await();   // wait some more
 * }
 * }</pre>
 */
public class AwaitTimeoutException extends GlazeException {
    private static final long serialVersionUID = 1L;

    private final transient Task task;

    public AwaitTimeoutException(Task task, Duration timeout) {
        super("task " + task.getId() + " (" + task.getType() + ") is still " + task.getStatus() + " after "
                + AwaitOptions.describe(timeout) + "; it keeps running: wait again with tasks['" + task.getId()
                + "'].await()");
        this.task = task;
    }

    /** The task as last fetched. */
    public Task getTask() {
        return task;
    }
}
