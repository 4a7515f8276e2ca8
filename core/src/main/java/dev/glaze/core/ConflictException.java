package dev.glaze.core;

import java.net.URI;

/** 409 Conflict: the resource is in the wrong state, or already exists. */
public class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String method, URI url, int status, String serverMessage, String requestId) {
        super(method, url, status, serverMessage, requestId);
    }
}
