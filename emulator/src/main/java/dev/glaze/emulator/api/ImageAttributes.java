package dev.glaze.emulator.api;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.http.HttpError;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The base attributes of a Glance image, which of them a user may set, and the checks Glance's schema makes
 * on a value. Everything else on an image is an extra property whose value must be a string.
 */
public final class ImageAttributes {
    /** Base attributes in the order Glance writes them (extra properties come first). */
    public static final List<String> BASE_ORDER = List.of(
            "name", "disk_format", "container_format", "visibility", "size", "virtual_size", "status", "checksum",
            "protected", "min_ram", "min_disk", "owner", "os_hidden", "os_hash_algo", "os_hash_value", "id",
            "created_at", "updated_at", "tags");

    /** Base attributes upstream Glance has and Icehouse-era Rackspace does not. */
    public static final Set<String> MODERN_ONLY = Set.of("os_hidden", "os_hash_algo", "os_hash_value", "virtual_size");

    /** Links rendered on every image; a user naming them gets 403 read-only. */
    public static final Set<String> DISALLOWED = Set.of("direct_url", "self", "file", "schema", "stores");

    public static final Set<String> READ_ONLY = Set.of(
            "created_at", "updated_at", "status", "checksum", "size", "virtual_size", "direct_url", "self", "file",
            "schema", "id", "os_hash_algo", "os_hash_value");

    public static final Set<String> RESERVED = Set.of("location", "deleted", "deleted_at", "locations");

    public static final List<String> DISK_FORMATS_OPENSTACK = List.of(
            "ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop");
    public static final List<String> DISK_FORMATS_RACKSPACE = List.of(
            "ami", "ari", "aki", "vhd", "vmdk", "raw", "qcow2", "vdi", "iso");
    public static final List<String> CONTAINER_FORMATS_OPENSTACK = List.of(
            "ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed");
    public static final List<String> CONTAINER_FORMATS_RACKSPACE = List.of("ami", "ari", "aki", "bare", "ovf");

    public static final int PROPERTY_QUOTA = 128;
    public static final int TAG_QUOTA = 128;

    private static final Pattern UUID = Pattern.compile(
            "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$");

    private ImageAttributes() {
    }

    public static boolean isBase(String name) {
        return BASE_ORDER.contains(name);
    }

    /** True for a base attribute this profile shows. */
    public static boolean isBase(String name, Profile profile) {
        return isBase(name) && (profile.hasModernAttributes() || !MODERN_ONLY.contains(name));
    }

    public static boolean isUuid(String s) {
        return s != null && UUID.matcher(s).matches();
    }

    public static List<String> diskFormats(Profile profile) {
        return profile == Profile.OPENSTACK ? DISK_FORMATS_OPENSTACK : DISK_FORMATS_RACKSPACE;
    }

    public static List<String> containerFormats(Profile profile) {
        return profile == Profile.OPENSTACK ? CONTAINER_FORMATS_OPENSTACK : CONTAINER_FORMATS_RACKSPACE;
    }

    /** The 403 Glance gives for a name a user may never set, or null when the name is allowed. */
    public static HttpError forbiddenName(String name, Profile profile) {
        if (DISALLOWED.contains(name) || READ_ONLY.contains(name) && !name.equals("id")) {
            return HttpError.forbidden("Attribute '" + name + "' is read-only.");
        }
        if (RESERVED.contains(name) || name.startsWith("os_glance")) {
            return HttpError.forbidden("Attribute '" + name + "' is reserved.");
        }
        if (profile.protectsProviderProperties() && name.startsWith("com.rackspace")) {
            return HttpError.forbidden("Attribute '" + name + "' is reserved.");
        }
        return null;
    }

    /**
     * Checks one value against the image schema; throws Glance's 400 ("Provided object does not match schema
     * 'image': ...") when it does not fit, and its 400/413 for a negative {@code min_*} or too many tags.
     */
    public static void validate(String name, Object value, Profile profile) {
        if (!isBase(name) && name.length() > 255) {
            throw schema("Custom property should not be greater than 255 characters.");
        }
        checkSchema(name, value, profile);
        checkLimits(name, value);
        if (!isBase(name) && value instanceof String s && s.length() > 65535) {
            throw schema(repr(value) + " is too long");
        }
    }

    /**
     * The image schema's verdict on one value alone, as Glance's PATCH asks it for each operation: types,
     * enums, lengths and patterns, but not the domain's limits (negative {@code min_*}, tag quota), which
     * Glance checks later, when it applies the change.
     */
    public static void checkSchema(String name, Object value, Profile profile) {
        switch (name) {
            case "name" -> {
                if (value != null && !(value instanceof String)) {
                    throw schema(repr(value) + " is not of type 'null', 'string'");
                }
                if (value != null && ((String) value).length() > 255) {
                    throw schema(repr(value) + " is too long");
                }
            }
            case "disk_format" -> enumOrNull(value, diskFormats(profile));
            case "container_format" -> enumOrNull(value, containerFormats(profile));
            case "visibility" -> {
                if (!(value instanceof String) || !profile.visibilities().contains(value)) {
                    throw schema(repr(value) + " is not one of " + pyList(profile.visibilities(), false));
                }
            }
            case "protected", "os_hidden" -> {
                if (!(value instanceof Boolean)) {
                    throw schema(repr(value) + " is not of type 'boolean'");
                }
            }
            case "min_ram", "min_disk" -> {
                if (!(value instanceof Long)) {
                    throw schema(repr(value) + " is not of type 'integer'");
                }
            }
            case "tags" -> {
                if (!(value instanceof List<?> list)) {
                    throw schema(repr(value) + " is not of type 'array'");
                }
                for (Object tag : list) {
                    if (!(tag instanceof String)) {
                        throw schema(repr(tag) + " is not of type 'string'");
                    }
                    if (((String) tag).length() > 255) {
                        throw schema(repr(tag) + " is too long");
                    }
                }
            }
            case "owner" -> {
                if (value != null && !(value instanceof String)) {
                    throw schema(repr(value) + " is not of type 'null', 'string'");
                }
            }
            case "id" -> {
                if (!(value instanceof String) || !isUuid((String) value)) {
                    throw schema(repr(value) + " does not match '" + UUID.pattern() + "'");
                }
            }
            default -> {
                if (profile.hasOperatorImageSchema() && OperatorProperties.defines(name)) {
                    OperatorProperties.check(name, value);
                } else if (!(value instanceof String)) {
                    throw schema(repr(value) + " is not of type 'string'");
                }
            }
        }
    }

    /** The limits Glance's domain objects enforce when a value is set (after the schema has passed). */
    private static void checkLimits(String name, Object value) {
        if ((name.equals("min_ram") || name.equals("min_disk")) && (Long) value < 0) {
            throw negative(name, value);
        }
        if (name.equals("tags")) {
            long distinct = ((List<?>) value).stream().distinct().count();
            if (distinct > TAG_QUOTA) {
                throw tagQuota(distinct);
            }
        }
    }

    public static HttpError negative(String name, Object value) {
        return HttpError.badRequest(
                "Invalid value '" + value + "' for parameter '" + name + "': Cannot be a negative value");
    }

    public static HttpError tagQuota(long attempted) {
        return HttpError.of(413, "The limit has been exceeded on the number of allowed image tags. "
                + "Attempted: " + attempted + ", Maximum: " + TAG_QUOTA);
    }

    public static HttpError propertyQuota(long attempted) {
        return HttpError.of(413, "The limit has been exceeded on the number of allowed image properties. "
                + "Attempted: " + attempted + ", Maximum: " + PROPERTY_QUOTA);
    }

    private static void enumOrNull(Object value, List<String> allowed) {
        if (value != null && !(value instanceof String && allowed.contains(value))) {
            throw schema(repr(value) + " is not one of " + pyList(allowed, true));
        }
    }

    public static HttpError schema(String message) {
        return HttpError.badRequest("Provided object does not match schema 'image': " + message);
    }

    /** A value as Python's repr shows it, as in jsonschema messages. */
    public static String repr(Object value) {
        if (value == null) {
            return "None";
        } else if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        } else if (value instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (value instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(repr(l.get(i)));
            }
            return sb.append(']').toString();
        } else if (value instanceof java.util.Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            int i = 0;
            for (var e : m.entrySet()) {
                sb.append(i++ == 0 ? "" : ", ").append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
            }
            return sb.append('}').toString();
        }
        return String.valueOf(value);
    }

    private static String pyList(List<String> values, boolean withNone) {
        StringBuilder sb = new StringBuilder("[");
        if (withNone) {
            sb.append("None");
        }
        for (String v : values) {
            sb.append(sb.length() > 1 ? ", " : "").append('\'').append(v).append('\'');
        }
        return sb.append(']').toString();
    }
}
