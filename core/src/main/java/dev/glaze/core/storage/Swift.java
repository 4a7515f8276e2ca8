package dev.glaze.core.storage;

import dev.glaze.core.Cloud;
import dev.glaze.core.NotFoundException;
import dev.glaze.core.internal.Timestamps;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.http.ApiResponse;
import dev.glaze.core.internal.http.Links;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/** URLs, listings and times of the Swift API, shared by the storage classes. */
final class Swift {
    /** Swift's own largest page. */
    static final int PAGE = 1000;

    private Swift() {
    }

    static URI account(Cloud cloud) {
        return cloud.context().objectStore();
    }

    static URI container(Cloud cloud, String container) {
        return Links.join(account(cloud), Links.segment(container));
    }

    static URI object(Cloud cloud, String container, String object) {
        return Links.join(account(cloud), Links.segment(container) + "/" + Links.objectPath(object));
    }

    static URI withQuery(URI base, List<Map.Entry<String, String>> params) {
        String q = Links.query(params);
        return q.isEmpty() ? base : URI.create(base + "?" + q);
    }

    /**
     * A lazy JSON listing ({@code ?format=json}), page by page with the last name as {@code marker}; a short page
     * is the last (Swift sends no {@code next}).
     */
    static <T> Iterator<T> listing(Cloud cloud, URI base, String prefix, Function<JsonObject, T> item,
            Supplier<RuntimeException> missing) {
        return new Iterator<T>() {
            private final ArrayDeque<T> buffer = new ArrayDeque<>();
            private String marker;
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (buffer.isEmpty() && more) {
                    fetch();
                }
                return !buffer.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.poll();
            }

            private void fetch() {
                List<Map.Entry<String, String>> params = new ArrayList<>();
                params.add(new SimpleEntry<>("format", "json"));
                params.add(new SimpleEntry<>("limit", String.valueOf(PAGE)));
                if (prefix != null && !prefix.isEmpty()) {
                    params.add(new SimpleEntry<>("prefix", prefix));
                }
                if (marker != null) {
                    params.add(new SimpleEntry<>("marker", marker));
                }
                JsonArray page;
                try (ApiResponse r = cloud.context().transport().call(ApiRequest.get(withQuery(base, params)))) {
                    byte[] body = r.status() == 204 ? new byte[0] : r.bytes();
                    page = body.length == 0 ? JsonValue.EMPTY_JSON_ARRAY : Json.parse(body).asJsonArray();
                } catch (NotFoundException e) {
                    throw missing.get();
                }
                for (JsonValue v : page) {
                    JsonObject o = v.asJsonObject();
                    String name = Json.string(o, "name");
                    if (name != null) {       // {"subdir": ...} entries only come with a delimiter
                        marker = name;
                        buffer.add(item.apply(o));
                    }
                }
                more = page.size() >= PAGE;
            }
        };
    }

    static long number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof jakarta.json.JsonNumber ? ((jakarta.json.JsonNumber) v).longValue() : 0L;
    }

    static long header(ApiResponse r, String name) {
        try {
            return Long.parseLong(r.header(name).orElse("0").trim());
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    /** {@code last_modified} of listings ({@code 2014-01-15T16:41:49.390270}, UTC without a zone). */
    static Instant listingTime(String s) {
        return Timestamps.parse(s);
    }

    /** {@code Last-Modified}: an HTTP date. */
    static Instant httpTime(String s) {
        if (s == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(s.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
