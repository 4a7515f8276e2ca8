package dev.glaze.core.internal.http;

import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The server's message from an error body, whatever its shape: Glance's WebOb JSON ({@code {"message": "...<br />"}})
 * or plain text ({@code "404 Not Found\n\nNo image found...\n\n   "}) or HTML, keystone's
 * {@code {"error": {"message": ...}}}, Nova and Rackspace faults ({@code {"itemNotFound": {"message": ...}}}), Swift's
 * HTML. Never fails: an unreadable body gives an empty message.
 */
public final class ErrorBodies {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern STATUS_LINE = Pattern.compile("^\\s*\\d{3} [A-Za-z ]+?(\\n|$)");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final int MAX = 500;

    private ErrorBodies() {
    }

    public static String message(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 64 * 1024), StandardCharsets.UTF_8);
        String trimmed = text.strip();
        String message;
        if (trimmed.startsWith("{")) {
            message = fromJson(Json.objectOrEmpty(body));
            if (message == null) {
                message = trimmed;
            }
        } else if ((contentType != null && contentType.contains("html")) || trimmed.startsWith("<")) {
            message = fromHtml(trimmed);
        } else {
            message = STATUS_LINE.matcher(trimmed).replaceFirst("");
        }
        message = SPACE.matcher(TAG.matcher(message).replaceAll(" ")).replaceAll(" ").strip();
        return message.length() > MAX ? message.substring(0, MAX) + "…" : message;
    }

    private static String fromJson(JsonObject o) {
        String direct = messageOf(o);
        if (direct != null) {
            return direct;
        }
        // {"error": {...}}, {"itemNotFound": {...}}, {"unauthorized": {...}}, {"overLimit": {...}}
        for (JsonValue v : o.values()) {
            if (v instanceof JsonObject) {
                String nested = messageOf((JsonObject) v);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static String messageOf(JsonObject o) {
        for (String key : new String[] {"message", "detail", "error_description", "title"}) {
            JsonValue v = o.get(key);
            if (v instanceof JsonString && !((JsonString) v).getString().isBlank()) {
                return ((JsonString) v).getString();
            }
        }
        return null;
    }

    private static String fromHtml(String html) {
        String body = html;
        int start = body.indexOf("<body");
        if (start >= 0) {
            body = body.substring(start);
        }
        // the heading repeats the status ("<h1>404 Not Found</h1>", Swift's "<h1>Not Found</h1>")
        body = body.replaceFirst("(?s)<h1>.*?</h1>", " ");
        String text = SPACE.matcher(TAG.matcher(body).replaceAll(" ")).replaceAll(" ").strip();
        return text.isEmpty() ? SPACE.matcher(TAG.matcher(html).replaceAll(" ")).replaceAll(" ").strip() : text;
    }
}
