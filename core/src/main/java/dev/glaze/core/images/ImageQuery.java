package dev.glaze.core.images;

import dev.glaze.core.GlazeException;
import dev.glaze.core.ServiceProfile;
import dev.glaze.core.internal.Timestamps;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A listing filter, split into what the server can filter (sent as query parameters) and what glaze filters as the
 * pages arrive. Which is which depends on the service: upstream Glance takes {@code in:} lists, {@code sort=} with
 * several keys and time operators; Rackspace (Icehouse) takes none of these and silently matches nothing when sent
 * them, so glaze filters those itself there.
 *
 * <p>Keys: {@code name status visibility owner id member_status container_format disk_format checksum
 * os_hash_value protected os_hidden min_disk min_ram size_min size_max created_at updated_at} (camelCase works
 * too: {@code diskFormat}, {@code sizeMin}), {@code tag} (one or a list, all must be present), {@code sort}
 * ({@code 'name:asc,created_at'}), {@code limit} (page size), and any other key as an exact custom property match.
 */
final class ImageQuery {
    static final int DEFAULT_PAGE_SIZE = 200;
    private static final List<String> LISTABLE = List.of("id", "name", "status", "container_format", "disk_format");
    private static final List<String> SORT_KEYS = List.of("name", "status", "container_format", "disk_format", "size",
            "id", "created_at", "updated_at");
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("diskFormat", "disk_format"), Map.entry("containerFormat", "container_format"),
            Map.entry("memberStatus", "member_status"), Map.entry("minDisk", "min_disk"),
            Map.entry("minRam", "min_ram"), Map.entry("sizeMin", "size_min"), Map.entry("sizeMax", "size_max"),
            Map.entry("createdAt", "created_at"), Map.entry("updatedAt", "updated_at"),
            Map.entry("osHashValue", "os_hash_value"), Map.entry("hidden", "os_hidden"),
            Map.entry("tags", "tag"), Map.entry("pageSize", "limit"));

    private final Map<String, Object> filters;
    private final List<Predicate<Image>> predicates;

    ImageQuery(Map<String, Object> filters, List<Predicate<Image>> predicates) {
        this.filters = filters;
        this.predicates = predicates;
    }

    static ImageQuery all() {
        return new ImageQuery(Map.of(), List.of());
    }

    ImageQuery and(Map<String, ?> more) {
        Map<String, Object> merged = new LinkedHashMap<>(filters);
        more.forEach((k, v) -> merged.put(canonical(String.valueOf(k)), v));
        return new ImageQuery(merged, predicates);
    }

    ImageQuery and(Predicate<Image> predicate) {
        List<Predicate<Image>> p = new ArrayList<>(predicates);
        p.add(Objects.requireNonNull(predicate));
        return new ImageQuery(filters, p);
    }

    Map<String, Object> filters() {
        return filters;
    }

    private static String canonical(String key) {
        return ALIASES.getOrDefault(key, key);
    }

    /** The query parameters (repeated keys allowed) and the predicates to apply to what comes back. */
    Plan plan(Supplier<ServiceProfile> profile) {
        Plan plan = new Plan();
        plan.local.addAll(predicates);
        // Asked only when a filter needs it: finding the profile may cost a request (the image schema).
        BooleanSupplier rich = () -> profile.get().hasRichListing();
        boolean limitSet = false;
        for (Map.Entry<String, Object> f : filters.entrySet()) {
            String key = f.getKey();
            Object value = f.getValue();
            if (value == null) {
                continue;
            }
            switch (key) {
                case "limit":
                    plan.param("limit", String.valueOf(positive(key, value)));
                    limitSet = true;
                    break;
                case "tag":
                    for (Object t : values(value)) {
                        plan.param("tag", String.valueOf(t));
                    }
                    break;
                case "sort":
                    sort(plan, String.valueOf(value instanceof Collection ? String.join(",", strings(value)) : value),
                            rich);
                    break;
                case "created_at":
                case "updated_at":
                    time(plan, key, String.valueOf(value), rich);
                    break;
                case "protected":
                case "os_hidden":
                    if (rich.getAsBoolean()) {
                        plan.param(key, String.valueOf(value).toLowerCase(Locale.ROOT));
                    } else {
                        boolean wanted = Boolean.parseBoolean(String.valueOf(value));
                        plan.local.add(i -> wanted == (i.attribute(key) == Boolean.TRUE));
                    }
                    break;
                default:
                    if (value instanceof Collection) {
                        List<String> wanted = strings(value);
                        if (LISTABLE.contains(key) && rich.getAsBoolean()) {
                            plan.param(key, "in:" + quoteList(wanted));
                        } else {
                            plan.local.add(i -> wanted.contains(String.valueOf(i.attribute(key))));
                        }
                    } else {
                        plan.param(key, value instanceof Boolean ? value.toString().toLowerCase(Locale.ROOT)
                                : String.valueOf(value));
                    }
            }
        }
        if (!limitSet) {
            plan.param("limit", String.valueOf(DEFAULT_PAGE_SIZE));
        }
        return plan;
    }

    private static void sort(Plan plan, String spec, BooleanSupplier rich) {
        List<String[]> keys = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String[] kd = p.split(":", 2);
            String k = canonical(kd[0].strip());
            String d = kd.length > 1 ? kd[1].strip().toLowerCase(Locale.ROOT) : "desc";
            if (!SORT_KEYS.contains(k)) {
                throw new GlazeException("cannot sort images by '" + k + "': sort keys are " + SORT_KEYS);
            }
            if (!d.equals("asc") && !d.equals("desc")) {
                throw new GlazeException("sort direction of '" + k + "' is '" + d + "': use asc or desc");
            }
            keys.add(new String[] {k, d});
        }
        if (keys.isEmpty()) {
            return;
        }
        if (keys.size() == 1) {
            // the old syntax: both Icehouse and current Glance take it
            plan.param("sort_key", keys.get(0)[0]);
            plan.param("sort_dir", keys.get(0)[1]);
        } else if (rich.getAsBoolean()) {
            List<String> parts = new ArrayList<>();
            keys.forEach(kd -> parts.add(kd[0] + ":" + kd[1]));
            plan.param("sort", String.join(",", parts));
        } else {
            throw new GlazeException("this service (Rackspace, Icehouse) sorts by one key only, not " + spec
                    + "; sort by one key and order the rest with Groovy's sort { }");
        }
    }

    private static void time(Plan plan, String key, String spec, BooleanSupplier rich) {
        if (rich.getAsBoolean()) {
            plan.param(key, spec);
            return;
        }
        // Icehouse compares the column with the literal text: filter here instead
        String op = "eq";
        String at = spec;
        int colon = spec.indexOf(':');
        if (colon > 0 && spec.substring(0, colon).matches("gt|gte|lt|lte|eq|neq")) {
            op = spec.substring(0, colon);
            at = spec.substring(colon + 1);
        }
        boolean zoned = at.endsWith("Z") || at.matches(".*[+-]\\d\\d:?\\d\\d$");
        Instant when = Timestamps.parse(zoned ? at : at + "Z");
        if (when == null) {
            throw new GlazeException("'" + key + "' filter '" + spec + "' is not op:ISO-8601 time, e.g. gt:2024-01-31T00:00:00Z");
        }
        String o = op;
        plan.local.add(i -> {
            Instant t = "created_at".equals(key) ? i.getCreatedAt() : i.getUpdatedAt();
            if (t == null) {
                return false;
            }
            int c = t.compareTo(when);
            switch (o) {
                case "gt": return c > 0;
                case "gte": return c >= 0;
                case "lt": return c < 0;
                case "lte": return c <= 0;
                case "neq": return c != 0;
                default: return c == 0;
            }
        });
    }

    private static long positive(String key, Object value) {
        try {
            long n = Long.parseLong(String.valueOf(value));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new GlazeException("'" + key + "' must be a positive whole number, not " + value);
    }

    private static List<?> values(Object value) {
        return value instanceof Collection ? new ArrayList<>((Collection<?>) value) : List.of(value);
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        for (Object v : values(value)) {
            out.add(String.valueOf(v));
        }
        return out;
    }

    /** Glance's {@code in:} syntax: comma-separated, a value holding a comma in double quotes. */
    private static String quoteList(List<String> values) {
        List<String> parts = new ArrayList<>();
        for (String v : values) {
            parts.add(v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\\\"") + "\"" : v);
        }
        return String.join(",", parts);
    }

    static final class Plan {
        final List<Map.Entry<String, String>> params = new ArrayList<>();
        final List<Predicate<Image>> local = new ArrayList<>();

        void param(String k, String v) {
            params.add(new SimpleEntry<>(k, v));
        }

        boolean accepts(Image image) {
            for (Predicate<Image> p : local) {
                if (!p.test(image)) {
                    return false;
                }
            }
            return true;
        }
    }
}
