package dev.glaze.emulator.compute;

import dev.glaze.emulator.api.ImageAccess;
import dev.glaze.emulator.api.ImageAttributes;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.ImageStore;
import dev.glaze.emulator.store.StoredImage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The images Glance hands Nova for a listing: those the caller may see, without killed (and, upstream, hidden)
 * ones, newest first, after the marker, matching every filter, at most {@code limit}.
 */
final class GlanceSelection {
    /** Glance's default order: created_at, then id, both descending. */
    static final Comparator<StoredImage> NEWEST_FIRST = Comparator
            .comparing((StoredImage i) -> Objects.toString(i.get("created_at"), ""))
            .thenComparing(StoredImage::id).reversed();

    private GlanceSelection() {
    }

    static List<StoredImage> select(ImageStore store, RequestContext ctx, ComputeImageQuery query, NovaBehaviour nova) {
        List<Map.Entry<String, Object>> filters = new ArrayList<>();
        for (Map.Entry<String, String> f : query.glanceFilters().entrySet()) {
            filters.add(Map.entry(f.getKey(), expected(f.getKey(), f.getValue())));
        }
        StoredImage marker = null;
        if (query.marker() != null) {
            marker = store.find(query.marker()).filter(i -> ImageAccess.canSee(i, ctx))
                    .orElseThrow(() -> NovaFault.fromGlance("No image found with ID " + query.marker()));
        }
        List<StoredImage> candidates = new ArrayList<>();
        for (StoredImage image : store.all()) {
            if ("killed".equals(image.status()) || !ImageAccess.canSee(image, ctx)) {
                continue;
            }
            if (nova.listsHideHiddenImages() && Boolean.TRUE.equals(image.get("os_hidden"))) {
                continue;
            }
            if (marker != null && NEWEST_FIRST.compare(image, marker) <= 0) {
                continue; // not after the marker
            }
            if (filters.stream().allMatch(f -> matches(image, f.getKey(), f.getValue()))) {
                candidates.add(image);
            }
        }
        candidates.sort(NEWEST_FIRST);
        Integer limit = query.limit();
        return limit == null || candidates.size() <= limit ? candidates : candidates.subList(0, limit);
    }

    /** A filter's value as the comparison needs it; a time that does not parse is Glance's 400. */
    private static Object expected(String key, String value) {
        if (!key.equals("updated_at") && !key.equals("created_at")) {
            return value;
        }
        boolean atLeast = value.startsWith("gte:");
        Instant time = parseIsoTime(atLeast ? value.substring(4) : value);
        if (time == null) {
            throw NovaFault.fromGlance("Bad \"" + key + "\" query filter format. Use ISO 8601 DateTime notation.");
        }
        return new TimeBound(time, atLeast);
    }

    /** A time filter: at or after {@code time} ({@code gte:}), or exactly it. */
    private record TimeBound(Instant time, boolean atLeast) {
    }

    private static boolean matches(StoredImage image, String key, Object expected) {
        Object actual = image.get(key);
        if (expected instanceof TimeBound bound) {
            Instant at = actual == null ? null : parseIsoTime(actual.toString());
            return at != null && (bound.atLeast() ? !at.isBefore(bound.time()) : at.equals(bound.time()));
        }
        String wanted = (String) expected;
        if (actual instanceof Number n) {
            // an integer column against text: equal only when the text is that number (as SQLite compares them)
            try {
                return n.longValue() == Long.parseLong(wanted.trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (ImageAttributes.isBase(key)) {
            return actual != null && wanted.equals(String.valueOf(actual));
        }
        // an extra property; Glance shows a stored null as ""
        return image.has(key) && wanted.equals(actual == null ? "" : actual.toString());
    }

    /** What oslo's {@code parse_isotime} takes: a date, a date and time, with or without offset (none = UTC). */
    static Instant parseIsoTime(String text) {
        String s = text.trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            // try the forms without an offset
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // a bare date?
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
