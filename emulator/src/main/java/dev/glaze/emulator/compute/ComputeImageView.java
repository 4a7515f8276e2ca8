package dev.glaze.emulator.compute;

import dev.glaze.emulator.api.ImageAttributes;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.Json;
import dev.glaze.emulator.store.StoredImage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A Glance image as the Compute API shows it, in Nova's key order. */
final class ComputeImageView {
    /** Properties Nova stores as JSON text in Glance and shows parsed. */
    private static final Set<String> JSON_PROPERTIES = Set.of("block_device_mapping", "mappings");
    /** What oslo's {@code strutils.bool_from_string} takes for true; anything else is false. */
    private static final Set<String> TRUE_STRINGS = Set.of("1", "t", "true", "on", "y", "yes");

    private ComputeImageView() {
    }

    /** The index entry: id, name and links. */
    static Map<String, Object> basic(StoredImage image, ComputeLinks links) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", image.id());
        out.put("name", image.get("name"));
        out.put("links", links.image(image.id()));
        return out;
    }

    /** The detail entry, as in {@code images/detail} and (wrapped) {@code images/{id}}. */
    static Map<String, Object> detail(StoredImage image, ComputeLinks links, ComputeApiVersion version) {
        Map<String, Object> metadata = metadata(image);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", image.id());
        out.put("name", image.get("name"));
        out.put("minRam", number(image.get("min_ram")));
        out.put("minDisk", number(image.get("min_disk")));
        out.put("metadata", metadata);
        out.put("created", image.get("created_at"));
        out.put("updated", image.get("updated_at"));
        out.put("status", NovaImageStatus.status(image.status()));
        out.put("progress", NovaImageStatus.progress(image.status()));
        if (version.hasExtensions()) {
            // Nova reads an image without data as size 0.
            out.put("OS-EXT-IMG-SIZE:size", number(image.get("size")));
        }
        out.put("links", links.image(image.id()));
        Object instance = metadata.get("instance_uuid");
        if (instance != null) {
            String serverId = String.valueOf(instance);
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("id", serverId);
            server.put("links", links.server(serverId));
            out.put("server", server);
        }
        Object autoDiskConfig = metadata.get("auto_disk_config");
        if (version.hasExtensions() && autoDiskConfig != null) {
            boolean auto = TRUE_STRINGS.contains(String.valueOf(autoDiskConfig).trim().toLowerCase(Locale.ROOT));
            out.put("OS-DCF:diskConfig", auto ? "AUTO" : "MANUAL");
        }
        return out;
    }

    /** The extra properties, as Glance shows them (strings; a stored null as ""). */
    static Map<String, Object> metadata(StoredImage image) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : image.attributes().entrySet()) {
            if (ImageAttributes.isBase(e.getKey())) {
                continue;
            }
            Object value = e.getValue() == null ? "" : e.getValue();
            if (JSON_PROPERTIES.contains(e.getKey()) && value instanceof String s) {
                value = parsedOrAsIs(s);
            }
            metadata.put(e.getKey(), value);
        }
        return metadata;
    }

    /** Nova fails with 500 on such a property that is not JSON; the emulator shows the text instead. */
    private static Object parsedOrAsIs(String text) {
        try {
            return Json.parse(text.getBytes(StandardCharsets.UTF_8));
        } catch (HttpError e) {
            return text;
        }
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
