package dev.glaze.core.storage;

import dev.glaze.core.GlazeException;

/**
 * The container holds no object of that name.
 *
 * <pre>{@code
 * try { container.object("web.vhd"); } catch (NoSuchObjectException e) { container.upload("web.vhd", file); }
 * }</pre>
 */
public class NoSuchObjectException extends GlazeException {
    private static final long serialVersionUID = 1L;

    public NoSuchObjectException(String container, String object) {
        super("container '" + container + "' has no object '" + object + "'; its objects:"
                + " containers['" + container + "'].objects()");
    }
}
