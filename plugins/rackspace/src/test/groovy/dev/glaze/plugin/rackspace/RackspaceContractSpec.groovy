package dev.glaze.plugin.rackspace

import dev.glaze.core.spi.GlazePlugin
import dev.glaze.plugin.testing.PluginContractSpec

class RackspaceContractSpec extends PluginContractSpec {
    Class<? extends GlazePlugin> pluginClass() { RackspacePlugin }
}
