package dev.glaze.emulator.api;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Glance's timestamps: second precision with a literal Z ({@code 2026-11-22T05:15:00Z}). */
public final class Times {
    private Times() {
    }

    public static String now() {
        return format(Instant.now());
    }

    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
