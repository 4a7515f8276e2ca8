package dev.glaze.emulator.swift;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Swift's ways of writing a moment: its timestamps have 10-microsecond precision. */
final class SwiftTimes {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HTTP = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US).withZone(ZoneOffset.UTC);

    private SwiftTimes() {
    }

    /** Now, at Swift's precision. */
    static Instant now(Clock clock) {
        Instant t = clock.instant();
        return Instant.ofEpochSecond(t.getEpochSecond(), t.getNano() / 10_000 * 10_000);
    }

    /** {@code X-Timestamp}: {@code 1484561613.51082}. */
    static String normal(Instant t) {
        return String.format(Locale.ROOT, "%010d.%05d", t.getEpochSecond(), t.getNano() / 10_000);
    }

    static Instant parseNormal(String s) {
        int dot = s.indexOf('.');
        if (dot < 0) {
            return Instant.ofEpochSecond(Long.parseLong(s));
        }
        String fraction = (s.substring(dot + 1) + "000000000").substring(0, 9);
        return Instant.ofEpochSecond(Long.parseLong(s.substring(0, dot)), Long.parseLong(fraction));
    }

    /** {@code last_modified} in listings: {@code 2014-01-15T16:41:49.390270}, always six decimals. */
    static String isoformat(Instant t) {
        return ISO.format(t);
    }

    /** {@code Last-Modified}: the timestamp rounded up to the second, as Swift does. */
    static String httpDate(Instant t) {
        long seconds = t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
        return HTTP.format(Instant.ofEpochSecond(seconds));
    }
}
