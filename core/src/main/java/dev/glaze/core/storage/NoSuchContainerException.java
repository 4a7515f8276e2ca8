package dev.glaze.core.storage;

import dev.glaze.core.GlazeException;

/**
 * The object store has no container of that name (in this account and region).
 *
 * <pre>{@code
 * try { cloud.containers().named("exports"); } catch (NoSuchContainerException e) { cloud.containers().create("exports"); }
 * }</pre>
 */
public class NoSuchContainerException extends GlazeException {
    private static final long serialVersionUID = 1L;

    private final String container;

    public NoSuchContainerException(String container, String where) {
        super("no container '" + container + "' in the object store of " + where + ": create it with"
                + " containers.create('" + container + "')");
        this.container = container;
    }

    public String getContainer() {
        return container;
    }
}
