package dev.glaze.emulator.compute;

import dev.glaze.emulator.http.Query;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The query of a Compute image listing, read as Nova reads it ({@code images.py _get_filters},
 * {@code common.get_pagination_params}) and translated into the filters Nova sends to Glance.
 */
final class ComputeImageQuery {
    /** Nova's {@code [api] max_limit}: the largest page that gets a {@code next} link. */
    static final int MAX_LIMIT = 1000;

    /** Nova's supported filters and the Glance filter each becomes. */
    private static final Map<String, String> SUPPORTED = Map.of(
            "name", "name",
            "status", "status",
            "changes-since", "changes-since",
            "server", "property-instance_uuid",
            "type", "property-image_type",
            "minRam", "min_ram",
            "minDisk", "min_disk");

    /** What Python's {@code int(str(value))} accepts. */
    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?\\d+(_\\d+)*");

    private final Integer limit;
    private final String marker;
    private final Map<String, String> glanceFilters;

    private ComputeImageQuery(Integer limit, String marker, Map<String, String> glanceFilters) {
        this.limit = limit;
        this.marker = marker;
        this.glanceFilters = glanceFilters;
    }

    static ComputeImageQuery parse(Query q, NovaBehaviour nova) {
        Integer limit = q.has("limit") ? nonNegative(q.last("limit"), "limit") : null;
        // Nova checks these too, though the image listing passes neither on
        if (q.has("page_size")) {
            nonNegative(q.last("page_size"), "page_size");
        }
        if (q.has("offset")) {
            nonNegative(q.last("offset"), "offset");
        }
        Map<String, String> novaFilters = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : q.entries()) {
            String param = e.getKey();
            if (SUPPORTED.containsKey(param) || param.startsWith("property-")) {
                novaFilters.put(SUPPORTED.getOrDefault(param, param), q.last(param));
            }
        }
        String server = novaFilters.get("property-instance_uuid");
        if (server != null && server.contains("/")) {
            // a server may be given by its URL; Glance stores its id
            novaFilters.put("property-instance_uuid", server.substring(server.lastIndexOf('/') + 1));
        }
        novaFilters.computeIfPresent("status", (k, v) -> v.toLowerCase(java.util.Locale.ROOT));
        for (String column : new String[] {"min_ram", "min_disk"}) {
            String value = novaFilters.get(column);
            if (value != null && !PYTHON_INT.matcher(value.trim()).matches()) {
                // Glance would compare an integer column with the text (no match, or 0 on MySQL); say so instead
                String param = column.equals("min_ram") ? "minRam" : "minDisk";
                throw NovaFault.badRequest("Invalid input received: " + param + " must be an integer");
            }
        }
        Map<String, String> glanceFilters = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : novaFilters.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("property-")) {
                glanceFilters.put(nova.propertyKey(key), e.getValue());
            } else if (key.equals("changes-since")) {
                glanceFilters.put("updated_at", "gte:" + e.getValue());
            } else {
                glanceFilters.put(key, e.getValue());
            }
        }
        String marker = q.last("marker");
        return new ComputeImageQuery(limit, marker == null || marker.isEmpty() ? null : marker, glanceFilters);
    }

    /** How many images to answer at most, or null for all (no limit, or 0, which Nova does not pass on). */
    Integer limit() {
        return limit == null || limit == 0 ? null : limit;
    }

    /** The id after which the page starts, or null. */
    String marker() {
        return marker;
    }

    /** The filters as Glance receives them, by Glance key. */
    Map<String, String> glanceFilters() {
        return glanceFilters;
    }

    /** Nova adds a {@code next} link when a page holds exactly min(limit, max_limit) images, and that is not 0. */
    boolean isFull(int count) {
        int maxItems = Math.min(limit == null ? MAX_LIMIT : limit, MAX_LIMIT);
        return maxItems != 0 && maxItems == count;
    }

    /** Nova's {@code validate_integer(value, name, min_value=0)}, with its messages. */
    static int nonNegative(String value, String name) {
        String text = value.trim();
        if (!PYTHON_INT.matcher(text).matches()) {
            throw NovaFault.badRequest("Invalid input received: " + name + " must be an integer");
        }
        BigInteger n = new BigInteger(text.replace("_", ""));
        if (n.signum() < 0) {
            throw NovaFault.badRequest("Invalid input received: " + name + " must be >= 0");
        }
        return n.bitLength() < 32 ? n.intValue() : Integer.MAX_VALUE;
    }
}
