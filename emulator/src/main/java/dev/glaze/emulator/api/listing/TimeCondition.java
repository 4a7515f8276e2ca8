package dev.glaze.emulator.api.listing;

import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.store.StoredImage;
import java.time.DateTimeException;
import java.util.List;
import java.util.function.Predicate;

/**
 * An upstream time filter such as {@code created_at=gt:2016-04-18T21:38:54Z} ({@code gt gte lt lte eq neq}; a bare
 * time is {@code eq}; no zone means UTC).
 *
 * <p>Glance stores microseconds and shows whole seconds. The emulator keeps only the seconds it shows, so it places
 * each image in the middle of its second: a threshold copied from a listed timestamp then compares as it does on
 * Glance, whose stored value is a fraction past the shown second ({@code gt:} includes the image itself,
 * {@code eq:} never matches).
 */
final class TimeCondition {
    private static final long HALF_SECOND_MICROS = 500_000;

    private TimeCondition() {
    }

    static void add(List<Predicate<StoredImage>> conditions, Column column, String value) {
        FilterValues.Operation op = FilterValues.split(value);
        long threshold;
        try {
            threshold = IsoTime.micros(op.operand());
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("Bad \"" + column.wireName + "\" query filter format. "
                    + "Use ISO 8601 DateTime notation.");
        }
        Comparison comparison = switch (op.operator()) {
            case "gt" -> c -> c > 0;
            case "gte" -> c -> c >= 0;
            case "lt" -> c -> c < 0;
            case "lte" -> c -> c <= 0;
            case "eq" -> c -> c == 0;
            case "neq" -> c -> c != 0;
            default -> throw HttpError.badRequest("Unable to filter on a unknown operator.");
        };
        conditions.add(image -> {
            Object wire = column.value(image);
            if (!(wire instanceof String s)) {
                return false; // NULL compares to nothing
            }
            long micros;
            try {
                micros = IsoTime.wireMicros(s) + HALF_SECOND_MICROS;
            } catch (DateTimeException | IndexOutOfBoundsException e) {
                return false; // not a timestamp the emulator wrote; it cannot be compared
            }
            return comparison.holds(Long.compare(micros, threshold));
        });
    }

    @FunctionalInterface
    private interface Comparison {
        boolean holds(int comparedToThreshold);
    }
}
