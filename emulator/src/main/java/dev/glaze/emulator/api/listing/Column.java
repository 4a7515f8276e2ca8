package dev.glaze.emulator.api.listing;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.store.StoredImage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of Glance's {@code images} table, which decide how a listing filter or sort key is read: a key that
 * names a column compares with it, any other key is an extra-property filter. Comparisons follow the SQLite database
 * a Debian Glance runs on: a number-like value matches an integer column, and a text or time column is "greater"
 * than any integer (so {@code name_min=1} matches every named image and {@code name_max=1} none).
 */
enum Column {
    ID("id", Kind.TEXT, Scope.BOTH),
    NAME("name", Kind.TEXT, Scope.BOTH),
    DISK_FORMAT("disk_format", Kind.TEXT, Scope.BOTH),
    CONTAINER_FORMAT("container_format", Kind.TEXT, Scope.BOTH),
    SIZE("size", Kind.INTEGER, Scope.BOTH),
    VIRTUAL_SIZE("virtual_size", Kind.INTEGER, Scope.BOTH),
    STATUS("status", Kind.TEXT, Scope.BOTH),
    VISIBILITY("visibility", Kind.TEXT, Scope.OPENSTACK),
    /** Icehouse stored a flag where later Glance stores {@code visibility}. */
    IS_PUBLIC("is_public", Kind.BOOLEAN, Scope.RACKSPACE),
    CHECKSUM("checksum", Kind.TEXT, Scope.BOTH),
    OS_HASH_ALGO("os_hash_algo", Kind.TEXT, Scope.OPENSTACK),
    OS_HASH_VALUE("os_hash_value", Kind.TEXT, Scope.OPENSTACK),
    MIN_DISK("min_disk", Kind.INTEGER, Scope.BOTH),
    MIN_RAM("min_ram", Kind.INTEGER, Scope.BOTH),
    OWNER("owner", Kind.TEXT, Scope.BOTH),
    PROTECTED("protected", Kind.BOOLEAN, Scope.BOTH),
    OS_HIDDEN("os_hidden", Kind.BOOLEAN, Scope.OPENSTACK),
    CREATED_AT("created_at", Kind.TIME, Scope.BOTH),
    UPDATED_AT("updated_at", Kind.TIME, Scope.BOTH),
    /** Listed images are never deleted: the column is always null. */
    DELETED_AT("deleted_at", Kind.TIME, Scope.BOTH),
    DELETED("deleted", Kind.BOOLEAN, Scope.BOTH);

    enum Kind { TEXT, INTEGER, BOOLEAN, TIME }

    private enum Scope { BOTH, OPENSTACK, RACKSPACE }

    /**
     * The image's relations (other tables): Glance answers 500 to a filter on them; the emulator answers 400.
     */
    static final Set<String> RELATIONS = Set.of("properties", "locations", "members", "tags");

    private static final Pattern SQL_NUMBER =
            Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    final String wireName;
    final Kind kind;
    private final Scope scope;

    Column(String wireName, Kind kind, Scope scope) {
        this.wireName = wireName;
        this.kind = kind;
        this.scope = scope;
    }

    /** The column of this name in the profile's schema, or null when the name is not a column there. */
    static Column named(String name, Profile profile) {
        for (Column c : values()) {
            if (c.wireName.equals(name) && c.existsIn(profile)) {
                return c;
            }
        }
        return null;
    }

    boolean existsIn(Profile profile) {
        return scope == Scope.BOTH || (scope == Scope.OPENSTACK) == (profile == Profile.OPENSTACK);
    }

    /** The column's value for an image: a String, Number, Boolean, or null. */
    Object value(StoredImage image) {
        return switch (this) {
            case IS_PUBLIC -> "public".equals(image.visibility());
            case DELETED -> Boolean.FALSE;
            case DELETED_AT -> null;
            default -> image.get(wireName);
        };
    }

    /** {@code column == 'text'} as the database decides it. */
    boolean matchesText(StoredImage image, String text) {
        Object value = value(image);
        if (value == null) {
            return false;
        }
        return switch (kind) {
            case TEXT, TIME -> text.equals(String.valueOf(value));
            case INTEGER, BOOLEAN -> {
                BigDecimal wanted = decimal(text);
                yield wanted != null && wanted.compareTo(numeric(value)) == 0;
            }
        };
    }

    /** {@code column >= bound} (or {@code <=}) with an integer bound, as the database decides it. */
    boolean inRange(StoredImage image, BigInteger bound, boolean lower) {
        Object value = value(image);
        if (value == null) {
            return false;
        }
        if (kind == Kind.TEXT || kind == Kind.TIME) {
            return lower; // text sorts after every integer
        }
        int cmp = numeric(value).compareTo(new BigDecimal(bound));
        return lower ? cmp >= 0 : cmp <= 0;
    }

    static BigDecimal numeric(Object value) {
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof Long || value instanceof Integer) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        BigDecimal d = decimal(String.valueOf(value));
        return d == null ? BigDecimal.ZERO : d;
    }

    /** A text that SQLite would take as a number, as that number; null otherwise. */
    private static BigDecimal decimal(String text) {
        String t = text.strip();
        return SQL_NUMBER.matcher(t).matches() ? new BigDecimal(t) : null;
    }
}
