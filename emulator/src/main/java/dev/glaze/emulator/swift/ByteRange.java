package dev.glaze.emulator.swift;

/**
 * A {@code Range} header as swob reads it. A header that is not a valid byte-range set is ignored (the whole object,
 * 200); one whose ranges all miss the object is 416. A set of several ranges is ignored too (this service does
 * not write multipart answers; HTTP allows a server to ignore {@code Range}).
 *
 * @param start first byte, inclusive
 * @param end last byte, exclusive
 */
record ByteRange(long start, long end) {
    /** Marks a header whose ranges all lie outside the object. */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    long length() {
        return end - start;
    }

    /** {@code Content-Range} for this range of an object of {@code size} bytes. */
    String contentRange(long size) {
        return "bytes " + start + "-" + (end - 1) + "/" + size;
    }

    /** The range to serve, {@link #UNSATISFIABLE}, or null to serve the whole object. */
    static ByteRange of(String header, long size) {
        if (header == null || size == 0) {
            return null;
        }
        String h = header.replace(" ", "");
        if (!h.regionMatches(true, 0, "bytes=", 0, 6) || h.indexOf(',') >= 0) {
            return null;
        }
        String spec = h.substring(6);
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        Long first = number(spec.substring(0, dash));
        Long last = number(spec.substring(dash + 1));
        if ((first == null && last == null) || (first != null && first < 0) || (last != null && last < 0)
                || (first != null && last != null && last < first)
                || (dash > 0 && first == null) || (dash < spec.length() - 1 && last == null)) {
            return null;   // not syntactically valid: ignored, as the RFC says
        }
        if (first == null) {   // bytes=-N: the last N bytes
            return last == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - last), size);
        }
        if (first >= size) {
            return UNSATISFIABLE;
        }
        return new ByteRange(first, last == null ? size : Math.min(last + 1, size));
    }

    private static Long number(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(s);
    }
}
