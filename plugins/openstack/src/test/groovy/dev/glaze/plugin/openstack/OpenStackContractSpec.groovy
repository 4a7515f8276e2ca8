package dev.glaze.plugin.openstack

import dev.glaze.core.spi.GlazePlugin
import dev.glaze.plugin.testing.PluginContractSpec

class OpenStackContractSpec extends PluginContractSpec {
    Class<? extends GlazePlugin> pluginClass() { OpenStackPlugin }
}
