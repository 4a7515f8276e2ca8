package dev.glaze.core.internal.auth;

import dev.glaze.core.auth.ServiceCatalog;
import dev.glaze.core.auth.ServiceCatalog.Endpoint;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The two catalog shapes: Keystone v3's {@code token.catalog} (one endpoint per interface, {@code region_id}) and
 * Rackspace v2.0's {@code access.serviceCatalog} (one entry per region with {@code publicURL}, {@code internalURL}).
 * Entries without a type or a usable URL are skipped: one odd service must not break signing in.
 *
 * <pre>{@code
 * ServiceCatalog catalog = CatalogParser.keystone(body.getJsonObject("token").get("catalog"));
 * }</pre>
 */
public final class CatalogParser {
    private CatalogParser() {
    }

    /** {@code [{"type": "image", "name": "glance", "endpoints": [{"interface": "public", "region_id": ..., "url": ...}]}]} */
    public static ServiceCatalog keystone(JsonValue catalog) {
        List<Endpoint> out = new ArrayList<>();
        for (JsonObject service : objects(catalog)) {
            String type = Json.string(service, "type");
            if (type == null) {
                continue;
            }
            String name = Json.string(service, "name");
            for (JsonObject e : objects(service.get("endpoints"))) {
                String region = Json.string(e, "region_id");
                if (region == null) {
                    region = Json.string(e, "region");
                }
                add(out, type, name, region, Json.string(e, "interface"), Json.string(e, "url"));
            }
        }
        return new ServiceCatalog(out);
    }

    /** {@code [{"type": "image", "name": "cloudImages", "endpoints": [{"publicURL": ..., "region": "IAD"}]}]} */
    public static ServiceCatalog rackspace(JsonValue serviceCatalog) {
        List<Endpoint> out = new ArrayList<>();
        for (JsonObject service : objects(serviceCatalog)) {
            String type = Json.string(service, "type");
            if (type == null) {
                continue;
            }
            String name = Json.string(service, "name");
            for (JsonObject e : objects(service.get("endpoints"))) {
                String region = Json.string(e, "region");
                add(out, type, name, region, "public", Json.string(e, "publicURL"));
                add(out, type, name, region, "internal", Json.string(e, "internalURL"));
                add(out, type, name, region, "admin", Json.string(e, "adminURL"));
            }
        }
        return new ServiceCatalog(out);
    }

    private static void add(List<Endpoint> out, String type, String name, String region, String iface, String url) {
        if (url == null || url.isBlank()) {
            return;
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException notAUrl) {
            return;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return;
        }
        out.add(new Endpoint(type, name, region == null || region.isBlank() ? null : region, iface, uri));
    }

    private static List<JsonObject> objects(JsonValue value) {
        if (!(value instanceof JsonArray)) {
            return List.of();
        }
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue v : (JsonArray) value) {
            if (v instanceof JsonObject) {
                out.add((JsonObject) v);
            }
        }
        return out;
    }
}
