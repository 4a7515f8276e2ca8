package dev.glaze.core;

import java.net.URI;

/** 401 Unauthorized: the token was missing, wrong or expired, even after signing in again. */
public class UnauthorizedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String method, URI url, int status, String serverMessage, String requestId) {
        super(method, url, status, serverMessage, requestId);
    }
}
