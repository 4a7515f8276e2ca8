package dev.glaze.plugin.compute;

import dev.glaze.core.Cloud;
import dev.glaze.core.NotFoundException;
import dev.glaze.core.spi.CloudServices;
import dev.glaze.core.spi.ImageSource;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * {@code GET {compute}/images/detail} page by page ({@code limit}, {@code marker}) and {@code GET {compute}/images/{id}},
 * each image given in Glance v2's shape by {@link NovaImages}. Filters Nova knows are sent ({@code name},
 * {@code status}, {@code changes-since}, {@code type}); the others are compared here, on what Nova shows.
 */
final class ComputeImageSource implements ImageSource {
    /** Glance filter names and the query parameter Nova takes for each. */
    private static final Map<String, String> SENT = Map.of("name", "name", "status", "status",
            "changes-since", "changes-since", "type", "type", "image_type", "type");
    /** Glance's paging and ordering: Nova pages itself and lists newest first. */
    private static final List<String> IGNORED = List.of("limit", "marker", "sort", "sort_key", "sort_dir");
    private static final int PAGE = 100;

    private final Cloud cloud;
    private final URI base;

    ComputeImageSource(Cloud cloud, URI computeEndpoint) {
        this.cloud = cloud;
        String url = computeEndpoint.toString();
        this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    @Override
    public Iterator<JsonObject> list(Map<String, String> filters) {
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> local = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (SENT.containsKey(k)) {
                // Nova lower-cases the status and passes it to Glance; its own spelling is upper case
                query.put(SENT.get(k), "status".equals(k) ? v.toUpperCase(java.util.Locale.ROOT) : v);
            } else if (!IGNORED.contains(k)) {
                local.put(k, v);
            }
        });
        int pageSize = filters.containsKey("limit") ? Integer.parseInt(filters.get("limit")) : PAGE;
        query.put("limit", Integer.toString(pageSize));
        return new Pages(query, local, pageSize);
    }

    @Override
    public Optional<JsonObject> fetch(String id) {
        try {
            JsonObject answer = CloudServices.fetchJson(cloud, URI.create(base + "/images/" + encode(id)));
            return Optional.ofNullable(answer.getJsonObject("image")).map(NovaImages::toGlance);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public String describe() {
        return "the Compute API /images of " + base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Fetches the next page when the one before is used up; a page shorter than asked for is the last. */
    private final class Pages implements Iterator<JsonObject> {
        private final Map<String, String> query;
        private final Map<String, String> local;
        private final int pageSize;
        private final List<JsonObject> buffer = new ArrayList<>();
        private String marker;
        private boolean more = true;

        Pages(Map<String, String> query, Map<String, String> local, int pageSize) {
            this.query = query;
            this.local = local;
            this.pageSize = pageSize;
        }

        @Override
        public boolean hasNext() {
            while (buffer.isEmpty() && more) {
                fetchPage();
            }
            return !buffer.isEmpty();
        }

        @Override
        public JsonObject next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return buffer.remove(0);
        }

        private void fetchPage() {
            StringBuilder q = new StringBuilder();
            Map<String, String> params = new LinkedHashMap<>(query);
            if (marker != null) {
                params.put("marker", marker);
            }
            params.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(encode(k)).append('=')
                    .append(encode(v)));
            JsonObject page = CloudServices.fetchJson(cloud, URI.create(base + "/images/detail" + q));
            JsonArray images = page.getJsonArray("images");
            if (images == null) {
                throw new dev.glaze.core.GlazeException("GET " + base + "/images/detail answered without an"
                        + " \"images\" list: is " + base + " a Compute API endpoint?");
            }
            for (JsonValue v : images) {
                JsonObject glance = NovaImages.toGlance(v.asJsonObject());
                marker = glance.getString("id");
                if (matches(glance)) {
                    buffer.add(glance);
                }
            }
            more = images.size() >= pageSize && page.containsKey("images_links");
        }

        private boolean matches(JsonObject image) {
            for (Map.Entry<String, String> f : local.entrySet()) {
                JsonValue v = image.get(f.getKey());
                String text = v == null ? null : v.getValueType() == JsonValue.ValueType.STRING
                        ? ((jakarta.json.JsonString) v).getString() : v.toString();
                if (!f.getValue().equals(text)) {
                    return false;
                }
            }
            return true;
        }
    }
}
