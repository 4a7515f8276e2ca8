package dev.glaze.core;

import java.net.URI;

/** 400 Bad Request: the request was malformed or failed validation. */
public class BadRequestException extends ApiException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String method, URI url, int status, String serverMessage, String requestId) {
        super(method, url, status, serverMessage, requestId);
    }
}
