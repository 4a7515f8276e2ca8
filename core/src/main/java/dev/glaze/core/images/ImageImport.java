package dev.glaze.core.images;

import dev.glaze.core.Cloud;
import dev.glaze.core.GlazeException;
import dev.glaze.core.NotFoundException;
import dev.glaze.core.internal.CloudContext;
import dev.glaze.core.internal.http.ApiRequest;
import dev.glaze.core.internal.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Glance's interoperable image import (API 2.6+), for {@link Image} and {@link Images}: which methods the cloud
 * offers ({@code GET /v2/info/import}) and its stores ({@code GET /v2/info/stores}), {@code web-download},
 * {@code glance-direct} (stage, then import) and {@code copy-image}. Each method is checked against the cloud's
 * list before anything is sent, so a cloud without it fails with one line naming the methods it has.
 */
final class ImageImport {
    static final String WEB_DOWNLOAD = "web-download";
    static final String GLANCE_DIRECT = "glance-direct";
    static final String COPY_IMAGE = "copy-image";

    private ImageImport() {
    }

    /** The import methods of {@code cloud}; empty when it has no interoperable import (Rackspace, older Glance). */
    static List<String> methods(Cloud cloud) {
        CloudContext ctx = cloud.context();
        JsonObject info;
        try {
            info = ctx.transport().json(ApiRequest.get(ctx.v2("/info/import")));
        } catch (NotFoundException e) {
            return List.of();
        }
        JsonValue methods = info.get("import-methods");
        if (!(methods instanceof JsonObject m) || !(m.get("value") instanceof JsonArray values)) {
            return List.of();
        }
        return strings(values);
    }

    /** The ids of the stores of {@code cloud}; empty for a single store (Glance answers 404 then). */
    static List<String> stores(Cloud cloud) {
        CloudContext ctx = cloud.context();
        JsonObject info;
        try {
            info = ctx.transport().json(ApiRequest.get(ctx.v2("/info/stores")));
        } catch (NotFoundException e) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        if (info.get("stores") instanceof JsonArray stores) {
            for (JsonValue s : stores) {
                if (s instanceof JsonObject o && o.get("id") != null) {
                    ids.add(Json.toJava(o.get("id")).toString());
                }
            }
        }
        return ids;
    }

    static void webDownload(Image image, String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new GlazeException("cannot import image " + image.getId() + " from '" + url + "': web-download"
                    + " takes an http:// or https:// URL the image service can reach");
        }
        preflight(image, WEB_DOWNLOAD);
        requireQueued(image, WEB_DOWNLOAD);
        post(image, Json.object().add("method", Json.object().add("name", WEB_DOWNLOAD).add("uri", url)));
    }

    static void glanceDirect(Image image, Path file, UploadOptions options) {
        preflight(image, GLANCE_DIRECT);
        Uploads.file(image, file, options, true);
        post(image, Json.object().add("method", Json.object().add("name", GLANCE_DIRECT)));
    }

    static void glanceDirect(Image image, InputStream data, long size, UploadOptions options) {
        preflight(image, GLANCE_DIRECT);
        Uploads.stream(image, data, size, options, true);
        post(image, Json.object().add("method", Json.object().add("name", GLANCE_DIRECT)));
    }

    static void copy(Image image, Collection<String> wanted) {
        preflight(image, COPY_IMAGE);
        Cloud cloud = image.getCloud();
        List<String> stores = stores(cloud);
        if (stores.isEmpty()) {
            throw new GlazeException("cannot copy image " + image.getId() + ": " + cloud.getDisplayName()
                    + " has a single store (GET /v2/info/stores: 404), and copy-image needs several");
        }
        if (wanted == null || wanted.isEmpty()) {
            throw new GlazeException("copy image " + image.getId() + " to which stores? " + cloud.getDisplayName()
                    + " has " + stores);
        }
        List<String> unknown = wanted.stream().filter(s -> !stores.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new GlazeException("cannot copy image " + image.getId() + ": no store " + unknown + " in "
                    + cloud.getDisplayName() + "; its stores: " + stores);
        }
        if (!"active".equals(image.getStatus())) {
            throw new GlazeException("cannot copy image " + image.getId() + ": it is " + image.getStatus()
                    + ", and only an active image can be copied to other stores");
        }
        var list = Json.array();
        for (String store : wanted) {
            list.add(store);
        }
        post(image, Json.object().add("method", Json.object().add("name", COPY_IMAGE)).add("stores", list));
    }

    /** One line when the cloud lacks the method: the methods it offers, or that it has no import at all. */
    private static void preflight(Image image, String method) {
        Cloud cloud = image.getCloud();
        List<String> offered = methods(cloud);
        if (offered.contains(method)) {
            return;
        }
        if (offered.isEmpty()) {
            throw new GlazeException("cannot " + method + " image " + image.getId() + ": " + cloud.getDisplayName()
                    + " has no interoperable import (GET /v2/info/import: 404); use image.upload(file), or an"
                    + " import task (tasks.importImage)");
        }
        throw new GlazeException("cannot " + method + " image " + image.getId() + ": " + cloud.getDisplayName()
                + " offers the import methods " + offered + ", not " + method);
    }

    private static void requireQueued(Image image, String method) {
        if (!"queued".equals(image.getStatus())) {
            throw new GlazeException("cannot " + method + " image " + image.getId() + ": it is "
                    + image.getStatus() + ", and only a queued image takes data; create a new image for it");
        }
    }

    private static void post(Image image, JsonObjectBuilder body) {
        CloudContext ctx = image.getCloud().context();
        ctx.transport().discard(ApiRequest.builder("POST", ctx.v2("/images/" + image.seg() + "/import"))
                .body("application/json", Json.bytes(body.build())).notIdempotent().build());
        image.importStarted();
        image.refresh();
    }

    private static List<String> strings(JsonArray values) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : values) {
            if (v.getValueType() == JsonValue.ValueType.STRING) {
                out.add(Json.toJava(v).toString());
            }
        }
        return List.copyOf(out);
    }
}
