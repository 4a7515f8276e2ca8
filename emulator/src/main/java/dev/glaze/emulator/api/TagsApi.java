package dev.glaze.emulator.api;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.StoredImage;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code PUT} and {@code DELETE /v2/images/{id}/tags/{tag}}. Tags are a set: adding one twice is a no-op (that
 * still counts as a change, as in Glance, so {@code updated_at} moves), removing an absent one is 404.
 */
public final class TagsApi {
    private static final int MAX_TAG_LENGTH = 255;

    private final Api api;
    private final SharingErrors errors;

    public TagsApi(Api api) {
        this.api = api;
        this.errors = SharingErrors.of(api.profile());
    }

    public void add(Exchange ex) throws IOException {
        ex.rejectBody();
        String id = ex.param("id");
        String tag = tag(ex);
        checkLength(tag); // Glance validates the tag before it looks for the image
        RequestContext ctx = ex.context();
        api.store().update(id, image -> {
            checkMayChange(image, ctx, "update");
            Set<String> tags = tagsOf(image);
            tags.add(tag);
            if (tags.size() > ImageAttributes.TAG_QUOTA) {
                throw errors.tagQuota(id, tags.size());
            }
            return withTags(image, tags);
        }, errors.imageNotFound(id));
        ex.sendEmpty(204);
    }

    public void delete(Exchange ex) throws IOException {
        ex.rejectBody();
        String id = ex.param("id");
        String tag = tag(ex);
        RequestContext ctx = ex.context();
        boolean tagFirst = api.profile() == Profile.RACKSPACE; // Icehouse looks for the tag, then at who asks
        api.store().update(id, image -> {
            if (!ImageAccess.canSee(image, ctx)) {
                throw errors.imageNotFound(id);
            }
            Set<String> tags = tagsOf(image);
            boolean present = tags.remove(tag);
            if (tagFirst && !present) {
                throw HttpError.notFound();
            }
            checkMayChange(image, ctx, "delete");
            if (!present) {
                throw HttpError.notFound();
            }
            return withTags(image, tags);
        }, errors.imageNotFound(id));
        ex.sendEmpty(204);
    }

    /** The tag from the path, decoded as the profile's Glance decodes it. */
    private String tag(Exchange ex) {
        return api.profile().readsPathTextAsLatin1() ? ex.latin1Param("tag") : ex.param("tag");
    }

    private void checkMayChange(StoredImage image, RequestContext ctx, String verb) {
        if (!ImageAccess.canSee(image, ctx)) {
            throw errors.imageNotFound(image.id());
        }
        if (!ImageAccess.canChange(image, ctx)) {
            throw errors.tagsForbidden(image.id(), verb);
        }
    }

    /** Glance checks {@code {"tags": [tag]}} against the image schema; this is its message. */
    private static void checkLength(String tag) {
        if (tag.length() > MAX_TAG_LENGTH) {
            String repr = ImageAttributes.repr(tag);
            // jsonschema's pprint would wrap a long tag with spaces over several lines; we keep it on one.
            throw HttpError.badRequest("Provided object does not match schema 'image': " + repr + " is too long\n\n"
                    + "Failed validating 'maxLength' in schema['properties']['tags']['items']:\n"
                    + "    {'maxLength': 255, 'type': 'string'}\n\n"
                    + "On instance['tags'][0]:\n    " + repr);
        }
    }

    private static Set<String> tagsOf(StoredImage image) {
        return new LinkedHashSet<>(ImagesApi.listOfStrings(image.get("tags")));
    }

    private static StoredImage withTags(StoredImage image, Set<String> tags) {
        return image.with(a -> {
            a.put("tags", List.copyOf(tags));
            a.put("updated_at", Times.now());
        });
    }
}
