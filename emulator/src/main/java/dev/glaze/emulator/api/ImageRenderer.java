package dev.glaze.emulator.api;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.store.StoredImage;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a stored image into the JSON object Glance answers with, for one profile. */
public final class ImageRenderer {
    private final Profile profile;

    public ImageRenderer(Profile profile) {
        this.profile = profile;
    }

    public Map<String, Object> render(StoredImage image) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : image.attributes().entrySet()) {
            if (ImageAttributes.isBase(e.getKey())) {
                continue;
            }
            if (e.getValue() != null) {
                out.put(e.getKey(), e.getValue());
            } else if (!OperatorProperties.nullable(e.getKey())) {
                out.put(e.getKey(), ""); // extra properties are strings: Glance shows a stored null as ""
            } else if (profile.rendersNulls()) {
                out.put(e.getKey(), null); // ... except where its schema allows null (kernel_id, ramdisk_id)
            }
        }
        for (String name : ImageAttributes.BASE_ORDER) {
            if (!ImageAttributes.isBase(name, profile)) {
                continue;
            }
            Object value = image.get(name);
            if (value == null && !profile.rendersNulls()) {
                continue;
            }
            out.put(name, value);
        }
        String id = image.id();
        out.put("self", "/v2/images/" + id);
        out.put("file", "/v2/images/" + id + "/file");
        out.put("schema", "/v2/schemas/image");
        return out;
    }
}
