package dev.glaze.core.internal;

import dev.glaze.core.ConfigurationException;
import dev.glaze.core.ServiceProfile;
import dev.glaze.core.auth.AuthToken;
import dev.glaze.core.auth.ServiceCatalog;
import dev.glaze.core.internal.auth.Session;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.http.Links;
import dev.glaze.core.internal.http.Sleeper;
import dev.glaze.core.internal.http.Transport;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What every part of one cloud-and-region connection shares: the pipeline, the endpoints (found in the catalog on
 * first use, so building a cloud sends nothing), the project, the service profile, the clock and the sleeper.
 */
public final class CloudContext {
    private final Transport transport;
    private final Session session;
    private final URI explicitImageEndpoint;
    private final URI explicitObjectStore;
    private final String region;
    private final String iface;
    private final String explicitProject;
    private final ServiceProfile explicitProfile;
    private final Clock clock;
    private final Sleeper sleeper;
    private final dev.glaze.core.ProgressListener progress;

    private volatile URI imageBase;
    private volatile ServiceProfile profile;
    private volatile ImageSchema schema;

    public CloudContext(Transport transport, Session session, URI imageEndpoint, URI objectStore, String region,
            String iface, String project, ServiceProfile profile, Clock clock, Sleeper sleeper,
            dev.glaze.core.ProgressListener progress) {
        this.transport = transport;
        this.session = session;
        this.explicitImageEndpoint = imageEndpoint;
        this.explicitObjectStore = objectStore;
        this.region = region;
        this.iface = iface;
        this.explicitProject = project;
        this.explicitProfile = profile;
        this.clock = clock;
        this.sleeper = sleeper;
        this.progress = progress == null ? dev.glaze.core.ProgressListener.NONE : progress;
    }

    /** What awaits and transfers without a callback of their own show; {@code NONE} unless the cloud was given one. */
    public dev.glaze.core.ProgressListener progress() {
        return progress;
    }

    public Transport transport() {
        return transport;
    }

    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public String iface() {
        return iface;
    }

    /** The region asked for, or the catalog's default for the user, or the first region offering images. */
    public Optional<String> region() {
        if (region != null) {
            return Optional.of(region);
        }
        if (session == null) {
            return Optional.empty();
        }
        AuthToken token = session.authToken();
        return token.defaultRegion().filter(r -> token.catalog().regions("image").contains(r))
                .or(() -> token.catalog().regions("image").stream().findFirst());
    }

    /** The image service's base URL without its version: paths start with {@code /v2}. */
    public URI imageBase() {
        URI base = imageBase;
        if (base == null) {
            URI endpoint = explicitImageEndpoint != null ? explicitImageEndpoint : fromCatalog("image");
            base = Links.imageBase(endpoint);
            imageBase = base;
        }
        return base;
    }

    /**
     * Whether this cloud has a Glance v2 endpoint: one given, or an {@code image} service in the catalog. Without
     * one, images may come from a plugin's image source (the Compute API's listing). Signs in to read the catalog.
     */
    public boolean hasImageService() {
        if (explicitImageEndpoint != null) {
            return true;
        }
        if (session == null) {
            return false;
        }
        ServiceCatalog catalog = session.authToken().catalog();
        return catalog.find("image", region().orElse(null), iface).isPresent();
    }

    /** Whether the image service is on this machine (the embedded one, or a test service): polls may be brisk. */
    public boolean isLoopback() {
        String host = String.valueOf(imageBase().getHost()).toLowerCase(java.util.Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** {@code imageBase + path}, e.g. {@code v2("/images")}. */
    public URI v2(String path) {
        return Links.join(imageBase(), "/v2" + path);
    }

    /** The object store (Swift, Cloud Files) account URL, from the settings or the catalog. */
    public URI objectStore() {
        if (explicitObjectStore != null) {
            return explicitObjectStore;
        }
        return fromCatalog("object-store");
    }

    public boolean hasObjectStore() {
        if (explicitObjectStore != null) {
            return true;
        }
        return session != null && session.authToken().catalog().find("object-store", region().orElse(null), iface)
                .isPresent();
    }

    /** The project requests act for: the token's, or the one set by hand; empty when unknown. */
    public Optional<String> projectId() {
        if (explicitProject != null) {
            return Optional.of(explicitProject);
        }
        return session == null ? Optional.empty() : session.authToken().projectId();
    }

    public Optional<ServiceCatalog> catalog() {
        return session == null ? Optional.empty() : Optional.of(session.authToken().catalog());
    }

    /** The kind of service: set by hand, or Rackspace when the catalog or host says so or the schema is Icehouse's. */
    public ServiceProfile profile() {
        ServiceProfile p = profile;
        if (p == null) {
            p = explicitProfile != null ? explicitProfile : detectProfile();
            profile = p;
        }
        return p;
    }

    /** The image schema of this service ({@code GET /v2/schemas/image}), fetched once. */
    public ImageSchema schema() {
        ImageSchema s = schema;
        if (s == null) {
            s = ImageSchema.of(transport.json(ApiRequest.get(v2("/schemas/image"))));
            schema = s;
        }
        return s;
    }

    private ServiceProfile detectProfile() {
        String host = String.valueOf(imageBase().getHost());
        if (host.endsWith("rackspacecloud.com")) {
            return ServiceProfile.RACKSPACE;
        }
        if (session != null) {
            boolean cloudImages = session.authToken().catalog().endpoints().stream()
                    .anyMatch(e -> "image".equals(e.type()) && "cloudImages".equals(e.name()));
            if (cloudImages) {
                return ServiceProfile.RACKSPACE;
            }
        }
        // Icehouse's schema knows only public and private; upstream Glance (since 2.5) also shared and community.
        JsonValue visibility = schema().raw().getJsonObject("properties").getOrDefault("visibility", JsonValue.NULL);
        if (visibility instanceof JsonObject && ((JsonObject) visibility).get("enum") instanceof JsonArray) {
            List<String> values = ((JsonObject) visibility).getJsonArray("enum").getValuesAs(
                    v -> v.getValueType() == JsonValue.ValueType.STRING ? Json.toJava(v).toString() : "");
            return values.contains("shared") ? ServiceProfile.OPENSTACK : ServiceProfile.RACKSPACE;
        }
        return ServiceProfile.OPENSTACK;
    }

    private URI fromCatalog(String type) {
        if (session == null) {
            throw new ConfigurationException("no " + type + " endpoint: give its URL, or credentials whose catalog"
                    + " lists one");
        }
        ServiceCatalog catalog = session.authToken().catalog();
        String r = region().orElse(null);
        return catalog.find(type, r, iface).map(ServiceCatalog.Endpoint::url).orElseThrow(() ->
                new ConfigurationException("the catalog has no " + type + " endpoint"
                        + (r == null ? "" : " in region " + r) + " (" + (iface == null ? "public" : iface)
                        + "); regions with one: " + catalog.regions(type)));
    }
}
