package dev.glaze.emulator.api.listing;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 8601 times as Glance's filters read them ({@code iso8601.parse_date}, then oslo's {@code normalize_time}):
 * the same lenient grammar (a bare year, {@code YYYY-M-D}, a space or {@code T}, optional minutes, seconds,
 * fraction, {@code Z} or an offset; no zone means UTC), answered as microseconds since the epoch in UTC.
 */
final class IsoTime {
    /** A transcription of iso8601's ISO8601_REGEX; Java group names cannot hold underscores. */
    private static final Pattern ISO8601 = Pattern.compile(
            "(?<year>[0-9]{4})"
                    + "("
                    + "((-(?<monthdash>[0-9]{1,2}))|(?<month>[0-9]{2})(?!\\n?\\z))"
                    + "("
                    + "((-(?<daydash>[0-9]{1,2}))|(?<day>[0-9]{2}))"
                    + "("
                    + "((?<separator>[ T])"
                    + "(?<hour>[0-9]{2})"
                    + "(:?(?<minute>[0-9]{2}))?"
                    + "(:?(?<second>[0-9]{1,2})([.,](?<fraction>[0-9]+))?)?"
                    + "(?<timezone>Z|((?<tzsign>[-+])(?<tzhour>[0-9]{2}):?(?<tzminute>[0-9]{2})?))?"
                    + ")?"
                    + ")"
                    + ")?"
                    + ")?"
                    + "\\n?\\z"); // Python's $ also matches before a final newline

    private static final BigDecimal MICROS = new BigDecimal("1000000");

    private IsoTime() {
    }

    /** True when Python's {@code parse_isotime} accepts the text. */
    static boolean parses(String text) {
        try {
            micros(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The instant in microseconds since the epoch (UTC); IllegalArgumentException where Python raises ValueError. */
    static long micros(String text) {
        Matcher m = ISO8601.matcher(text);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException("Unable to parse date string " + text);
        }
        try {
            int year = Integer.parseInt(m.group("year"));
            if (year < 1) {
                throw new IllegalArgumentException("year 0 is out of range"); // Python's datetime starts at year 1
            }
            int month = number(m, "month", number(m, "monthdash", 1));
            int day = number(m, "day", number(m, "daydash", 1));
            int hour = number(m, "hour", 0);
            int minute = number(m, "minute", 0);
            int second = number(m, "second", 0);
            String fraction = m.group("fraction");
            int micro = fraction == null ? 0
                    : new BigDecimal("0." + fraction).multiply(MICROS).intValue(); // int() truncates
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, micro * 1000);
            long offsetSeconds = 0;
            if (m.group("tzsign") != null) {
                int sign = m.group("tzsign").equals("-") ? -1 : 1;
                offsetSeconds = sign * (Integer.parseInt(m.group("tzhour")) * 3600L + number(m, "tzminute", 0) * 60L);
                if (Math.abs(offsetSeconds) >= 24 * 3600) {
                    throw new IllegalArgumentException("offset must be less than a day: " + text);
                }
            }
            return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), local) - offsetSeconds * 1_000_000L;
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Glance's wire timestamp ({@code 2026-11-22T05:15:00Z}) in microseconds since the epoch. */
    static long wireMicros(String wire) {
        return LocalDateTime.parse(wire.substring(0, wire.length() - 1)).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    }

    private static int number(Matcher m, String group, int otherwise) {
        String v = m.group(group);
        return v == null ? otherwise : Integer.parseInt(v);
    }
}
