package dev.glaze.core.auth;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The endpoints a token comes with, from Keystone v3's {@code catalog} or Rackspace v2.0's {@code serviceCatalog}:
 * one {@link Endpoint} per service type, region and interface.
 *
 * <pre>{@code
 * URI images = token.catalog().find("image", "IAD", "public").orElseThrow().url();
 * List<String> regions = token.catalog().regions("image");   // [DFW, IAD, ORD, ...]
 * }</pre>
 */
public final class ServiceCatalog {
    public static final ServiceCatalog EMPTY = new ServiceCatalog(List.of());

    private final List<Endpoint> endpoints;

    public ServiceCatalog(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public boolean isEmpty() {
        return endpoints.isEmpty();
    }

    /** The regions that offer a service type, in catalog order. */
    public List<String> regions(String type) {
        Set<String> regions = new LinkedHashSet<>();
        for (Endpoint e : endpoints) {
            if (e.type().equals(type) && e.region() != null) {
                regions.add(e.region());
            }
        }
        return new ArrayList<>(regions);
    }

    /**
     * The endpoint of a service type in a region (any region when {@code region} is null) for an interface
     * ({@code public}, {@code internal}, {@code admin}; null means public).
     */
    public Optional<Endpoint> find(String type, String region, String iface) {
        String wanted = iface == null ? "public" : iface.toLowerCase(Locale.ROOT).replace("url", "");
        for (Endpoint e : endpoints) {
            if (e.type().equals(type) && e.iface().equals(wanted)
                    && (region == null || region.equalsIgnoreCase(e.region()) || e.region() == null)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return endpoints.toString();
    }

    /** One endpoint: service type ({@code image}, {@code object-store}), region, interface and URL. */
    public static final class Endpoint {
        private final String type;
        private final String name;
        private final String region;
        private final String iface;
        private final URI url;

        public Endpoint(String type, String name, String region, String iface, URI url) {
            this.type = Objects.requireNonNull(type, "type");
            this.name = name;
            this.region = region;
            this.iface = iface == null ? "public" : iface;
            this.url = Objects.requireNonNull(url, "url");
        }

        public String type() {
            return type;
        }

        public String name() {
            return name;
        }

        /** Null for a global service. */
        public String region() {
            return region;
        }

        public String iface() {
            return iface;
        }

        public URI url() {
            return url;
        }

        @Override
        public String toString() {
            return type + "@" + region + "/" + iface + "=" + url;
        }
    }
}
