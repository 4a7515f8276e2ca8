package dev.glaze.core.spi;

import jakarta.json.JsonObject;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Images from somewhere other than Glance v2, such as the Compute API's {@code /images} on an older cloud. Each
 * image is given in Glance v2's shape ({@code id}, {@code name}, {@code status}, ...), so the rest of glaze needs
 * no second model. Read-only unless {@link #isReadOnly()} says otherwise: a change then fails with one line.
 */
public interface ImageSource {
    /** The images matching the filters ({@code name}, {@code status}, ...) page by page, lazily. */
    Iterator<JsonObject> list(Map<String, String> filters);

    /** One image by id, complete; empty when there is none. */
    Optional<JsonObject> fetch(String id);

    /** What this source is, for messages: e.g. {@code the Compute API /images of nova.example.com}. */
    String describe();

    default boolean isReadOnly() {
        return true;
    }
}
