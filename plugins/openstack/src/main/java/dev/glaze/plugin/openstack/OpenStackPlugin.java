package dev.glaze.plugin.openstack;

import dev.glaze.core.ServiceProfile;
import dev.glaze.core.spi.GlazePlugin;
import dev.glaze.core.spi.PluginContext;
import dev.glaze.core.spi.PropertySpec;
import java.util.List;

/**
 * Upstream OpenStack Glance (any cloud that is not Rackspace's): the image properties Nova and Glance's metadata
 * definitions know ({@code os_distro}, {@code hw_disk_bus}, {@code hw_qemu_guest_agent}, ...) typed, named and
 * described, so that {@code image.distro}, {@code image.hwCpuCores = 2} and {@code image.hwQemuGuestAgent = true}
 * read and write them in Glance's spelling. The interoperable import ({@code image.importFrom(url)},
 * {@code image.stageAndImport(file)}) is core's and works without this plugin.
 */
public final class OpenStackPlugin implements GlazePlugin {
    public static final String ID = "openstack";

    @Override
    public String id() {
        return ID;
    }

    /** Below the Rackspace plugin: where both claim a property (os_type), a Rackspace cloud's view wins. */
    @Override
    public int priority() {
        return 50;
    }

    @Override
    public String description() {
        return "upstream OpenStack Glance: typed os_* and hw_* image properties (Nova's and Glance's metadefs)";
    }

    @Override
    public boolean appliesTo(PluginContext cloud) {
        if (String.valueOf(cloud.endpoint().getHost()).endsWith(".rackspacecloud.com")) {
            return false; // known without a request
        }
        return cloud.profile() == ServiceProfile.OPENSTACK;
    }

    @Override
    public List<PropertySpec> properties() {
        return OpenStackProperties.ALL;
    }
}
