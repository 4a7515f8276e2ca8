package dev.glaze.emulator.api;

import dev.glaze.emulator.http.HttpError;
import java.util.List;
import java.util.Map;

/**
 * PATCH on {@code /locations}. Glance hides image locations by default ({@code show_multiple_locations = False})
 * and then refuses every change to them; the emulator has no locations at all and answers the same way. Only
 * the schema check of the value and the refusals' wording matter.
 */
final class PatchLocations {
    private PatchLocations() {
    }

    /** The schema's verdict on the value: the whole list for replace, one location for add. */
    static void checkSchema(PatchOperation operation) {
        Object value = operation.value();
        if (operation.isReplace()) {
            if (!(value instanceof List<?> list)) {
                throw ImageAttributes.schema(ImageAttributes.repr(value) + " is not of type 'array'");
            }
            list.forEach(PatchLocations::checkLocation);
        } else {
            checkLocation(value);
        }
    }

    private static void checkLocation(Object location) {
        if (!(location instanceof Map<?, ?> map)) {
            throw ImageAttributes.schema(ImageAttributes.repr(location) + " is not of type 'object'");
        }
        for (String required : List.of("url", "metadata")) {
            if (!map.containsKey(required)) {
                throw ImageAttributes.schema("'" + required + "' is a required property");
            }
        }
        Object url = map.get("url");
        if (!(url instanceof String s)) {
            throw ImageAttributes.schema(ImageAttributes.repr(url) + " is not of type 'string'");
        }
        if (s.length() > 255) {
            throw ImageAttributes.schema(ImageAttributes.repr(url) + " is too long");
        }
        if (!(map.get("metadata") instanceof Map<?, ?>)) {
            throw ImageAttributes.schema(ImageAttributes.repr(map.get("metadata")) + " is not of type 'object'");
        }
    }

    /** What Glance answers once it gets to applying the change. */
    static HttpError refusal(PatchOperation operation) {
        if (operation.isReplace() && operation.value() instanceof List<?> list && list.isEmpty()) {
            return HttpError.withDetail(403, ImagePatchApplier.FORBIDDEN, "Cannot set locations to empty list.");
        }
        String verb = operation.isReplace() ? "update" : operation.op();
        return HttpError.forbidden("It's not allowed to " + verb + " locations if locations are invisible.");
    }
}
