package dev.glaze.core;

import java.net.URI;

/**
 * No answer came: the connection was refused, reset or timed out (after the retries allowed for the request).
 * For a request that changes something ({@code POST}), the service may or may not have acted on it.
 */
public class ConnectionException extends GlazeException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final URI url;

    public ConnectionException(String method, URI url, String problem, Throwable cause) {
        super(method + " " + url + ": " + problem, cause);
        this.method = method;
        this.url = url;
    }

    public String method() {
        return method;
    }

    public URI url() {
        return url;
    }
}
