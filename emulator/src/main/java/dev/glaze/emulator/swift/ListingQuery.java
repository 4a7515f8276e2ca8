package dev.glaze.emulator.swift;

/**
 * What part of a listing to return, as Swift's query parameters say: names starting with {@code prefix}, after
 * {@code marker}, before {@code endMarker}, at most {@code limit} of them, rolled up at {@code delimiter}.
 * Empty strings and nulls mean "not given".
 */
public record ListingQuery(String prefix, String marker, String endMarker, int limit, String delimiter) {
    /** Swift's largest page ({@code CONTAINER_LISTING_LIMIT}, {@code ACCOUNT_LISTING_LIMIT}). */
    public static final int MAX_LIMIT = 10_000;

    public ListingQuery {
        prefix = prefix == null ? "" : prefix;
        marker = marker == null ? "" : marker;
        endMarker = endMarker == null ? "" : endMarker;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        if (limit < 0) {
            throw SwiftException.badRequest("Limit may not be negative");
        }
        if (limit > MAX_LIMIT) {
            // Swift's answer to a page larger than it serves.
            throw SwiftException.withReason(412, "Maximum limit is " + MAX_LIMIT);
        }
    }

    /** Everything, one full page. */
    public static ListingQuery all() {
        return new ListingQuery(null, null, null, MAX_LIMIT, null);
    }

    boolean accepts(String name) {
        return name.startsWith(prefix)
                && (marker.isEmpty() || ObjectNames.compare(name, marker) > 0)
                && (endMarker.isEmpty() || ObjectNames.compare(name, endMarker) < 0);
    }
}
