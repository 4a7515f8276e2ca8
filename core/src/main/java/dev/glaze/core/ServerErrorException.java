package dev.glaze.core;

import java.net.URI;

/** 5xx: the service failed; idempotent requests were retried first. */
public class ServerErrorException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ServerErrorException(String method, URI url, int status, String serverMessage, String requestId) {
        super(method, url, status, serverMessage, requestId);
    }
}
