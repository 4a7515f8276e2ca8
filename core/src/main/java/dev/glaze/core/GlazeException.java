package dev.glaze.core;

/**
 * The root of every exception glaze throws. Unchecked, so scripts and REPL lines stay short; catch a subclass
 * when you mean to handle a particular failure:
 *
 * <pre>{@code
 * try {
 *     cloud.images().byId(id).delete();
 * } catch (NotFoundException gone) {
 *     // already deleted
 * }
 * }</pre>
 *
 * Messages are one line, name what was wrong and never contain a token, password or API key.
 */
public class GlazeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GlazeException(String message) {
        super(message);
    }

    public GlazeException(String message, Throwable cause) {
        super(message, cause);
    }
}
