package dev.glaze.core.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The timestamps of every API glaze reads, in one place: Glance's {@code 2024-01-02T03:04:05Z}, the image tasks list's
 * zone-less {@code 2020-12-18T05:20:38.000000}, Swift's {@code 2024-01-02T03:04:05.123456}, and identity timestamps:
 * Keystone's {@code 2015-11-07T02:58:43.578887Z} (microseconds), Rackspace's {@code 2016-08-11T20:00:44.526Z} or {@code 2016-08-11T15:00:44.526-05:00}, and Keystone's zone-less
 * {@code 2016-11-06T15:32:17.000000} (which means UTC).
 *
 * <pre>{@code
 * Instant expires = Timestamps.parse("2015-11-07T02:58:43.578887Z");
 * }</pre>
 */
public final class Timestamps {
    private Timestamps() {
    }

    /** The instant, or null when {@code text} is null, blank or not a timestamp . */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notATimestamp) {
                return null;
            }
        }
    }
}
