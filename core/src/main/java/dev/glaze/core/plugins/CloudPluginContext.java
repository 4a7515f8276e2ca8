package dev.glaze.core.plugins;

import dev.glaze.core.Cloud;
import dev.glaze.core.ServiceProfile;
import dev.glaze.core.auth.ServiceCatalog;
import dev.glaze.core.spi.PluginContext;
import java.net.URI;
import java.util.Optional;

/** A cloud as plugins see it; each answer is computed when asked, so checking the host sends nothing. */
public final class CloudPluginContext implements PluginContext {
    private final Cloud cloud;

    public CloudPluginContext(Cloud cloud) {
        this.cloud = cloud;
    }

    @Override
    public URI endpoint() {
        return cloud.getImageEndpoint();
    }

    @Override
    public Optional<ServiceCatalog> catalog() {
        return cloud.context().catalog();
    }

    @Override
    public ServiceProfile profile() {
        return cloud.getProfile();
    }

    @Override
    public String displayName() {
        return cloud.getDisplayName();
    }
}
