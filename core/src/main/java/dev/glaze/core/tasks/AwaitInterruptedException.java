package dev.glaze.core.tasks;

import dev.glaze.core.GlazeException;
import java.util.List;

/**
 * The thread waiting for tasks was interrupted (Ctrl-C in the shell): glaze stopped polling and left the tasks
 * alone, they keep running on the service. The thread's interrupt flag is set again.
 *
 * <pre>{@code
 * catch (AwaitInterruptedException e) {
 *     e.getTasks().forEach(t -> System.out.println("still running: " + t.getId()));
 * }
 * }</pre>
 */
public class AwaitInterruptedException extends GlazeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Task> tasks;

    public AwaitInterruptedException(List<Task> tasks, InterruptedException cause) {
        super(describe(tasks), cause);
        this.tasks = List.copyOf(tasks);
    }

    private static String describe(List<Task> tasks) {
        if (tasks.size() == 1) {
            Task t = tasks.get(0);
            return "stopped waiting for task " + t.getId() + " (" + t.getType() + ", " + t.getStatus()
                    + "); it keeps running: get it back with tasks['" + t.getId() + "'].await()";
        }
        return "stopped waiting for " + tasks.size() + " tasks; they keep running: get one back with"
                + " tasks['<id>'].await()" + (tasks.isEmpty() ? "" : ", e.g. tasks['" + tasks.get(0).getId()
                + "'].await()");
    }

    /** The tasks waited for, as last fetched. */
    public List<Task> getTasks() {
        return tasks;
    }
}
