package dev.glaze.core;

import java.net.URI;

/** 413 or 429: a quota was exceeded, or the rate limit still refused the request after the retries. */
public class OverLimitException extends ApiException {
    private static final long serialVersionUID = 1L;

    public OverLimitException(String method, URI url, int status, String serverMessage, String requestId) {
        super(method, url, status, serverMessage, requestId);
    }
}
