package dev.glaze.emulator.api;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.RequestContext;
import dev.glaze.emulator.store.Member;
import dev.glaze.emulator.store.StoredImage;
import java.util.List;

/**
 * Who may see and change an image's members, checked in the order each profile's Glance checks it (the order
 * decides which error a caller gets when several apply). The image is already known to be visible to the caller.
 *
 * <p>Upstream (Zed, checked against a real Glance): only {@code shared} images have members; the owner adds and
 * removes, each member sets its own status, an admin may do anything. Icehouse (Rackspace): any non-public image
 * may be shared, and Rackspace documents 404 where its code would say 403 to a stranger.
 */
final class MemberRules {
    private final boolean zed;
    private final SharingErrors errors;

    MemberRules(Profile profile, SharingErrors errors) {
        this.zed = profile.membersNeedSharedVisibility();
        this.errors = errors;
    }

    /** The members the caller may list: all for the owner, only its own membership for a member. */
    List<Member> listable(StoredImage image, RequestContext ctx) {
        if (zed && !isShared(image)) {
            throw errors.listOfUnsharedImage(image.id());
        }
        if (!zed && ownsPublic(image, ctx)) {
            throw SharingErrors.publicImagesHaveNoMembers(403);
        }
        if (owns(image, ctx)) {
            return image.members();
        }
        Member own = image.member(ctx.project());
        if (own == null && !zed) {
            throw SharingErrors.cannotGetMember(404, image.id()); // Rackspace: "the response is HTTP 404"
        }
        return own == null ? List.of() : List.of(own);
    }

    void checkMayAdd(StoredImage image, RequestContext ctx) {
        if (zed) {
            if (!owns(image, ctx) || !isShared(image)) {
                throw errors.membersForbidden(image.id(), "create");
            }
            return;
        }
        if (!owns(image, ctx)) {
            // Icehouse's code says 403; Rackspace documents 404 for a caller who is not the owner.
            throw HttpError.notFound("You are not permitted to create image members for the image.");
        }
        if (isPublic(image)) {
            throw SharingErrors.publicImagesHaveNoMembers(403);
        }
    }

    Member readable(StoredImage image, RequestContext ctx, String memberId) {
        if (zed && !isShared(image)) {
            throw HttpError.notFound("Only shared images have members.");
        }
        if (!zed && ownsPublic(image, ctx)) {
            throw SharingErrors.publicImagesHaveNoMembers(404);
        }
        if (!owns(image, ctx) && !ctx.project().equals(memberId)) {
            throw zed ? errors.memberNotFound(image.id(), memberId) : SharingErrors.cannotGetMember(404, memberId);
        }
        return existing(image, memberId);
    }

    /** Only the member itself (or an admin) may set a membership's status. */
    void checkMayUpdate(StoredImage image, RequestContext ctx, String memberId) {
        if (zed && !isShared(image)) {
            throw errors.membersForbidden(image.id(), "update");
        }
        if (!zed && ownsPublic(image, ctx)) {
            throw SharingErrors.publicImagesHaveNoMembers(403);
        }
        boolean self = ctx.project().equals(memberId);
        if (!owns(image, ctx) && !self) {
            // Rackspace: "a user who is not the owner and whose tenant ID is not the {member_id}" gets 404.
            throw zed ? errors.memberNotFound(image.id(), memberId) : SharingErrors.cannotGetMember(404, memberId);
        }
        existing(image, memberId);
        if (!ctx.isAdmin() && !self) {
            throw zed
                    ? errors.membersForbidden(image.id(), "update")
                    : HttpError.forbidden("You are not permitted to modify 'status' on this image.");
        }
    }

    void checkMayRemove(StoredImage image, RequestContext ctx, String memberId) {
        if (zed) {
            if (!owns(image, ctx) || !isShared(image)) {
                throw errors.membersForbidden(image.id(), "delete");
            }
            existing(image, memberId);
            return;
        }
        if (ownsPublic(image, ctx)) {
            throw SharingErrors.publicImagesHaveNoMembers(403);
        }
        if (!owns(image, ctx) && !ctx.project().equals(memberId)) {
            throw SharingErrors.cannotGetMember(403, memberId);
        }
        existing(image, memberId);
        if (!owns(image, ctx)) {
            throw HttpError.forbidden("You cannot delete image member for " + image.id());
        }
    }

    private Member existing(StoredImage image, String memberId) {
        Member member = image.member(memberId);
        if (member == null) {
            throw errors.memberNotFound(image.id(), memberId);
        }
        return member;
    }

    private static boolean owns(StoredImage image, RequestContext ctx) {
        return ImageAccess.canChange(image, ctx);
    }

    private static boolean ownsPublic(StoredImage image, RequestContext ctx) {
        return owns(image, ctx) && isPublic(image);
    }

    private static boolean isShared(StoredImage image) {
        return "shared".equals(image.visibility());
    }

    private static boolean isPublic(StoredImage image) {
        return "public".equals(image.visibility());
    }
}
