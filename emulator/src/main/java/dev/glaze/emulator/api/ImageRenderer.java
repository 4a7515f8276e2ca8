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
            if (!ImageAttributes.isBase(e.getKey())) {
                // Extra properties are strings; upstream renders a stored null as "".
                out.put(e.getKey(), e.getValue() == null ? "" : e.getValue());
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
