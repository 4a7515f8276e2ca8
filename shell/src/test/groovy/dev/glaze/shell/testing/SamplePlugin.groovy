package dev.glaze.shell.testing

import dev.glaze.core.spi.GlazePlugin
import dev.glaze.core.spi.PluginContext
import dev.glaze.core.spi.PropertyCodec
import dev.glaze.core.spi.PropertySpec

/** The one plugin on the shell specs' class path: two harmless properties, on every cloud. */
class SamplePlugin implements GlazePlugin {
    String id() { 'sample' }

    String version() { '1.0' }

    boolean appliesTo(PluginContext cloud) { true }

    List<PropertySpec> properties() {
        [PropertySpec.named('com.example.owner_team').alias('ownerTeam').description('who looks after it').build(),
         PropertySpec.named('com.example.reviewed').alias('reviewed').codec(PropertyCodec.booleanAsString('yes', 'no'))
                 .description('whether it was reviewed').build()]
    }
}
