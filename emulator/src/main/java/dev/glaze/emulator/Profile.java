package dev.glaze.emulator;

import java.util.List;
import java.util.Locale;

/**
 * Which real service the emulator imitates. The two differ in many small ways (see the API contract):
 * {@link #RACKSPACE} follows Rackspace Cloud Images (an Icehouse-era Glance behind Repose),
 * {@link #OPENSTACK} follows current upstream Glance.
 */
public enum Profile {
    RACKSPACE,
    OPENSTACK;

    /** Parses a profile name as given on the command line; the error names the accepted values. */
    public static Profile fromName(String name) {
        for (Profile p : values()) {
            if (p.name().equalsIgnoreCase(name.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "': use rackspace or openstack");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Upstream Glance (Liberty on) renders unset base attributes as null; Icehouse omits them. */
    public boolean rendersNulls() {
        return this == OPENSTACK;
    }

    /** Upstream Glance has {@code os_hidden}, {@code os_hash_algo}, {@code os_hash_value}, {@code virtual_size}. */
    public boolean hasModernAttributes() {
        return this == OPENSTACK;
    }

    /** Upstream answers errors in JSON when asked (WebOb 1.6 on); Icehouse only knows plain text and HTML. */
    public boolean hasJsonErrors() {
        return this == OPENSTACK;
    }

    public String defaultVisibility() {
        return this == OPENSTACK ? "shared" : "private";
    }

    public List<String> visibilities() {
        return this == OPENSTACK
                ? List.of("community", "public", "private", "shared")
                : List.of("public", "private");
    }

    /**
     * Upstream lists with Glance's later features: {@code sort=}, several sort keys checked against a fixed list,
     * {@code in:} and {@code eq:} on name/id/status/formats, time comparisons on {@code created_at}/{@code updated_at},
     * and {@code protected}/{@code os_hidden} filters. Icehouse has none of them: such keys and values are taken as
     * plain equality filters and match nothing.
     */
    public boolean hasExtendedListing() {
        return this == OPENSTACK;
    }

    /** The values {@code GET /v2/images?visibility=} accepts; anything else is 400. */
    public List<String> listingVisibilities() {
        return this == OPENSTACK
                ? List.of("community", "public", "private", "shared", "all")
                : List.of("public", "private", "shared");
    }

    /** Upstream shares only images whose visibility is {@code shared}; Icehouse shares private images. */
    public boolean membersNeedSharedVisibility() {
        return this == OPENSTACK;
    }

    /** Rackspace forbids users to add, change or remove {@code com.rackspace*} properties. */
    public boolean protectsProviderProperties() {
        return this == RACKSPACE;
    }
}
