package dev.glaze.emulator.compute;

/**
 * The Compute API versions whose image listing is served. They differ in shape only: v1.1 answers as the Diablo-era
 * API of the seed document (self and bookmark links, no extension attributes); v2 is the legacy v2 API; v2.1 adds
 * microversions, and drops the image proxy from 2.36 on.
 */
enum ComputeApiVersion {
    V1_1("v1.1"),
    V2("v2"),
    V2_1("v2.1");

    private final String segment;

    ComputeApiVersion(String segment) {
        this.segment = segment;
    }

    /** The version a URL path segment names, or null. */
    static ComputeApiVersion fromSegment(String segment) {
        for (ComputeApiVersion v : values()) {
            if (v.segment.equals(segment)) {
                return v;
            }
        }
        return null;
    }

    String segment() {
        return segment;
    }

    /** v2 on adds the {@code alternate} link to Glance and the {@code OS-EXT-IMG-SIZE}/{@code OS-DCF} attributes. */
    boolean hasExtensions() {
        return this != V1_1;
    }

    boolean hasMicroversions() {
        return this == V2_1;
    }
}
