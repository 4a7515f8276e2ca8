package dev.glaze.emulator.api.tasks;

import dev.glaze.emulator.api.ImageAttributes;
import dev.glaze.emulator.http.HttpError;

/**
 * Upstream's check of a legacy import's {@code import_from} when the task is created: an {@code http(s)} URL, never a
 * local file. Upstream also filters hosts and ports ({@code [import_filtering_opts]}); the emulator takes any host.
 */
final class ImportSource {
    private ImportSource() {
    }

    static void check(Object importFrom) {
        if (importFrom == null || "".equals(importFrom)) {
            throw HttpError.badRequest("Invalid location: " + (importFrom == null ? "None" : ""));
        }
        if (!(importFrom instanceof String uri)) {
            // upstream fails with a 500 here (it calls startswith on a number)
            throw HttpError.badRequest("Invalid location: " + ImageAttributes.repr(importFrom));
        }
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            return;
        }
        if (uri.startsWith("file:///") || uri.startsWith("filesystem:///")) {
            throw HttpError.badRequest("File based imports are not allowed. Please use a non-local source of image "
                    + "data.");
        }
        throw HttpError.badRequest("The given uri is not valid. Please specify a valid uri from the following list of "
                + "supported uri ['http']");
    }
}
