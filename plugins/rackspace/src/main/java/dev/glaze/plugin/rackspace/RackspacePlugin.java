package dev.glaze.plugin.rackspace;

import dev.glaze.core.Cloud;
import dev.glaze.core.ServiceProfile;
import dev.glaze.core.spi.AuthMethod;
import dev.glaze.core.spi.GlazePlugin;
import dev.glaze.core.spi.PluginContext;
import dev.glaze.core.spi.PropertySpec;
import dev.glaze.core.spi.TaskFlow;
import java.util.List;
import java.util.Optional;

/**
 * Rackspace Cloud Images: the {@code com.rackspace__1__*} and {@code org.openstack__1__*} properties typed and
 * named ({@code image.releaseBuildDate}, {@code image.buildCore}), sign-in with an API key, and imports and
 * exports through Cloud Files, checked before they are sent and retried after Rackspace's spurious error 396.
 *
 * <p>It applies where glaze sees Rackspace: a {@code rackspacecloud.com} host, a catalog offering
 * {@code cloudImages}, an Icehouse-era image schema, or {@code profile(ServiceProfile.RACKSPACE)}.
 */
public final class RackspacePlugin implements GlazePlugin {
    public static final String ID = "rackspace";

    @Override
    public String id() {
        return ID;
    }

    /** Above a generic OpenStack plugin: on Rackspace its view of a shared property (os_type) is the one to keep. */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String description() {
        return "Rackspace Cloud Images: com.rackspace and org.openstack properties, API-key sign-in, Cloud Files"
                + " imports and exports";
    }

    @Override
    public boolean appliesTo(PluginContext cloud) {
        String host = String.valueOf(cloud.endpoint().getHost());
        if (host.endsWith(".rackspacecloud.com")) {
            return true; // known without a request
        }
        return cloud.profile() == ServiceProfile.RACKSPACE;
    }

    @Override
    public List<PropertySpec> properties() {
        return RackspaceProperties.ALL;
    }

    @Override
    public Optional<TaskFlow> taskFlow(Cloud cloud) {
        return Optional.of(new CloudFilesTaskFlow());
    }

    @Override
    public Optional<AuthMethod> authMethod() {
        return Optional.of(new ApiKeyAuthMethod());
    }
}
