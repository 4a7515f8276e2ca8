package dev.glaze.core;

import dev.glaze.core.auth.Authenticator;
import dev.glaze.core.images.Images;
import dev.glaze.core.internal.CloudContext;
import dev.glaze.core.internal.auth.Session;
import dev.glaze.core.internal.http.HttpLog;
import dev.glaze.core.internal.http.RetryPolicy;
import dev.glaze.core.internal.http.Sleeper;
import dev.glaze.core.internal.http.TokenProvider;
import dev.glaze.core.internal.http.Transport;
import dev.glaze.core.plugins.ActivePlugins;
import dev.glaze.core.plugins.CloudPluginContext;
import dev.glaze.core.plugins.PluginStatus;
import dev.glaze.core.plugins.Plugins;
import dev.glaze.core.storage.Containers;
import dev.glaze.core.tasks.Tasks;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One connection to one cloud in one region: the entry point of the library. Building one sends nothing; the
 * first request signs in (when there are credentials) and finds the endpoints in the catalog.
 *
 * <pre>{@code
 * Cloud cloud = Cloud.builder().endpoint("http://127.0.0.1:9292").token(token).build();
 * for (Image image : cloud.images().where(Map.of("status", "active"))) {
 *     System.out.println(image.getName());
 * }
 * Cloud ord = cloud.region("ORD");   // same sign-in, another region
 * }</pre>
 *
 * Thread-safe: share one between threads. {@link #fromEnvironment()} and {@link #named(String)} build one from
 * {@code OS_*} variables or {@code clouds.yaml}.
 */
public final class Cloud {
    private final Builder settings;
    private final CloudContext context;
    private volatile Images images;
    private volatile Tasks tasks;
    private volatile Containers containers;
    private volatile ActivePlugins plugins;

    private Cloud(Builder settings, Session session) {
        this.settings = settings;
        Transport.Builder t = Transport.builder().retry(settings.retry).sleeper(settings.sleeper)
                .clock(settings.clock).log(settings.httpLog);
        if (session != null) {
            t.tokens(session);
        } else if (settings.token != null) {
            t.tokens(TokenProvider.fixed(settings.token));
        }
        this.context = new CloudContext(t.build(), session, settings.endpoint, settings.objectStore, settings.region,
                settings.iface, settings.project, settings.profile, settings.clock, settings.sleeper);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The image service at {@code endpoint} with a token from elsewhere (the seed's {@code API_ENDPOINT}, {@code AUTH_TOKEN}). */
    public static Cloud connect(String endpoint, String token) {
        return builder().endpoint(endpoint).token(token).build();
    }

    /**
     * The cloud the environment describes: {@code OS_CLOUD} (clouds.yaml), {@code OS_AUTH_URL} and friends, or
     * {@code API_ENDPOINT} + {@code AUTH_TOKEN}.
     *
     * @throws ConfigurationException when the environment names no cloud, or names one badly
     */
    public static Cloud fromEnvironment() {
        return dev.glaze.core.config.CloudConfig.fromEnvironment().toBuilder().build();
    }

    /** The cloud called {@code name} in {@code clouds.yaml} (with {@code secure.yaml}), found where openstacksdk looks. */
    public static Cloud named(String name) {
        return dev.glaze.core.config.CloudConfig.named(name).toBuilder().build();
    }

    /** The images of this cloud and region: a lazy {@link Iterable} that fetches page by page. */
    public Images images() {
        Images i = images;
        if (i == null) {
            i = new Images(this);
            images = i;
        }
        return i;
    }

    /** Import and export tasks. */
    public Tasks tasks() {
        Tasks t = tasks;
        if (t == null) {
            t = new Tasks(this);
            tasks = t;
        }
        return t;
    }

    /** The object store (Swift, Cloud Files) of this region, where import and export tasks read and write. */
    public Containers containers() {
        Containers c = containers;
        if (c == null) {
            c = new Containers(this);
            containers = c;
        }
        return c;
    }

    /**
     * The plugins that apply to this cloud (found on the class path unless {@link Builder#plugins} said otherwise),
     * decided on first use: a plugin may look at the catalog or the image schema to decide.
     */
    public ActivePlugins plugins() {
        ActivePlugins p = plugins;
        if (p == null) {
            p = settings.plugins.activeFor(new CloudPluginContext(this));
            plugins = p;
        }
        return p;
    }

    /** The active plugins if already decided, without deciding (which may send a request): for Tab completion. */
    public Optional<ActivePlugins> resolvedPlugins() {
        return Optional.ofNullable(plugins);
    }

    /** Every plugin this cloud could use, whether it applies here, and why not: what {@code :plugins} shows. */
    public List<PluginStatus> pluginStatus() {
        return settings.plugins.status(new CloudPluginContext(this));
    }

    /** The same cloud in another region, sharing the sign-in (one token for every region). */
    public Cloud region(String name) {
        Objects.requireNonNull(name, "region");
        List<String> known = regions();
        if (!known.isEmpty() && known.stream().noneMatch(name::equalsIgnoreCase)) {
            throw new ConfigurationException("region " + name + " is not in the catalog; its regions: " + known);
        }
        String exact = known.stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
        Builder b = settings.copy();
        b.region = exact;
        if (context.session().isPresent()) {
            b.endpoint = null;      // from the catalog, for the new region
            b.objectStore = null;
        }
        return new Cloud(b, context.session().orElse(null));
    }

    /** Every region of the catalog that offers images; just this one's name (or nothing) without a catalog. */
    public List<String> regions() {
        return context.catalog().map(c -> c.regions("image"))
                .filter(l -> !l.isEmpty())
                .orElseGet(() -> settings.region == null ? List.of() : List.of(settings.region));
    }

    /** One {@code Cloud} per region of the catalog. */
    public List<Cloud> allRegions() {
        List<String> names = regions();
        if (names.isEmpty()) {
            return List.of(this);
        }
        return names.stream().map(this::region).toList();
    }

    /** This connection's region, when known. */
    public Optional<String> getRegion() {
        return context.region();
    }

    /** The image service's URL (without its version). */
    public URI getImageEndpoint() {
        return context.imageBase();
    }

    /** The project this connection acts for, when known. */
    public Optional<String> getProjectId() {
        return context.projectId();
    }

    public ServiceProfile getProfile() {
        return context.profile();
    }

    /** A name for messages and prompts: the cloud's name, or the endpoint's host, and the region. */
    public String getDisplayName() {
        String base = settings.name != null ? settings.name : String.valueOf(
                settings.endpoint != null ? settings.endpoint.getHost() : "cloud");
        // never signs in: printing a cloud (REPL echo, messages) must not call the identity service
        String region = settings.region != null ? settings.region
                : context.session().flatMap(s -> s.heldToken()).flatMap(t -> t.defaultRegion()).orElse(null);
        return region == null ? base : base + "/" + region;
    }

    /** Internal: shared with the library's own classes. Not part of the API. */
    public CloudContext context() {
        return context;
    }

    @Override
    public String toString() {
        return "Cloud[" + getDisplayName() + "]";
    }

    /** Settings for a {@link Cloud}. Endpoint and token, or an {@link Authenticator} with a catalog, are enough. */
    public static final class Builder {
        private String name;
        private URI endpoint;
        private URI objectStore;
        private String token;
        private Authenticator authenticator;
        private String region;
        private String iface = "public";
        private String project;
        private ServiceProfile profile;
        private HttpLog httpLog;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Clock clock = Clock.systemUTC();
        private Plugins plugins;

        private Builder() {
        }

        /** A name for messages (the clouds.yaml entry). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The image service URL; a trailing {@code /v2} is fine. Overrides the catalog. */
        public Builder endpoint(String url) {
            if (url == null) {
                return endpoint((URI) null);
            }
            try {
                return endpoint(URI.create(url.strip()));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("image endpoint '" + url + "' is not a URL (" + e.getMessage()
                        + "); write it like https://iad.images.api.rackspacecloud.com/v2");
            }
        }

        public Builder endpoint(URI url) {
            if (url != null && (url.getScheme() == null || url.getHost() == null)) {
                throw new ConfigurationException("image endpoint '" + url + "' is not an absolute http(s) URL,"
                        + " e.g. https://iad.images.api.rackspacecloud.com/v2");
            }
            if (url != null && !url.getScheme().equals("http") && !url.getScheme().equals("https")) {
                throw new ConfigurationException("image endpoint '" + url + "' is not http or https");
            }
            this.endpoint = url;
            return this;
        }

        /** The object store account URL ({@code .../v1/AUTH_<project>}). Overrides the catalog. */
        public Builder objectStore(URI url) {
            this.objectStore = url;
            return this;
        }

        /** A token obtained elsewhere; it cannot be renewed, so a 401 reaches the caller. */
        public Builder token(String token) {
            this.token = token == null || token.isBlank() ? null : token.strip();
            return this;
        }

        /** How to sign in; the token is then renewed before it expires and after a 401. */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = authenticator;
            return this;
        }

        public Builder region(String region) {
            this.region = region == null || region.isBlank() ? null : region.strip();
            return this;
        }

        /** The catalog interface: {@code public} (default), {@code internal} (Rackspace ServiceNet), {@code admin}. */
        public Builder iface(String iface) {
            this.iface = iface == null ? "public" : iface;
            return this;
        }

        /** The project id, when the token does not say (a token given by hand). */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** Rackspace or upstream OpenStack behaviour, instead of detecting it. */
        public Builder profile(ServiceProfile profile) {
            this.profile = profile;
            return this;
        }

        /** Receives one redacted line per HTTP exchange (the shell's {@code --debug}). */
        public Builder httpLog(HttpLog log) {
            this.httpLog = log;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry);
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Which plugins the cloud may use: {@link Plugins#discovered()} unless set ({@link Plugins#none()}: none). */
        public Builder plugins(Plugins plugins) {
            this.plugins = Objects.requireNonNull(plugins, "plugins");
            return this;
        }

        /** @throws ConfigurationException when neither an endpoint nor credentials were given */
        public Cloud build() {
            if (endpoint == null && authenticator == null) {
                throw new ConfigurationException("no cloud given: set an image endpoint (and token), or credentials"
                        + " (OS_AUTH_URL, OS_CLOUD, API_ENDPOINT + AUTH_TOKEN)");
            }
            Session session = null;
            if (authenticator != null) {
                Transport identity = Transport.builder().retry(retry).sleeper(sleeper).clock(clock).log(httpLog)
                        .build();
                session = new Session(authenticator, identity, clock);
            }
            Builder settings = copy();
            if (settings.plugins == null) {
                settings.plugins = Plugins.discovered();
            }
            return new Cloud(settings, session);
        }

        Builder copy() {
            Builder b = new Builder();
            b.name = name;
            b.endpoint = endpoint;
            b.objectStore = objectStore;
            b.token = token;
            b.authenticator = authenticator;
            b.region = region;
            b.iface = iface;
            b.project = project;
            b.profile = profile;
            b.httpLog = httpLog;
            b.retry = retry;
            b.sleeper = sleeper;
            b.clock = clock;
            b.plugins = plugins;
            return b;
        }
    }
}
