package dev.glaze.emulator.api;

import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;

/** {@code PATCH /v2/images/{id}}: JSON patch. Not written yet. */
public final class ImagePatchApi {
    private final Api api;

    public ImagePatchApi(Api api) {
        this.api = api;
    }

    public void patch(Exchange ex) {
        throw HttpError.of(501, "PATCH is not implemented yet");
    }
}
