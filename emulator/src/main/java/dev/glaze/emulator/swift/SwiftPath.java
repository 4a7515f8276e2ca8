package dev.glaze.emulator.swift;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a {@code /v1/...} path names, split as Swift's proxy splits it: the whole path is percent-decoded first,
 * then cut into account, container and the rest, which is the object name (slashes and all). So {@code %2F} in a
 * container segment ends the container, as in Swift, and a container name never holds a {@code /}.
 */
record SwiftPath(String account, String container, String object) {
    enum Level { ACCOUNT, CONTAINER, OBJECT }

    Level level() {
        if (!object.isEmpty()) {
            return Level.OBJECT;
        }
        return container.isEmpty() ? Level.ACCOUNT : Level.CONTAINER;
    }

    /**
     * @param rawRest the raw path after {@code /v1}, e.g. {@code /AUTH_p/images/web%20gold.vhd}
     * @throws SwiftException 404 without an account (Swift's answer to {@code /v1} and {@code /v1/}), 400 for a path
     *         that is not UTF-8 or names an object without a container ({@code /v1/AUTH_p//o})
     */
    static SwiftPath parse(String rawRest) {
        String path = ObjectNames.decodeUtf8(percentDecode(rawRest));
        if (!path.startsWith("/")) {
            throw SwiftException.notFound();
        }
        String[] parts = path.substring(1).split("/", 3);
        String account = parts[0];
        String container = parts.length > 1 ? parts[1] : "";
        String object = parts.length > 2 ? parts[2] : "";
        if (account.isEmpty()) {
            throw SwiftException.notFound();
        }
        if (container.isEmpty() && !object.isEmpty()) {
            throw SwiftException.badRequest("Container name may not be empty");
        }
        return new SwiftPath(account, container, object);
    }

    /** Python's {@code unquote} to bytes: a {@code %} not followed by two hex digits stays as it is. */
    static byte[] percentDecode(String raw) {
        byte[] in = raw.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length) {
                int hi = Character.digit(in[i + 1], 16);
                int lo = Character.digit(in[i + 2], 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            out.write(in[i]);
        }
        return out.toByteArray();
    }
}
