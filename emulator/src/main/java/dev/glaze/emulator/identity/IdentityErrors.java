package dev.glaze.emulator.identity;

import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error answers in the identity services' own shapes, the same whatever the request's {@code Accept}: Keystone's
 * (and keystonemiddleware's) {@code {"error": {"code", "title", "message"}}}, Rackspace Identity's
 * {@code {"unauthorized": {"code", "message"}}}. Messages never contain a credential or token.
 */
final class IdentityErrors {
    /** What Keystone and keystonemiddleware say for every failed authentication, whatever went wrong. */
    static final String UNAUTHORIZED = "The request you have made requires authentication.";
    static final String RACKSPACE_UNAUTHORIZED = "Unable to authenticate user with credentials provided.";
    static final String RACKSPACE_UNPARSABLE =
            "Invalid request body: unable to parse Auth data. Please review XML or JSON formatting.";

    private IdentityErrors() {
    }

    /**
     * Keystone's 401, also keystonemiddleware's in front of a service: the body byte for byte as Python's json.dumps
     * writes it, and the header that tells a client where to get a token.
     */
    static HttpError unauthorized(String base) {
        return keystone(401, UNAUTHORIZED).header("WWW-Authenticate", "Keystone uri=\"" + base + "\"");
    }

    /** Keystone's ValidationError, raised for a request that is missing a part. */
    static HttpError missing(String attribute, String target) {
        return keystone(400, "Expecting to find " + attribute + " in " + target + ". The server could not comply with "
                + "the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.");
    }

    /** Keystone's schema error for a field of the wrong shape. */
    static HttpError invalidField(String path, String problem) {
        return keystone(400, "Invalid input for field '" + path + "': " + problem);
    }

    static HttpError keystone(int status, String message) {
        // Python's json.dumps: ", " and ": " separators, keys in keystone's order.
        String body = "{\"error\": {\"code\": " + status + ", \"title\": " + Json.quote(title(status))
                + ", \"message\": " + Json.quote(message) + "}}";
        return HttpError.withFixedBody(status, message, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Rackspace Identity's fault: {@code {"badRequest": {"code": 400, "message": "..."}}}. */
    static HttpError rackspace(int status, String message) {
        String key = switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 413 -> "overLimit";
            default -> "identityFault";
        };
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("code", status);
        fault.put("message", message);
        return HttpError.withFixedBody(status, message, "application/json", Json.bytes(Map.of(key, fault)));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Request Entity Too Large";
            default -> "Error";
        };
    }
}
