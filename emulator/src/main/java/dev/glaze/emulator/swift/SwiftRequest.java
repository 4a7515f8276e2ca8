package dev.glaze.emulator.swift;

import dev.glaze.emulator.http.Exchange;

/** One request to the object store: the exchange, the path it names, and its answer. */
record SwiftRequest(Exchange exchange, SwiftPath path, SwiftAnswer answer) {

    String header(String name) {
        return exchange.header(name);
    }

    /**
     * {@code prefix}, {@code marker}, {@code end_marker}, {@code limit} and {@code delimiter}, checked as Swift checks
     * them: a limit that is not all digits is ignored, one over 10000 is 412, a delimiter must be one character.
     */
    ListingQuery listingQuery() {
        var q = exchange.query();
        int limit = ListingQuery.MAX_LIMIT;
        String given = q.last("limit");
        if (given != null && !given.isEmpty() && given.chars().allMatch(c -> c >= '0' && c <= '9')) {
            limit = given.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(given);
        }
        String delimiter = q.last("delimiter");
        if (delimiter != null && !delimiter.isEmpty() && (delimiter.length() > 1 || delimiter.charAt(0) > 254)) {
            throw SwiftException.withReason(412, "Bad delimiter");
        }
        return new ListingQuery(q.last("prefix"), q.last("marker"), q.last("end_marker"), limit, delimiter);
    }
}
