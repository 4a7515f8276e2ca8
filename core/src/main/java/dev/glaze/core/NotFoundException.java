package dev.glaze.core;

import java.net.URI;

/** 404 Not Found: no such resource, or one this project may not see. */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String method, URI url, int status, String serverMessage, String requestId) {
        super(method, url, status, serverMessage, requestId);
    }
}
