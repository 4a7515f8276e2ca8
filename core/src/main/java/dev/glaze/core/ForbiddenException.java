package dev.glaze.core;

import java.net.URI;

/** 403 Forbidden: read-only or reserved attribute, protected image, or a policy refused it. */
public class ForbiddenException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String method, URI url, int status, String serverMessage, String requestId) {
        super(method, url, status, serverMessage, requestId);
    }
}
