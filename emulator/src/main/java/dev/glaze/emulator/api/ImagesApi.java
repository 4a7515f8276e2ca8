package dev.glaze.emulator.api;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.StoredImage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code POST /v2/images}, {@code GET} and {@code DELETE /v2/images/{id}}. */
public final class ImagesApi {
    private final Api api;

    public ImagesApi(Api api) {
        this.api = api;
    }

    public void create(Exchange ex) throws IOException {
        Object body = ex.json();
        if (!(body instanceof Map<?, ?>)) {
            throw body instanceof List<?>
                    ? ImageAttributes.schema(ImageAttributes.repr(body) + " is not of type 'object'")
                    : HttpError.badRequest("Unexpected body type. Expected list/dict.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> request = (Map<String, Object>) body;
        StoredImage image = newImage(request, ex.context(), api.profile());
        if (!api.store().insert(image)) {
            throw HttpError.conflict("Image ID " + image.id() + " already exists!");
        }
        ex.setHeader("Location", ex.baseUrl() + "/v2/images/" + image.id());
        ex.sendJson(201, api.renderer().render(image));
    }

    /**
     * A new {@code queued} image from the attributes of a create request, checked as Glance checks them (throws its
     * 400, 403 or 413); not stored yet. Import tasks make their images here too.
     */
    public static StoredImage newImage(Map<String, Object> request, RequestContext ctx, Profile profile) {
        int extras = 0;
        for (Map.Entry<String, Object> e : request.entrySet()) {
            String name = e.getKey();
            HttpError forbidden = ImageAttributes.forbiddenName(name, profile);
            if (forbidden != null) {
                // Zed answers a reserved name on create with the generic Forbidden text (seen on a real Glance);
                // Icehouse names the attribute.
                boolean reserved = forbidden.explanation().endsWith("is reserved.");
                throw reserved && profile == Profile.OPENSTACK
                        ? HttpError.forbidden("Access was denied to this resource.")
                        : forbidden;
            }
            if (ImageAttributes.MODERN_ONLY.contains(name) && !profile.hasModernAttributes()) {
                extras++; // an Icehouse-era service has no such base attribute: it is an ordinary property
            } else if (!ImageAttributes.isBase(name)) {
                extras++;
            }
            ImageAttributes.validate(name, e.getValue(), profile);
        }
        if (extras > ImageAttributes.PROPERTY_QUOTA) {
            throw HttpError.of(413, "The limit has been exceeded on the number of allowed image properties. "
                    + "Attempted: " + extras + ", Maximum: " + ImageAttributes.PROPERTY_QUOTA);
        }
        Object owner = request.get("owner");
        if (owner != null && !owner.equals(ctx.project()) && !ctx.isAdmin()) {
            throw HttpError.forbidden("You are not permitted to create images owned by '" + owner + "'.");
        }
        if ("public".equals(request.get("visibility")) && !ctx.isAdmin()) {
            throw HttpError.forbidden("You are not authorized to complete publicize_image action.");
        }
        String id = request.containsKey("id") ? (String) request.get("id") : UUID.randomUUID().toString();
        String now = Times.now();

        Map<String, Object> attrs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : request.entrySet()) {
            if (!ImageAttributes.isBase(e.getKey(), profile)) {
                attrs.put(e.getKey(), e.getValue());
            }
        }
        attrs.put("name", request.get("name"));
        attrs.put("disk_format", request.get("disk_format"));
        attrs.put("container_format", request.get("container_format"));
        attrs.put("visibility", request.getOrDefault("visibility", profile.defaultVisibility()));
        attrs.put("size", null);
        attrs.put("virtual_size", null);
        attrs.put("status", "queued");
        attrs.put("checksum", null);
        attrs.put("protected", request.getOrDefault("protected", false));
        attrs.put("min_ram", request.getOrDefault("min_ram", 0L));
        attrs.put("min_disk", request.getOrDefault("min_disk", 0L));
        attrs.put("owner", owner != null ? owner : ctx.project());
        attrs.put("os_hidden", request.getOrDefault("os_hidden", false));
        attrs.put("os_hash_algo", null);
        attrs.put("os_hash_value", null);
        attrs.put("id", id);
        attrs.put("created_at", now);
        attrs.put("updated_at", now);
        attrs.put("tags", List.copyOf(new LinkedHashSet<>(listOfStrings(request.get("tags")))));
        return new StoredImage(attrs, List.of());
    }

    public void show(Exchange ex) throws IOException {
        ex.rejectBody();
        StoredImage image = api.access().visible(ex.param("id"), ex.context());
        ex.sendJson(200, api.renderer().render(image));
    }

    public void delete(Exchange ex) throws IOException {
        ex.rejectBody();
        String id = ex.param("id");
        RequestContext ctx = ex.context();
        HttpError missing = HttpError.notFound("Failed to find image " + id + " to delete");
        api.store().delete(id, image -> {
            if (!ImageAccess.canSee(image, ctx)) {
                throw missing;
            }
            if (!ImageAccess.canChange(image, ctx)) {
                throw HttpError.forbidden("You are not permitted to delete this image.");
            }
            if (Boolean.TRUE.equals(image.get("protected"))) {
                throw HttpError.forbidden("Image " + id + " is protected and cannot be deleted.");
            }
        }, missing);
        ex.sendEmpty(204);
    }

    @SuppressWarnings("unchecked")
    static List<String> listOfStrings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
