package dev.glaze.core.groovy;

import java.time.Duration;

/**
 * Durations and sizes as Groovy number properties, for awaits and filters:
 *
 * <pre>{@code
 * task.await(timeout: 30.minutes, poll: 10.seconds)
 * images.findAll { it.size > 2.GiB }
 * }</pre>
 *
 * Sizes: {@code KiB MiB GiB TiB} are powers of 1024 (what Glance's byte counts add up to); {@code KB MB GB TB} are
 * powers of 1000, as disk vendors count.
 */
public final class DurationExtensions {
    private DurationExtensions() {
    }

    public static Duration getMillis(Number self) {
        return Duration.ofMillis(self.longValue());
    }

    public static Duration getSeconds(Number self) {
        return Duration.ofMillis(Math.round(self.doubleValue() * 1000));
    }

    public static Duration getSecond(Number self) {
        return getSeconds(self);
    }

    public static Duration getMinutes(Number self) {
        return Duration.ofMillis(Math.round(self.doubleValue() * 60_000));
    }

    public static Duration getMinute(Number self) {
        return getMinutes(self);
    }

    public static Duration getHours(Number self) {
        return Duration.ofMillis(Math.round(self.doubleValue() * 3_600_000));
    }

    public static Duration getHour(Number self) {
        return getHours(self);
    }

    public static Duration getDays(Number self) {
        return Duration.ofMillis(Math.round(self.doubleValue() * 86_400_000));
    }

    public static Duration getDay(Number self) {
        return getDays(self);
    }

    public static long getKiB(Number self) {
        return scale(self, 1L << 10);
    }

    public static long getMiB(Number self) {
        return scale(self, 1L << 20);
    }

    public static long getGiB(Number self) {
        return scale(self, 1L << 30);
    }

    public static long getTiB(Number self) {
        return scale(self, 1L << 40);
    }

    public static long getKB(Number self) {
        return scale(self, 1_000L);
    }

    public static long getMB(Number self) {
        return scale(self, 1_000_000L);
    }

    public static long getGB(Number self) {
        return scale(self, 1_000_000_000L);
    }

    public static long getTB(Number self) {
        return scale(self, 1_000_000_000_000L);
    }

    private static long scale(Number n, long unit) {
        return Math.round(n.doubleValue() * unit);
    }
}
