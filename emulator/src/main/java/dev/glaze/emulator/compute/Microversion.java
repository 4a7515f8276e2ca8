package dev.glaze.emulator.compute;

import dev.glaze.emulator.http.Exchange;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Compute API v2.1 microversion, as asked for with {@code OpenStack-API-Version: compute 2.x} (or the older
 * {@code X-OpenStack-Nova-API-Version: 2.x}); none asked means 2.1. The range is a Zed Nova's.
 */
record Microversion(int major, int minor) implements Comparable<Microversion> {
    static final Microversion MIN = new Microversion(2, 1);
    static final Microversion MAX = new Microversion(2, 93);
    /** The image proxy APIs were removed in 2.36: from then on they answer 404. */
    static final Microversion LAST_WITH_IMAGE_PROXY = new Microversion(2, 35);

    private static final Pattern FORMAT = Pattern.compile("^([1-9]\\d*)\\.([1-9]\\d*|0)$");

    /** The version the request asks for; a malformed one is 400, one outside the range 406, as Nova answers. */
    static Microversion requested(Exchange ex) {
        String value = null;
        String header = ex.header("OpenStack-API-Version");
        if (header != null) {
            for (String part : header.split(",")) {
                String[] serviceAndVersion = part.trim().split("\\s+", 2);
                if (serviceAndVersion.length == 2 && serviceAndVersion[0].equalsIgnoreCase("compute")) {
                    value = serviceAndVersion[1].trim();
                }
            }
        }
        if (value == null) {
            value = ex.header("X-OpenStack-Nova-API-Version");
        }
        if (value == null) {
            return MIN;
        }
        if (value.trim().equalsIgnoreCase("latest")) {
            return MAX;
        }
        Matcher m = FORMAT.matcher(value.trim());
        if (!m.matches()) {
            throw NovaFault.badRequest("API Version String " + value
                    + " is of invalid format. Must be of format MajorNum.MinorNum.");
        }
        Microversion asked;
        try {
            asked = new Microversion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (NumberFormatException e) {
            asked = new Microversion(Integer.MAX_VALUE, 0); // more digits than any version has: out of range
        }
        if (asked.compareTo(MIN) < 0 || asked.compareTo(MAX) > 0) {
            throw new NovaFault(406, "Version " + value.trim() + " is not supported by the API. Minimum is " + MIN
                    + " and maximum is " + MAX + ".");
        }
        return asked;
    }

    boolean hasImageProxy() {
        return compareTo(LAST_WITH_IMAGE_PROXY) <= 0;
    }

    /** The headers Nova puts on every v2.1 answer once it knows the version. */
    void announce(Exchange ex) {
        ex.setHeader("OpenStack-API-Version", "compute " + this);
        ex.setHeader("X-OpenStack-Nova-API-Version", toString());
        ex.setHeader("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
    }

    @Override
    public int compareTo(Microversion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
