package dev.glaze.core;

/**
 * Which kind of Image service a cloud runs, where they differ (contract section 16): Rackspace Cloud Images (an
 * Icehouse-era Glance: one sort key, no {@code in:} filters, {@code add} never overwrites, import and export tasks
 * through Cloud Files) or an upstream OpenStack Glance. Found from the catalog and the image schema unless set.
 */
public enum ServiceProfile {
    RACKSPACE,
    OPENSTACK;

    /** Whether listing understands {@code sort=key:dir,...}, {@code in:} lists and time operators. */
    public boolean hasRichListing() {
        return this == OPENSTACK;
    }
}
