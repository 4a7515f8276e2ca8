package dev.glaze.emulator.identity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Identity timestamps carry fractional seconds, unlike Glance's: Keystone microseconds, Rackspace milliseconds. */
final class Timestamps {
    private static final DateTimeFormatter KEYSTONE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RACKSPACE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** {@code 2015-11-07T02:58:43.578887Z} */
    static String keystone(Instant t) {
        return KEYSTONE.format(t);
    }

    /** {@code 2016-08-11T20:00:44.526Z} */
    static String rackspace(Instant t) {
        return RACKSPACE.format(t);
    }
}
