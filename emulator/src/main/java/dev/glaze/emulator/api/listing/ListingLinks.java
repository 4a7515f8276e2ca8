package dev.glaze.emulator.api.listing;

import dev.glaze.emulator.http.Query;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code first} and {@code next} links of a listing, as Glance's serializer builds them: from
 * {@code dict(request.params)}, so a repeated parameter keeps only its last value ({@code ?tag=a&tag=b} pages on
 * with {@code tag=b} alone), each key at its first place; {@code marker} removed, and for {@code next} appended
 * last; encoded by Python's {@code urlencode}.
 */
public final class ListingLinks {
    private static final String PATH = "/v2/images";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ListingLinks() {
    }

    public static String first(Query query) {
        return first(PATH, query);
    }

    public static String next(Query query, String marker) {
        return next(PATH, query, marker);
    }

    /** The {@code first} link of the listing at {@code path} (Glance's task listing builds it the same way). */
    public static String first(String path, Query query) {
        Map<String, String> params = query.collapsed();
        params.remove("marker");
        return params.isEmpty() ? path : path + "?" + urlencode(params);
    }

    public static String next(String path, Query query, String marker) {
        Map<String, String> params = query.collapsed();
        params.remove("marker");
        params.put("marker", marker);
        return path + "?" + urlencode(params);
    }

    static String urlencode(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            quotePlus(e.getKey(), sb);
            sb.append('=');
            quotePlus(e.getValue(), sb);
        }
        return sb.toString();
    }

    /** Python's {@code quote_plus}: letters, digits and {@code _.-~} stay, space is {@code +}, the rest %XX of UTF-8. */
    static void quotePlus(String s, StringBuilder out) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '.' || c == '-' || c == '~') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }
}
