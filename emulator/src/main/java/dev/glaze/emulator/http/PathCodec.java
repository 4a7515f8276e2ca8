package dev.glaze.emulator.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of a request path ('+' stays '+', unlike in a query string), the way a Python WSGI server
 * fills {@code PATH_INFO}: the whole path is decoded before it is split, so {@code %2F} separates segments, and
 * the bytes become characters one to one (ISO-8859-1), so nothing is lost whatever they encode.
 */
final class PathCodec {
    private PathCodec() {
    }

    /** The decoded path as a "WSGI string": one char per byte. */
    static String decodeWsgi(String rawPath) {
        return new String(decode(rawPath), StandardCharsets.ISO_8859_1);
    }

    /** Reads a WSGI string's bytes as the UTF-8 text a client meant (malformed bytes become U+FFFD). */
    static String utf8(String wsgi) {
        for (int i = 0; i < wsgi.length(); i++) {
            if (wsgi.charAt(i) > 0x7f) {
                return new String(wsgi.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
        }
        return wsgi;
    }

    private static byte[] decode(String path) {
        byte[] raw = path.getBytes(StandardCharsets.UTF_8);
        if (path.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                out.write(raw[i]);
                continue;
            }
            int hi = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int lo = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (hi < 0 || lo < 0) {
                throw HttpError.badRequest("Invalid percent-encoding in the path: " + path);
            }
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toByteArray();
    }
}
