package dev.glaze.emulator.swift;

import java.time.Instant;

/** {@code X-Delete-After} (seconds from now, preferred when both are sent) and {@code X-Delete-At} (epoch seconds). */
final class DeleteHeaders {
    private DeleteHeaders() {
    }

    /**
     * When the object is to expire, or null; Swift's messages for bad values.
     *
     * @throws SwiftException 400 {@code Non-integer X-Delete-After}, {@code X-Delete-After in past},
     *         {@code Non-integer X-Delete-At}, {@code X-Delete-At in past}
     */
    static Instant parse(String deleteAfter, String deleteAt, Instant now) {
        if (deleteAfter != null) {
            long seconds = integer(deleteAfter, "Non-integer X-Delete-After");
            Instant at = Instant.ofEpochSecond(Math.min(LATEST, now.getEpochSecond() + seconds));
            if (!at.isAfter(now)) {
                throw SwiftException.badRequest("X-Delete-After in past");
            }
            return at;
        }
        if (deleteAt != null) {
            Instant at = Instant.ofEpochSecond(Math.max(0, integer(deleteAt, "Non-integer X-Delete-At")));
            if (!at.isAfter(now)) {
                throw SwiftException.badRequest("X-Delete-At in past");
            }
            return at;
        }
        return null;
    }

    /** Swift keeps delete-at times within 0 to 9999999999 seconds; so does this, which also rules out overflow. */
    private static final long LATEST = 9_999_999_999L;

    private static long integer(String value, String message) {
        try {
            return Math.max(-LATEST, Math.min(LATEST, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            throw SwiftException.badRequest(message);
        }
    }
}
