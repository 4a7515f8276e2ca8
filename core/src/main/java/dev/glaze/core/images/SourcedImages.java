package dev.glaze.core.images;

import dev.glaze.core.Cloud;
import dev.glaze.core.GlazeException;
import dev.glaze.core.ServiceProfile;
import dev.glaze.core.spi.ImageSource;
import jakarta.json.JsonObject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Images of a cloud without a Glance v2 endpoint, from the image source a plugin brings (the Compute API's
 * {@code /images}): listed and fetched through it, and every change refused with one line when it is read-only.
 * Clouds with an image service never come here, so their requests are exactly as without plugins.
 */
final class SourcedImages {
    private SourcedImages() {
    }

    /** The plugin's image source, when the cloud has no image service of its own and a plugin brings one. */
    static Optional<ImageSource> of(Cloud cloud) {
        if (cloud.context().hasImageService()) {
            return Optional.empty();
        }
        return cloud.plugins().imageSource(cloud);
    }

    /**
     * Refuses {@code action} on an image of a read-only source, before anything is sent.
     *
     * @throws GlazeException naming the action, the source, and where changes are made instead
     */
    static void requireWritable(Cloud cloud, String action, String imageId) {
        Optional<ImageSource> source = of(cloud);
        if (source.isPresent() && source.get().isReadOnly()) {
            throw new GlazeException("cannot " + action + (imageId == null ? "" : " image " + imageId) + ": "
                    + cloud.getDisplayName() + " lists images through " + source.get().describe()
                    + ", which is read-only; make changes through the Image service (Glance v2): a cloud whose"
                    + " catalog has an 'image' endpoint, or Cloud.builder().endpoint(url)");
        }
    }

    /** The images of {@code source} that the query's server filters and local filters accept, lazily. */
    static Iterator<Image> list(Cloud cloud, ImageSource source, ImageQuery query) {
        // the source speaks Glance v2's filter names; the profile only shapes time and sort filters
        ImageQuery.Plan plan = query.plan(() -> ServiceProfile.OPENSTACK);
        Map<String, String> filters = new LinkedHashMap<>();
        plan.params.forEach(e -> filters.put(e.getKey(), e.getValue()));
        Iterator<JsonObject> raw = source.list(filters);
        return new Iterator<>() {
            private Image next;

            @Override
            public boolean hasNext() {
                while (next == null && raw.hasNext()) {
                    Image candidate = new Image(cloud, raw.next());
                    if (plan.accepts(candidate)) {
                        next = candidate;
                    }
                }
                return next != null;
            }

            @Override
            public Image next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Image out = next;
                next = null;
                return out;
            }
        };
    }
}
