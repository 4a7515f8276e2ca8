package dev.glaze.emulator.compute;

import dev.glaze.emulator.Profile;

/**
 * Where the Nova in front of each profile's Glance differs. Rackspace's Nova is of the Icehouse era and talks to
 * Glance through the v1 API; upstream Nova (Zed) talks to Glance v2 and carries that translation's quirks.
 */
final class NovaBehaviour {
    private static final String PROPERTY_PREFIX = "property-";

    private final Profile profile;

    NovaBehaviour(Profile profile) {
        this.profile = profile;
    }

    /**
     * The Glance property a {@code property-<key>} filter compares. Glance v1 takes the key after the prefix.
     * Upstream Nova removes the prefix with Python's {@code str.lstrip('property-')}, which strips any leading run of
     * the characters {@code p r o e t y -}: {@code property-os_type} filters on {@code s_type} and matches nothing.
     * Reproduced so that a script that trips over it here trips over it before it meets a real cloud.
     */
    String propertyKey(String novaFilter) {
        if (profile == Profile.RACKSPACE) {
            return novaFilter.substring(PROPERTY_PREFIX.length());
        }
        int start = 0;
        while (start < novaFilter.length() && PROPERTY_PREFIX.indexOf(novaFilter.charAt(start)) >= 0) {
            start++;
        }
        return novaFilter.substring(start);
    }

    /**
     * Rackspace's Nova writes the bookmark as the {@code alternate} link (seen in its answers); upstream Nova points
     * it at Glance, {@code <glance>/images/<id>}.
     */
    boolean alternateIsBookmark() {
        return profile == Profile.RACKSPACE;
    }

    /** Upstream Glance leaves images with {@code os_hidden=true} out of lists, so Nova does not show them either. */
    boolean listsHideHiddenImages() {
        return profile.hasModernAttributes();
    }
}
