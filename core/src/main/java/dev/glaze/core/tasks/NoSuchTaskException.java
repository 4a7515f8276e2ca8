package dev.glaze.core.tasks;

import dev.glaze.core.GlazeException;

/**
 * No task has that id for this project (tasks are deleted 48 hours after they end).
 *
 * <pre>{@code
 * try { cloud.tasks().byId(id); } catch (NoSuchTaskException gone) { ... }
 * }</pre>
 */
public class NoSuchTaskException extends GlazeException {
    private static final long serialVersionUID = 1L;

    public NoSuchTaskException(String message) {
        super(message);
    }
}
