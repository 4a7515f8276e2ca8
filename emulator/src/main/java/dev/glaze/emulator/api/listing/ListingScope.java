package dev.glaze.emulator.api.listing;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.Member;
import dev.glaze.emulator.store.StoredImage;
import java.util.function.Predicate;

/**
 * Which images a listing may show the caller, before any filter: Glance's {@code _select_images_query} and the
 * {@code visibility} handling around it (Zed for the openstack profile, Icehouse for rackspace), and which images
 * may serve as a marker ({@code is_image_visible}).
 */
final class ListingScope {
    private ListingScope() {
    }

    /**
     * @param visibility the {@code visibility} filter (first value, as Glance's database layer pops it), or null
     * @param memberStatus which shared-with-me images count: {@code accepted}, {@code pending}, {@code rejected}, {@code all}
     */
    static Predicate<StoredImage> of(Profile profile, RequestContext ctx, String visibility, String memberStatus) {
        return profile.hasExtendedListing()
                ? upstream(ctx, visibility, memberStatus)
                : icehouse(ctx, visibility, memberStatus);
    }

    /**
     * Zed: a user sees public and community images, their own, and {@code shared} images they are a member of
     * with the wanted status; an admin sees every image. Without a {@code visibility} filter other projects'
     * community images are left out (for admins too); {@code visibility=all} keeps everything in reach.
     */
    private static Predicate<StoredImage> upstream(RequestContext ctx, String visibility, String memberStatus) {
        String project = ctx.project();
        Predicate<StoredImage> reach = ctx.isAdmin()
                ? image -> true
                : image -> isPublic(image) || "community".equals(image.visibility()) || project.equals(image.owner())
                        || "shared".equals(image.visibility()) && memberWith(image, project, memberStatus);
        if (visibility == null) {
            return reach.and(image -> project.equals(image.owner()) || !"community".equals(image.visibility()));
        }
        if (visibility.equals("all")) {
            return reach;
        }
        return reach.and(image -> visibility.equals(image.visibility()));
    }

    /**
     * Icehouse: a user sees public images, their own, and images they are a member of with the wanted status
     * (any image can have members there); {@code visibility=shared} is only the latter. An admin sees every image,
     * or with {@code shared} every image that has members. {@code public}/{@code private} then split on publicness;
     * any other value (only an empty one gets past validation) filters nothing.
     */
    private static Predicate<StoredImage> icehouse(RequestContext ctx, String visibility, String memberStatus) {
        String project = ctx.project();
        if ("shared".equals(visibility)) {
            return ctx.isAdmin()
                    ? image -> !image.members().isEmpty()
                    : image -> memberWith(image, project, memberStatus);
        }
        Predicate<StoredImage> reach = ctx.isAdmin()
                ? image -> true
                : image -> isPublic(image) || project.equals(image.owner()) || memberWith(image, project, memberStatus);
        if ("public".equals(visibility)) {
            return reach.and(ListingScope::isPublic);
        }
        if ("private".equals(visibility)) {
            return reach.and(image -> !isPublic(image));
        }
        return reach; // Icehouse applies no filter for an empty visibility=
    }

    /**
     * Whether the caller may page from this image: Glance looks the marker up with the same rules as a GET
     * (any member status counts) and answers 403 when it may not.
     */
    static boolean markerVisible(StoredImage image, Profile profile, RequestContext ctx) {
        if (ctx.isAdmin() || image.owner() == null || isPublic(image) || ctx.project().equals(image.owner())) {
            return true;
        }
        if (profile.hasExtendedListing()) {
            return "community".equals(image.visibility())
                    || "shared".equals(image.visibility()) && image.member(ctx.project()) != null;
        }
        return image.member(ctx.project()) != null;
    }

    private static boolean isPublic(StoredImage image) {
        return "public".equals(image.visibility());
    }

    private static boolean memberWith(StoredImage image, String project, String memberStatus) {
        Member m = image.member(project);
        return m != null && (memberStatus.equals("all") || memberStatus.equals(m.status()));
    }
}
