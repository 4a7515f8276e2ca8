package dev.glaze.emulator.api;

import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.ImageStore;
import dev.glaze.emulator.store.StoredImage;

/**
 * Who may see and change an image. Another project's image that is not visible is 404, never 403, as in Glance:
 * its existence is not revealed.
 */
public final class ImageAccess {
    private final ImageStore store;

    public ImageAccess(ImageStore store) {
        this.store = store;
    }

    public static boolean canSee(StoredImage image, RequestContext ctx) {
        if (ctx.isAdmin() || ctx.project().equals(image.owner())) {
            return true;
        }
        String visibility = image.visibility();
        return "public".equals(visibility) || "community".equals(visibility) || image.member(ctx.project()) != null;
    }

    public static boolean canChange(StoredImage image, RequestContext ctx) {
        return ctx.isAdmin() || ctx.project().equals(image.owner());
    }

    public static HttpError notFound(String id) {
        return HttpError.notFound("No image found with ID " + id);
    }

    /** The image with this id if the caller may see it, else Glance's 404. */
    public StoredImage visible(String id, RequestContext ctx) {
        StoredImage image = store.find(id).orElseThrow(() -> notFound(id));
        if (!canSee(image, ctx)) {
            throw notFound(id);
        }
        return image;
    }

    /** The image if the caller owns it (or is admin); 404 if invisible, 403 if visible but not theirs. */
    public StoredImage owned(String id, RequestContext ctx, String forbiddenMessage) {
        StoredImage image = visible(id, ctx);
        if (!canChange(image, ctx)) {
            throw HttpError.forbidden(forbiddenMessage);
        }
        return image;
    }
}
