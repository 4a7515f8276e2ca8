package dev.glaze.emulator.api;

import dev.glaze.emulator.Profile;
import dev.glaze.emulator.http.Exchange;
import dev.glaze.emulator.http.HttpError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a PATCH request the way Glance's request deserializer does, before the image is even looked up: the
 * media type, the body's shape, each operation's name, its restricted JSON pointer, its value and the schema's
 * verdict on that value. The first problem found is thrown with Glance's status and message.
 */
final class ImagePatchParser {
    static final String DRAFT_4 = "application/openstack-images-v2.0-json-patch";
    static final String DRAFT_10 = "application/openstack-images-v2.1-json-patch";

    /** The media types in the order Glance lists them in {@code Accept-Patch} (sorted). */
    private static final String ACCEPT_PATCH = DRAFT_4 + ", " + DRAFT_10;
    private static final List<String> OPERATIONS = List.of("add", "remove", "replace");
    private static final String OPERATION_LIST = "add, remove, replace";
    /** Names a PATCH may not touch as reserved; unlike on create, {@code locations} has its own rules here. */
    private static final List<String> RESERVED = List.of("location", "deleted", "deleted_at");

    private static final Pattern ADJACENT_SLASHES = Pattern.compile("/\\s*?/", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern BAD_ESCAPE = Pattern.compile("~[^01]");

    /** A parsed PATCH: its operations, in order, and whether it came in the old draft-4 dialect. */
    record Parsed(List<PatchOperation> operations, boolean draft4) {
    }

    private final Profile profile;

    ImagePatchParser(Profile profile) {
        this.profile = profile;
    }

    Parsed parse(Exchange ex) throws IOException {
        boolean draft4 = draft4(ex.header("Content-Type"));
        Object body = ex.json();
        if (!(body instanceof List<?> list)) {
            throw HttpError.badRequest(body instanceof Map<?, ?>
                    ? "Request body must be a JSON array of operation objects."
                    : "Unexpected body type. Expected list/dict.");
        }
        List<PatchOperation> operations = new ArrayList<>();
        for (Object raw : list) {
            if (!(raw instanceof Map<?, ?> change)) {
                throw HttpError.badRequest("Operations must be JSON objects.");
            }
            operations.add(operation(change, draft4));
        }
        return new Parsed(operations, draft4);
    }

    /** True for the draft-4 media type, false for draft 10; anything else is Glance's 415. */
    private static boolean draft4(String contentType) {
        // Like WebOb: parameters are dropped, the type itself is compared as sent (case and all), and a request
        // without the header counts as text/plain.
        String raw = contentType == null ? "text/plain" : contentType.trim();
        int semi = raw.indexOf(';');
        String type = (semi < 0 ? raw : raw.substring(0, semi)).trim();
        if (type.equals(DRAFT_4)) {
            return true;
        }
        if (type.equals(DRAFT_10)) {
            return false;
        }
        throw HttpError.unsupportedMediaType(raw, null).header("Accept-Patch", ACCEPT_PATCH);
    }

    private PatchOperation operation(Map<?, ?> change, boolean draft4) {
        String op = draft4 ? draft4Operation(change) : draft10Operation(change);
        Object pointer;
        if (draft4) {
            pointer = change.get(op);
        } else if (change.containsKey("path")) {
            pointer = change.get("path");
        } else {
            throw HttpError.badRequest("Unable to find 'path' in JSON Schema change");
        }
        List<String> path = decodePointer(pointer);
        int allowedDepth = path.get(0).equals("locations") && !op.equals("replace") ? 2 : 1;
        if (path.size() != allowedDepth) {
            throw HttpError.badRequest("Invalid JSON pointer for this resource: '/" + String.join("/", path) + "'");
        }
        Object value = null;
        if (!op.equals("remove")) {
            if (!change.containsKey("value")) {
                throw HttpError.badRequest("Operation \"" + op + "\" requires a member named \"value\".");
            }
            value = change.get("value");
        }
        PatchOperation operation = new PatchOperation(op, path, value);
        checkNameAndValue(operation);
        return operation;
    }

    private String draft10Operation(Map<?, ?> change) {
        Object op = change.get("op");
        if (op == null) {
            throw HttpError.badRequest(profile.listsPatchOperations()
                    ? "Unable to find `op` in JSON Schema change. It must be one of the following: "
                            + OPERATION_LIST + "."
                    : "Unable to find 'op' in JSON Schema change");
        }
        if (!OPERATIONS.contains(op)) {
            // Icehouse (Rackspace) does not check the name and fails with a 500 when it cannot find a handler for
            // it; a server error is never the right answer to bad input, so both profiles give upstream's 400.
            throw HttpError.badRequest("Invalid operation: `" + pythonStr(op) + "`. It must be one of the following: "
                    + OPERATION_LIST + ".");
        }
        return (String) op;
    }

    private static String draft4Operation(Map<?, ?> change) {
        String op = null;
        for (String candidate : OPERATIONS) {
            if (change.containsKey(candidate)) {
                if (op != null) {
                    throw HttpError.badRequest(
                            "Operation objects must contain only one member named \"add\", \"remove\", or \"replace\".");
                }
                op = candidate;
            }
        }
        if (op == null) {
            throw HttpError.badRequest(
                    "Operation objects must contain exactly one member named \"add\", \"remove\", or \"replace\".");
        }
        return op;
    }

    /**
     * Glance's restricted JSON pointer: checked as sent, then split on "/", unescaped ({@code ~1} then {@code ~0})
     * and stripped of blanks. Leading slashes are all dropped, as Python's {@code lstrip('/')} does.
     */
    static List<String> decodePointer(Object raw) {
        // A pointer that is not a string crashes Glance (500); it is as bad as one without a leading "/".
        String pointer = raw instanceof String s ? s : pythonStr(raw);
        if (!(raw instanceof String) || !pointer.startsWith("/")) {
            throw HttpError.badRequest("Pointer `" + pointer + "` does not start with \"/\".");
        }
        if (ADJACENT_SLASHES.matcher(pointer.substring(1)).find()) {
            throw HttpError.badRequest("Pointer `" + pointer + "` contains adjacent \"/\".");
        }
        if (pointer.length() > 1 && pointer.endsWith("/")) {
            throw HttpError.badRequest("Pointer `" + pointer + "` end with \"/\".");
        }
        if (pointer.substring(1).strip().equals("/")) {
            throw HttpError.badRequest("Pointer `" + pointer + "` does not contains valid token.");
        }
        if (BAD_ESCAPE.matcher(pointer).find() || pointer.endsWith("~")) {
            throw HttpError.badRequest(
                    "Pointer `" + pointer + "` contains \"~\" not part of a recognized escape sequence.");
        }
        String tokens = pointer.replaceFirst("^/+", "");
        List<String> path = new ArrayList<>();
        for (String part : tokens.split("/", -1)) {
            path.add(part.replace("~1", "/").replace("~0", "~").strip());
        }
        return path;
    }

    /** Glance's per-operation checks of the name (403) and, for add and replace, of the value alone (400). */
    private void checkNameAndValue(PatchOperation operation) {
        String name = operation.root();
        if (operation.isRemove() && !profile.patchChecksNamesOnRemove()) {
            // Icehouse skips these checks on remove; only Rackspace's own property protection still applies.
            if (profile.protectsProviderProperties() && name.startsWith("com.rackspace")) {
                throw reserved(name);
            }
            return;
        }
        if (ImageAttributes.READ_ONLY.contains(name)) {
            throw HttpError.forbidden("Attribute '" + name + "' is read-only.");
        }
        if (RESERVED.contains(name) || name.startsWith("os_glance")
                || profile.reservesOwner() && name.equals("owner")
                || profile.protectsProviderProperties() && name.startsWith("com.rackspace")) {
            throw reserved(name);
        }
        if (!profile.hasModernAttributes() && ImageAttributes.MODERN_ONLY.contains(name)) {
            // Icehouse would take os_hidden as an ordinary property; this emulator keeps the name for the upstream
            // base attribute, so the Rackspace profile refuses it rather than mix the two.
            throw reserved(name);
        }
        if (operation.isRemove()) {
            return;
        }
        if (name.equals("locations")) {
            PatchLocations.checkSchema(operation);
        } else {
            ImageAttributes.checkSchema(name, integral(name, operation.value()), profile);
        }
    }

    private static HttpError reserved(String name) {
        return HttpError.forbidden("Attribute '" + name + "' is reserved.");
    }

    /**
     * The schema takes a whole float such as {@code 1.0} as an integer (jsonschema does); it is kept as one.
     */
    static Object integral(String name, Object value) {
        if ((name.equals("min_ram") || name.equals("min_disk")) && value instanceof Double d
                && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p63) {
            return d.longValue();
        }
        return value;
    }

    /** What Python's {@code str()} shows for a JSON value: strings bare, everything else as its repr. */
    private static String pythonStr(Object value) {
        return value instanceof String s ? s : ImageAttributes.repr(value);
    }
}
