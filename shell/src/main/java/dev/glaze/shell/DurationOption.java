package dev.glaze.shell;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a duration given on the command line: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 24h}, or ISO {@code PT5M}. */
final class DurationOption {
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationOption() {
    }

    static Duration parse(String option, String value) throws UsageException {
        String v = value.trim();
        Matcher m = SIMPLE.matcher(v);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(v);
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            throw new UsageException("--" + option + " takes a duration such as 250ms, 30s, 5m or 24h, not '"
                    + value + "'");
        }
    }
}
