package dev.glaze.emulator.api;

import dev.glaze.emulator.http.HttpError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part of an image's data a download asks for, decided as Glance decides it: WebOb parses one
 * {@code Range: bytes=a-b}, {@code a-} or {@code -n}; Glance refuses several ranges (400) and a start at or past
 * the end (416), and, for old clients, also honours a request {@code Content-Range}.
 *
 * <p>Where Glance fails with a 500 ({@code bytes=-}, {@code Content-Range: bytes *}{@code /*}) this answers 416
 * "Invalid Range header." / "Invalid Content-Range header." instead; where Glance would announce more bytes than the
 * image has (a request Content-Range whose end lies past it but within its own stated length) this refuses with 416
 * like any other end past the image.
 */
final class RangeHeader {
    /** WebOb's pattern; like Python's {@code re.match} it only anchors at the start, so trailing text is ignored. */
    private static final Pattern RANGE = Pattern.compile("bytes *= *(\\d*) *- *(\\d*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (?:(\\d+)-(\\d+)|[*])/(?:(\\d+)|[*])");

    /** The bytes to send: {@code length} bytes from {@code offset}; {@code partial} answers are 206. */
    record Slice(long offset, long length, long size, boolean partial) {
        static Slice whole(long size) {
            return new Slice(0, size, size, false);
        }

        /** The answer's {@code Content-Range}, e.g. {@code bytes 0-99/1048576}. */
        String contentRange() {
            return "bytes " + offset + "-" + (offset + length - 1) + "/" + size;
        }
    }

    private RangeHeader() {
    }

    /** The slice of an image of {@code size} bytes that these request headers (either may be null) select. */
    static Slice select(String range, String contentRange, long size) {
        if (range != null) {
            return fromRange(range, size);
        }
        if (contentRange != null) {
            return fromContentRange(contentRange, size);
        }
        return Slice.whole(size);
    }

    private static Slice fromRange(String header, long size) {
        if (header.contains(",")) {
            throw HttpError.badRequest("Requests with multiple ranges are not supported in Glance. "
                    + "You may make multiple single-range requests instead.");
        }
        Matcher m = RANGE.matcher(header);
        if (!m.lookingAt() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            throw unsatisfiable("Invalid Range header.");
        }
        long start;
        Long end = null; // exclusive, as WebOb keeps it
        if (m.group(1).isEmpty()) {
            start = -number(m.group(2)); // a suffix: the last n bytes
        } else {
            start = number(m.group(1));
            if (!m.group(2).isEmpty()) {
                end = saturatedIncrement(number(m.group(2)));
                if (start >= end) {
                    throw unsatisfiable("Invalid Range header.");
                }
            }
        }
        if (start >= size) {
            throw unsatisfiable("Invalid start position in Range header. Start position MUST be in the inclusive range "
                    + "[0, " + (size - 1) + "].");
        }
        long offset = start >= 0 ? start : (-start < size ? size + start : 0);
        long stop = end != null && end < size ? end : size;
        return new Slice(offset, stop - offset, size, true);
    }

    private static Slice fromContentRange(String header, long size) {
        Matcher m = CONTENT_RANGE.matcher(header);
        if (!m.lookingAt() || m.group(1) == null) {
            throw unsatisfiable("Invalid Content-Range header.");
        }
        long start = number(m.group(1));
        long stop = saturatedIncrement(number(m.group(2)));
        Long length = m.group(3) == null ? null : number(m.group(3));
        boolean valid = length == null ? start < stop : start < stop && stop <= length && start < length;
        if (!valid) {
            throw unsatisfiable("Invalid Content-Range header.");
        }
        if (stop > size) {
            throw unsatisfiable("Invalid stop position in Content-Range header. The stop position MUST be in the "
                    + "inclusive range [0, " + (size - 1) + "].");
        }
        if (start >= size) {
            throw unsatisfiable("Invalid start position in Content-Range header. Start position MUST be in the "
                    + "inclusive range [0, " + (size - 1) + "].");
        }
        return new Slice(start, stop - start, size, true);
    }

    /** Python integers do not overflow; a position beyond any file is as good as the largest long here. */
    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long saturatedIncrement(long value) {
        return value == Long.MAX_VALUE ? value : value + 1;
    }

    private static HttpError unsatisfiable(String detail) {
        return HttpError.withDetail(416, "The Range requested is not available.", detail);
    }
}
