package dev.glaze.emulator.compute;

import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An error answer in Nova's fault shape, {@code {"itemNotFound": {"code": 404, "message": "Image not found."}}}, which
 * is what the Compute API answers where Glance would answer with a WebOb page. Thrown from the compute handlers and
 * written by {@link #send}.
 */
final class NovaFault extends RuntimeException {
    /** Nova's {@code Fault._fault_names}; any other status is a {@code computeFault}. */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(400, "badRequest"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
            Map.entry(404, "itemNotFound"), Map.entry(405, "badMethod"), Map.entry(409, "conflictingRequest"),
            Map.entry(413, "overLimit"), Map.entry(415, "badMediaType"), Map.entry(429, "overLimit"),
            Map.entry(501, "notImplemented"), Map.entry(503, "serviceUnavailable"));

    private final int status;
    private final String explanation;

    NovaFault(int status, String explanation) {
        super(status + " " + explanation, null, false, false);
        this.status = status;
        this.explanation = explanation;
    }

    static NovaFault badRequest(String explanation) {
        return new NovaFault(400, explanation);
    }

    static NovaFault itemNotFound(String explanation) {
        return new NovaFault(404, explanation);
    }

    /**
     * A 400 that Glance gave and Nova passed on: Nova shows the glanceclient exception, whose text ends with the
     * status ({@code "... (HTTP 400)"}).
     */
    static NovaFault fromGlance(String glanceExplanation) {
        return new NovaFault(400, glanceExplanation + " (HTTP 400)");
    }

    int status() {
        return status;
    }

    String explanation() {
        return explanation;
    }

    String name() {
        return NAMES.getOrDefault(status, "computeFault");
    }

    /** The body as Nova's {@code jsonutils.dumps} writes it (Python's separators, non-ASCII escaped). */
    String body() {
        return "{" + Json.quote(name()) + ": {\"code\": " + status + ", \"message\": " + Json.quote(explanation) + "}}";
    }

    void send(Exchange ex) throws IOException {
        ex.sendBytes(status, "application/json; charset=UTF-8", body().getBytes(StandardCharsets.UTF_8));
    }
}
