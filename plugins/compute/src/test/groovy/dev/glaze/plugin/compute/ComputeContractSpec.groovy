package dev.glaze.plugin.compute

import dev.glaze.core.spi.GlazePlugin
import dev.glaze.plugin.testing.PluginContractSpec

class ComputeContractSpec extends PluginContractSpec {
    Class<? extends GlazePlugin> pluginClass() { ComputePlugin }
}
