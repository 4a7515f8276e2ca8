package dev.glaze.emulator.api;

import dev.glaze.emulator.http.Exchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The versions document. {@code GET /versions} answers 200; any path outside a known version answers 300 with
 * the same body, as Glance's version negotiation does.
 */
public final class Versions {
    /** The API versions a Zed Glance lists (some minor versions are off when their feature is). */
    static final List<String> IDS = List.of(
            "v2.16", "v2.15", "v2.14", "v2.9", "v2.7", "v2.6", "v2.5", "v2.4", "v2.3", "v2.2", "v2.1", "v2.0");
    private static final Pattern ACCEPTED_PREFIX = Pattern.compile("v2(\\.(1[0-6]|[0-9]))?");

    private Versions() {
    }

    /** True when a first path segment names a version this service routes to the v2 API. */
    public static boolean isAccepted(String segment) {
        return ACCEPTED_PREFIX.matcher(segment).matches();
    }

    public static void send(Exchange ex, int status) throws IOException {
        List<Object> versions = new ArrayList<>();
        for (String id : IDS) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("rel", "self");
            link.put("href", ex.baseUrl() + "/v2/");
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("id", id);
            v.put("status", id.equals(IDS.get(0)) ? "CURRENT" : "SUPPORTED");
            v.put("links", List.of(link));
            versions.add(v);
        }
        ex.sendJson(status, Map.of("versions", versions));
    }
}
