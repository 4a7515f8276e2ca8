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

    /**
     * Upstream (Python 3) reads a tag or member id in the path as ISO-8859-1, so UTF-8 text is stored garbled
     * ("\u00e9" becomes "\u00c3\u00a9", seen on a real Zed Glance); Icehouse (Python 2) keeps the bytes, so it round-trips.
     */
    public boolean readsPathTextAsLatin1() {
        return this == OPENSTACK;
    }

    /**
     * Who may deactivate and reactivate: upstream's default policy lets the owner do it (seen on a real Zed Glance);
     * for Rackspace we keep the documented "admin only", its customers are never admins.
     */
    public boolean onlyAdminsDeactivate() {
        return this == RACKSPACE;
    }

    /** Rackspace forbids users to add, change or remove {@code com.rackspace*} properties. */
    public boolean protectsProviderProperties() {
        return this == RACKSPACE;
    }

    /**
     * Upstream Glance ships {@code schema-image.json}, which gives a few extra properties a type of their own
     * ({@code kernel_id} must be a UUID or null, ...); Rackspace documents no such schema.
     */
    public boolean hasOperatorImageSchema() {
        return this == OPENSTACK;
    }

    /** Upstream (Kilo on) lets a v2.1 {@code add} overwrite what exists; Icehouse answers 409 "already present". */
    public boolean patchAddReplacesExisting() {
        return this == OPENSTACK;
    }

    /**
     * Upstream refuses read-only and reserved names in every PATCH operation; Icehouse checks them only for
     * {@code add} and {@code replace}, so a {@code remove} reaches the image ("Property status may not be removed.").
     */
    public boolean patchChecksNamesOnRemove() {
        return this == OPENSTACK;
    }

    /** Icehouse counts {@code owner} among the reserved attributes; upstream lets an admin change it. */
    public boolean reservesOwner() {
        return this == RACKSPACE;
    }

    /** Upstream's PATCH errors about {@code op} list the valid operations; Icehouse's do not. */
    public boolean listsPatchOperations() {
        return this == OPENSTACK;
    }

    /**
     * A user changing someone else's image: upstream says "You do not own this image"; Icehouse's immutable
     * image proxy names the attribute ("You are not permitted to modify 'name' on this image.").
     */
    public boolean namesAttributeForNonOwner() {
        return this == RACKSPACE;
    }

    /** The task types {@code POST /v2/tasks} accepts: Rackspace adds {@code export}, upstream has its own import. */
    public List<String> taskTypes() {
        return this == OPENSTACK ? List.of("import", "api_image_import") : List.of("import", "export");
    }

    /** The task types a listing may filter on; anything else is 400 "Invalid type value". */
    public List<String> listableTaskTypes() {
        return this == OPENSTACK ? List.of("import") : List.of("import", "export");
    }

    /**
     * Where an import task reads from: Rackspace takes {@code container/object} in the region's object store
     * (Cloud Files); upstream's legacy flow downloads an {@code http(s)} URL.
     */
    public boolean importsFromObjectStore() {
        return this == RACKSPACE;
    }

    /** A task without a message: Rackspace shows Python's {@code str(None)}, upstream an empty string. */
    public String emptyTaskMessage() {
        return this == RACKSPACE ? "None" : "";
    }

    /**
     * Upstream shows every task to an admin, whatever its owner (as it does images); Rackspace's "admin" is a
     * role within a customer's account, which never reaches another account's tasks.
     */
    public boolean adminsSeeEveryTask() {
        return this == OPENSTACK;
    }
}
