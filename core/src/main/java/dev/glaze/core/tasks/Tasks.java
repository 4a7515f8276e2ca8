package dev.glaze.core.tasks;

import dev.glaze.core.Cloud;
import dev.glaze.core.images.Image;

/** The import and export tasks of one cloud and region. (Being written.) */
public final class Tasks {
    private final Cloud cloud;

    public Tasks(Cloud cloud) {
        this.cloud = cloud;
    }

    /** Starts exporting {@code image} to {@code container} of this region's object store. */
    public Task export(Image image, String container) {
        throw new UnsupportedOperationException("export is not written yet");
    }
}
