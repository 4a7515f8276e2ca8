package dev.glaze.core.storage;

import dev.glaze.core.Cloud;

/** The containers of one region's object store. (Being written.) */
public final class Containers {
    private final Cloud cloud;

    public Containers(Cloud cloud) {
        this.cloud = cloud;
    }
}
