package dev.glaze.core.spi;

import dev.glaze.core.Cloud;
import dev.glaze.core.auth.ServiceCatalog;
import dev.glaze.core.internal.http.ApiRequest;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Optional;

/**
 * What a plugin's {@link ImageSource} needs of a cloud beyond the image service: the endpoints of its catalog and
 * JSON from them through the cloud's own pipeline (its token, renewed on a 401; retries; redacted logs; errors
 * that name the request and the server's message).
 */
public final class CloudServices {
    private CloudServices() {
    }

    /** The catalog of the cloud's sign-in; empty for an endpoint given with a token. */
    public static Optional<ServiceCatalog> catalog(Cloud cloud) {
        return cloud.context().catalog();
    }

    /** The URL of a service type ({@code compute}) in the cloud's region and interface, from its catalog. */
    public static Optional<URI> endpoint(Cloud cloud, String type) {
        return catalog(cloud).flatMap(c -> c.find(type, cloud.getRegion().orElse(null), cloud.context().iface()))
                .map(ServiceCatalog.Endpoint::url);
    }

    /**
     * {@code GET url} with the cloud's token, as JSON.
     *
     * @throws dev.glaze.core.NotFoundException for a 404; other {@link dev.glaze.core.ApiException}s by status
     */
    public static JsonObject fetchJson(Cloud cloud, URI url) {
        return cloud.context().transport().json(ApiRequest.get(url));
    }
}
