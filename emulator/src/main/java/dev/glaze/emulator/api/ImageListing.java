package dev.glaze.emulator.api;

import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.Query;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.StoredImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /v2/images}: filters, sorting and marker paging as Glance does them. */
public final class ImageListing {
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 1000;

    private final Api api;

    public ImageListing(Api api) {
        this.api = api;
    }

    public void list(Exchange ex) throws IOException {
        ex.rejectBody();
        Query q = ex.query();
        RequestContext ctx = ex.context();
        int limit = limit(q.last("limit"));
        List<StoredImage> matching = new ArrayList<>();
        for (StoredImage image : api.store().all()) {
            if (!"killed".equals(image.status()) && ImageAccess.canSee(image, ctx)) {
                matching.add(image);
            }
        }
        matching.sort(Comparator.comparing((StoredImage i) -> (String) i.get("created_at"))
                .thenComparing(StoredImage::id).reversed());
        int start = 0;
        String marker = q.last("marker");
        if (marker != null) {
            start = -1;
            for (int i = 0; i < matching.size(); i++) {
                if (matching.get(i).id().equals(marker)) {
                    start = i + 1;
                }
            }
            if (start < 0) {
                throw HttpError.badRequest("No image found with ID " + marker);
            }
        }
        List<Object> page = new ArrayList<>();
        String last = null;
        for (int i = start; i < matching.size() && page.size() < limit; i++) {
            page.add(api.renderer().render(matching.get(i)));
            last = matching.get(i).id();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("images", page);
        body.put("first", link(q, null));
        body.put("schema", "/v2/schemas/images");
        if (limit > 0 && page.size() == limit) {
            body.put("next", link(q, last));
        }
        ex.sendJson(200, body);
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("limit param must be an integer");
        }
        if (limit < 0) {
            throw HttpError.badRequest("limit param must be positive");
        }
        return Math.min(limit, MAX_LIMIT);
    }

    /** A {@code first} or {@code next} link: the request's parameters as Glance keeps them, marker replaced. */
    static String link(Query q, String marker) {
        StringBuilder sb = new StringBuilder("/v2/images");
        Map<String, String> params = q.collapsed();
        if (marker == null) {
            params.remove("marker");
        } else {
            params.put("marker", marker); // keeps the place of a marker the request already had
        }
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(Query.encode(e.getKey())).append('=').append(Query.encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }
}
