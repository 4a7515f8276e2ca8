package dev.glaze.core.spi;

import dev.glaze.core.ServiceProfile;
import dev.glaze.core.auth.ServiceCatalog;
import java.net.URI;
import java.util.Optional;

/**
 * What a plugin may look at to decide whether it applies to a cloud. Each method is evaluated on demand, so a
 * plugin that only checks the host makes no request: {@link #profile()} may read the image schema and
 * {@link #catalog()} may sign in.
 */
public interface PluginContext {
    /** The image service's URL, without its version. */
    URI endpoint();

    /** The catalog of the sign-in; empty for an endpoint given with a token. */
    Optional<ServiceCatalog> catalog();

    /** Rackspace Cloud Images or upstream Glance, as configured or detected. */
    ServiceProfile profile();

    /** The cloud's name (clouds.yaml entry, or the endpoint's host) and region, for messages. */
    String displayName();
}
