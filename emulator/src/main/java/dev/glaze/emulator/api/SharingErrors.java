package dev.glaze.emulator.api;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.http.HttpError;

/**
 * The errors of the tag, member and action routes, in the words of each profile's Glance. Upstream (Zed) wraps
 * every failure in a message naming the operation and the image; Icehouse (Rackspace) passes on the message of
 * the exception underneath. The Zed texts were seen on a real Glance; the Icehouse ones come from its code, with
 * the status codes Rackspace documents where the two disagree.
 */
final class SharingErrors {
    private final boolean zed;

    private SharingErrors(boolean zed) {
        this.zed = zed;
    }

    static SharingErrors of(Profile profile) {
        return new SharingErrors(profile == Profile.OPENSTACK);
    }

    /** An unknown image, or one the caller may not see, on the tag and member routes. */
    HttpError imageNotFound(String id) {
        return HttpError.notFound(zed ? "Image " + id + " not found." : "No image found with ID " + id);
    }

    HttpError tagsForbidden(String id, String verb) {
        return HttpError.forbidden(zed
                ? "Not allowed to " + verb + " tags for image " + id + "."
                : "You are not permitted to modify tags on this image.");
    }

    HttpError tagQuota(String id, int attempted) {
        String limit = "The limit has been exceeded on the number of allowed image tags. Attempted: " + attempted
                + ", Maximum: " + ImageAttributes.TAG_QUOTA;
        return HttpError.of(413, zed ? "Image tag limit exceeded for image " + id + ": " + limit + ":" : limit);
    }

    /** Upstream's answer when the image is not {@code shared}, or the caller may not change its members. */
    HttpError membersForbidden(String id, String verb) {
        return HttpError.forbidden("Not allowed to " + verb + " members for image " + id + ".");
    }

    HttpError listOfUnsharedImage(String id) {
        return HttpError.forbidden("Not allowed to list members for image " + id + ": Only shared images have members.");
    }

    HttpError memberNotFound(String id, String memberId) {
        return HttpError.notFound(zed
                ? memberId + " not found in the member list of the image " + id + "."
                : "An object with the specified identifier was not found.");
    }

    HttpError memberQuota(String id, int attempted) {
        String limit = "The limit has been exceeded on the number of allowed image members for this image. "
                + "Attempted: " + attempted + ", Maximum: " + MembersApi.MEMBER_QUOTA;
        return HttpError.of(413, zed ? "Image member limit exceeded for image " + id + ": " + limit + ":" : limit);
    }

    HttpError duplicateMember(String id, String memberId) {
        return HttpError.conflict(zed
                ? "Member " + memberId + " is duplicated for image " + id
                : "The target member " + memberId + " is already associated with image " + id + ".");
    }

    HttpError invalidMemberStatus() {
        String message = "Status must be \"pending\", \"accepted\" or \"rejected\".";
        return HttpError.badRequest(zed ? "Incorrect request: " + message : message);
    }

    /** Icehouse: the owner of a public image asking about its members. */
    static HttpError publicImagesHaveNoMembers(int status) {
        return HttpError.of(status, "Public images do not have members.");
    }

    /** Icehouse: someone who is neither owner, admin nor the member itself looks at a membership. */
    static HttpError cannotGetMember(int status, String subject) {
        return HttpError.of(status, "You cannot get image member for " + subject);
    }

    HttpError actionNotPermitted(String action) {
        return HttpError.forbidden(zed
                ? "You do not own this image"
                : "You are not authorized to complete " + action + " action.");
    }

    static HttpError actionInWrongStatus(String action, String status) {
        return HttpError.forbidden("Not allowed to " + action + " image in status '" + status + "'");
    }
}
