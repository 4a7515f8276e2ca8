package dev.glaze.shell.repl;

import dev.glaze.core.Cloud;
import java.util.Iterator;
import java.util.List;

/**
 * {@code regions} in scripts and the REPL: the current cloud in each region of its catalog, found when first used
 * (it may need the sign-in), so that a script reads {@code regions.each { println it.images.size() }};
 * {@code regions['ORD']} is the cloud in one region, {@code regions[0]} the first. Without a catalog: the cloud
 * itself. An {@code Iterable}, not a {@code List}: Groovy would take {@code regions['ORD']} of a list for the
 * property {@code ORD} of each element.
 */
public final class RegionList implements Iterable<Cloud> {
    private final Cloud cloud;
    private volatile List<Cloud> regions;

    public RegionList(Cloud cloud) {
        this.cloud = cloud;
    }

    /** The clouds, one per region. */
    public List<Cloud> toList() {
        List<Cloud> r = regions;
        if (r == null) {
            r = cloud.allRegions();
            regions = r;
        }
        return r;
    }

    @Override
    public Iterator<Cloud> iterator() {
        return toList().iterator();
    }

    public int size() {
        return toList().size();
    }

    /** {@code regions[0]}. */
    public Cloud getAt(int index) {
        return toList().get(index);
    }

    /** The cloud in region {@code name}: {@code regions['ORD']}. */
    public Cloud getAt(String name) {
        return cloud.region(name);
    }

    /** The region names, without making the clouds: what the REPL echoes. */
    @Override
    public String toString() {
        return cloud.regions().toString();
    }
}
