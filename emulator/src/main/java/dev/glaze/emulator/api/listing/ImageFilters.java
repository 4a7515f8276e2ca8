package dev.glaze.emulator.api.listing;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.api.ImageAttributes;
import dev.glaze.emulator.http.HttpError;
import dev.glaze.emulator.store.StoredImage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The filter part of a listing: Glance's {@code _make_conditions_from_filters}, fed with the parameters the
 * request parser left over. Keys are handled in Glance's order (so the first error is Glance's first error):
 * the fixed ones, then range and operator filters in query order, then any other key as a column or, failing that,
 * an extra property that must equal the value exactly.
 */
final class ImageFilters {
    private static final Set<String> OPERATOR_COLUMNS = Set.of("name", "id", "status", "container_format", "disk_format");

    private final Profile profile;
    private final List<Predicate<StoredImage>> conditions = new ArrayList<>();

    private ImageFilters(Profile profile) {
        this.profile = profile;
    }

    /**
     * @param tags the {@code tag} values (all must be on the image); empty when none was given
     * @param hidden upstream's {@code os_hidden} choice (null on rackspace, which has no such filter)
     * @param protectedOnly upstream's {@code protected} choice, or null for either
     */
    static Predicate<StoredImage> build(Profile profile, Params params, List<String> tags, Boolean hidden,
            Boolean protectedOnly) {
        ImageFilters f = new ImageFilters(profile);
        f.fixed(params, tags, hidden, protectedOnly);
        f.rest(params.remaining());
        List<Predicate<StoredImage>> all = f.conditions;
        return image -> {
            for (Predicate<StoredImage> p : all) {
                if (!p.test(image)) {
                    return false;
                }
            }
            return true;
        };
    }

    private void fixed(Params params, List<String> tags, Boolean hidden, Boolean protectedOnly) {
        if (hidden != null) {
            conditions.add(image -> hidden == Boolean.TRUE.equals(image.get("os_hidden")));
        }
        if (protectedOnly != null) {
            conditions.add(image -> protectedOnly == Boolean.TRUE.equals(image.get("protected")));
        }
        String checksum = params.popFirst("checksum");
        if (checksum != null) {
            conditions.add(image -> Column.CHECKSUM.matchesText(image, checksum));
        }
        if (profile.hasExtendedListing()) {
            String hash = params.popFirst("os_hash_value");
            if (hash != null) {
                conditions.add(image -> Column.OS_HASH_VALUE.matchesText(image, hash));
            }
        } else {
            String isPublic = params.popFirst("is_public"); // Icehouse looks for a property of that name
            if (isPublic != null) {
                conditions.add(image -> property(image, "is_public", isPublic));
            }
        }
        if (params.has("properties")) {
            throw notFilterable("properties"); // Glance: 500 ('str' object has no attribute 'items')
        }
        if (params.has("changes-since")) {
            // Zed refuses a non-empty value with this message and fails with 500 on an empty one; Icehouse fails
            // with 500 on any. The emulator refuses them all.
            throw HttpError.badRequest("The \"changes-since\" filter is no longer available on v2.");
        }
        conditions.add(image -> !"killed".equals(image.status()));
        List<String> wanted = tags;
        if (!wanted.isEmpty()) {
            params.removeAll("tags"); // Glance sets filters['tags'] to the tag list, replacing any "tags" parameter
        } else if (params.has("tags")) {
            // a "tags" parameter (not "tag") is a string, and Glance iterates it: tags=ab wants tags "a" and "b"
            wanted = params.popFirst("tags").codePoints().mapToObj(Character::toString).toList();
        }
        if (!wanted.isEmpty()) {
            List<String> all = List.copyOf(wanted);
            conditions.add(image -> hasTags(image, all));
        }
    }

    private void rest(Map<String, String> remaining) {
        for (Map.Entry<String, String> e : List.copyOf(remaining.entrySet())) {
            String key = e.getKey();
            String value = e.getValue();
            if (key.endsWith("_min") || key.endsWith("_max")) {
                range(key, value);
            } else if (profile.hasExtendedListing() && (key.equals("created_at") || key.equals("updated_at"))) {
                TimeCondition.add(conditions, Column.named(key, profile), value);
            } else if (profile.hasExtendedListing() && OPERATOR_COLUMNS.contains(key)) {
                operator(Column.named(key, profile), value);
            } else {
                continue;
            }
            remaining.remove(key);
        }
        for (Map.Entry<String, String> e : remaining.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            Column column = Column.named(key, profile);
            if (column != null) {
                conditions.add(image -> column.matchesText(image, value));
            } else if (Column.RELATIONS.contains(key)) {
                throw notFilterable(key); // Glance: 500 (comparing a relation with a string)
            } else {
                conditions.add(image -> property(image, key, value));
            }
        }
    }

    private void range(String key, String value) {
        BigInteger bound;
        try {
            bound = PythonText.parseInt(value);
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("Unable to filter on a range with a non-numeric value.");
        }
        String stem = key.substring(0, key.length() - 4);
        Column column = Column.named(stem, profile);
        if (column == null) {
            // Glance fails with 500 (AttributeError) here; a clear 400 serves a client better.
            throw HttpError.badRequest("Unable to filter on a range of '" + stem + "': images have no such attribute. "
                    + "Ranges work on size, virtual_size, min_disk and min_ram.");
        }
        boolean lower = key.endsWith("_min");
        conditions.add(image -> column.inRange(image, bound, lower));
    }

    private void operator(Column column, String value) {
        FilterValues.Operation op = FilterValues.split(value);
        switch (op.operator()) {
            case "in" -> {
                Set<String> allowed = new HashSet<>(FilterValues.inList(op.operand()));
                conditions.add(image -> column.value(image) instanceof String s && allowed.contains(s));
            }
            case "eq" -> conditions.add(image -> column.matchesText(image, op.operand()));
            default -> throw HttpError.badRequest("Unable to filter by unknown operator '" + op.operator() + "'.");
        }
    }

    /** An extra property with exactly this value (base attributes are columns, never properties). */
    private static boolean property(StoredImage image, String key, String value) {
        return !ImageAttributes.isBase(key) && value.equals(image.get(key));
    }

    private static boolean hasTags(StoredImage image, List<String> wanted) {
        Object tags = image.get("tags");
        return tags instanceof List<?> list && list.containsAll(wanted);
    }

    private static HttpError notFilterable(String key) {
        return HttpError.badRequest("Unable to filter on '" + key + "': it is a relation of the image, "
                + "not an attribute or property.");
    }
}
