package dev.glaze.emulator.api;

import java.util.List;
import java.util.Set;

/**
 * The extra properties that upstream Glance's {@code etc/schema-image.json} (installed by every distribution)
 * types more strictly than "a string". Only the ones whose rule is not simply "string" are listed.
 */
final class OperatorProperties {
    private static final Set<String> UUID_OR_NULL = Set.of("kernel_id", "ramdisk_id");
    private static final String DELETION_POLICY = "cinder_encryption_key_deletion_policy";
    private static final List<String> DELETION_POLICIES = List.of("on_image_deletion", "do_not_delete");

    private OperatorProperties() {
    }

    /** True for the properties whose schema allows null, which Glance then shows as null rather than "". */
    static boolean nullable(String name) {
        return UUID_OR_NULL.contains(name);
    }

    static boolean defines(String name) {
        return UUID_OR_NULL.contains(name) || name.equals(DELETION_POLICY);
    }

    /** Throws Glance's schema 400 when the value does not fit the property's rule. */
    static void check(String name, Object value) {
        if (UUID_OR_NULL.contains(name)) {
            if (value == null) {
                return;
            }
            if (!(value instanceof String s)) {
                throw ImageAttributes.schema(ImageAttributes.repr(value) + " is not of type 'null', 'string'");
            }
            if (!ImageAttributes.isUuid(s)) {
                throw ImageAttributes.schema(ImageAttributes.repr(value) + " does not match '"
                        + "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$'");
            }
        } else if (!(value instanceof String)) {
            throw ImageAttributes.schema(ImageAttributes.repr(value) + " is not of type 'string'");
        } else if (!DELETION_POLICIES.contains(value)) {
            throw ImageAttributes.schema(ImageAttributes.repr(value) + " is not one of "
                    + "['on_image_deletion', 'do_not_delete']");
        }
    }
}
