package dev.glaze.emulator.swift;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal in Swift's terms: a status and, optionally, the plain-text reason Swift gives for it (such as
 * {@code X-Delete-At in past}). Without a reason the answer carries Swift's default HTML body for the status,
 * e.g. {@code <html><h1>Not Found</h1><p>The resource could not be found.</p></html>}.
 * Thrown by {@link ObjectStore} as well, so a caller in the same process sees the status an HTTP client would.
 */
public final class SwiftException extends RuntimeException {
    private final int status;
    private final String reason;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private SwiftException(int status, String reason) {
        super(status + " " + SwiftStatus.title(status) + (reason == null ? "" : ": " + reason), null, false, false);
        this.status = status;
        this.reason = reason;
    }

    /** An answer with Swift's default body for {@code status}. */
    public static SwiftException of(int status) {
        return new SwiftException(status, null);
    }

    /** An answer whose body is {@code reason} as plain text, as Swift's own checks answer. */
    public static SwiftException withReason(int status, String reason) {
        return new SwiftException(status, reason);
    }

    public static SwiftException badRequest(String reason) {
        return withReason(400, reason);
    }

    public static SwiftException notFound() {
        return of(404);
    }

    public SwiftException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    /** The plain-text reason, or null when the answer is Swift's default body. */
    public String reason() {
        return reason;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
