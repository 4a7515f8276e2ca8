package dev.glaze.emulator.api;

import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.StoredImage;
import java.io.IOException;

/**
 * {@code PATCH /v2/images/{id}}: a JSON patch ({@code application/openstack-images-v2.1-json-patch}, or the older
 * draft-4 dialect {@code ...-v2.0-json-patch}), answered with the whole updated image. As in Glance the request is
 * checked completely before the image is looked up, and the change is all or nothing.
 */
public final class ImagePatchApi {
    private final Api api;
    private final ImagePatchParser parser;
    private final ImagePatchApplier applier;

    public ImagePatchApi(Api api) {
        this.api = api;
        this.parser = new ImagePatchParser(api.profile());
        this.applier = new ImagePatchApplier(api.profile());
    }

    public void patch(Exchange ex) throws IOException {
        ImagePatchParser.Parsed patch = parser.parse(ex);
        String id = ex.param("id");
        RequestContext ctx = ex.context();
        // The store serialises changes to one image: concurrent patches apply one after the other, none is lost.
        StoredImage updated = api.store().update(id, current -> {
            if (!ImageAccess.canSee(current, ctx)) {
                throw ImageAccess.notFound(id);
            }
            // An empty patch changes nothing, not even updated_at, and asks for no permission.
            return patch.operations().isEmpty() ? current : applier.apply(current, patch, ctx);
        }, ImageAccess.notFound(id));
        ex.sendJson(200, api.renderer().render(updated));
    }
}
