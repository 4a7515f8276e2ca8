package dev.glaze.emulator.api.listing;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.StoredImage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One page of a listing: the images in reach of the caller that pass the filters, in the requested order,
 * starting after the marker, at most {@code limit} of them. {@code full} says whether the page came back full,
 * which is when Glance offers a {@code next} link (so a last page can be empty).
 */
public record ListingPage(List<StoredImage> images, boolean full) {
    /** Longer ids cannot exist in Glance's database: it refuses them before looking (with an unformatted message). */
    private static final int ID_COLUMN_LENGTH = 36;

    /**
     * @param all every stored image (a snapshot)
     * @param find looks an image up by id, for the marker
     */
    public static ListingPage select(ListingQuery query, Collection<StoredImage> all,
            Function<String, Optional<StoredImage>> find, Profile profile, RequestContext ctx) {
        StoredImage marker = query.marker() == null ? null : marker(query.marker(), find, profile, ctx);
        SortOrder order = query.sort().order();
        Predicate<StoredImage> scope = ListingScope.of(profile, ctx, query.visibility(), query.memberStatus());
        Predicate<StoredImage> filter = query.filter();
        List<StoredImage> candidates = new ArrayList<>();
        for (StoredImage image : all) {
            if (scope.test(image) && filter.test(image) && (marker == null || order.compare(image, marker) > 0)) {
                candidates.add(image);
            }
        }
        List<StoredImage> page = first(candidates, query.limit(), order);
        return new ListingPage(page, !page.isEmpty() && page.size() == query.limit());
    }

    private static StoredImage marker(String id, Function<String, Optional<StoredImage>> find, Profile profile,
            RequestContext ctx) {
        if (profile.hasExtendedListing() && id.length() > ID_COLUMN_LENGTH) {
            throw HttpError.badRequest("Image with the given id %(image_id)s was not found");
        }
        StoredImage image = find.apply(id).orElseThrow(() -> HttpError.badRequest("No image found with ID " + id));
        if (!ListingScope.markerVisible(image, profile, ctx)) {
            throw HttpError.forbidden("Forbidding request, image " + id + " not visible");
        }
        return image;
    }

    /** The first {@code limit} candidates in order; a bounded heap when the page is a small part of them. */
    private static List<StoredImage> first(List<StoredImage> candidates, int limit, SortOrder order) {
        if (limit >= candidates.size() / 8) {
            candidates.sort(order);
            return candidates.subList(0, Math.min(limit, candidates.size()));
        }
        PriorityQueue<StoredImage> heap = new PriorityQueue<>(limit + 1, order.reversed());
        for (StoredImage image : candidates) {
            heap.add(image);
            if (heap.size() > limit) {
                heap.poll();
            }
        }
        List<StoredImage> page = new ArrayList<>(heap);
        page.sort(order);
        return page;
    }
}
