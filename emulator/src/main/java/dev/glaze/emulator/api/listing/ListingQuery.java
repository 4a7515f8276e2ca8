package dev.glaze.emulator.api.listing;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.http.Query;
import dev.glaze.emulator.store.StoredImage;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A {@code GET /v2/images} request as Glance understands it, checked in Glance's order: the request parser
 * (visibility, {@code changes-since}, member status, limit, sorting), the controller ({@code os_hidden},
 * {@code protected}), then the database's filter conditions. What is left to check needs the store: the marker
 * and, on Icehouse, the sort key.
 *
 * @param visibility the {@code visibility} filter as the database layer takes it (the first value), or null
 * @param sort the order; on Icehouse its key is checked only when asked for, after the marker, as there
 */
public record ListingQuery(int limit, String marker, String memberStatus, String visibility,
        Predicate<StoredImage> filter, SortSpec sort) {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 1000;

    private static final List<String> MEMBER_STATUSES = List.of("pending", "accepted", "rejected", "all");

    /** Parses and checks a listing request for the profile; throws Glance's 400 for what it refuses. */
    public static ListingQuery parse(Query query, Profile profile) {
        Params params = Params.of(query);
        return profile.hasExtendedListing() ? upstream(params, profile) : icehouse(params, profile);
    }

    /** Zed's {@code RequestDeserializer.index}, then {@code ImagesController.index}. */
    private static ListingQuery upstream(Params params, Profile profile) {
        String limit = params.popFirst("limit");
        String marker = params.popFirst("marker");
        String memberStatus = orDefault(params.popFirst("member_status"), "accepted");
        List<String> tags = stripped(params.popAll("tag"));
        checkVisibility(params, profile);
        String changesSince = params.last("changes-since");
        if (changesSince != null && !changesSince.isEmpty()) { // an empty one fails later, in the filters
            throw HttpError.badRequest("The \"changes-since\" filter is no longer available on v2.");
        }
        checkMemberStatus(memberStatus);
        int pageSize = limit(limit);
        SortSpec sort = SortSpec.upstream(params);

        params.removeAll("deleted"); // the controller sets its own: deleted images are never listed
        String hiddenValue = orDefault(params.last("os_hidden"), "false").toLowerCase(Locale.ROOT);
        if (!hiddenValue.equals("true") && !hiddenValue.equals("false")) {
            throw HttpError.badRequest("Invalid value '" + hiddenValue + "' for 'os_hidden' filter. "
                    + "Valid values are 'true' or 'false'.");
        }
        params.removeAll("os_hidden");
        Boolean protectedOnly = null;
        String protectedValue = params.last("protected");
        if (protectedValue != null) {
            if (!protectedValue.equals("true") && !protectedValue.equals("false")) {
                throw HttpError.badRequest("Invalid value '" + protectedValue + "' for 'protected' filter. "
                        + "Valid values are 'true' or 'false'.");
            }
            protectedOnly = protectedValue.equals("true");
            params.removeAll("protected");
        }
        String visibility = params.popFirst("visibility");
        Predicate<StoredImage> filter = ImageFilters.build(profile, params, tags, hiddenValue.equals("true"),
                protectedOnly);
        return new ListingQuery(pageSize, marker, memberStatus, visibility, filter, sort);
    }

    /**
     * Icehouse's (2014.1) deserializer: one {@code sort_key} and one {@code sort_dir} (further ones are left as
     * filters, matching nothing), no {@code sort=}, and no {@code protected}/{@code os_hidden} handling: such keys
     * fall through to plain equality filters, which match nothing. That is what Rackspace answers, so scripts that
     * use upstream's features against it see the same empty lists here.
     */
    private static ListingQuery icehouse(Params params, Profile profile) {
        String limit = params.popFirst("limit");
        String marker = params.popFirst("marker");
        String sortDir = orDefault(params.popFirst("sort_dir"), "desc");
        String memberStatus = orDefault(params.popFirst("member_status"), "accepted");
        List<String> tags = stripped(params.popAll("tag"));
        String sortKey = orDefault(params.popFirst("sort_key"), "created_at");
        SortSpec sort = SortSpec.icehouse(sortKey, sortDir);
        checkVisibility(params, profile);
        checkMemberStatus(memberStatus);
        int pageSize = limit(limit);

        params.removeAll("deleted");
        String visibility = params.popFirst("visibility");
        Predicate<StoredImage> filter = ImageFilters.build(profile, params, tags, null, null);
        return new ListingQuery(pageSize, marker, memberStatus, visibility, filter, sort);
    }

    private static void checkVisibility(Params params, Profile profile) {
        String visibility = params.last("visibility");
        if (visibility != null && !visibility.isEmpty() && !profile.listingVisibilities().contains(visibility)) {
            throw HttpError.badRequest("Invalid visibility value: " + visibility);
        }
    }

    private static void checkMemberStatus(String memberStatus) {
        if (!MEMBER_STATUSES.contains(memberStatus)) {
            throw HttpError.badRequest("Invalid status: " + memberStatus);
        }
    }

    /**
     * The page size: Python's {@code int()} of the value, at most {@link #MAX_LIMIT}; the default when absent. Glance's
     * task listing checks its {@code limit} with the same code and messages.
     */
    public static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        BigInteger limit;
        try {
            limit = PythonText.parseInt(value);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("limit param must be an integer");
        }
        if (limit.signum() < 0) {
            throw HttpError.badRequest("limit param must be positive");
        }
        return limit.min(BigInteger.valueOf(MAX_LIMIT)).intValue();
    }

    private static List<String> stripped(List<String> values) {
        return values.stream().map(PythonText::strip).toList();
    }

    private static String orDefault(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
