package dev.glaze.emulator.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service catalog a token comes with: an image and an object-store endpoint per region. Every URL is built by
 * {@link #imageUrl} and {@link #objectStoreUrl}: with several regions each has its own root, {@code <base>/<region>}.
 */
public final class Catalog {
    private final List<String> regions;

    public Catalog(List<String> regions) {
        this.regions = List.copyOf(regions);
    }

    /**
     * The image service root of a region, without version (what a Keystone catalog lists): the service root itself
     * when there is one region, {@code <base>/<region>} when there are several.
     */
    public String imageUrl(String base, String region) {
        return regionRoot(base, region);
    }

    /**
     * The object store account of a project in a region. Swift's default reseller prefix {@code AUTH_}, which the
     * emulator's object store uses; Rackspace Cloud Files names the same thing {@code MossoCloudFS_<tenant>}.
     */
    public String objectStoreUrl(String base, String region, String project) {
        return regionRoot(base, region) + "/v1/" + objectStoreAccount(project);
    }

    /** Where a region's services live: see {@link #imageUrl}. */
    public String regionRoot(String base, String region) {
        return regions.size() == 1 ? base : base + "/" + region;
    }

    static String objectStoreAccount(String project) {
        return "AUTH_" + project;
    }

    public List<String> regions() {
        return regions;
    }

    /** Keystone v3's {@code catalog}: services with {@code public} and {@code internal} endpoints per region. */
    List<Object> keystone(String base, String project) {
        List<Object> imageEndpoints = new ArrayList<>();
        List<Object> storeEndpoints = new ArrayList<>();
        for (String region : regions) {
            for (String iface : List.of("public", "internal")) {
                imageEndpoints.add(v3Endpoint("image", iface, region, imageUrl(base, region)));
                storeEndpoints.add(v3Endpoint("object-store", iface, region, objectStoreUrl(base, region, project)));
            }
        }
        return List.of(v3Service("image", "glance", imageEndpoints), v3Service("object-store", "swift", storeEndpoints));
    }

    /**
     * Rackspace's {@code serviceCatalog}: {@code cloudImages} with a {@code /v2}-suffixed public URL (as Rackspace's
     * is, so clients must strip the version), {@code cloudFiles} with public and service-net (internal) URLs.
     */
    List<Object> rackspace(String base, String project) {
        List<Object> images = new ArrayList<>();
        List<Object> files = new ArrayList<>();
        for (String region : regions) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("publicURL", imageUrl(base, region) + "/v2");
            image.put("region", region);
            image.put("tenantId", project);
            images.add(image);
            Map<String, Object> store = new LinkedHashMap<>();
            store.put("publicURL", objectStoreUrl(base, region, project));
            store.put("internalURL", objectStoreUrl(base, region, project));
            store.put("region", region);
            store.put("tenantId", objectStoreAccount(project));
            files.add(store);
        }
        return List.of(v2Service("cloudImages", "image", images), v2Service("cloudFiles", "object-store", files));
    }

    private static Map<String, Object> v3Endpoint(String type, String iface, String region, String url) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", Account.stableId("endpoint", type + "/" + iface + "/" + region));
        e.put("interface", iface);
        e.put("region", region);
        e.put("region_id", region);
        e.put("url", url);
        return e;
    }

    private static Map<String, Object> v3Service(String type, String name, List<Object> endpoints) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("endpoints", endpoints);
        s.put("id", Account.stableId("service", type));
        s.put("type", type);
        s.put("name", name);
        return s;
    }

    private static Map<String, Object> v2Service(String name, String type, List<Object> endpoints) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("endpoints", endpoints);
        s.put("type", type);
        return s;
    }
}
