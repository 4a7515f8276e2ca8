package com.example.glaze;

import dev.glaze.core.spi.GlazePlugin;
import dev.glaze.core.spi.PluginContext;
import dev.glaze.core.spi.PropertyCodec;
import dev.glaze.core.spi.PropertySpec;
import java.util.List;

/** Example Corp's image conventions: who owns an image, until when it may be used, and whether it was approved. */
public final class ExamplePlugin implements GlazePlugin {
    private static final List<PropertySpec> PROPERTIES = List.of(
            PropertySpec.named("com.example.owner_team").alias("ownerTeam")
                    .description("the team that looks after the image").build(),
            PropertySpec.named("com.example.expires").alias("expires")
                    .codec(PropertyCodec.date("yyyy-MM-dd"))
                    .description("the last day servers may be built from it").build(),
            PropertySpec.named("com.example.approved").alias("approved")
                    .codec(PropertyCodec.booleanAsString("yes", "no"))
                    .description("whether security approved it").build(),
            PropertySpec.named("com.example.build").alias("buildNumber")
                    .codec(PropertyCodec.integerAsString()).readOnly()
                    .description("the CI build that made it; set by the pipeline only").build());

    @Override
    public String id() {
        return "example";
    }

    @Override
    public String description() {
        return "Example Corp's owner, expiry and approval properties";
    }

    // Our own convention: it holds on every cloud we use, so no need to look at the endpoint or catalog.
    @Override
    public boolean appliesTo(PluginContext cloud) {
        return true;
    }

    @Override
    public List<PropertySpec> properties() {
        return PROPERTIES;
    }
}
