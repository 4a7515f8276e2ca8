package dev.glaze.emulator.http;

import java.util.Map;

/** The reason phrases WebOb uses in error bodies ("404 Not Found"). */
final class StatusLine {
    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(300, "Multiple Choices"),
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"),
            Map.entry(409, "Conflict"),
            Map.entry(410, "Gone"),
            Map.entry(411, "Length Required"),
            Map.entry(413, "Request Entity Too Large"),
            Map.entry(415, "Unsupported Media Type"),
            Map.entry(416, "Request Range Not Satisfiable"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    private StatusLine() {
    }

    static String title(int status) {
        return TITLES.getOrDefault(status, "Error");
    }

    static String of(int status) {
        return status + " " + title(status);
    }
}
