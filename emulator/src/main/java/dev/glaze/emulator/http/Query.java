package dev.glaze.emulator.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request's query parameters in the order sent, repeated keys kept. */
public final class Query {
    private final List<Map.Entry<String, String>> entries;

    private Query(List<Map.Entry<String, String>> entries) {
        this.entries = entries;
    }

    public static Query parse(String rawQuery) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                entries.add(Map.entry(decode(key), decode(value)));
            }
        }
        return new Query(entries);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("Invalid percent-encoding in the query string: " + s);
        }
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public List<Map.Entry<String, String>> entries() {
        return entries;
    }

    /** The last value given for a key, or null; what WebOb's {@code dict(request.params)} keeps. */
    public String last(String key) {
        String found = null;
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equals(key)) {
                found = e.getValue();
            }
        }
        return found;
    }

    public List<String> all(String key) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equals(key)) {
                values.add(e.getValue());
            }
        }
        return values;
    }

    public boolean has(String key) {
        return last(key) != null;
    }

    /**
     * The parameters as Python's {@code dict(request.params)} holds them: one value per key (the last),
     * each key at the place it was first seen. Glance builds its {@code first} and {@code next} links from this.
     */
    public Map<String, String> collapsed() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries) {
            map.put(e.getKey(), e.getValue());
        }
        return map;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
