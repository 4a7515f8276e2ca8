package com.example.glaze

import dev.glaze.core.spi.GlazePlugin
import dev.glaze.plugin.testing.PluginContractSpec

class ExamplePluginSpec extends PluginContractSpec {
    Class<? extends GlazePlugin> pluginClass() { ExamplePlugin }

    def "an image's expiry reads as a date"() {
        expect:
        plugin.properties().find { it.alias().orElse('') == 'expires' }.decode('2025-06-30') ==
                java.time.LocalDate.of(2025, 6, 30)
    }
}
