package dev.glaze.core.plugins

import dev.glaze.core.Cloud
import dev.glaze.core.spi.GlazePlugin
import dev.glaze.core.spi.PluginContext
import dev.glaze.core.spi.PropertySpec
import dev.glaze.core.spi.TaskFlow

/** A plugin made in a spec: its id, priority, SPI version, specs and task flow as given. */
class TestPlugin implements GlazePlugin {
    String id
    int priority = 0
    int spiVersion = SPI_VERSION
    List<PropertySpec> specs = []
    Closure<Boolean> applies = { true }
    TaskFlow flow

    String id() { id }
    int priority() { priority }
    int spiVersion() { spiVersion }
    List<PropertySpec> properties() { specs }
    boolean appliesTo(PluginContext cloud) { applies(cloud) }
    Optional<TaskFlow> taskFlow(Cloud cloud) { Optional.ofNullable(flow) }
}
