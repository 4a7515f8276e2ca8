package dev.glaze.plugin.compute;

import dev.glaze.core.Cloud;
import dev.glaze.core.auth.ServiceCatalog;
import dev.glaze.core.spi.CloudServices;
import dev.glaze.core.spi.GlazePlugin;
import dev.glaze.core.spi.ImageSource;
import dev.glaze.core.spi.PluginContext;
import dev.glaze.core.spi.PropertyCodec;
import dev.glaze.core.spi.PropertySpec;
import java.util.List;
import java.util.Optional;

/**
 * The Compute API's image listing (Nova's {@code /images}, seed 004) as a read-only image source, for a cloud whose
 * catalog offers {@code compute} but no {@code image} service: {@code images}, {@code images['name']},
 * {@code images.named(...)} and each image's details work there; every change fails with one line, naming the
 * Image service as the place to make it.
 */
public final class ComputePlugin implements GlazePlugin {
    public static final String ID = "compute";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the Compute API /images listing as a read-only image source, where the catalog has no image service";
    }

    /** Decided from the catalog alone: it lists {@code compute} and no {@code image}. Sends nothing more. */
    @Override
    public boolean appliesTo(PluginContext cloud) {
        Optional<ServiceCatalog> catalog = cloud.catalog();
        if (catalog.isEmpty()) {
            return false;
        }
        var types = catalog.get().endpoints().stream().map(ServiceCatalog.Endpoint::type).toList();
        return types.contains("compute") && !types.contains("image");
    }

    /** Nova's own field beside Glance's: how far the image has been saved. */
    @Override
    public List<PropertySpec> properties() {
        return List.of(PropertySpec.named("progress").alias("progress").codec(PropertyCodec.integerAsString())
                .readOnly().description("Nova's percentage of the image saved: 25 queued, 50 saving, 100 active,"
                        + " 0 otherwise").example("100", "50", "25", "0").build());
    }

    @Override
    public Optional<ImageSource> imageSource(Cloud cloud) {
        return CloudServices.endpoint(cloud, "compute").map(url -> new ComputeImageSource(cloud, url));
    }
}
