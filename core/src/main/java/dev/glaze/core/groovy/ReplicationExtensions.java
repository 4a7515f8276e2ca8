package dev.glaze.core.groovy;

import dev.glaze.core.images.Image;
import dev.glaze.core.replication.Replication;
import dev.glaze.core.replication.ReplicationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code image.replicate(to: ['ORD', 'IAD'])} and the same on any list or listing of images
 * ({@code images.where(tag: 'base').replicate(to: regions, concurrency: 8)}); see {@link Replication}.
 */
public final class ReplicationExtensions {
    private ReplicationExtensions() {
    }

    public static ReplicationReport replicate(Image self, Map<String, ?> options) {
        return Replication.of(List.of(self), options).run();
    }

    public static ReplicationReport replicate(Iterable<Image> self, Map<String, ?> options) {
        List<Image> images = new ArrayList<>();
        self.forEach(images::add);
        return Replication.of(images, options).run();
    }
}
